/** The rating the rule pack computes for the member's Part B scores, with each reason's citation. */
import { formMessages } from '@kiemdiem/forms';
import { loadRegulation, locale, type Reason, type Result } from '@kiemdiem/rules';
import { isHandedOver, parameterNotes, proposesHigher, reasonsHandedOverFirst, withoutSentence, type Parameters, type Rating } from './model';
import { portalSettings } from './settings';

const vi = locale('vi');
const MARK: Record<Reason['outcome'], string> = { met: '✓', failed: '✗', applied: '•', disabled: '–' };
const OUTCOME: Record<Reason['outcome'], string> = { met: 'đạt', failed: 'chưa đạt', applied: 'áp dụng', disabled: 'không áp dụng' };
/** A reason that handed the rating to the competent level: its own mark, whatever its outcome says. */
const HANDED_OVER = { mark: '→', label: 'chuyển cấp có thẩm quyền' };

/** The parameters this portal overrides, when it overrides any: a rating under them is not the pack's default. */
export function ParametersNote({ parameters }: { parameters: Parameters }) {
  const notes = parameterNotes(parameters);
  if (notes.length === 0) return null;
  return (
    <div className="parameters">
      <p>Cổng này đặt tham số của bộ quy tắc:</p>
      <ul>
        {notes.map((n) => (
          <li key={n.name}>
            <code>
              {n.name} = {n.value}
            </code>
            {n.meaning ? `: ${n.meaning}` : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One reason with its citation and provenance; `handedOver` marks the reason the level was left to the competent level by. */
function ReasonLine({ reason, handedOver }: { reason: Reason; handedOver: boolean }) {
  const mark = handedOver ? HANDED_OVER.mark : MARK[reason.outcome];
  const label = handedOver ? HANDED_OVER.label : OUTCOME[reason.outcome];
  return (
    <li className={`reason ${handedOver ? 'handed-over' : reason.outcome}`} data-rule={reason.rule}>
      <span className="mark" title={label} aria-label={label}>
        {mark}
      </span>
      <span>
        {reason.message}
        <br />
        <cite>{reason.citationText}</cite> <span className="provenance">({vi.provenance[reason.provenance]})</span>
      </span>
    </li>
  );
}

/** The reasons of a result, those that handed it to the competent level first (the secretary's cell, the member's panel). */
export function Reasons({ result, only }: { result: Result; only?: 'handed-over' }) {
  const reasons = reasonsHandedOverFirst(result).filter((r) => !only || isHandedOver(result, r));
  return (
    <ul className="reasons">
      {reasons.map((r) => (
        <ReasonLine key={`${r.rule}-${r.outcome}`} reason={r} handedOver={isHandedOver(result, r)} />
      ))}
    </ul>
  );
}

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
  // For the competent level to decide: no level to hold the proposal against (the forms package's words say so).
  const decision = result.status === 'for-decision' ? result.decision : undefined;
  return (
    <section className="card rating" aria-live="polite" data-state="rated" data-level={level ?? result.status}>
      <h2>Xếp loại theo quy định</h2>
      {level ? (
        <p className={`level level-${level}`}>
          <strong>{level}</strong> {vi.levels[level]}
        </p>
      ) : (
        <p className={`level level-${result.status}`}>{vi.statuses[result.status]}</p>
      )}
      {decision ? <p className="without">{withoutSentence(decision)}</p> : null}
      <p>
        Tổng điểm <strong>{number(result.total)}</strong>/100 · {regulationName(result.regulation)}
      </p>
      {proposesHigher(proposed, level) ? (
        <p className="warn">{formMessages('vi').levelMismatch(proposed!, level!)}.</p>
      ) : decision && proposed ? (
        <p className="muted">Mức tự đề xuất: {proposed}. {formMessages('vi').levelForDecision(proposed, decision.rules, decision.without)}.</p>
      ) : proposed ? (
        <p className="muted">Mức tự đề xuất: {proposed}.</p>
      ) : null}
      <h3>Căn cứ</h3>
      <Reasons result={result} />
      <ParametersNote parameters={portalSettings().parameters} />
      <p className="note">
        Mức tính từ điểm Phần B và phụ lục nhiệm vụ của chính bản kiểm điểm; những điều mẫu không ghi (kỷ luật, nhiệm vụ chưa kê) được coi là không có. Chi bộ xem xét, cấp có
        thẩm quyền quyết định.
      </p>
    </section>
  );
}
