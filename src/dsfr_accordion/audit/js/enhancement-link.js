// Asynchronous script (arguments: id, limit, done). Follows a link to the element `id`
// (a question in a closed panel, or the panel) as a visitor's click on page.html#id
// would: the library's module opens the panel and moves the focus to the element (to
// the panel's button for the panel itself). Resolves with null once both are seen, else
// with what did not happen (a problem code of rules.py's
// ENHANCEMENT_PROBLEMS) by `limit` milliseconds; the address, the panel and the
// focus are put back first.
const [id, limit, done] = arguments;
const target = document.getElementById(id);
const panel = target.closest('.fr-collapse');
const button = document.querySelector(`[aria-controls="${CSS.escape(panel.id)}"]`);
const focused = target === panel ? button : target;
const address = location.href;
const deadline = performance.now() + limit;
const isOpen = () => panel.classList.contains('fr-collapse--expanded') &&
  !!button && button.getAttribute('aria-expanded') === 'true';
const putBack = (problem) => {
  history.replaceState(history.state, '', address);
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
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
const check = () => {
  if (isOpen() && document.activeElement === focused) {
    putBack(null);
  } else if (performance.now() > deadline) {
    putBack(isOpen() ? 'link-focus' : 'link-open');
  } else {
    requestAnimationFrame(check);
  }
};
location.hash = id;
requestAnimationFrame(check);
