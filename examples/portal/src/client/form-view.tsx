/**
 * The form itself: JSON Forms with what @kiemdiem/forms ships for it: the UI schema, the renderers
 * (`/jsonforms-renderers`: vanilla plus tables and radios), the Vietnamese words and the validation middleware
 * (`/jsonforms`: checkForm's messages, no ajv, so it runs under script-src 'self').
 *
 * The document goes up to the page (rating, problems, PDF button) from a layout effect, in the same render as the
 * field messages, not through JSON Forms' own onChange, which reports 10 ms late: with it the page showed a new
 * message beside the rating of the previous value until the timer fired, later still on a busy machine.
 */
import { schemaFor, uiSchemaFor } from '@kiemdiem/forms';
import { jsonFormsI18n, REFRESH_ERRORS, validationMiddleware } from '@kiemdiem/forms/jsonforms';
import { cells, renderers } from '@kiemdiem/forms/jsonforms-renderers';
import type { CoreActions, JsonSchema, UISchemaElement } from '@jsonforms/core';
import { JsonFormsDispatch, JsonFormsStateProvider, useJsonForms } from '@jsonforms/react';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { MemberFormId } from '../shared/api';
import { changedPaths, isShown } from './model';

const i18n = jsonFormsI18n('vi');

/** After "Kiểm tra toàn bộ": recompute which messages are shown. */
function Refresher({ showAll }: { showAll: boolean }) {
  const { dispatch } = useJsonForms();
  useEffect(() => dispatch?.({ type: REFRESH_ERRORS } as unknown as CoreActions), [showAll, dispatch]);
  return null;
}

/** Hands each new document to the page before the browser paints: the page never lags the form's messages. */
function Reporter({ onChange }: { onChange: (document: Record<string, unknown>) => void }) {
  const { core } = useJsonForms();
  const data = core?.data as Record<string, unknown> | undefined;
  useLayoutEffect(() => onChange(data ?? {}), [data, onChange]);
  return null;
}

export interface FormViewProps {
  formId: MemberFormId;
  /** The document to show; a new object replaces what the member typed (e.g. the example). */
  document: Record<string, unknown>;
  /** Show every problem, not only those of the fields the member has touched. */
  showAll: boolean;
  onChange: (document: Record<string, unknown>) => void;
}

export function FormView({ formId, document, showAll, onChange }: FormViewProps) {
  const schema = useMemo(() => schemaFor(formId) as unknown as JsonSchema, [formId]);
  const uischema = useMemo(() => uiSchemaFor(formId, 'jsonforms', 'vi') as unknown as UISchemaElement, [formId]);
  const touched = useRef(new Set<string>());
  const all = useRef(showAll);
  all.current = showAll;

  // The adapter's middleware puts the messages in the state with each change; the portal only says which to show
  // (fields the member touched, or all after "Kiểm tra toàn bộ") and notes what each change touched.
  const middleware = useMemo(
    () =>
      validationMiddleware(formId, {
        lang: 'vi',
        filter: (p) => isShown(p, touched.current, all.current),
        onUpdate: (before, after) => changedPaths(before, after).forEach((p) => touched.current.add(p)),
      }),
    [formId],
  );

  const initState = useMemo(() => ({ core: { data: document, schema, uischema, validationMode: 'NoValidation' as const }, renderers, cells, i18n }), [document, schema, uischema]);

  return (
    <JsonFormsStateProvider initState={initState} middleware={middleware}>
      <Refresher showAll={showAll} />
      <Reporter onChange={onChange} />
      <JsonFormsDispatch />
    </JsonFormsStateProvider>
  );
}
