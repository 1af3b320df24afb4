// Expression (evaluated through the DevTools protocol, Runtime.evaluate: it answers
// while the page is navigating, where a WebDriver script waits for the navigation to
// end). The current document's audit id (document-id.js; null where it did not run)
// and its address.
[window.__dsfrAccordionAuditDocument ?? null, location.href]
