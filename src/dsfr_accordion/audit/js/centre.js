// Script (argument: element). The centre of the element, where a click lands,
// brought into the viewport first (a panel closing above it may have moved it out).
arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});
const r = arguments[0].getBoundingClientRect();
return [r.left + r.width / 2, r.top + r.height / 2];
