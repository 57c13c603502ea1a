/**
 * @kiemdiem/server: kiemdiem as an HTTP service (`kiemdiem serve`). The handlers take plain objects and
 * return plain results (handlers.ts); app.ts is the thin Fastify adapter; openapi.ts the contract.
 */
export { createServer } from './app';
export type { KiemdiemServer, ServerOptions } from './app';
export { listen } from './serve';
export type { ListenOptions, Listening } from './serve';
export { openApiDocument } from './openapi';
export { readTokens, parseTokens } from './auth';
export { Problem, problemDocument } from './problem';
export type { ProblemDocument, ProblemIssue } from './problem';
export type { PdfPoolOptions } from './pdf-pool';
// The framework-free handlers the routes call: plain objects in, plain results out (or a Problem thrown).
export { getRegulations, getRegulation, rate as rateRequest, diff as diffRequest, getForms, getFormSchema, getUiSchema, validateDocument, planCheck } from './handlers';
export type { RateAnswer } from './handlers';
