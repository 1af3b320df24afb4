// Definitions the scripts that wait for a still page start with, after describe.js
// (scripts.py puts them first).
// still(): nothing moves, no animation or transition running in the document.
// centreOf(element): the centre of the element in the viewport, where a click lands.
// intoView(element, then): unless the element is all in the view and a click at its
// centre reaches it, scrolls it to the middle of the view; then calls then(moved) once
// the page is drawn that way: at once when nothing moved (moved false), else in the
// second animation frame after the scroll (moved true). Until then, the browser routes
// a click by where things were drawn: an iframe of another site (a video, run in its
// own process) that was there takes the press meant for a button, and the page gets
// only the release.
// coverOf(element): what a click at the element's centre lands on instead, drawn over
// it (describe.js): the element fixed to the window or sticky that holds what is there
// (a banner), else what is there; null when the click reaches the element, when the
// centre is out of the view, or when what is there is around the element (it lets
// clicks through, as with pointer-events: none: its own fault, which its clicks show).
// messageOf(error): the message of an error a script caught, as chromedriver gives a
// thrown one: without its class ("x is not a function", not "TypeError: x is not a
// function"); whatever the page threw.
// guard(done, step): `step` as a callback that, when it throws, resolves the script
// with {error}: in an animation frame, an uncaught error would leave the command
// waiting for its bound (a script that throws at once fails the command itself).
const still = () => !document.getAnimations().some((a) => a.playState === 'running');
const centreOf = (element) => {
  const r = element.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
};
const reachable = (element) => {
  const r = element.getBoundingClientRect();
  const view = document.documentElement;
  if (r.top < 0 || r.left < 0 || r.bottom > view.clientHeight || r.right > view.clientWidth) {
    return false;
  }
  const hit = document.elementFromPoint(...centreOf(element));
  return hit !== null && element.contains(hit);
};
const intoView = (element, then) => {
  const [x, y] = centreOf(element);
  if (!reachable(element)) {
    element.scrollIntoView({block: 'center', behavior: 'instant'});
  }
  const [nowX, nowY] = centreOf(element);
  if (nowX === x && nowY === y) {
    then(false);
  } else {
    requestAnimationFrame(() => requestAnimationFrame(() => then(true)));
  }
};
const coverOf = (element) => {
  const hit = document.elementFromPoint(...centreOf(element));
  if (hit === null || element.contains(hit) || hit.contains(element)) return null;
  // Up to the first element that holds the button too (a modal the button is in).
  for (let e = hit; e && !e.contains(element); e = e.parentElement) {
    if (['fixed', 'sticky'].includes(getComputedStyle(e).position)) return describe(e);
  }
  return describe(hit);
};
const messageOf = (error) => {
  try {
    return String(typeof error?.message === 'string' ? error.message : error);
  } catch {
    return 'an error that cannot be shown';
  }
};
const guard = (done, step) => (...values) => {
  try {
    step(...values);
  } catch (error) {
    done({error: messageOf(error)});
  }
};
