/**
 * What `#reference-engine` is in browser bundles: nothing. json-rules-engine (≈ 80 kB minified with its
 * dependencies) stays out of every browser bundle unless the bundle asks for it with the
 * `kiemdiem-reference-engine` condition (see docs/decisions.md, issue 17).
 */
import type { RuleEngine } from './engine';

export const referenceEngine: RuleEngine | null = null;
