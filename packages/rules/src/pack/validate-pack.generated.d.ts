// Types for the generated standalone validator (see scripts/build-pack-validator.mjs).
export interface PackValidationError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
declare const validate: ((data: unknown) => boolean) & { errors?: PackValidationError[] | null };
export default validate;
