import { expect, it } from 'vitest';
import manifest from '../../package.json';
import { SDK, VERSION } from '../../src/core/version';

it('reports the version package.json declares, under the SDK name the DSN query uses', () => {
  expect(VERSION).toBe(manifest.version);
  expect(SDK).toEqual({ name: 'faultline.browser', version: manifest.version });
});
