// Definitions the scripts that name an element of the page in a finding start with
// (scripts.py puts them first). describe(e): the element e as a finding names it, its
// tag, id and first two classes ("div#banner.fr-consent-banner").
const describe = (e) => e.localName + (e.id ? `#${e.id}` : '') +
  [...e.classList].slice(0, 2).map((c) => `.${c}`).join('');
