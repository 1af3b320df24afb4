// Asynchronous script (arguments: button, opened, limit, done), after state-of.js,
// motion.js, and reveal.js and settle.js as the functions `reveal` and `settle`
// (scripts.py composes it). Before a button's activations, in one round trip: brings
// the button within a visitor's reach (reveal.js, which `opened` and the result's
// first member are for), then scrolls it into view and waits for it to be still
// (settle.js). Resolves with [opened, hidden, centre, states]: hidden as reveal.js
// says it (null once the button is shown; then centre and states are null), else the
// centre of the button where a click lands and the state of every accordion button.
const [button, previous, limit, done] = arguments;
reveal(button, previous, limit, ([opened, hidden]) => {
  if (hidden !== null) { done([opened, hidden, null, null]); return; }
  settle(button, limit, (centre) => done([opened, null, centre, allButtons().map(stateOf)]));
});
