/** The rating the rule pack computes for the member's Part B scores, with each reason's citation. */
import { formMessages } from '@kiemdiem/forms';
import { loadRegulation, locale, type Reason } from '@kiemdiem/rules';
import { proposesHigher, type Rating } from './model';

const vi = locale('vi');
const MARK: Record<Reason['outcome'], string> = { met: '✓', failed: '✗', applied: '•', disabled: '–' };
const OUTCOME: Record<Reason['outcome'], string> = { met: 'đạt', failed: 'chưa đạt', applied: 'áp dụng', disabled: 'không áp dụng' };

export function number(n: number | undefined): string {
  return n === undefined ? '—' : String(n).replace('.', ',');
}

export function regulationName(id: string): string {
  try {
    const m = loadRegulation(id.split('+')[0]!).manifest;
    return `${m.documentType} ${m.number}`;
  } catch {
    return id;
  }
}

export function RatingCard({ rating }: { rating: Rating }) {
  if (rating.state === 'missing') {
    return (
      <section className="card rating" aria-live="polite" data-state="missing">
        <h2>Xếp loại theo quy định</h2>
        <p className="muted">Nhập điểm Phần B, mục I ({rating.fields.map((f) => `“${f}”`).join(' và ')}) để xem mức xếp loại bộ quy tắc tính được.</p>
      </section>
    );
  }
  if (rating.state === 'invalid') {
    return (
      <section className="card rating" aria-live="polite" data-state="invalid">
        <h2>Xếp loại theo quy định</h2>
        <p className="warn">Chưa xếp loại được: {rating.message}</p>
      </section>
    );
  }
  const { result, proposed } = rating;
  const level = result.status === 'rated' ? result.level : null;
  return (
    <section className="card rating" aria-live="polite" data-state="rated" data-level={level ?? result.status}>
      <h2>Xếp loại theo quy định</h2>
      {level ? (
        <p className={`level level-${level}`}>
          <strong>{level}</strong> {vi.levels[level]}
        </p>
      ) : (
        <p className="level">{vi.statuses[result.status]}</p>
      )}
      <p>
        Tổng điểm <strong>{number(result.total)}</strong>/100 · {regulationName(result.regulation)}
      </p>
      {proposesHigher(proposed, level) ? (
        <p className="warn">{formMessages('vi').levelMismatch(proposed!, level!)}.</p>
      ) : proposed ? (
        <p className="muted">Mức tự đề xuất: {proposed}.</p>
      ) : null}
      <h3>Căn cứ</h3>
      <ul className="reasons">
        {result.reasons.map((r) => (
          <li key={`${r.rule}-${r.outcome}`} className={`reason ${r.outcome}`}>
            <span className="mark" title={OUTCOME[r.outcome]} aria-label={OUTCOME[r.outcome]}>
              {MARK[r.outcome]}
            </span>
            <span>
              {r.message}
              <br />
              <cite>{r.citationText}</cite> <span className="provenance">({vi.provenance[r.provenance]})</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="note">
        Mức tính từ điểm Phần B và phụ lục nhiệm vụ của chính bản kiểm điểm; những điều mẫu không ghi (kỷ luật, nhiệm vụ chưa kê) được coi là không có. Chi bộ xem xét, cấp có
        thẩm quyền quyết định.
      </p>
    </section>
  );
}
