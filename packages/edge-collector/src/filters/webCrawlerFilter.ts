/**
 * Known crawlers' user agents, after Relay's web-crawlers filter. Headless
 * Chrome is deliberately absent: it is also how teams run end-to-end tests.
 */
const WEB_CRAWLERS = new RegExp(
  [
    'Mediapartners-Google',
    'AdsBot-Google',
    'Googlebot',
    'FeedFetcher-Google',
    'Storebot-Google',
    'BingBot',
    'BingPreview',
    'Baiduspider',
    'Slurp',
    'Sogou',
    'facebookexternalhit',
    'meta-externalagent',
    'ia_archiver',
    'bots?[-_/\\s);]',
    'spider[-_/\\s);]',
    'crawler[-_/\\s);]',
    'Slack',
    'Calypso AppData',
    'pingdom',
    'lyticsbot',
    'AWS Security Scanner',
    'Hubspot',
    'Applebot',
    'YandexBot',
    'DuckDuckBot',
    'Twitterbot',
    'Sentry-Uptime',
  ].join('|'),
  'i',
);

export function isWebCrawler(userAgent: string | undefined): boolean {
  return typeof userAgent === 'string' && WEB_CRAWLERS.test(userAgent);
}
