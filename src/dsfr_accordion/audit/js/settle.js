// Asynchronous script (arguments: element, limit, done), after describe.js and
// motion.js. Brings the element into view (intoView: to the middle of the view, unless
// a click at its centre already reaches it) and resolves, once it stops moving and is
// drawn there, with the centre of the element, where a click lands: a panel opening or
// closing above it moves it (the DSFR JS applies a change in its next animation frame,
// then runs its transition), and a click while it moves can miss it. It is still one
// animation frame later (the DSFR JS's pending changes applied) when no animation or
// transition runs in the document, else once it is at the same place in two frames;
// after `limit` milliseconds if it keeps moving (a click then lands where it is).
// Resolves with {error} when something it reads throws in an animation frame (guard).
const [element, limit, done] = arguments;
const deadline = performance.now() + limit;
let last = null;
const check = guard(done, () => {
  const top = element.getBoundingClientRect().top;
  if (top === last || performance.now() > deadline) { done(centreOf(element)); }
  else { last = top; requestAnimationFrame(check); }
});
// One animation frame at least: the DSFR JS's pending changes applied.
const afterAFrame = guard(done, () => {
  if (still()) {
    intoView(element, guard(done, () => done(centreOf(element))));
  } else {
    check();
  }
});
intoView(element, (moved) => (moved ? afterAFrame() : requestAnimationFrame(afterAFrame)));
