// Script (argument: element). Whether the element is rendered (it has a box).
return arguments[0].getClientRects().length > 0;
