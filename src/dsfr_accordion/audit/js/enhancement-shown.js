// Asynchronous script (arguments: group indices, limit, done). The ids of the panels of
// the marked groups at `indices` (among the data-dsfr-accordion groups, in document
// order) that a reader does not see as the page is now rendered (no height, not
// visible, or its content skipped: a hidden="until-found" panel keeps its padding),
// under print media or with JavaScript off. The panels are first let come to rest, no
// longer "collapsing" (on a page just loaded they are), for `limit` milliseconds at
// most: a panel is measured as it stays.
const [indices, limit, done] = arguments;
const groups = [...document.querySelectorAll('[data-dsfr-accordion]')]
  .filter((g, i) => indices.includes(i));
const panels = groups.flatMap((g) => [...g.querySelectorAll(':scope > .fr-accordion > .fr-collapse')]);
const deadline = performance.now() + limit;
const shown = (p) => {
  const style = getComputedStyle(p);
  return p.offsetHeight > 0 && style.visibility === 'visible' && style.contentVisibility !== 'hidden';
};
const measure = () => {
  if (panels.some((p) => p.classList.contains('fr-collapsing')) && performance.now() < deadline) {
    requestAnimationFrame(measure);
  } else {
    done(panels.filter((p) => !shown(p)).map((p) => p.id));
  }
};
measure();
