// Asynchronous script (arguments: panel id, limit, done), run after panel-close.js. The
// find-in-page path of a closed panel: where the browser knows hidden="until-found", the
// panel has it, and the beforematch event the browser fires on a match opens it (through
// the DSFR JS: aria-expanded follows). The panel is first let come to rest. Resolves with
// null when both hold (or the browser does not know the attribute), else with what did
// not (a problem code of rules.py's ENHANCEMENT_PROBLEMS); the panel is closed again first.
const [id, limit, done] = arguments;
const panel = document.getElementById(id);
const button = buttonOf(panel);
const deadline = performance.now() + limit;
const isOpen = () => panelOpen(panel, button);
const putBack = (problem) => closePanel(panel, button, deadline, done, problem);
// Closed and at rest, or already given the attribute (a panel that does not move is at
// rest once closed, while the DSFR JS still has it "collapsing" for 500 ms): the
// library's module has brought the attribute in step.
const atRest = () => !panel.classList.contains('fr-collapsing') ||
  panel.getAttribute('hidden') === 'until-found';
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
if (!button) {
  done(null);  // no button opens it: the static rules say what is wrong
} else if ('onbeforematch' in HTMLElement.prototype) {
  rested();
} else {
  done(null);
}
