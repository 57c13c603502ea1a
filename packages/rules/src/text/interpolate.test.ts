import { describe, expect, it } from 'vitest';
import { interpolate } from './interpolate';

describe('interpolate', () => {
  const fill = (name: string, format: string | undefined) => (name === 'x' ? `[${format ?? '-'}]` : undefined);

  it('fills named slots, with and without a format', () => {
    expect(interpolate('a {x} b {x|percent} c', fill)).toBe('a [-] b [percent] c');
  });

  it('leaves slots the caller does not fill, and anything else, as written', () => {
    expect(interpolate('{{constructor}} {y} {y|z} {x', fill)).toBe('{{constructor}} {y} {y|z} {x');
  });

  it('never evaluates the text: values are inserted as data', () => {
    expect(interpolate('{x}', () => '${process.exit()} {x}')).toBe('${process.exit()} {x}');
  });
});
