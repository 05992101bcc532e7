import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { prepareSourceMap } from '../src/sourcemaps/prepareSourceMap';
import { LoadedMap } from '../src/symbolicate/LoadedMap';
import { MapCache } from '../src/symbolicate/MapCache';
import { SHOP_BUILDS } from './fixtures/sourcemaps/shopBuilds';

function loaded(): LoadedMap {
  const prepared = prepareSourceMap(strToU8(SHOP_BUILDS.first.map));
  if (!prepared.ok) throw new Error(prepared.problem);
  return new LoadedMap(prepared.text);
}

describe('the isolate map cache', () => {
  it('keeps its bytes under the budget by dropping the least recently used map', () => {
    const one = loaded();
    const cache = new MapCache(one.bytes * 2 + 1);
    cache.set('a', one);
    cache.set('b', loaded());
    expect(cache.get('a')).toBe(one); // now the most recent
    cache.set('c', loaded());
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(one);
    expect(cache.get('c')).toBeDefined();
    expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
  });

  it('does not keep a map larger than the whole budget', () => {
    const cache = new MapCache(10);
    cache.set('big', loaded());
    expect(cache.get('big')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });
});
