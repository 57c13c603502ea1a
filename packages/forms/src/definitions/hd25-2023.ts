/** Forms of Hướng dẫn 25-HD/BTCTW (10/11/2023), implementing Quy định 124-QĐ/TW. Under HD 25, 02A is the NON-LEADER form. */
import type { FormDefinition } from '../model';

export const HD25_FORMS: FormDefinition[] = [];
