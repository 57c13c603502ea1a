import { describe, expect, it } from 'vitest';
import { EXAMPLES, exampleFor, FORM_IDS, formIds, isFormId, uiSchemaFor } from './index';

describe('FORM_IDS and FormId', () => {
  it('lists exactly the registry’s forms, in its order, each with an example', () => {
    expect([...FORM_IDS]).toEqual(formIds());
    expect(Object.keys(EXAMPLES).sort()).toEqual([...FORM_IDS].sort());
  });

  it('isFormId accepts the ids and nothing else', () => {
    expect([isFormId('hd43-2025/02b'), isFormId('hd43-2025/99'), isFormId('__proto__'), isFormId(1)]).toEqual([true, false, false, false]);
  });

  it('exampleFor gives a fresh object for a form, undefined for an unknown id or an inherited key', () => {
    const a = exampleFor('hd43-2025/02b');
    a.changed = true;
    expect(exampleFor('hd43-2025/02b').changed).toBeUndefined();
    expect([exampleFor('nope'), exampleFor('constructor'), exampleFor('toString')]).toEqual([undefined, undefined, undefined]);
  });

  it('uiSchemaFor narrows by kind: JSON Forms gets a layout element, RJSF an object of field options', () => {
    const jsonforms = uiSchemaFor('hd43-2025/02b', 'jsonforms');
    const rjsf = uiSchemaFor('hd43-2025/02b', 'rjsf');
    expect({ type: typeof jsonforms.type, rjsf: typeof rjsf }).toEqual({ type: 'string', rjsf: 'object' });
  });
});
