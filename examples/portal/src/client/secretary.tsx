/**
 * The chi bộ secretary's page: every member's draft, the levels the rule pack computes (rateMany), the counts,
 * the HTXSNV quota check per group, and the summary list as a PDF made in the browser (renderSummary).
 */
import { LEVELS, locale, type QuotaLine, type Result, type SubjectIssue } from '@kiemdiem/rules';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Draft } from '../shared/api';
import { api } from './api';
import { choiceOf, countLevels, summarize, withoutSentence } from './model';
import { download, printSummary } from './pdf';
import { number, ParametersNote, Reasons } from './rating';
import { portalSettings } from './settings';
import { memberHref } from './router';

const vi = locale('vi');

/** The quota check in words, as the summary PDF prints it. */
export function quotaSentence(q: QuotaLine): string {
  const ratio = `${String(Math.round(q.ratio * 10000) / 100).replace('.', ',')} %`;
  const head = `Nhóm ${q.group}: ${q.excellent} HTXSNV / ${q.good} HTTNV; được phép ${q.allowed} (${ratio} × ${q.good}, ${vi.rounding[q.rounding]})`;
  return q.over ? `${head}: VƯỢT tỷ lệ, cấp có thẩm quyền xem xét (tối đa giữ được ${q.maxExcellent}).` : `${head}: trong tỷ lệ.`;
}

function mostCommon(values: Array<unknown>): string {
  const counts = new Map<string, number>();
  for (const v of values) if (typeof v === 'string' && v.trim()) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

interface Unit {
  superior: string;
  issuer: string;
  place: string;
  secretary: string;
}

function unitOf(drafts: readonly Draft[]): Unit {
  const headers = drafts.map((d) => (d.document.header ?? {}) as Record<string, unknown>);
  return { superior: mostCommon(headers.map((h) => h.superior)), issuer: mostCommon(headers.map((h) => h.issuer)), place: mostCommon(headers.map((h) => h.place)), secretary: '' };
}

/** The chi bộ's drafts with their documents: the list (pages of summaries), then each draft, four at a time. */
async function loadDrafts(): Promise<Draft[]> {
  const list = await api.list();
  const drafts: Draft[] = [];
  for (let i = 0; i < list.length; i += 4) {
    for (const found of await Promise.all(list.slice(i, i + 4).map((d) => api.get(d.id)))) if (found) drafts.push(found.draft);
  }
  // Newest first, as before paging.
  return drafts.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? -1 : 1));
}

export function Secretary() {
  const [drafts, setDrafts] = useState<Draft[] | undefined>();
  const [error, setError] = useState('');
  const [unit, setUnit] = useState<Unit | undefined>();
  const [printing, setPrinting] = useState<{ busy: boolean; message?: string }>({ busy: false });

  const reload = useCallback(() => {
    setError('');
    loadDrafts().then(
      (list) => {
        setDrafts(list);
        setUnit((u) => u ?? unitOf(list));
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(reload, [reload]);

  const summary = useMemo(() => (drafts ? summarize(drafts, portalSettings().parameters) : undefined), [drafts]);
  const results = useMemo(() => new Map<string, Result>(summary?.output.results.map((r) => [r.id, r]) ?? []), [summary]);
  const invalid = useMemo(() => new Map<string, SubjectIssue>(summary?.output.errors.map((e) => [String(e.id), e]) ?? []), [summary]);

  const remove = async (d: Draft) => {
    if (!window.confirm(`Xoá bản nháp của ${d.fullName || d.id}?`)) return;
    try {
      await api.remove(d.id, d.version);
    } catch (e) {
      setError((e as Error).message);
    }
    reload();
  };

  const print = async () => {
    if (!summary || !unit) return;
    setPrinting({ busy: true });
    try {
      const bytes = await printSummary(summary.output, {
        unit: { superior: unit.superior, issuer: unit.issuer || 'Chi bộ', place: unit.place || '…' },
        signer: { authority: 'T/M CHI ỦY', post: 'BÍ THƯ', name: unit.secretary },
      });
      const year = Math.max(...summary.output.results.map((r) => r.period.year));
      download(bytes, `tong-hop-xep-loai-${Number.isFinite(year) ? year : 'nam'}.pdf`);
      setPrinting({ busy: false, message: 'Đã tạo PDF tổng hợp.' });
    } catch (e) {
      setPrinting({ busy: false, message: `Không tạo được PDF: ${(e as Error).message}` });
    }
  };

  const rated = summary?.output.results ?? [];
  const counted = countLevels(rated, (summary?.unscored.length ?? 0) + invalid.size);

  return (
    <main className="page">
      <div className="editor-head">
        <div>
          <h1>Bí thư chi bộ: tổng hợp tự đánh giá, xếp loại đảng viên</h1>
          <p className="muted">Mức xếp loại tính theo bộ quy tắc từ điểm tự chấm Phần B của từng bản kiểm điểm; chi bộ họp xét, cấp có thẩm quyền quyết định.</p>
          <ParametersNote parameters={portalSettings().parameters} />
        </div>
        <div className="toolbar">
          <button type="button" className="secondary" onClick={reload}>
            Tải lại
          </button>
          <button type="button" className="primary" onClick={() => void print()} disabled={!summary || rated.length === 0 || printing.busy}>
            {printing.busy ? 'Đang tạo PDF…' : 'Tải PDF tổng hợp'}
          </button>
        </div>
      </div>
      {error ? <p className="warn">{error}</p> : null}
      {printing.message ? <p className="print-status" role="status">{printing.message}</p> : null}
      {!drafts && !error ? <p className="muted">Đang tải…</p> : null}
      {drafts ? (
        <>
          <section className="card">
            <h2>Bản kiểm điểm của đảng viên ({drafts.length})</h2>
            {drafts.length === 0 ? (
              <p className="muted">Chưa có bản nháp nào.</p>
            ) : (
              <table className="drafts">
                <thead>
                  <tr>
                    <th>STT</th>
                    <th>Họ và tên</th>
                    <th>Mẫu</th>
                    <th>Tổng điểm</th>
                    <th>Tự đề xuất</th>
                    <th>Mức theo quy định</th>
                    <th>Bản kiểm điểm</th>
                    <th>Lưu lúc</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {drafts.map((d, i) => {
                    const r = results.get(d.id);
                    const bad = invalid.get(d.id);
                    const proposed = ((d.document.B as { II?: { level?: string } } | undefined)?.II?.level as string | undefined) ?? '—';
                    return (
                      <tr key={d.id} data-draft={d.id}>
                        <td>{i + 1}</td>
                        <td>
                          <a href={memberHref(d.formId, d.id)}>{d.fullName || '(chưa ghi họ tên)'}</a>
                        </td>
                        <td>{choiceOf(d.formId).code}</td>
                        <td className="num">{r ? number(r.total) : '—'}</td>
                        <td>{proposed}</td>
                        {r?.status === 'for-decision' && r.decision ? (
                          // No level: who decides, the reasons that handed it over (with their citations), and what the rules give without them.
                          <td className="level-cell level-for-decision" data-status="for-decision">
                            <span className="status">{vi.statuses['for-decision']}</span>
                            <Reasons result={r} only="handed-over" />
                            <span className="without">{withoutSentence(r.decision)}</span>
                          </td>
                        ) : (
                          <td className={r?.level ? `level-cell level-${r.level}` : 'muted'}>{r ? (r.status === 'rated' ? r.level : vi.statuses[r.status]) : bad ? `Điểm không hợp lệ: ${bad.message}` : 'Chưa đủ điểm Phần B'}</td>
                        )}
                        <td>{d.valid ? <span className="ok">Đầy đủ</span> : <span className="warn">Còn {d.errorCount} mục cần sửa</span>}</td>
                        <td>{new Date(d.updatedAt).toLocaleString('vi-VN')}</td>
                        <td>
                          <button type="button" className="secondary small" onClick={() => void remove(d)}>
                            Xoá
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>
          <div className="columns-2">
            <section className="card">
              <h2>Tổng hợp theo mức xếp loại</h2>
              <table className="counts">
                <tbody>
                  {LEVELS.map((level) => (
                    <tr key={level}>
                      <th>
                        {vi.levels[level]} ({level})
                      </th>
                      <td className="num">{counted.levels[level]}</td>
                    </tr>
                  ))}
                  <tr className="for-decision">
                    <th>{vi.statuses['for-decision']}</th>
                    <td className="num">{counted.forDecision}</td>
                  </tr>
                  <tr>
                    <th>Chưa xếp loại</th>
                    <td className="num">{counted.notRated}</td>
                  </tr>
                </tbody>
              </table>
            </section>
            <section className="card quota" data-over={summary?.output.quota.some((q) => q.over) ? 'yes' : 'no'}>
              <h2>Kiểm tra tỷ lệ HTXSNV</h2>
              {summary && summary.output.quota.length > 0 ? (
                <ul>
                  {summary.output.quota.map((q) => (
                    <li key={`${q.group}|${q.regulation}|${q.period.year}`} className={q.over ? 'over' : 'within'}>
                      {quotaSentence(q)}
                      <br />
                      <cite>
                        {vi.citation(q.citation)} ({vi.provenance[q.provenance]})
                      </cite>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">Chưa có đảng viên nào được xếp loại.</p>
              )}
            </section>
          </div>
          {unit ? (
            <section className="card">
              <h2>Thông tin in trên bản tổng hợp</h2>
              <div className="unit-fields">
                {(
                  [
                    ['superior', 'Đảng bộ (cấp trên trực tiếp)'],
                    ['issuer', 'Chi bộ'],
                    ['place', 'Địa danh'],
                    ['secretary', 'Họ tên bí thư chi bộ'],
                  ] as const
                ).map(([key, label]) => (
                  <label key={key}>
                    {label}
                    <input type="text" value={unit[key]} onChange={(e) => setUnit({ ...unit, [key]: e.target.value })} />
                  </label>
                ))}
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </main>
  );
}
