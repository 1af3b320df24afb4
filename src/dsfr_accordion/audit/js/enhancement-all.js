// Asynchronous script (arguments: show-all button, want, limit, done). After an
// activation of a group's show-all button: resolves with null at the first animation
// frame where every panel of its group is `want` (open or closed) and the button says
// so (aria-expanded, and its label names what it does next), else with what is wrong
// (a problem code of rules.py's ENHANCEMENT_PROBLEMS) after `limit` milliseconds.
const [button, want, limit, done] = arguments;
const group = button.closest('[data-dsfr-accordion]');
const panels = [...group.querySelectorAll(':scope > .fr-accordion > .fr-collapse')];
const deadline = performance.now() + limit;
const label = button.getAttribute(want ? 'data-dsfr-accordion-hide' : 'data-dsfr-accordion-show');
const check = () => {
  const all = panels.every((p) => p.classList.contains('fr-collapse--expanded') === want);
  const says = button.getAttribute('aria-expanded') === String(want) &&
    button.textContent.trim() === (label || '').trim();
  if (all && says) {
    done(null);
  } else if (performance.now() > deadline) {
    if (!all) {
      done(want ? 'show-all' : 'hide-all');
    } else {
      done('show-all-label');
    }
  } else {
    requestAnimationFrame(check);
  }
};
requestAnimationFrame(check);
