/**
 * The form itself: JSON Forms with the UI schema @kiemdiem/forms ships, the vanilla renderers (plus ours), and
 * the package's Vietnamese messages in place of JSON Forms' own validation.
 *
 * JSON Forms validates with ajv, which compiles each schema to code with new Function: script-src 'self'
 * refuses that. So validationMode is "NoValidation" and the messages are @kiemdiem/forms checkForm's
 * (validators precompiled at build time), handed over as `additionalErrors`.
 *
 * They are computed in a JSON Forms middleware, in the same state update as the keystroke, rather than passed
 * back as props: new props would reset JSON Forms' data to an older value, dropping the characters typed in between.
 *
 * The document goes up to the page (rating, problems, PDF button) from a layout effect, in the same render as the
 * field messages, not through JSON Forms' own onChange, which reports 10 ms late: with it the page showed a new
 * message beside the rating of the previous value until the timer fired, later still on a busy machine.
 */
import { schemaFor, uiSchemaFor } from '@kiemdiem/forms';
import type { CoreActions, JsonFormsCore, JsonSchema, Middleware, Translator, UISchemaElement } from '@jsonforms/core';
import { JsonFormsDispatch, JsonFormsStateProvider, useJsonForms } from '@jsonforms/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { MemberFormId } from '../shared/api';
import { asJsonFormsErrors, changedPaths, isShown, problemsOf } from './model';
import { cells, renderers, translate } from './renderers';

/** Ours: recompute which messages are shown (after "Kiểm tra toàn bộ"). JSON Forms' reducer never sees it. */
const REFRESH = 'kiemdiem/REFRESH_ERRORS';
const UPDATE_DATA = 'jsonforms/UPDATE';

const i18n = { locale: 'vi', translate: translate as Translator };

type Errors = NonNullable<JsonFormsCore['additionalErrors']>;

function Refresher({ showAll }: { showAll: boolean }) {
  const { dispatch } = useJsonForms();
  useEffect(() => dispatch?.({ type: REFRESH } as unknown as CoreActions), [showAll, dispatch]);
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
  const shown = useRef<Errors>([]);

  /** The messages to show for a document; the same array when nothing changed, so React has nothing to redo. */
  const errorsFor = useCallback(
    (doc: unknown): Errors => {
      const next = asJsonFormsErrors(problemsOf(formId, doc).filter((p) => isShown(p, touched.current, all.current)));
      if (JSON.stringify(next) !== JSON.stringify(shown.current)) shown.current = next;
      return shown.current;
    },
    [formId],
  );

  const middleware = useCallback<Middleware>(
    (state, action, reducer) => {
      if ((action as { type: string }).type === REFRESH) return { ...state, additionalErrors: errorsFor(state.data) };
      const next = reducer(state, action);
      if (action.type === UPDATE_DATA) for (const p of changedPaths(state.data, next.data)) touched.current.add(p);
      const errors = errorsFor(next.data);
      return next.additionalErrors === errors ? next : { ...next, additionalErrors: errors };
    },
    [errorsFor],
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
