// Asynchronous script (arguments: element, done). Scrolls the element to the middle
// of the view and resolves once it stops moving (the same place in two animation
// frames): a panel opening above it moves it during the DSFR transition, and a
// click while it moves can miss it.
const [element, done] = arguments;
element.scrollIntoView({block: 'center'});
let last = null;
const check = () => {
  const top = element.getBoundingClientRect().top;
  if (top === last) { done(true); } else { last = top; requestAnimationFrame(check); }
};
requestAnimationFrame(check);
