"""Ids: slugs, collisions, reserved ids, prefixes, explicit ids."""

from __future__ import annotations

import pytest

from dsfr_accordion import ContentError, Document, IdAllocator, Item, Paragraph, Testimonial
from dsfr_accordion.ids import allocate_ids, allocate_question_ids, slugify
from dsfr_accordion.syntax import SAFE_ID


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Géoplateforme", "geoplateforme"),
        ("La Géoplateforme", "la-geoplateforme"),
        ("Les systèmes d’information de l’ANS", "les-systemes-d-information-de-l-ans"),
        ("Cœur & Œuvre", "coeur-oeuvre"),
        ("Straße Ærø", "strasse-aero"),
        ("  --Déjà vu!!  ", "deja-vu"),
        ("2024 : le bilan", "accordion-2024-le-bilan"),
        ("!!!", "accordion"),
        ("", "accordion"),
        ("🚀🚀", "accordion"),
        ("Ελληνικά", "accordion"),
        ("e\u0301te\u0301", "ete"),
    ],
)
def test_slugify(title: str, slug: str):
    assert slugify(title) == slug


def test_slugify_cuts_long_titles_at_a_word_boundary():
    slug = slugify("Quels ont été les principaux défis organisationnels rencontrés et comment")
    assert slug == "quels-ont-ete-les-principaux-defis"
    assert len(slug) <= 48
    assert len(slugify("a" * 100)) == 48
    assert slugify("1" * 100) == "accordion"
    assert len(slugify("2024 " + "mot " * 30)) <= 48


def test_collisions_are_suffixed_in_order():
    ids = IdAllocator()
    assert [ids.allocate("Projet") for _ in range(3)] == ["projet", "projet-2", "projet-3"]


def test_reserved_ids_are_skipped():
    ids = IdAllocator(reserved=["projet", "projet-2"])
    assert ids.allocate("Projet") == "projet-3"


def test_prefix_goes_before_every_id():
    ids = IdAllocator(prefix="faq-")
    assert ids.allocate("Projet") == "faq-projet"
    assert ids.claim("geo") == "faq-geo"


@pytest.mark.parametrize("prefix", ["1x", "a b", 'a"', "é-"])
def test_invalid_prefix_is_refused(prefix: str):
    with pytest.raises(Exception, match="invalid id prefix"):
        IdAllocator(prefix=prefix)


def _doc(*pairs: tuple[str, str | None]) -> Document:
    return Document(
        title="T",
        testimonials=tuple(
            Testimonial(title=title, id=explicit, items=(Item("Q", (Paragraph("R"),)),))
            for title, explicit in pairs
        ),
    )


def test_explicit_ids_are_claimed_before_generated_ones():
    assert allocate_ids(_doc(("Projet", None), ("Autre", "projet")), IdAllocator()) == (
        "projet-2",
        "projet",
    )


def test_duplicate_explicit_ids_are_refused():
    with pytest.raises(ContentError, match="id 'geo' is already used by another testimonial"):
        allocate_ids(_doc(("A", "geo"), ("B", "geo")), IdAllocator())


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("a b", "white space"),
        ('a"b', "a quote"),
        ("a\\b", "a backslash"),
        ("1abc", "does not start with a letter"),
        ("géo", "non-ASCII"),
        ("a.b", "other than letters"),
        ("", "empty"),
    ],
)
def test_invalid_explicit_ids_say_why(value: str, reason: str):
    with pytest.raises(ContentError, match=reason) as caught:
        IdAllocator().claim(value)
    assert caught.value.code == "invalid-id"


def test_generated_ids_are_always_safe():
    ids = IdAllocator()
    for title in ["", "ß", "Ωmega", "a" * 200, "<script>", '"', "\\", "١٢٣"]:
        assert SAFE_ID.match(ids.allocate(title))


def test_assignment_is_deterministic_and_does_not_change_its_input():
    source = _doc(("Projet", None), ("Projet", None))
    first = allocate_ids(source, IdAllocator())
    second = allocate_ids(source, IdAllocator())
    assert first == second == ("projet", "projet-2")
    assert [t.id for t in source.testimonials] == [None, None]


def test_colliding_titles_allocate_in_linear_time():
    ids = IdAllocator(reserved=["projet-3"])
    allocated = [ids.allocate("Projet") for _ in range(5)]
    assert allocated == ["projet", "projet-2", "projet-4", "projet-5", "projet-6"]
    probes = []
    taken = ids._taken

    class Counting(set):
        def __contains__(self, item):
            probes.append(item)
            return set.__contains__(self, item)

    ids._taken = Counting(taken)
    for _ in range(1000):
        ids.allocate("Projet")
    assert len(probes) < 1100


# Question ids: the panel's id and the question's slug, or the question's own.


def _questions(*items: tuple[str, str | None], title: str = "Projet") -> Document:
    return Document(
        "t",
        (
            Testimonial(
                title=title,
                items=tuple(Item(q, (Paragraph("R"),), id=explicit) for q, explicit in items),
            ),
        ),
    )


def _question_ids(document: Document, prefix: str = "") -> tuple[str, ...]:
    ids = IdAllocator(prefix=prefix)
    (questions,) = allocate_question_ids(document, ids, allocate_ids(document, ids))
    return questions


def test_a_question_may_set_its_own_id_and_generated_ones_avoid_it():
    document = _questions(("Pourquoi ?", None), ("Comment ?", "projet-pourquoi"), ("Quand ?", None))
    # The explicit id is claimed first: the first question's generated id steps aside.
    assert _question_ids(document) == ("projet-pourquoi-2", "projet-pourquoi", "projet-quand")
    assert _question_ids(document, prefix="t-") == (
        "t-projet-pourquoi-2",
        "t-projet-pourquoi",
        "t-projet-quand",
    )


def test_a_question_id_used_twice_is_refused():
    with pytest.raises(ContentError) as caught:
        _question_ids(_questions(("A ?", "q"), ("B ?", "q")))
    assert caught.value.code == "duplicate-id"
    assert str(caught.value).startswith(
        "error: id 'q' is already used by another testimonial or question\n"
    )


def test_a_generated_panel_id_steps_aside_for_a_question_s_own():
    # The testimonial "Projet" would be "projet": a question asks for it first.
    document = _questions(("A ?", "projet"))
    ids = IdAllocator()
    assert allocate_ids(document, ids) == ("projet-2",)
    assert allocate_question_ids(document, ids, ("projet-2",)) == (("projet",),)


def test_an_unsafe_question_id_is_refused():
    with pytest.raises(ContentError, match="white space"):
        _question_ids(_questions(("A ?", "a b")))
