/**
 * JSON Forms renderers: the vanilla set (plain HTML, class names only, no injected <style>, so it runs under
 * style-src 'self'), plus two of our own where the vanilla ones fall short for this form:
 * - rows of a table (evidence, section III and IV): vanilla's array control has English button text and an
 *   English window.confirm; ours says "Thêm dòng" / "Xoá dòng";
 * - radio choices (the 19 prohibitions of QĐ 37): vanilla gives every radio the option value as its id, so the
 *   19 "khong-vi-pham" radios share one id and their labels toggle the first group; ours wraps each input in
 *   its label.
 */
import {
  composePaths,
  convertToValidClassName,
  createDefaultValue,
  findUISchema,
  isObjectArrayControl,
  isObjectArrayWithNesting,
  isOneOfEnumControl,
  optionIs,
  or,
  and,
  rankWith,
  type ArrayLayoutProps,
  type ControlProps,
  type JsonFormsRendererRegistryEntry,
  type OwnPropsOfEnum,
} from '@jsonforms/core';
import { JsonFormsDispatch, withJsonFormsArrayLayoutProps, withJsonFormsOneOfEnumProps } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
import { useMemo } from 'react';

function Rows({ data, path, schema, uischema, uischemas, rootSchema, label, errors, addItem, removeItems, enabled, renderers, cells, visible, arraySchema, required }: ArrayLayoutProps & { visible?: boolean }) {
  const detail = useMemo(() => findUISchema(uischemas ?? [], schema, uischema.scope, path, undefined, uischema, rootSchema), [uischemas, schema, uischema, path, rootSchema]);
  const count = data ?? 0;
  const full = arraySchema.maxItems !== undefined && count >= arraySchema.maxItems;
  return (
    <fieldset className={`rows ${convertToValidClassName(uischema.scope)}`} hidden={visible === false}>
      <legend>
        {label}
        {required ? '*' : ''}
      </legend>
      {count === 0 ? <p className="rows-empty">Chưa có dòng nào.</p> : null}
      <ol className="rows-list">
        {Array.from({ length: count }, (_, index) => {
          const rowPath = composePaths(path, String(index));
          return (
            <li key={rowPath} className="row">
              <JsonFormsDispatch schema={schema} uischema={detail} path={rowPath} renderers={renderers} cells={cells} enabled={enabled} />
              <button type="button" className="secondary small" disabled={!enabled} onClick={removeItems?.(path, [index])}>
                Xoá dòng {index + 1}
              </button>
            </li>
          );
        })}
      </ol>
      {errors ? <div className="validation validation_error">{errors}</div> : null}
      <button type="button" className="secondary small" disabled={!enabled || full} onClick={addItem(path, createDefaultValue(schema, rootSchema))}>
        Thêm dòng
      </button>
    </fieldset>
  );
}

function Radios({ id, data, options, handleChange, path, label, required, errors, enabled, visible, uischema }: ControlProps & OwnPropsOfEnum) {
  return (
    <div className={`control radio-control ${convertToValidClassName(uischema.scope)}`} hidden={!visible}>
      <span className="label" id={`${id}-label`}>
        {label}
        {required ? '*' : ''}
      </span>
      <div className="radio" role="radiogroup" aria-labelledby={`${id}-label`}>
        {(options ?? []).map((option) => (
          <label key={String(option.value)} className="radio-option">
            <input type="radio" name={id} value={String(option.value)} checked={data === option.value} disabled={!enabled} onChange={() => handleChange(path, option.value)} />
            {option.label}
          </label>
        ))}
      </div>
      {errors ? <div className="validation validation_error">{errors}</div> : null}
    </div>
  );
}

export const renderers: JsonFormsRendererRegistryEntry[] = [
  ...vanillaRenderers,
  { tester: rankWith(10, or(isObjectArrayWithNesting, isObjectArrayControl)), renderer: withJsonFormsArrayLayoutProps(Rows) },
  { tester: rankWith(10, and(isOneOfEnumControl, optionIs('format', 'radio'))), renderer: withJsonFormsOneOfEnumProps(Radios) },
];
export const cells = vanillaCells;

/** The few words JSON Forms itself prints (the empty choice of a select). */
export function translate(key: string, defaultMessage: string | undefined): string | undefined {
  if (key.endsWith('enum.none') || key === 'enum.none') return '— Chọn —';
  return defaultMessage;
}
