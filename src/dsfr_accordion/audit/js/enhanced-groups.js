// Script (no argument). The accordions groups the library marks (data-dsfr-accordion)
// that a visitor sees, in document order: [its index among the marked groups, its
// features, the id of its first panel, the id of a closed panel's question (its first
// element with an id of its own in the page) or of the panel, the id of a closed panel,
// preferring one at rest (the DSFR JS ends a collapse 500 ms after it starts when there
// is no transition), its show-all button or null]. A group hidden at load (no box, or
// invisible: in a closed panel, an unselected tab) is left out: its accordions are
// reported as not tested already.
const own = (e) => e.id && document.getElementById(e.id) === e;
return [...document.querySelectorAll('[data-dsfr-accordion]')].flatMap((group, index) => {
  if (!group.checkVisibility({visibilityProperty: true})) return [];
  const panels = [...group.querySelectorAll(':scope > .fr-accordion > .fr-collapse')];
  if (!panels.length) return [];
  const closed = panels.filter((p) => own(p) && !p.classList.contains('fr-collapse--expanded'));
  const inner = closed.length &&
    [...closed[0].querySelectorAll('[id]')].find((e) => own(e) && e.closest('.fr-collapse') === closed[0]);
  const rest = closed.find((p) => !p.classList.contains('fr-collapsing')) || closed[0];
  return [[index, (group.getAttribute('data-dsfr-accordion') || '').trim().split(/\s+/),
           panels[0].id, closed.length ? (inner || closed[0]).id : null, rest ? rest.id : null,
           group.querySelector(':scope > .dsfr-accordion-show-all button')]];
});
