/** The wording now lives in locales/; stream/ and rate-worker.ts still import it from here. */
export { messages, type Messages } from './locales';
