// Run in every document before its own scripts (Page.addScriptToEvaluateOnNewDocument).
// Gives the document an id the page cannot change: the audit reads it after each step
// (document-of.js) to tell the page it loaded from a reload or another page.
Object.defineProperty(window, '__dsfrAccordionAuditDocument', {
  value: `${performance.timeOrigin}-${Math.random()}`,
});
