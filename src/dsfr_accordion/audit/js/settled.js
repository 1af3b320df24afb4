// Asynchronous script (arguments: index, want, limit, done), after state-of.js.
// After an activation of button `index`: resolves, at the first animation frame
// where the button is `want` (open or closed: aria-expanded, the panel's class and
// its display agree) and has not moved since the previous frame, with every
// button's state and whether the button has the focus; with null after `limit`
// milliseconds. One round trip per activation instead of polling.
const [index, want, limit, done] = arguments;
const button = allButtons()[index];
const deadline = performance.now() + limit;
let last = null;
const check = () => {
  const state = stateOf(button);
  if ((state[1] === 'true') === want && state[2] === want && state[3] === want) {
    const top = button.getBoundingClientRect().top;
    if (top === last) {
      done([allButtons().map(stateOf), document.activeElement === button]);
      return;
    }
    last = top;
  } else {
    last = null;
  }
  if (performance.now() > deadline) { done(null); } else { requestAnimationFrame(check); }
};
check();
