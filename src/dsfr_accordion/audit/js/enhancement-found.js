// Asynchronous script (arguments: panel id, limit, done). The find-in-page path of a
// closed panel: where the browser knows hidden="until-found", the panel has it, and the
// beforematch event the browser fires on a match opens it (through the DSFR JS:
// aria-expanded follows). The panel is first let come to rest. Resolves with null when
// both hold (or the browser does not know the attribute), else with what did not (a
// problem code of rules.py's ENHANCEMENT_PROBLEMS); the panel is closed again first.
const [id, limit, done] = arguments;
const panel = document.getElementById(id);
const button = document.querySelector(`[aria-controls="${CSS.escape(id)}"]`);
const deadline = performance.now() + limit;
const isOpen = () => panel.classList.contains('fr-collapse--expanded') &&
  !!button && button.getAttribute('aria-expanded') === 'true';
const putBack = (problem) => {
  if (isOpen() && typeof window.dsfr === 'function') window.dsfr(panel).collapse.conceal();
  const closed = () => {
    if (!panel.classList.contains('fr-collapse--expanded') || performance.now() > deadline) {
      done(problem);
    } else {
      requestAnimationFrame(closed);
    }
  };
  closed();
};
// Closed and at rest: the library's module has brought the attribute in step.
const atRest = () => !panel.classList.contains('fr-collapsing');
const found = () => {
  panel.dispatchEvent(new Event('beforematch'));
  const check = () => {
    if (isOpen()) {
      putBack(null);
    } else if (performance.now() > deadline) {
      putBack('beforematch');
    } else {
      requestAnimationFrame(check);
    }
  };
  check();
};
const rested = () => {
  if (!atRest() && performance.now() <= deadline) {
    requestAnimationFrame(rested);
  } else if (panel.getAttribute('hidden') !== 'until-found') {
    done('until-found');
  } else {
    found();
  }
};
if ('onbeforematch' in HTMLElement.prototype) {
  rested();
} else {
  done(null);
}
