import { html } from 'htm/preact';
import { formatVital, RATING_LABELS, type Vital, type VitalFigures } from '../lib/performance';

/**
 * A vital's p75 coloured by its web.dev rating and, so colour is not the only
 * sign, with the rating in words beside it.
 */
export function VitalValue(props: { vital: Vital; figures: VitalFigures | undefined }) {
  const { vital, figures } = props;
  if (!figures || figures.p75 === null || !figures.rating)
    return html`<span class="muted">—</span>`;
  return html`<span class=${`vital rating-${figures.rating}`}>
    <span class="vital-value">${formatVital(vital, figures.p75)}</span>
    <span class="vital-rating">${RATING_LABELS[figures.rating]}</span>
  </span>`;
}
