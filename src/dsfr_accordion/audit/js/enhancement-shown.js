// Script (argument: feature or null). The ids of the panels of the groups marked with
// `feature` (data-dsfr-accordion; null: every marked group) that a reader does not see as the page is now
// rendered (no height, or not visible): under print media, or with JavaScript off.
const [feature] = arguments;
const groups = [...document.querySelectorAll('[data-dsfr-accordion]')]
  .filter((g) => feature === null || (g.getAttribute('data-dsfr-accordion') || '').split(/\s+/).includes(feature));
return groups.flatMap((g) => [...g.querySelectorAll(':scope > .fr-accordion > .fr-collapse')])
  .filter((p) => !(p.offsetHeight > 0 && getComputedStyle(p).visibility === 'visible'))
  .map((p) => p.id);
