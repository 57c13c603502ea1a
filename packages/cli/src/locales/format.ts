/** Number formatting shared by the locales: only the decimal separator differs. */

export function numberFormat(decimal: string): { number(value: number, digits?: number): string; percent(value: number | null, digits?: number): string } {
  const number = (value: number, digits?: number) => (digits === undefined ? String(value) : value.toFixed(digits)).replace('.', decimal);
  return { number, percent: (value, digits) => (value === null ? '—' : `${number(value, digits)} %`) };
}
