// Types for the precompiled templates (see scripts/build-templates.mjs).
export declare const templates: Record<string, (context: Record<string, unknown>) => string>;
