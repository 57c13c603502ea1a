// Types for the generated standalone validators (see scripts/generate.ts).
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
export type StandaloneValidator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
export declare const validators: Record<string, StandaloneValidator>;
