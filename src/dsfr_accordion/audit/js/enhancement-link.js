// Asynchronous script (arguments: id, limit, done), run after panel-close.js. Follows a
// link to the element `id` (a question in a closed panel, or the panel) as a visitor's
// click on page.html#id would: the library's module opens the panel and moves the focus
// to the element (to the panel's button for the panel itself). Resolves with null once
// both are seen, else with what did not happen (a problem code of rules.py's
// ENHANCEMENT_PROBLEMS) by `limit` milliseconds; the address, the panel and the
// focus are put back first.
const [id, limit, done] = arguments;
const target = document.getElementById(id);
const panel = target && target.closest('.fr-collapse');
const button = panel && buttonOf(panel);
const focused = target === panel ? button : target;
const address = location.href;
const deadline = performance.now() + limit;
const isOpen = () => panelOpen(panel, button);
const putBack = (problem) => {
  history.replaceState(history.state, '', address);
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  closePanel(panel, button, deadline, done, problem);
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
if (button) {
  location.hash = id;
  requestAnimationFrame(check);
} else {
  done(null);  // nothing a link could open: the static rules say what is wrong
}
