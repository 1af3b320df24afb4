// Script (argument: element). Takes the focus from the element when it has it, as a
// check that gave it the focus (a click) puts the page back.
const [element] = arguments;
if (document.activeElement === element) element.blur();
