"""Translation: the library's own words (``ui``) and the content's catalogues.

- :mod:`.units`: the translatable units of a document and the document rebuilt
  from their translations;
- :mod:`.catalogs`: ``.pot``/``.po``/``.mo`` files for the content, through Babel;
- :mod:`.markup`: what a translation must keep (placeholders, tags, links);
- :mod:`.babel_extractor`: ``pybabel extract`` support for content files.
"""
