/** Display words for audiences and provenance, per language. */
import type { Lang, Provenance, Result } from '@kiemdiem/rules';

const AUDIENCE = {
  vi: { leader: 'Lãnh đạo, quản lý', 'non-leader': 'Không giữ chức vụ', 'outside-system': 'Ngoài hệ thống chính trị', collective: 'Tập thể' },
  en: { leader: 'Leader', 'non-leader': 'Non-leader', 'outside-system': 'Outside the system', collective: 'Collective' },
} as const;

const PROVENANCE: Record<Lang, Record<Provenance, string>> = {
  vi: { verified: 'đã kiểm chứng', 'single-source': 'một nguồn', legacy: 'kế thừa quy định trước', unverified: 'chưa kiểm chứng' },
  en: { verified: 'verified', 'single-source': 'single source', legacy: 'carried over', unverified: 'unverified' },
};

export function audienceWord(result: Pick<Result, 'kind' | 'audience'>, lang: Lang): string {
  return AUDIENCE[lang][result.kind === 'collective' ? 'collective' : (result.audience ?? 'non-leader')];
}

export function provenanceWord(p: Provenance, lang: Lang): string {
  return PROVENANCE[lang][p];
}

const ROUNDING = {
  vi: { floor: 'làm tròn xuống', 'round-half-up': 'làm tròn 0,5 lên', ceil: 'làm tròn lên' },
  en: { floor: 'rounded down', 'round-half-up': 'half rounded up', ceil: 'rounded up' },
} as const;

export function roundingWord(r: keyof (typeof ROUNDING)['vi'], lang: Lang): string {
  return ROUNDING[lang][r];
}
