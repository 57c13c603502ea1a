/**
 * `@kiemdiem/forms/jsonforms-renderers`: JSON Forms' vanilla renderers with two of ours where they fall short for
 * these forms. Plain HTML with class names, no injected <style> (so they run under `style-src 'self'`).
 * - Tables (evidence, sections III and IV): vanilla's array control prints "Add to …" and asks
 *   "Are you sure you wish to delete this item?" in English whatever the translator says; ours takes every word
 *   from the JSON Forms translator (`jsonFormsI18n` of `@kiemdiem/forms/jsonforms`).
 * - Radio choices (the 19 prohibitions of QĐ 37, the level): vanilla lays the options in one flex row with no gap
 *   ("Không vi phạmCó vi phạm") and gives each radio its option value as id, so the 19 "khong-vi-pham" radios
 *   share one id and every label toggles the first group. Ours puts each option on its own line with its input
 *   inside its label.
 */
import {
  and,
  composePaths,
  convertToValidClassName,
  createDefaultValue,
  findUISchema,
  isObjectArrayControl,
  isObjectArrayWithNesting,
  isOneOfEnumControl,
  optionIs,
  or,
  rankWith,
  type ArrayLayoutProps,
  type ControlProps,
  type JsonFormsRendererRegistryEntry,
  type OwnPropsOfEnum,
} from '@jsonforms/core';
import { JsonFormsDispatch, useJsonForms, withJsonFormsArrayLayoutProps, withJsonFormsOneOfEnumProps } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
import { createElement as h, useMemo, type ReactNode } from 'react';

function useTranslate() {
  const t = useJsonForms().i18n?.translate;
  return (key: string, fallback: string, values?: Record<string, unknown>): string => (t ? (t(key, fallback, values) ?? fallback) : fallback);
}

/** A table: numbered rows, each with its delete button, and one add button (disabled at the table's maximum). */
export function TableRows(props: ArrayLayoutProps & { visible?: boolean }) {
  const { data, path, schema, uischema, uischemas, rootSchema, label, errors, addItem, removeItems, enabled, renderers, cells, visible, arraySchema, required } = props;
  const t = useTranslate();
  const detail = useMemo(() => findUISchema(uischemas ?? [], schema, uischema.scope, path, undefined, uischema, rootSchema), [uischemas, schema, uischema, path, rootSchema]);
  const count = data ?? 0;
  const full = arraySchema.maxItems !== undefined && count >= arraySchema.maxItems;
  const key = path || 'root';
  const rows: ReactNode[] = Array.from({ length: count }, (_, index) => {
    const rowPath = composePaths(path, String(index));
    return h('li', { key: rowPath, className: 'row' },
      h(JsonFormsDispatch, { schema, uischema: detail, path: rowPath, renderers, cells, enabled }),
      h('button', { type: 'button', className: 'secondary small remove-row', disabled: !enabled, onClick: removeItems?.(path, [index]) }, t(`${key}.removeRow`, `Delete row ${index + 1}`, { n: index + 1 })),
    );
  });
  return h('fieldset', { className: `rows ${convertToValidClassName(uischema.scope)}`, hidden: visible === false },
    h('legend', null, label, required ? '*' : ''),
    count === 0 ? h('p', { className: 'rows-empty' }, t(`${key}.noDataMessage`, 'No data')) : null,
    h('ol', { className: 'rows-list' }, rows),
    errors ? h('div', { className: 'validation validation_error' }, errors) : null,
    h('button', { type: 'button', className: 'secondary small add-row', disabled: !enabled || full, onClick: addItem(path, createDefaultValue(schema, rootSchema)) }, t(`${key}.addTooltip`, `Add to ${label}`)),
  );
}

/** A choice as radio buttons: one option a line, each input inside its label, ids unique to the control. */
export function RadioChoices({ id, data, options, handleChange, path, label, required, errors, enabled, visible, uischema }: ControlProps & OwnPropsOfEnum) {
  return h('div', { className: `control radio-control ${convertToValidClassName(uischema.scope)}`, hidden: !visible },
    h('span', { className: 'label', id: `${id}-label` }, label, required ? '*' : ''),
    h('div', { className: 'radio', role: 'radiogroup', 'aria-labelledby': `${id}-label` },
      (options ?? []).map((option) =>
        h('div', { key: String(option.value), className: 'radio-option' },
          h('label', null,
            h('input', { type: 'radio', name: id, value: String(option.value), checked: data === option.value, disabled: !enabled, onChange: () => handleChange(path, option.value) }),
            ' ',
            option.label,
          ),
        ),
      ),
    ),
    errors ? h('div', { className: 'validation validation_error' }, errors) : null,
  );
}

/** The vanilla renderers, with ours ranked above vanilla's for tables of objects and radio choices. */
export const renderers: JsonFormsRendererRegistryEntry[] = [
  ...vanillaRenderers,
  { tester: rankWith(10, or(isObjectArrayWithNesting, isObjectArrayControl)), renderer: withJsonFormsArrayLayoutProps(TableRows) },
  { tester: rankWith(10, and(isOneOfEnumControl, optionIs('format', 'radio'))), renderer: withJsonFormsOneOfEnumProps(RadioChoices) },
];

export const cells = vanillaCells;
