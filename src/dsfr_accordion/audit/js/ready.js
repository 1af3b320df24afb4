// Asynchronous script (arguments: button, limit, done), after state-of.js, describe.js,
// motion.js, and settle.js as the function `settle` (scripts.py composes it). Before a
// shown button's activations, in one round trip: scrolls it into view and waits for it
// to be still (settle.js), then reads the state of every accordion button. Resolves
// with [centre, states, cover]: the centre of the button, where a click lands, the
// states, and what covers the button there (coverOf) or null; or with {error} when
// something it reads throws (a page that broke what they use) in an animation frame.
const [button, limit, done] = arguments;
settle(button, limit, guard(done, (centre) => {
  if (!Array.isArray(centre)) {
    done(centre); // settle's {error}
    return;
  }
  done([centre, allButtons().map(stateOf), coverOf(button)]);
}));
