// dsfr-accordion: what the DSFR 1.15 accordion does not do by itself
// (docs/accessibility.md, "Beyond the DSFR accordion"). An ES module, linked after
// the DSFR module (module scripts run in document order), that works on the
// accordions groups the library marks with data-dsfr-accordion, and only on them:
//
// - a link to an element of a panel (page.html#id, on load and on hashchange)
//   opens the panel and moves the focus there;
// - "find-in-page": closed panels are hidden="until-found", and a match of the
//   browser's find-in-page (or a text fragment, or a link) opens its panel;
// - "show-all": the group's "show all / hide all" button is shown and works.
//
// Panels are opened and closed through the DSFR JavaScript's own API
// (window.dsfr(panel).collapse), never by hand, so that aria-expanded, the
// panel's classes and the group's one-open-at-a-time rule stay the DSFR's. Until
// the DSFR JavaScript has bound a panel (data-fr-js-collapse), nothing here
// touches it: where it never runs, the page stays as the stylesheet shows it.

const GROUP = '[data-dsfr-accordion]';
const SHOW_ALL = ':scope > .dsfr-accordion-show-all';
const UNTIL_FOUND = 'onbeforematch' in HTMLElement.prototype;

const features = (group) => (group.getAttribute('data-dsfr-accordion') || '').split(/\s+/);
const panelsOf = (group) => [...group.querySelectorAll(':scope > .fr-accordion > .fr-collapse')];
const bound = (panel) => panel.hasAttribute('data-fr-js-collapse');
const isOpen = (panel) => panel.classList.contains('fr-collapse--expanded');
// Seconds the transitions of a panel (or of its ::before, which the DSFR
// stylesheet moves too) last, delays included: 0 under reduced motion. Each
// transitioned property takes the durations and delays in turn, lists repeated.
const seconds = (time) => parseFloat(time) * (time.trim().endsWith('ms') ? 0.001 : 1);
const transitionOf = (style) => {
  const durations = style.transitionDuration.split(',');
  const delays = style.transitionDelay.split(',');
  return Math.max(...style.transitionProperty.split(',').map((_, i) =>
    seconds(durations[i % durations.length]) + seconds(delays[i % delays.length])));
};
// While the module's found marker is on, the panel has no transition (the
// stylesheet shows it at once); its open styles are the marker's, so none starts
// when the marker goes.
const moves = (panel) =>
  transitionOf(getComputedStyle(panel)) > 0 || transitionOf(getComputedStyle(panel, '::before')) > 0;
// Whether each panel was open when the DSFR JS last started to open or close it
// ("collapsing"), as the class changes show it (noteCollapses, below).
const openedFrom = new WeakMap();
const classesOf = (value) => new Set((value || '').split(/\s+/).filter(Boolean));
const sameClasses = (a, b) => a.size === b.size && [...a].every((name) => b.has(name));
// Note, from one batch of class changes in order, the state of each panel when its
// latest collapse started: the last change that did not find it collapsing, or a
// write that changed nothing while it was collapsing (the DSFR JS starting a new
// collapse, opening or closing it again, before the last one ended).
const noteCollapses = (records) => {
  const olds = new Map();
  for (const record of records) {
    if (record.attributeName !== 'class') continue;
    if (!olds.has(record.target)) olds.set(record.target, []);
    olds.get(record.target).push(classesOf(record.oldValue));
  }
  for (const [panel, befores] of olds) {
    const afters = [...befores.slice(1), classesOf(panel.getAttribute('class'))];
    befores.forEach((before, i) => {
      const collapsing = before.has('fr-collapsing');
      if (!collapsing || sameClasses(before, afters[i])) {
        openedFrom.set(panel, before.has('fr-collapse--expanded'));
      }
    });
  }
};
// Between a disclose or conceal and the end of its transition, the DSFR JS has
// the panel "collapsing": it measures it then, and it must be measurable. A panel
// that does not move (reduced motion) is done once its state has changed: the DSFR
// JS would keep it "collapsing" 500 ms more, waiting for a transitionend that never
// comes, and the focus of a link would wait as long.
const atRest = (panel) => !panel.classList.contains('fr-collapsing') ||
  (openedFrom.has(panel) && openedFrom.get(panel) !== isOpen(panel) && !moves(panel));
const groupOf = (panel) => {
  const group = panel.parentElement && panel.parentElement.parentElement;
  return group && group.matches(GROUP) ? group : null;
};
const collapseOf = (panel) => {
  const proxy = typeof window.dsfr === 'function' ? window.dsfr(panel) : null;
  return proxy ? proxy.collapse : undefined;
};

// Open a panel as its button would. hidden="until-found" goes first: the DSFR JS
// measures the panel's height for its transition as it starts to open it.
const open = (panel) => {
  const collapse = collapseOf(panel);
  if (!collapse || isOpen(panel)) return;
  panel.removeAttribute('hidden');
  collapse.disclose();
};

// Keep a group's until-found panels and show-all button in step with its panels.
const sync = (group) => {
  const panels = panelsOf(group);
  if (!panels.length || !panels.every(bound)) return;
  if (UNTIL_FOUND && features(group).includes('find-in-page')) {
    for (const panel of panels) {
      if (atRest(panel)) panel.removeAttribute('data-dsfr-accordion-found');
      const hide = !isOpen(panel) && atRest(panel);
      if (hide && panel.getAttribute('hidden') !== 'until-found') {
        panel.setAttribute('hidden', 'until-found');
      } else if (!hide && panel.hasAttribute('hidden')) {
        panel.removeAttribute('hidden');
      }
    }
  }
  const control = group.querySelector(SHOW_ALL);
  const button = control && control.querySelector('button');
  if (button) {
    const all = String(panels.every(isOpen));
    if (button.getAttribute('aria-expanded') !== all) {
      button.setAttribute('aria-expanded', all);
      button.textContent = button.getAttribute(
        all === 'true' ? 'data-dsfr-accordion-hide' : 'data-dsfr-accordion-show');
    }
    control.hidden = false;
  }
  settle();
};

// Give the focus to `element` once its panel is open and done moving (focus
// scrolls it into view: during the transition, it would scroll to where it was).
const focusWhenOpen = (element, panel) => {
  const deadline = performance.now() + 2000;
  const step = () => {
    if (isOpen(panel) && atRest(panel)) {
      if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) {
        element.setAttribute('tabindex', '-1');
      }
      element.focus();
    } else if (performance.now() < deadline) {
      requestAnimationFrame(step);
    }
  };
  step();
};

// The element a fragment identifier names, when it is a panel of a marked group or
// inside one: open the panel, then focus it (a panel: its button; else the element).
let pending = null;
const reveal = (id) => {
  const target = id ? document.getElementById(id) : null;
  const panel = target && target.closest('.fr-collapse');
  const group = panel && groupOf(panel);
  if (!group) return true;
  if (!bound(panel)) return false;
  open(panel);
  const button = group.querySelector(`[aria-controls="${CSS.escape(panel.id)}"]`);
  focusWhenOpen(target === panel && button ? button : target, panel);
  return true;
};
const fragment = () => {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return location.hash.slice(1);
  }
};
// The address's fragment at load waits until the DSFR JS has bound its panel.
const settle = () => {
  if (pending !== null && reveal(pending)) pending = null;
};

const init = () => {
  pending = fragment();
  for (const group of document.querySelectorAll(GROUP)) {
    for (const panel of panelsOf(group)) {
      // Shown at once (the stylesheet), opened by the DSFR JS in the next frame.
      panel.addEventListener('beforematch', () => {
        panel.setAttribute('data-dsfr-accordion-found', '');
        open(panel);
        setTimeout(() => sync(group), 0);
      });
    }
    const button = group.querySelector(`${SHOW_ALL} button`);
    if (button) {
      button.addEventListener('click', () => {
        const panels = panelsOf(group);
        if (panels.every(isOpen)) {
          for (const panel of panels) {
            const collapse = collapseOf(panel);
            if (collapse) collapse.conceal();
          }
        } else {
          panels.forEach(open);
        }
      });
    }
    sync(group);
  }
  // The DSFR JS binds the panels (data-fr-js-collapse) and opens and closes them
  // (their classes): each change of a marked group's panel brings the group in step.
  new MutationObserver((records) => {
    const changed = records.filter((record) =>
      record.target.classList && record.target.classList.contains('fr-collapse'));
    noteCollapses(changed);
    new Set(changed.map((record) => groupOf(record.target)).filter(Boolean)).forEach(sync);
  }).observe(document.documentElement, {
    subtree: true,
    attributes: true,
    attributeFilter: ['class', 'data-fr-js-collapse'],
    attributeOldValue: true,
  });
  window.addEventListener('hashchange', () => reveal(fragment()));
  // A click on an accordion button reaches this listener (the document's, capturing)
  // before the DSFR JS's (the root element's): an until-found panel it is about to
  // open is made measurable first.
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element
      ? event.target.closest('.fr-accordion__btn[aria-controls]') : null;
    const panel = button ? document.getElementById(button.getAttribute('aria-controls')) : null;
    if (panel && groupOf(panel) && panel.getAttribute('hidden') === 'until-found') {
      panel.removeAttribute('hidden');
      // Should the DSFR JS not open it after all, put the attribute back.
      setTimeout(() => sync(groupOf(panel)), 0);
    }
  }, true);
};

init();
