// Asynchronous script (arguments: options as JSON, done). Runs axe-core on the
// document; resolves with its violations and incomplete results, or {error}.
// The options come as JSON: Python's True is not JavaScript's true.
const done = arguments[arguments.length - 1];
axe.run(document, JSON.parse(arguments[0])).then(
  (r) => done({violations: r.violations, incomplete: r.incomplete}),
  (e) => done({error: String(e)}),
);
