import { describe, expect, it } from 'vitest';
import { call } from './helpers';

describe('the dashboard’s transaction pages', () => {
  it('serve the app’s HTML with the slashes of the name still encoded', async () => {
    const response = await call('/projects/1/performance/%2Fcheckout%2F%3Aid', {
      headers: { Accept: 'text/html' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('text/html');
    expect(await response.text()).toContain('<div id="app">');
  });
});
