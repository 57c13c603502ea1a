/**
 * The member's pages: pick the form for one's audience, then fill it (JSON Forms with the shipped UI schema),
 * with the Vietnamese validation messages and the computed rating beside it, saved to the server as a draft.
 */
import { exampleFor } from '@kiemdiem/forms';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DraftSummary, MemberFormId } from '../shared/api';
import { api, ApiFailure } from './api';
import { FormView } from './form-view';
import { choiceOf, FORM_CHOICES, newDraftId, problemsOf, rateDraft, sectionOf, slug } from './model';
import { download, DOCX_TYPE, printForm, wordForm } from './pdf';
import { RatingCard } from './rating';
import { portalSettings, signedInUser } from './settings';
import { go, memberHref } from './router';

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });
}

export function MemberHome() {
  const [formId, setFormId] = useState<MemberFormId>('hd43-2025/02b');
  const [drafts, setDrafts] = useState<DraftSummary[] | undefined>();
  const [error, setError] = useState('');
  useEffect(() => {
    // A secretary's list holds the chi bộ's drafts: here, only their own.
    api.list().then((list) => setDrafts(list.filter((d) => d.owner === signedInUser()?.username).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))), (e: Error) => setError(e.message));
  }, []);
  return (
    <main className="page narrow">
      <h1>Bản kiểm điểm, tự đánh giá, xếp loại của đảng viên</h1>
      <p className="lead">Chọn mẫu theo Hướng dẫn 43-HD/BTCTW (2025) đúng với vị trí của đồng chí, điền bản kiểm điểm, xem mức xếp loại bộ quy tắc tính từ điểm tự chấm và tải bản PDF để ký.</p>
      <section className="card">
        <h2>Bắt đầu bản kiểm điểm mới</h2>
        <fieldset className="choices">
          <legend>Đồng chí là</legend>
          {FORM_CHOICES.map((c) => (
            <label key={c.id} className={`choice${c.id === formId ? ' selected' : ''}`}>
              <input type="radio" name="form" value={c.id} checked={c.id === formId} onChange={() => setFormId(c.id)} />
              <span>
                <strong>{c.code}</strong> {c.who}
              </span>
            </label>
          ))}
        </fieldset>
        <button type="button" className="primary" onClick={() => startDraft(formId)}>
          Tạo bản kiểm điểm theo {choiceOf(formId).code}
        </button>
      </section>
      <section className="card">
        <h2>Bản nháp đã lưu</h2>
        {error ? <p className="warn">{error}</p> : null}
        {drafts === undefined && !error ? <p className="muted">Đang tải…</p> : null}
        {drafts?.length === 0 ? <p className="muted">Chưa có bản nháp nào.</p> : null}
        {drafts && drafts.length > 0 ? (
          <ul className="draft-list">
            {drafts.map((d) => (
              <li key={d.id}>
                <a href={memberHref(d.formId, d.id)}>{d.fullName || '(chưa ghi họ tên)'}</a> · {choiceOf(d.formId).code} · lưu lúc {formatTime(d.updatedAt)}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </main>
  );
}

/** Lets a change being typed land (the form reports it in the same render) before the latest document is read. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 25));

/** Drafts created on this page and not yet saved: nothing to fetch (the server would answer 404). */
const fresh = new Set<string>();

function startDraft(formId: MemberFormId): void {
  const id = newDraftId();
  fresh.add(id);
  go(memberHref(formId, id));
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; message: string }
  /** Someone saved this draft elsewhere (another tab, another device) since this page read it: 412. */
  | { kind: 'conflict'; message: string };

const AUTOSAVE_MS = 1500;

export function MemberEditor({ id, formHint }: { id: string; formHint: MemberFormId }) {
  const [loaded, setLoaded] = useState<{ formId: MemberFormId; document: Record<string, unknown>; savedAt?: string; etag?: string; owner?: string } | { error: string } | undefined>();
  /** Bumped by "Tải lại bản mới nhất": reads the draft again and starts the editor afresh. */
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (fresh.has(id)) {
      setLoaded({ formId: formHint, document: {} });
      return;
    }
    setLoaded(undefined);
    let current = true; // a slow answer for a draft the member has already left is dropped
    api.get(id).then(
      (found) => current && setLoaded(found ? { formId: found.draft.formId, document: found.draft.document, savedAt: found.draft.updatedAt, etag: found.etag, owner: found.draft.owner } : { formId: formHint, document: {} }),
      (e: Error) => current && setLoaded({ error: e.message }),
    );
    return () => {
      current = false;
    };
  }, [id, formHint, generation]);
  if (!loaded) return <main className="page"><p className="muted">Đang tải bản nháp…</p></main>;
  if ('error' in loaded) return <main className="page"><p className="warn">Không tải được bản nháp: {loaded.error}</p></main>;
  // The secretary may open a member's draft to read it; only its owner saves it (the server answers 403).
  const readOnly = loaded.owner !== undefined && loaded.owner !== signedInUser()?.username;
  return <Editor key={`${id}#${generation}`} id={id} formId={loaded.formId} initial={loaded.document} savedAt={loaded.savedAt} etag={loaded.etag} readOnly={readOnly} onReload={() => setGeneration((g) => g + 1)} />;
}

interface EditorProps {
  id: string;
  formId: MemberFormId;
  initial: Record<string, unknown>;
  savedAt: string | undefined;
  etag: string | undefined;
  readOnly: boolean;
  onReload: () => void;
}

function Editor({ id, formId, initial, savedAt, etag, readOnly, onReload }: EditorProps) {
  /** What the form shows; replaced only from outside (the example), never fed back from the member's typing. */
  const [shownDocument, setShownDocument] = useState<Record<string, unknown>>(initial);
  const [data, setData] = useState<Record<string, unknown>>(initial);
  // A saved draft or an example shows all its problems at once; a blank form waits for the member to type.
  const [showAll, setShowAll] = useState(Object.keys(initial).length > 0);
  const [save, setSave] = useState<SaveState>(savedAt ? { kind: 'saved', at: savedAt } : { kind: 'idle' });
  const [printing, setPrinting] = useState<{ busy: boolean; word?: boolean; message?: string }>({ busy: false });
  const latest = useRef(data);
  const version = useRef(0);
  const chain = useRef<Promise<void>>(Promise.resolve());
  /** The version this page last read or saved: every save is over it (If-Match), or creates the draft. */
  const version_ = useRef<string | undefined>(etag);

  const problems = useMemo(() => problemsOf(formId, data), [formId, data]);
  const rating = useMemo(() => rateDraft(id, formId, data, problems, portalSettings().parameters), [id, formId, data, problems]);
  const choice = choiceOf(formId);

  const onChange = useCallback((doc: Record<string, unknown>) => {
    if (doc === latest.current) return;
    latest.current = doc;
    version.current += 1;
    setData(doc);
    setSave({ kind: 'dirty' });
  }, []);

  /** Saves the latest document; saves run one after another so an older one never lands last. */
  const saveNow = useCallback((): Promise<void> => {
    const run = async () => {
      await settle();
      const at = version.current;
      setSave({ kind: 'saving' });
      try {
        const res = await api.save(id, formId, latest.current, version_.current);
        version_.current = res.etag;
        fresh.delete(id);
        setSave(version.current === at ? { kind: 'saved', at: res.draft.updatedAt } : { kind: 'dirty' });
      } catch (error) {
        if (error instanceof ApiFailure && error.status === 412) setSave({ kind: 'conflict', message: error.message });
        else setSave({ kind: 'failed', message: error instanceof ApiFailure ? error.message : String(error) });
      }
    };
    chain.current = chain.current.then(run);
    return chain.current;
  }, [id, formId]);

  useEffect(() => {
    if (save.kind !== 'dirty' || readOnly) return;
    const timer = setTimeout(() => void saveNow(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [save, data, saveNow]);

  const fillExample = () => {
    const doc = structuredClone(exampleFor(formId)) as Record<string, unknown>;
    latest.current = doc;
    version.current += 1;
    setShownDocument(doc);
    setData(doc);
    setShowAll(true);
    setSave({ kind: 'dirty' });
  };

  const print = async () => {
    setPrinting({ busy: true });
    try {
      await settle();
      const bytes = await printForm(formId, latest.current);
      const name = slug(String((latest.current.identity as { fullName?: string } | undefined)?.fullName ?? '')) || id;
      download(bytes, `ban-kiem-diem-${choice.code.slice(4).toLowerCase()}-${name}.pdf`);
      setPrinting({ busy: false, message: 'Đã tạo PDF.' });
    } catch (error) {
      setPrinting({ busy: false, message: `Không tạo được PDF: ${(error as Error).message}` });
    }
  };

  // The same document as a Word file, for members who finish their review in Word.
  const printWord = async () => {
    setPrinting({ busy: true, word: true });
    try {
      await settle();
      const bytes = await wordForm(formId, latest.current);
      const name = slug(String((latest.current.identity as { fullName?: string } | undefined)?.fullName ?? '')) || id;
      download(bytes, `ban-kiem-diem-${choice.code.slice(4).toLowerCase()}-${name}.docx`, DOCX_TYPE);
      setPrinting({ busy: false, message: 'Đã tạo tệp Word.' });
    } catch (error) {
      setPrinting({ busy: false, message: `Không tạo được tệp Word: ${(error as Error).message}` });
    }
  };

  const empty = Object.keys(data).length === 0;
  return (
    <main className="page editor">
      {/* The toolbar stays in view while the member works down the long form. */}
      <div className="sticky-head">
        <div className="editor-head">
          <div>
            <p className="crumb">
              <a href="#/">Đảng viên</a> › {choice.code}
            </p>
            <h1>
              {choice.code}-HD KĐ.ĐG 2025: bản kiểm điểm, tự đánh giá, xếp loại cá nhân
            </h1>
            <p className="muted">{choice.who}. Mã bản nháp: <code>{id}</code></p>
          </div>
          <div className="toolbar">
            {empty ? (
              <button type="button" className="secondary" onClick={fillExample}>
                Điền dữ liệu mẫu
              </button>
            ) : null}
            <button type="button" className="secondary" onClick={() => setShowAll(true)}>
              Kiểm tra toàn bộ
            </button>
            {readOnly ? null : (
              <button type="button" className="secondary" onClick={() => void saveNow()} disabled={save.kind === 'saving'}>
                Lưu bản nháp
              </button>
            )}
            <button type="button" className="primary" onClick={() => void print()} disabled={problems.length > 0 || printing.busy} title={problems.length > 0 ? 'Sửa hết lỗi để in PDF' : undefined}>
              {printing.busy && !printing.word ? 'Đang tạo PDF…' : 'Tải PDF'}
            </button>
            <button type="button" className="secondary" onClick={() => void printWord()} disabled={problems.length > 0 || printing.busy} title={problems.length > 0 ? 'Sửa hết lỗi để tải tệp Word' : undefined}>
              {printing.busy && printing.word ? 'Đang tạo tệp Word…' : 'Tải Word'}
            </button>
          </div>
        </div>
        <div className="status-line">
          {readOnly ? <p className="read-only-note">Chỉ xem: bản kiểm điểm của đảng viên khác; những thay đổi ở đây không được lưu.</p> : null}
          <p className={`save-status ${save.kind}`} role="status" data-save={save.kind}>
            {save.kind === 'idle' && 'Chưa lưu: bản nháp được lưu tự động khi đồng chí bắt đầu điền.'}
            {save.kind === 'dirty' && 'Có thay đổi chưa lưu…'}
            {save.kind === 'saving' && 'Đang lưu…'}
            {save.kind === 'saved' && `Đã lưu lúc ${formatTime(save.at)}.`}
            {save.kind === 'failed' && `Chưa lưu được: ${save.message}`}
            {save.kind === 'conflict' && (
              <>
                Chưa lưu được: bản nháp này vừa được lưu ở nơi khác (một thẻ hoặc máy khác). Tải lại để xem bản mới nhất; những thay đổi chưa lưu ở đây sẽ mất.
                <button type="button" className="secondary" onClick={onReload}>
                  Tải lại bản mới nhất
                </button>
              </>
            )}
          </p>
          {printing.message ? (
            <p className="print-status" role="status">
              {printing.message}
            </p>
          ) : null}
        </div>
      </div>
      <div className="columns">
        <div className="form-pane">
          <FormView formId={formId} document={shownDocument} showAll={showAll} onChange={onChange} />
        </div>
        <aside className="side-pane">
          <section className="card problems" aria-live="polite" data-count={problems.length}>
            <h2>Kiểm tra</h2>
            {problems.length === 0 ? (
              <p className="ok">Bản kiểm điểm đã đủ và hợp lệ.</p>
            ) : (
              <>
                <p className="warn">Còn {problems.length} mục cần sửa trước khi in.</p>
                <ul>
                  {problems.slice(0, 12).map((p) => (
                    <li key={`${p.path}|${p.code}`}>
                      <span className="where">{sectionOf(formId, p.path)}</span>: {p.message}
                    </li>
                  ))}
                  {problems.length > 12 ? <li className="muted">… và {problems.length - 12} mục khác</li> : null}
                </ul>
              </>
            )}
          </section>
          <RatingCard rating={rating} />
        </aside>
      </div>
    </main>
  );
}
