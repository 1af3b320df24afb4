// Asynchronous script (arguments: element, limit, done), after motion.js. Scrolls the element to the
// middle of the view and resolves, once it stops moving, with the centre of the
// element, where a click lands: a panel opening or closing above it moves it (the
// DSFR JS applies a change in its next animation frame, then runs its transition),
// and a click while it moves can miss it. It is still one animation frame later
// (the DSFR JS's pending changes applied) when no animation or transition runs in the
// document, else once it is at the same place in two frames; after `limit`
// milliseconds if it keeps moving (a click then lands where it is).
const [element, limit, done] = arguments;
element.scrollIntoView({block: 'center', behavior: 'instant'});
const deadline = performance.now() + limit;
let last = null;
const check = () => {
  const top = element.getBoundingClientRect().top;
  if (top === last || performance.now() > deadline) { done(centreOf(element)); }
  else { last = top; requestAnimationFrame(check); }
};
requestAnimationFrame(() => {
  if (still()) {
    element.scrollIntoView({block: 'center', behavior: 'instant'});
    done(centreOf(element));
  } else {
    check();
  }
});
