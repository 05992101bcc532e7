/**
 * Takes credentials out of a URL before it leaves the page: the user-info
 * part goes, and every query or fragment parameter keeps its name but loses
 * its value (`?token=&page=`). No guessing which names are secret, so none
 * slips through; the names still say what was asked for.
 */
export const stripUrl = (url: string): string =>
  url.replace(/\/\/[^/@]*@/, '//').replace(/=[^&#]*/g, '=');
