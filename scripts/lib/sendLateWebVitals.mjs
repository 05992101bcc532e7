// Web vitals that only a page's end reports (INP, and the final LCP and CLS): a slow
// click the page marks as timed, then the tab hidden as when the user switches away.
// Shared by the tests, the span capture and the dashboard's screenshot data.

/**
 * Clicks the page's `#slow` button (its handler blocks, so INP has an entry), waits
 * for `window.clickTimed` (the page's own event-timing observer saw the click), lets
 * web-vitals' idle callback handle the entry, then hides the page.
 * @param {import('playwright-core').Page} page
 */
export async function sendLateWebVitals(page) {
  await page.click('#slow');
  await page.waitForFunction(() => window.clickTimed);
  // web-vitals handles the entry in an idle callback (or within 2 s): one queued after it has run then.
  await page.evaluate(
    () => new Promise((resolve) => requestIdleCallback(() => resolve(true), { timeout: 2000 })),
  );
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}
