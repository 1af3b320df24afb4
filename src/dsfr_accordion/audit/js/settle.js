// Asynchronous script (arguments: element, limit, done). Scrolls the element to the
// middle of the view and resolves once it stops moving (the same place in two
// animation frames): a panel opening above it moves it during the DSFR transition,
// and a click while it moves can miss it. Resolves with false after `limit`
// milliseconds if it keeps moving.
const [element, limit, done] = arguments;
element.scrollIntoView({block: 'center'});
const deadline = performance.now() + limit;
let last = null;
const check = () => {
  const top = element.getBoundingClientRect().top;
  if (top === last) { done(true); } else if (performance.now() > deadline) { done(false); }
  else { last = top; requestAnimationFrame(check); }
};
requestAnimationFrame(check);
