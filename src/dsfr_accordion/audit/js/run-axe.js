// Asynchronous script (arguments: options as JSON, locale as JSON or null, done).
// Runs axe-core on the document, in the locale when one is given; resolves with
// its violations and incomplete results, or {error}. The options come as JSON:
// Python's True is not JavaScript's true.
const done = arguments[arguments.length - 1];
if (arguments[1]) axe.configure({locale: JSON.parse(arguments[1])});
axe.run(document, JSON.parse(arguments[0])).then(
  (r) => done({violations: r.violations, incomplete: r.incomplete}),
  (e) => done({error: String(e)}),
);
