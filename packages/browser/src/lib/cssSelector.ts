/**
 * A short CSS selector for the element itself: tag, id and classes, as in
 * `button#pay.btn` or `a.nav.active`. Empty for non-elements (window).
 */
export const cssSelector = (target: unknown): string => {
  const element = target as Element | null;
  return element?.localName
    ? [element.localName + (element.id ? `#${element.id}` : ''), ...element.classList].join('.')
    : '';
};
