/**
 * Reading PDFs back with poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm): test-only helpers.
 * CI installs poppler (.ci/run) and then these tools are required; on a bare developer machine with only
 * Node and npm the PDF read-back tests are skipped with a notice.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export const POPPLER = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
export const READ_BACK = POPPLER || Boolean(process.env.CI);
if (!READ_BACK) console.warn('poppler-utils not installed: PDF read-back tests are skipped (CI installs it).');

const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-pdf-'));
let n = 0;

export function savePdf(bytes: Uint8Array, name = `doc-${++n}.pdf`): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

export function pdfText(file: string, args: string[] = ['-layout']): string {
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

export function pdfFonts(file: string): Array<{ name: string; type: string; embedded: boolean }> {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type… encoding emb sub uni object ID: emb is the 5th column from the end.
    return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: cols[cols.length - 5] === 'yes' };
  });
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  page: number;
}

/** Every word with its box in points (pdftotext -bbox), to check where things sit on the page. */
export function pdfWords(file: string): Word[] {
  const html = pdfText(file, ['-bbox']);
  const words: Word[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (m) words.push({ xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text: decode(m[5]!), page });
  }
  return words;
}

function decode(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/**
 * What every rendered PDF must be: A4, only the four Tinos faces, embedded (subset), and the Party header.
 * Returns the text (whitespace collapsed) for further checks.
 */
export function expectPartyPdf(file: string): string {
  expect(pdfInfo(file)['Page size']).toMatch(/595\.2\d? x 841\.8\d? pts \(A4\)/);
  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) {
    expect(f.name).toMatch(/^[A-Z]{6}\+Tinos-(Regular|Bold|Italic|BoldItalic)$/);
    expect(f.embedded).toBe(true);
  }
  const text = pdfText(file).replace(/\s+/g, ' ');
  expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  return text;
}

