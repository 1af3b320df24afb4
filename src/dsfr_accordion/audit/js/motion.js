// Definitions the scripts that wait for a still page start with (scripts.py puts them
// first). still(): nothing moves, no animation or transition running in the document.
// centreOf(element): the centre of the element in the viewport, where a click lands.
const still = () => !document.getAnimations().some((a) => a.playState === 'running');
const centreOf = (element) => {
  const r = element.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
};
