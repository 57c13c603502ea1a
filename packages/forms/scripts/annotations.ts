/** The `x-` keywords our schemas carry for renderers and documents; ajv treats them as annotations. */
export const ANNOTATIONS = ['x-title-en', 'x-description-en', 'x-widget', 'x-basis', 'x-provenance', 'x-rules'] as const;
