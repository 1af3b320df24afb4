// Definitions the scripts that wait for a still page start with (scripts.py puts them
// first). still(): nothing moves, no animation or transition running in the document.
// centreOf(element): the centre of the element in the viewport, where a click lands.
// intoView(element, then): unless the element is all in the view and a click at its
// centre reaches it, scrolls it to the middle of the view; then calls then(moved) once
// the page is drawn that way: at once when nothing moved (moved false), else in the
// second animation frame after the scroll (moved true). Until then, the browser routes
// a click by where things were drawn: an iframe of another site (a video, run in its
// own process) that was there takes the press meant for a button, and the page gets
// only the release.
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
