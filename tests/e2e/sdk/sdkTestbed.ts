import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchChromium } from '../harness/chromium';
import { type Collector, type Project, sharedCollector } from '../harness/collector';
import { type PageServer, startPageServer } from './sdkPages';

export interface SdkTestbed {
  collector: Collector;
  browser: Browser;
  /** Serves the test pages (and the SDK bundles) from a loopback origin of its own. */
  server: PageServer;
  /** A fresh browser context per test: no localStorage or cache carried over. */
  context: BrowserContext;
  /** A fresh project per test, so each test reads only its own issues. */
  project: Project;
}

/**
 * Registers the hooks every SDK browser test file needs: one Chromium and one page
 * server per file, a new context and (when `projectName` is given) a new project in
 * the shared collector per test. Read the fields inside hooks and tests.
 */
export function useSdkTestbed(projectName: string | null): SdkTestbed {
  const bed = {} as SdkTestbed;
  beforeAll(async () => {
    bed.collector = sharedCollector();
    bed.browser = await launchChromium();
    bed.server = await startPageServer();
    bed.server.serve('/app.js', '');
  });
  afterAll(async () => {
    await bed.browser?.close();
    await bed.server?.stop();
  });
  beforeEach(async () => {
    if (projectName) bed.project = await bed.collector.createProject(projectName);
    bed.context = await bed.browser.newContext();
  });
  afterEach(async () => {
    await bed.context?.close();
  });
  return bed;
}
