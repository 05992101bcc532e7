// Web vitals: how web.dev rates a value and how Sentry scores it.

export const WEB_VITALS = ['lcp', 'inp', 'cls', 'fcp', 'ttfb'] as const;
export type WebVital = (typeof WEB_VITALS)[number];

/** Ratings as the web-vitals package spells them. */
export type VitalRating = 'good' | 'needs-improvement' | 'poor';

/**
 * web.dev's thresholds: at or below the first is good, above the second is
 * poor (https://web.dev/articles/vitals). Milliseconds, CLS unitless.
 */
export const VITAL_THRESHOLDS: Record<WebVital, [number, number]> = {
  lcp: [2500, 4000],
  inp: [200, 500],
  cls: [0.1, 0.25],
  fcp: [1800, 3000],
  ttfb: [800, 1800],
};

export function rateVital(vital: WebVital, value: number): VitalRating {
  const [good, poor] = VITAL_THRESHOLDS[vital];
  if (value <= good) return 'good';
  return value <= poor ? 'needs-improvement' : 'poor';
}

/**
 * Sentry's performance score control points and weights
 * (sentry `static/app/views/insights/browser/webVitals/utils/scoreThresholds`):
 * a value at `p10` scores 0.9, one at `median` scores 0.5.
 */
export const VITAL_SCORING: Record<WebVital, { weight: number; p10: number; median: number }> = {
  lcp: { weight: 30, p10: 1200, median: 2400 },
  inp: { weight: 30, p10: 200, median: 500 },
  cls: { weight: 15, p10: 0.1, median: 0.25 },
  fcp: { weight: 15, p10: 900, median: 1600 },
  ttfb: { weight: 10, p10: 200, median: 400 },
};

/** erfc⁻¹(0.2): puts p10 at a score of 0.9 (Lighthouse's log-normal scoring). */
const INVERSE_ERFC_ONE_FIFTH = 0.9061938024368232;

/** erf by Abramowitz & Stegun 7.1.26 (error < 1.5e-7, far below a score's rounding). */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-x * x));
}

/**
 * One vital's score 0–1: the complementary log-normal CDF through Sentry's
 * control points, score = ½·erfc(ln(x / median) · erfc⁻¹(0.2) / ln(median / p10)).
 */
export function scoreVital(vital: WebVital, value: number): number {
  const { p10, median } = VITAL_SCORING[vital];
  if (value <= 0) return 1;
  const standardized = (Math.log(value / median) * INVERSE_ERFC_ONE_FIFTH) / Math.log(median / p10);
  return Math.min(1, Math.max(0, (1 - erf(standardized)) / 2));
}

/**
 * A page's score 0–100 from each vital's mean score (vitals without data are
 * left out and the weights of the others scaled up, as Sentry does); null
 * when no vital has data.
 */
export function performanceScore(meanScores: Partial<Record<WebVital, number>>): number | null {
  let weighted = 0;
  let weights = 0;
  for (const vital of WEB_VITALS) {
    const mean = meanScores[vital];
    if (mean === undefined) continue;
    weighted += VITAL_SCORING[vital].weight * mean;
    weights += VITAL_SCORING[vital].weight;
  }
  return weights === 0 ? null : (100 * weighted) / weights;
}
