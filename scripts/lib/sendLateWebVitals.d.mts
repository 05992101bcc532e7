import type { Page } from 'playwright-core';

export function sendLateWebVitals(page: Page): Promise<void>;
