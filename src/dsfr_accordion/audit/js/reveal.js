// Asynchronous script (arguments: button or null, opened, limit, done), after
// describe.js. Brings the accordion button within a visitor's reach, as a visitor
// would: each element that hides it, outermost first, is opened through the DSFR
// JavaScript (disclose(), what its control does) when it is a DSFR collapse (a parent
// accordion's panel), tab panel or modal that a control outside it opens. `opened` are
// the containers opened for earlier buttons ([element, DSFR property, the member of
// its group it displaced or null]): those that do not hold this button are first put
// back as the page had them, innermost first (the displaced member, a tab selected
// before, opened again; the container closed); with a null button, all of them.
// Resolves with [opened, hidden]: the containers open now, and null once the button is
// shown, else a short description of the element that still hides it (describe.js:
// nothing a visitor can open, or it did not open within `limit` milliseconds).
const [button, previous, limit, done] = arguments;
const KINDS = [
  ['data-fr-js-collapse', 'collapse'],
  ['data-fr-js-tab-panel', 'tabPanel'],
  ['data-fr-js-modal', 'modal'],
];
const deadline = performance.now() + limit;
const api = (element, property) => window.dsfr(element)[property];
const opened = [];
for (const entry of [...previous].reverse()) {
  const [element, property, displaced] = entry;
  if (button && element.contains(button)) { opened.unshift(entry); continue; }
  if (displaced) api(displaced, property).disclose();
  const container = api(element, property);
  if (container.isDisclosed && container.conceal) container.conceal();
}
// The outermost element of the button's ancestry (itself included) that hides it, or
// null when it is shown. Outermost: an inner closed panel is hidden by the outer one too.
const hider = () => {
  if (button.getClientRects().length && getComputedStyle(button).visibility === 'visible') {
    return null;
  }
  const chain = [];
  for (let e = button; e; e = e.parentElement) chain.unshift(e);
  for (const e of chain) {
    const style = getComputedStyle(e);
    const parent = e.parentElement && getComputedStyle(e.parentElement);
    if (style.display === 'none' || (style.visibility === 'hidden' &&
        !(parent && parent.visibility === 'hidden'))) return e;
  }
  return button;
};
let last = null;
const step = () => {
  const hiding = hider();
  if (!hiding) { done([opened, null]); return; }
  // Every frame, whatever the page does: a page whose containers close one another
  // as they open would otherwise keep this loop going until the command's own limit.
  if (performance.now() > deadline) { done([opened, describe(hiding)]); return; }
  if (hiding !== last) {
    last = hiding;
    const kind = KINDS.find(([attribute]) => hiding.hasAttribute(attribute));
    const container = kind && typeof window.dsfr === 'function' ? api(hiding, kind[1]) : null;
    // A visitor's way in: a control of the DSFR JS outside the container (the parent
    // accordion's button, the tab, the button that opens the modal).
    const reachable = container && container.isEnabled !== false &&
      container.buttons.some((control) => !hiding.contains(control.node));
    if (!reachable) { done([opened, describe(hiding)]); return; }
    const current = container.group && container.group.current;
    opened.push([hiding, kind[1], current && current.node !== hiding ? current.node : null]);
    container.disclose();
  }
  requestAnimationFrame(step);
};
if (button) { step(); } else { requestAnimationFrame(() => done([[], null])); }
