/** Reference forms: documents the file needs but no central template fixes (`official: false`). */
import type { FormDefinition } from '../model';

export const REFERENCE_FORMS: FormDefinition[] = [];
