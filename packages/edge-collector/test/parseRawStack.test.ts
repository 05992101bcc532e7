import { describe, expect, it } from 'vitest';
import { parseRawStack } from '../src/stack/parseRawStack';

describe('parseRawStack', () => {
  it('parses a V8 stack, oldest call first', () => {
    const frames = parseRawStack(
      'Error: boom\n    at inner (https://a.test/app.js:1:10)\n    at https://a.test/app.js:2:20',
    );
    expect(frames.map((frame) => [frame.function, frame.lineno, frame.colno])).toEqual([
      ['?', 2, 20],
      ['inner', 1, 10],
    ]);
  });

  it('parses a Firefox/Safari stack', () => {
    const frames = parseRawStack('inner@https://a.test/app.js:1:10\n@https://a.test/app.js:2:20\n');
    expect(frames.at(-1)).toMatchObject({ function: 'inner', filename: 'https://a.test/app.js' });
  });

  it('yields no frames for text that is not a stack', () => {
    expect(parseRawStack('just a message')).toEqual([]);
  });
});
