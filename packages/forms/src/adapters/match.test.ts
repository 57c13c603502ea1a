import { schemaFor } from '@kiemdiem/forms';
import { describe, expect, it } from 'vitest';
import { matches } from './match';

const root = schemaFor('hd43-2025/02b');

describe('matches', () => {
  it('reads the keywords the forms use, through local references', () => {
    expect(matches({ $ref: '#/$defs/text200' }, 'Nguyễn Văn A', root)).toBe(true);
    expect(matches({ $ref: '#/$defs/text200' }, '', root)).toBe(false);
    expect(matches({ type: 'number', minimum: 0, maximum: 30, multipleOf: 0.5 }, 28.5, root)).toBe(true);
    expect(matches({ type: 'number', minimum: 0, maximum: 30, multipleOf: 0.5 }, 28.4, root)).toBe(false);
    expect(matches({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false }, { a: 'x', b: 1 }, root)).toBe(false);
    expect(matches({ type: 'array', items: { const: 1 }, maxItems: 2 }, [1, 1], root)).toBe(true);
  });

  it('a keyword it does not know, a reference it cannot follow or a runaway depth is never a match', () => {
    expect(matches({ if: { const: 1 } } as never, 1, root)).toBe(false);
    expect(matches({ $ref: 'https://elsewhere.example/schema' }, 1, root)).toBe(false);
    const loop = { $defs: { a: { $ref: '#/$defs/a' } } };
    expect(matches({ $ref: '#/$defs/a' }, 1, loop)).toBe(false);
  });
});
