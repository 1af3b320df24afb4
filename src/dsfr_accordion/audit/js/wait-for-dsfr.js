// Asynchronous script (arguments: seconds, done). Resolves with true once the DSFR
// JavaScript has started and bound every accordion button (at once on a page
// without accordions), with false after the time limit.
const done = arguments[arguments.length - 1];
const limit = Date.now() + arguments[0] * 1000;
const buttons = () => [...document.querySelectorAll('.fr-accordion__btn')];
const ready = () => document.documentElement.hasAttribute('data-fr-js') &&
  buttons().every((b) => b.hasAttribute('data-fr-js-collapse-button'));
const wait = () => {
  if (!buttons().length && document.readyState === 'complete') { done(true); return; }
  if (ready()) { done(true); } else if (Date.now() > limit) { done(false); }
  else { setTimeout(wait, 20); }
};
wait();
