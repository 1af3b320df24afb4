// Script. The current document's audit id (document-id.js; null where it did not run)
// and its address.
return [window.__dsfrAccordionAuditDocument ?? null, location.href];
