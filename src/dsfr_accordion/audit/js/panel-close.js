// Definitions the enhancement scripts that open a panel start with (scripts.py puts
// them first). buttonOf(panel): the button whose aria-controls names the panel.
// panelOpen(panel, button): the panel is open and its button says so.
// closePanel(panel, button, deadline, done, problem): the panel closed again through
// the DSFR JS when it is open, then done(problem) once it is closed, or at `deadline`
// (milliseconds of performance.now()).
const buttonOf = (panel) => document.querySelector(`[aria-controls="${CSS.escape(panel.id)}"]`);
const panelOpen = (panel, button) => panel.classList.contains('fr-collapse--expanded') &&
  !!button && button.getAttribute('aria-expanded') === 'true';
const closePanel = (panel, button, deadline, done, problem) => {
  try {
    if (panelOpen(panel, button) && typeof window.dsfr === 'function') {
      window.dsfr(panel).collapse.conceal();
    }
  } catch {
    // The page's own window.dsfr, or no collapse API: the panel stays open, the
    // check's verdict stands, and the audit goes on.
    done(problem);
    return;
  }
  const closed = () => {
    if (!panel.classList.contains('fr-collapse--expanded') || performance.now() > deadline) {
      done(problem);
    } else {
      requestAnimationFrame(closed);
    }
  };
  closed();
};
