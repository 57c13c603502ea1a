import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ddmmyyyy, isoDate } from '../dates';
import { placeAndDate } from '../layout';
import { summaryDefinition } from '../summary';
import { textsOf } from '../../test/glyphs';
import { en, LOCALES, party, reportLocale, vi } from './index';

const SRC = fileURLToPath(new URL('..', import.meta.url));

/** Every string a locale gives: its texts, and what its phrases make of sample values. */
function strings(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const sample = { citation: 'c', provenance: 'p', overlay: 'o', group: 'g', excellent: 1, good: 2, allowed: 3, maxExcellent: 4, over: true, ratio: 'r', rounding: 'x', collectives: true, members: true, period: 'y', mark: 'm', rule: 'u', message: 's', count: 5, results: 1, remediation: 2, feedback: 3, notRated: 4, documentType: 'Quy định', number: '366-QĐ/TW' };
    // One argument for every phrase: a date string (for the date phrases) carrying every named part.
    const first = Object.assign(new String('2026-02-03'), sample);
    return [[path, String((value as (...a: unknown[]) => unknown)(first, 'b', 'c', 'd'))]];
  }
  if (value instanceof RegExp) return [];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

/** The shape of a locale: its keys, nested, and what kind each value is. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object' && !(value instanceof RegExp)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]).sort());
  return typeof value;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('the locales', () => {
  it('have the same words in both languages, each NFC and non-empty', () => {
    expect(shape(en)).toEqual(shape(vi));
    expect(LOCALES).toEqual({ vi, en });
    for (const [path, text] of [...strings(vi), ...strings(en), ...strings(party)]) {
      expect(text.length, path).toBeGreaterThan(0);
      expect(text, path).toBe(text.normalize('NFC'));
    }
  });

  it('are picked once: Vietnamese unless English is asked for', () => {
    expect(reportLocale()).toBe(vi);
    expect(reportLocale('vi')).toBe(vi);
    expect(reportLocale('en')).toBe(en);
    expect(reportLocale('fr')).toBe(vi);
  });

  it('are the only place that tests the language: no lang === … in the rest of src', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(20);
    const inline = /[!=]==\s*['"](vi|en)['"]|['"](vi|en)['"]\s*[!=]==|\bvi\s*\?|\ben\s*\?/;
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => [`${relative(SRC, file)}:${i + 1}`, line] as const)
        .filter(([, line]) => inline.test(line)),
    );
    expect(found).toEqual([]);
  });

  it('print values as data: template syntax in a value is printed as it is, never run', () => {
    const place = '{{constructor.constructor}} ${process.exit(1)} {{#each x}}';
    expect(placeAndDate(place, '2026-02-01')).toBe(`${place}, ngày 01 tháng 02 năm 2026`);
    const definition = summaryDefinition({ results: [] }, { unit: { issuer: '{{issuer}}', place }, date: '2026-12-15' });
    expect(textsOf(definition)).toContain(`${place}, ngày 15 tháng 12 năm 2026`);
    expect(en.quotaLine({ group: '{{group}}', excellent: 1, good: 5, allowed: 1, maxExcellent: 1, over: false, ratio: '${ratio}', rounding: 'floor' })).toBe(
      'Group {{group}}: 1 HTXSNV / 5 HTTNV; allowed 1 (${ratio} × 5, floor): within the quota',
    );
  });
});

describe('dates', () => {
  it('are checked as YYYY-MM-DD calendar dates and written dd/mm/yyyy', () => {
    expect(isoDate('2026-02-28').toISOString()).toBe('2026-02-28T00:00:00.000Z');
    for (const bad of ['2026-02-30', '2026-2-28', '28/02/2026', '']) expect(() => isoDate(bad), bad).toThrow(/YYYY-MM-DD/);
    expect(ddmmyyyy('2026-02-03')).toBe('03/02/2026');
  });
});
