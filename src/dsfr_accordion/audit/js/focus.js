// Script (argument: element). Gives the element the focus, as a key press needs.
arguments[0].focus();
