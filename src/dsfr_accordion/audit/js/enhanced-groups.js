// Script (no argument). The accordions groups the library marks (data-dsfr-accordion)
// that a visitor sees, in document order: [features, the id of its first panel, the id
// of a closed panel's first element with an id (its question) or of the panel, the id
// of a closed panel, preferring one at rest (the DSFR JS ends a collapse 500 ms after it
// starts when there is no transition), its show-all button or null]. A group hidden at load is left
// out: its accordions are reported as not tested already.
return [...document.querySelectorAll('[data-dsfr-accordion]')].flatMap((group) => {
  if (!group.getClientRects().length) return [];
  const panels = [...group.querySelectorAll(':scope > .fr-accordion > .fr-collapse')];
  if (!panels.length) return [];
  const closed = panels.filter((p) => p.id && !p.classList.contains('fr-collapse--expanded'));
  const inner = closed.length && closed[0].querySelector('[id]');
  const rest = closed.find((p) => !p.classList.contains('fr-collapsing')) || closed[0];
  return [[(group.getAttribute('data-dsfr-accordion') || '').trim().split(/\s+/),
           panels[0].id, closed.length ? (inner || closed[0]).id : null, rest ? rest.id : null,
           group.querySelector(':scope > .dsfr-accordion-show-all button')]];
});
