// Definitions the state scripts start with (scripts.py puts them first).
// stateOf(button): [panel id, aria-expanded, panel has fr-collapse--expanded, panel
// displayed, group index or null]. The panel is the fr-collapse of the button's own
// section, not the element its aria-controls names: with a duplicate id, the button
// may open another one. The group is the one the DSFR JS puts the panel in: the
// nearest fr-accordions-group above it, unless a fr-collapse comes first (an
// accordion nested in another's panel is no member of the outer accordion's group).
const groupOf = (start) => {
  for (let e = start.parentElement; e; e = e.parentElement) {
    if (e.classList.contains('fr-accordions-group')) return e;
    if (e.classList.contains('fr-collapse')) return null;
  }
  return null;
};
const stateOf = (b) => {
  const groups = [...document.querySelectorAll('.fr-accordions-group')];
  const section = b.closest('.fr-accordion');
  const panel = (section && section.querySelector(':scope > .fr-collapse')) ||
    document.getElementById(b.getAttribute('aria-controls'));
  const group = groupOf(panel || b);
  const grouped = group && group.getAttribute('data-fr-group') !== 'false';
  return [panel ? panel.id : b.getAttribute('aria-controls'), b.getAttribute('aria-expanded'),
          !!panel && panel.classList.contains('fr-collapse--expanded'),
          !!panel && panel.offsetHeight > 0 && getComputedStyle(panel).visibility !== 'hidden',
          grouped ? groups.indexOf(group) : null];
};
const allButtons = () => [...document.querySelectorAll('.fr-accordion__btn')];
