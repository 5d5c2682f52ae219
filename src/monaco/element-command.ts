/**
 * The command an exclusion element's hover links to ("List the 3 events"); its one argument is
 * the element mark's key. A module of its own: the page's pure marks name it without loading Monaco.
 */
export const ELEMENT_COMMAND = 'eqlPlayground.listElementEvents';
