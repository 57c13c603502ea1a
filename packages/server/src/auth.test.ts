import { describe, expect, it } from 'vitest';
import { bearerCheck, parseTokens } from './auth';

describe('bearer tokens', () => {
  it('reads tokens separated by commas, spaces or lines, skipping comments', () => {
    expect(parseTokens('a,b\n# note\n c ')).toEqual(['a', 'b', 'c']);
  });

  it('lets every request through without tokens, and only a known token with them', () => {
    expect(bearerCheck([])(undefined)).toBe(true);
    const check = bearerCheck(['s3cret', 'other']);
    expect(check('Bearer s3cret')).toBe(true);
    expect(check('bearer other')).toBe(true);
    expect(check('Bearer s3cre')).toBe(false);
    expect(check('Basic s3cret')).toBe(false);
    expect(check(undefined)).toBe(false);
  });
});
