/** Display words for audiences, provenance and rounding: the rules package's locale modules hold them. */
import { locale, type Lang, type Provenance, type Result, type Rounding } from '@kiemdiem/rules';

export function audienceWord(result: Pick<Result, 'kind' | 'audience'>, lang: Lang): string {
  return locale(lang).audiences[result.kind === 'collective' ? 'collective' : (result.audience ?? 'non-leader')];
}

export function provenanceWord(p: Provenance, lang: Lang): string {
  return locale(lang).provenance[p];
}

export function roundingWord(r: Rounding, lang: Lang): string {
  return locale(lang).rounding[r];
}
