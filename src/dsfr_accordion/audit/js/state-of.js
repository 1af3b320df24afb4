// Definitions the state scripts start with (scripts.py puts them first).
// stateOf(button): [panel id, aria-expanded, panel has fr-collapse--expanded, panel
// displayed, group index or null]. The panel is the fr-collapse of the button's own
// section, not the element its aria-controls names: with a duplicate id, the button
// may open another one.
const stateOf = (b) => {
  const groups = [...document.querySelectorAll('.fr-accordions-group')];
  const section = b.closest('.fr-accordion');
  const panel = (section && section.querySelector(':scope > .fr-collapse')) ||
    document.getElementById(b.getAttribute('aria-controls'));
  const group = b.closest('.fr-accordions-group');
  const grouped = group && group.getAttribute('data-fr-group') !== 'false';
  return [panel ? panel.id : b.getAttribute('aria-controls'), b.getAttribute('aria-expanded'),
          !!panel && panel.classList.contains('fr-collapse--expanded'),
          !!panel && panel.offsetHeight > 0 && getComputedStyle(panel).visibility !== 'hidden',
          grouped ? groups.indexOf(group) : null];
};
const allButtons = () => [...document.querySelectorAll('.fr-accordion__btn')];
