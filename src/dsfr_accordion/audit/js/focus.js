// Script (argument: element): gives the element the focus a click on it would give,
// without scrolling (it is in view already).
arguments[0].focus({preventScroll: true});
