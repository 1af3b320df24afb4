// Script. The addresses the page asked for and did not get, from the browser's own
// resource timing: an HTTP error status, or none at all (the audit's browser
// reaches no host but the loopback server, so a request elsewhere fails). The
// favicon the browser asks for by itself is not the page's.
return performance.getEntriesByType('resource')
  .filter((e) => e.responseStatus === 0 || e.responseStatus >= 400)
  .filter((e) => !(e.initiatorType === 'other' && new URL(e.name).pathname === '/favicon.ico'))
  .map((e) => [e.name, e.responseStatus]);
