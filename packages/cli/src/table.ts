/** Plain-text tables for terminals: widths by code point (Vietnamese text is NFC, one code point a letter). */

/**
 * Characters a terminal would act on rather than show: C0 and C1 controls (ESC starts escape sequences that
 * clear the screen or retitle the window, CR overwrites the line, BEL rings), DEL, the bidirectional
 * overrides and isolates (which reorder what follows), line and paragraph separators, and lone surrogates.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with every unprintable character shown as its escape (\u001b), for tables and other terminal text from user data. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** printable() line by line: the newlines between lines stay. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}

export function width(text: string): number {
  return [...text].length;
}

export function pad(text: string, size: number): string {
  return text + ' '.repeat(Math.max(0, size - width(text)));
}

export function truncate(text: string, size: number): string {
  const chars = [...text];
  return chars.length <= size ? text : `${chars.slice(0, size - 1).join('')}…`;
}

/** Renders rows under headers with one space of gutter; the last column is not padded. */
export function renderTable(headers: string[], rows: string[][]): string[] {
  rows = rows.map((r) => r.map(printable));
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}
