// Types for scripts/packages.mjs.
export const ROOT: string;
export function publishablePackages(): Array<{ dir: string; manifest: Record<string, any> }>;
