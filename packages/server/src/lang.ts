/** The language of a request: `?lang=` first, then the first of vi/en in Accept-Language (by q), else Vietnamese. */
import type { Lang } from '@kiemdiem/rules';

export function requestLang(query: unknown, acceptLanguage: string | undefined): Lang {
  const q = query !== null && typeof query === 'object' ? (query as Record<string, unknown>).lang : undefined;
  if (q === 'en' || q === 'vi') return q;
  if (!acceptLanguage) return 'vi';
  const tags = acceptLanguage
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const qv = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = qv ? Number(qv.slice(2)) : 1;
      return { lang: tag.split('-')[0], weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((t) => t.weight > 0 && (t.lang === 'vi' || t.lang === 'en'))
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  return (tags[0]?.lang as Lang | undefined) ?? 'vi';
}
