// Types for scripts/sync-publish-exports.mjs.
export const SOURCE_CONDITION: string;
export function publishExports(exports: unknown): unknown;
export function synced(manifest: Record<string, unknown>): string;
