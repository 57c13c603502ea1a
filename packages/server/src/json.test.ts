import { describe, expect, it } from 'vitest';
import { parseBody, unsafeKey } from './json';
import { Problem } from './problem';

const codeOf = (text: string) => {
  try {
    parseBody(text, 'en');
  } catch (error) {
    return (error as Problem).code;
  }
  return 'ok';
};

describe('request JSON', () => {
  it('refuses __proto__, constructor and prototype keys at any depth, and names where', () => {
    expect(unsafeKey(JSON.parse('{"a": [{"b": {"__proto__": 1}}]}'))).toEqual(['__proto__', '/a/0/b/__proto__']);
    expect(codeOf('{"constructor": {}}')).toBe('unsafe-key');
    expect(codeOf('{"x": {"prototype": 1}}')).toBe('unsafe-key');
    expect(codeOf('{"\\u0063onstructor": 1}')).toBe('unsafe-key');
  });

  it('accepts those words as values, and tells malformed JSON apart', () => {
    expect(codeOf('{"name": "constructor", "note": "__proto__"}')).toBe('ok');
    expect(codeOf('{"a": ')).toBe('bad-json');
  });
});
