// Asynchronous script (arguments: index, want, limit, done), after state-of.js,
// describe.js and motion.js.
// After an activation of button `index`: resolves, once the button is `want` (open
// or closed: aria-expanded, the panel's class and its display agree) and still (no
// animation or transition runs in the document and no other panel of its group is
// open, or it has not moved since the previous animation frame), with every button's
// state, whether the button has the focus, and its centre (in view, and drawn there:
// intoView) for the next click. One round trip per
// activation instead of polling. Resolves with null when the panel has not got there
// by the time the DSFR JS itself is done with a panel (its CSS transition, then the
// 500 ms after which the DSFR JS ends a collapse whose transition never ended) and at
// least 10 animation frames have passed (a busy page draws fewer frames a second, and
// gets longer); and after `limit` milliseconds in any case. Resolves with {error} when
// reading the states throws in a later frame (a page that broke what they use).
const [index, want, limit, done] = arguments;
const button = allButtons()[index];
const start = performance.now();
const section = button.closest('.fr-accordion');
const panel = section && section.querySelector(':scope > .fr-collapse');
// Milliseconds of a CSS time ("0.3s", "300ms").
const ms = (time) => parseFloat(time) * (time.trim().endsWith('ms') ? 1 : 1000);
let transition = 0;
if (panel) {
  // Each transitioned property takes the durations and delays in turn, lists repeated.
  const style = getComputedStyle(panel);
  const durations = style.transitionDuration.split(',');
  const delays = style.transitionDelay.split(',');
  style.transitionProperty.split(',').forEach((_, i) => {
    const duration = durations[i % durations.length];
    transition = Math.max(transition, ms(duration) + ms(delays[i % delays.length]));
  });
}
const bound = transition + 500;
// Opening a panel of a grouped accordion closes the others of its group, in a later
// frame of the DSFR JS: until then, only a still frame says the page is done.
const groupDone = (state) => !want || state[4] === null ||
  allButtons().every((b, i) => i === index || stateOf(b)[4] !== state[4] ||
    b.getAttribute('aria-expanded') !== 'true');
let frames = 0;
let last = null;
const check = () => {
  const state = stateOf(button);
  if ((state[1] === 'true') === want && state[2] === want && state[3] === want) {
    const top = button.getBoundingClientRect().top;
    if (top === last || (still() && groupDone(state))) {
      intoView(button, guard(done, () => {
        done([allButtons().map(stateOf), document.activeElement === button, centreOf(button)]);
      }));
      return;
    }
    last = top;
  } else {
    last = null;
  }
  const elapsed = performance.now() - start;
  frames += 1;
  if ((elapsed > bound && frames >= 10) || elapsed > limit) {
    done(null);
  } else {
    requestAnimationFrame(inFrame);
  }
};
// In an animation frame, an error resolves with {error} (guard).
const inFrame = guard(done, check);
check();
