// Script (argument: element). The element's name as a finding shows it: its aria-label,
// else its text, white space collapsed, at most 80 characters.
const e = arguments[0];
const name = (e.getAttribute('aria-label') || e.textContent).replace(/\s+/g, ' ').trim();
return name.length > 80 ? `${name.slice(0, 79)}…` : name;
