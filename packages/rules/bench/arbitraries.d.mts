import type { Arbitrary } from 'fast-check';
import type { RateOptions } from '../src/types';

export declare const subjectArb: (i?: number) => Arbitrary<Record<string, unknown>>;
export declare const batchArb: (n: number) => Arbitrary<Array<Record<string, unknown>>>;
export declare function optionsArb(overlay: unknown): Arbitrary<RateOptions>;
export declare function sampleSubjects(n: number, seed?: number): Array<Record<string, unknown>>;
