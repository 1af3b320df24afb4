// Script (argument: a button index or null), after state-of.js. The state of every
// accordion button of the page, or of the one whose index is given.
const only = arguments[0];
const buttons = allButtons();
return (only === null ? buttons : [buttons[only]]).map(stateOf);
