/**
 * examples/portal (issue 7) in a real browser: the portal built with its own build script, its server started
 * as a child process on a throwaway SQLite file (port 0), driven in Debian's Chromium by playwright-core under
 * the portal's own Content-Security-Policy header. A member fills Mẫu 02B, sees Vietnamese validation messages
 * as they type and the rating with its citations, saves, prints the PDF in the page (read back with poppler),
 * finds the draft after a reload and after a server restart; the secretary sees the summary with the quota
 * check and prints the summary PDF. Every CSP violation and console error on the way fails the test.
 *
 * Since issue 16 the member and the secretary sign in first (the portal's local accounts, portal-helpers.ts), and
 * every save carries the version it was made over (If-Match).
 *
 * Chromium: /usr/bin/chromium (.ci/run installs it). Without it the tests are skipped with a notice, unless CI
 * is set: then they run and fail, as browser.test.ts does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleFor, getForm, resolveRef, schemaFor, toSubject, type JsonSchema } from '@kiemdiem/forms';
import { rateManySync, rateSync, type Result, type Subject } from '@kiemdiem/rules';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectPartyPdf, pdfFonts, pdfInfo, pdfText, READ_BACK } from '../../packages/reports/test/poppler';
import { countLevels, handedOver, rateDraft, reasonsHandedOverFirst, subjectOf, withoutSentence } from '../../examples/portal/src/client/model';
import { buildPortal, passwordOf, PortalServer, writeUsers, type PortalClient } from './portal-helpers';

/** LibreOffice reads the portal's Word file back (CI installs libreoffice-writer; elsewhere skipped with a notice). */
const SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0 || Boolean(process.env.CI);
if (!SOFFICE) console.warn('LibreOffice (soffice) not installed: the portal’s Word file is not read back (CI installs it).');

const CHROMIUM = '/usr/bin/chromium';
const BROWSER = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!BROWSER) console.warn(`${CHROMIUM} not installed: the browser tests of examples/portal are skipped (CI installs it).`);

/** The header issue 7 asks for, verbatim. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";
const MEMBER = 'Trần Thị Hồng Nhung';
/** How long the page may take to show something (a loaded CI machine parses the 1.5 MB bundle slowly). */
const WAIT = { timeout: 20_000, interval: 100 };

interface Violation {
  page: string;
  directive: string;
  blocked: string;
  sample: string;
}

/** The example 02B with the first of its three tasks not completed: it meets no level and no case of khoản 4. */
function noLevelDraft(name: string): Record<string, any> {
  const doc = structuredClone(exampleFor('hd43-2025/02b')) as Record<string, any>;
  doc.identity.fullName = name;
  doc.signature.name = name;
  doc.B.evidence[0].completed = 'chua-hoan-thanh';
  return doc;
}

/** The portal's setting under which such a draft is for the competent level to decide (default: KHTNV). */
const FOR_DECISION = { 'reading.noLevelIsKHTNV': false };

/*
 * No HD 43 form has a field for discipline decisions, so a form draft reaches `for-decision` only through the gap
 * the text leaves (no level, no case of khoản 4) under the reading above, with nothing to set aside (`without`
 * null). The referral cases, with a level the rules give without them, are fed to the page's functions here.
 */
describe('the portal’s rating functions with a result left to the competent level', () => {
  it('rateDraft: a draft that meets no level is KHTNV by default, for the competent level under the portal’s reading', () => {
    const doc = noLevelDraft('Lê Thị Thu Hà');
    const byDefault = rateDraft('dv-x', 'hd43-2025/02b', doc, []);
    expect(byDefault.state === 'rated' && [byDefault.result.status, byDefault.result.level]).toEqual(['rated', 'KHTNV']);
    const rating = rateDraft('dv-x', 'hd43-2025/02b', doc, [], FOR_DECISION);
    expect(rating.state).toBe('rated');
    const result = (rating as { result: Result }).result;
    expect(result).toMatchObject({ status: 'for-decision', level: null, decision: { without: null, rules: ['khtnv.no-level'] } });
    expect((rating as { proposed?: string }).proposed).toBe('HTXSNV');
    // The rule that left it to the competent level comes first, then the requirements it missed.
    const reasons = reasonsHandedOverFirst(result);
    expect(reasons[0]).toMatchObject({ rule: 'khtnv.no-level', citationText: 'Khoản 4 Điều 11 Quy định 366-QĐ/TW' });
    expect(reasons.slice(1).map((r) => r.rule)).toContain('htnv.individual.tasks-completed');
    expect(withoutSentence(result.decision!)).toBe('Bộ quy tắc không cho mức nào, kể cả khi không tính trường hợp chuyển cấp có thẩm quyền.');
  });

  it('a referral case: its reason first, with its citation, and the level the rules give without it', () => {
    const doc = structuredClone(exampleFor('hd43-2025/02b')) as Record<string, any>;
    doc.B.I = { common: 27, tasks: 58, total: 85 };
    const { subject } = subjectOf('dv-y', 'hd43-2025/02b', doc);
    // What the chi bộ's records would add: a reprimand for a duty-related violation, detected and remedied by the member.
    subject.discipline = [{ form: 'khien-trach', decidedOn: '2026-05-10', dutyRelated: true, selfDetectedAndRemedied: true }];
    const result = rateSync(subject, { lang: 'vi' });
    expect(result).toMatchObject({ status: 'for-decision', decision: { without: 'HTTNV', rules: ['refer.discipline.self-detected'] } });
    // The rules list the referral first; the page keeps it first whatever the order.
    const shuffled = { ...result, reasons: [...result.reasons].reverse() };
    const first = reasonsHandedOverFirst(shuffled)[0]!;
    expect(first).toMatchObject({ rule: 'refer.discipline.self-detected', stage: 'refer', outcome: 'applied', citationText: 'Khoản 4 Điều 11 Quy định 366-QĐ/TW' });
    expect(first.message).toContain('cấp có thẩm quyền xem xét, quyết định');
    expect(handedOver(shuffled).map((r) => r.rule)).toEqual(['refer.discipline.self-detected']);
    expect(withoutSentence(result.decision!)).toBe('Nếu không tính trường hợp chuyển cấp có thẩm quyền, bộ quy tắc cho mức HTTNV (Hoàn thành tốt nhiệm vụ).');
  });

  it('countLevels: for-decision apart from the levels and from the unrated', () => {
    const rated = rateSync(subjectOf('a', 'hd43-2025/02b', exampleFor('hd43-2025/02b')).subject, { lang: 'vi' });
    const forDecision = rateSync(subjectOf('b', 'hd43-2025/02b', noLevelDraft('B')).subject, { lang: 'vi', parameters: FOR_DECISION });
    const notReviewed = { ...rated, id: 'c', status: 'not-reviewed', level: null } as Result;
    expect(rated.level).toBe('HTXSNV');
    expect(countLevels([rated, forDecision, forDecision, notReviewed], 2)).toEqual({ levels: { HTXSNV: 1, HTTNV: 0, HTNV: 0, KHTNV: 0 }, forDecision: 2, notRated: 3 });
  });
});

describe.skipIf(!BROWSER)('examples/portal in Chromium under its CSP', () => {
  let dir: string;
  let server: PortalServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let buildMs = 0;
  const violations: Violation[] = [];
  const consoleErrors: string[] = [];

  /** The member's own API client (dangvien1, the member the page signs in as): signed in again after each restart. */
  let member: PortalClient;
  const api = (path: string, init?: RequestInit) => member.fetch(path, init);
  /** Creates a draft (no version) or saves over `version`. */
  const put = (id: string, body: string, type = 'application/json', version?: number) => member.put(id, body, version, type);
  const restart = async (args: string[] = []) => {
    const port = server.port;
    await server.stop();
    await server.start(port, args);
    member = await server.signIn('dangvien1');
  };
  /** Signs `username` in on the page (signing out whoever was signed in). */
  const signInPage = async (username: string) => {
    await page.goto(`${server.origin}/`);
    const signOut = page.getByRole('button', { name: 'Đăng xuất', exact: true });
    const submit = page.getByRole('button', { name: 'Đăng nhập', exact: true });
    await expect.poll(async () => (await signOut.count()) + (await submit.count()), WAIT).toBeGreaterThan(0);
    if ((await signOut.count()) > 0) {
      await signOut.click();
      await submit.waitFor();
    }
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(passwordOf(username));
    await submit.click();
    await page.locator(`.who[data-user="${username}"]`).waitFor();
  };
  const fieldClass = (scope: string) => `.root_properties_${scope.split('/').join('_properties_')}`;
  const field = (scope: string) => page.locator(fieldClass(scope));
  /**
   * What the page shows beside a field's message at the first moment the message is there: a MutationObserver in the
   * page checks after every DOM change (polling from here could miss a panel that lags the message by milliseconds).
   * Start it before the action that should show the message; null if the message never comes.
   */
  const whenMessage = (scope: string, message: string) =>
    page.evaluate(
      ([selector, wanted, timeout]) =>
        new Promise<{ rating: string; pdfDisabled: boolean | null } | null>((resolve) => {
          const check = () => {
            if (document.querySelector(`${selector} .validation_error`)?.textContent !== wanted) return;
            observer.disconnect();
            const pdf = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Tải PDF');
            resolve({ rating: document.querySelector('.rating')?.textContent ?? '', pdfDisabled: pdf?.disabled ?? null });
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
          setTimeout(() => {
            observer.disconnect();
            resolve(null);
          }, timeout);
          check();
        }),
      [fieldClass(scope), message, WAIT.timeout] as const,
    );

  beforeAll(async () => {
    const t = Date.now();
    buildPortal();
    buildMs = Date.now() - t;
    dir = mkdtempSync(join(tmpdir(), 'kiemdiem-portal-'));
    server = new PortalServer(dir);
    writeUsers(server.users);
    await server.start();
    member = await server.signIn('dangvien1');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true, viewport: { width: 1360, height: 900 } });
    // The page's own violation events, reported to the test as they happen (an init script, so the listener is
    // there before the app's first line; it adds no code to the page the CSP would have to allow).
    await context.exposeBinding('__reportCsp', ({ page: p }, v: Omit<Violation, 'page'>) => violations.push({ page: p.url(), ...v }));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __reportCsp: (v: unknown) => void }).__reportCsp({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
      });
    });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('the server', () => {
    it('sends the CSP header on every response: page, script, stylesheet, font, API, 404', async () => {
      for (const path of ['/', '/assets/app.js', '/assets/app.css', '/fonts/normal.ttf', '/api/drafts', '/nope', '/api/nope']) {
        const res = await api(path);
        expect(res.headers.get('content-security-policy'), path).toBe(CSP);
        await res.arrayBuffer();
      }
      const html = await (await api('/')).text();
      expect(html).toContain('<html lang="vi">');
      // Nothing inline for the CSP to allow: one module script and one stylesheet, both files.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style|style=/);
      expect((await api('/fonts/bold.ttf')).headers.get('content-type')).toBe('font/ttf');
    });

    it('refuses bad requests with clear errors in Vietnamese and English', async () => {
      const malformed = await put('dv-api', '{"formId": "hd43-2025/02b", "document": {');
      expect(malformed.status).toBe(400);
      expect((await malformed.json()).error).toMatchObject({ code: 'bad-json', message: 'Nội dung gửi lên không phải JSON hợp lệ.', messageEn: 'The request body is not valid JSON.' });

      const wrongType = await put('dv-api', JSON.stringify({ formId: 'hd43-2025/02b', document: { identity: { fullName: 42 } } }));
      expect(wrongType.status).toBe(422);
      const invalid = (await wrongType.json()).error;
      expect(invalid).toMatchObject({ code: 'invalid-draft', details: [{ path: '/identity/fullName', code: 'type', message: '"Họ và tên" phải là chuỗi ký tự' }] });
      expect(invalid.message).toContain('"Họ và tên" phải là chuỗi ký tự');

      const unknownField = await put('dv-api', JSON.stringify({ formId: 'hd43-2025/02b', document: { B: { I: { bonus: 5 } } } }));
      expect(unknownField.status).toBe(422);
      expect((await unknownField.json()).error.details).toEqual([{ path: '/B/I/bonus', code: 'unknown-field', message: 'Trường "bonus" không có trong mẫu' }]);

      const unknownForm = await put('dv-api', JSON.stringify({ formId: 'hd43-2025/01', document: {} }));
      expect(unknownForm.status).toBe(400);
      expect((await unknownForm.json()).error.message).toBe('"formId" phải là một trong: hd43-2025/02a, hd43-2025/02b, hd43-2025/02c.');

      const notADocument = await put('dv-api', JSON.stringify({ formId: 'hd43-2025/02b', document: [] }));
      expect(notADocument.status).toBe(400);
      // Nesting far deeper than any form, which a recursive check would overflow on: refused, not a server error.
      const deep = await put('dv-api', `{"formId":"hd43-2025/02b","document":{"A":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`);
      expect(deep.status).toBe(400);
      expect((await deep.json()).error.code).toBe('bad-request');
      const extra = await put('dv-api', JSON.stringify({ formId: 'hd43-2025/02b', document: {}, admin: true }));
      expect(extra.status).toBe(400);
      expect((await extra.json()).error.messageEn).toBe('Unexpected field(s): admin. Send only { formId, document }.');

      const oversized = await put('dv-api', JSON.stringify({ formId: 'hd43-2025/02b', document: { A: { VI: { content: 'x'.repeat(3 * 1024 * 1024) } } } }));
      expect(oversized.status).toBe(413);
      expect(oversized.headers.get('content-security-policy')).toBe(CSP);
      expect((await oversized.json()).error).toEqual({
        code: 'body-too-large',
        message: 'Bản nháp quá lớn: tối đa 3 MB (JSON UTF-8, không tính khoảng trắng và mã thoát).',
        messageEn: 'Draft too large: at most 3 MB as compact UTF-8 JSON.',
      });

      const text = await put('dv-api', 'formId=hd43-2025/02b', 'text/plain');
      expect(text.status).toBe(415);
      expect((await text.json()).error.code).toBe('unsupported-media-type');

      const badId = await put('Khong-Hop-Le', '{}');
      expect(badId.status).toBe(400);
      expect((await badId.json()).error.code).toBe('bad-id');

      const post = await api('/api/drafts/dv-api', { method: 'POST' });
      expect(post.status).toBe(405);
      expect(post.headers.get('allow')).toBe('GET, PUT, DELETE');

      // Nothing of the refused requests was stored.
      const missing = await api('/api/drafts/dv-api');
      expect(missing.status).toBe(404);
      expect((await missing.json()).error).toEqual({ code: 'not-found', message: 'Không có bản nháp "dv-api".', messageEn: 'No draft "dv-api".' });
    });

    it('takes the largest document the form allows: the body limit refuses no valid form', async () => {
      // Every text at its maximum length in 3-byte characters, every table at its maximum rows.
      const schema = schemaFor('hd43-2025/02a');
      const fill = (node: JsonSchema): unknown => {
        const n = resolveRef(schema, node);
        if (n.type === 'object') return Object.fromEntries(Object.entries(n.properties ?? {}).map(([k, c]) => [k, fill(c)]));
        if (n.type === 'array') return Array.from({ length: n.maxItems ?? 0 }, () => fill(n.items!));
        if (n.oneOf) return n.oneOf[0]!.const;
        if (n.format === 'date') return '2026-12-31';
        if (n.type === 'string') return 'ễ'.repeat(n.maxLength ?? 0);
        return n.minimum ?? 0;
      };
      // Dates that can be true together (the forms refuse a birth date on the document date, a year 2000 review dated 2026).
      const document = fill(schema) as { header: { year: number }; identity: { birthDate: string } };
      document.header.year = 2026;
      document.identity.birthDate = '1980-05-01';
      const body = JSON.stringify({ formId: 'hd43-2025/02a', document });
      expect(Buffer.byteLength(body)).toBeGreaterThan(1.5 * 1024 * 1024);
      const res = await put('dv-largest', body);
      expect(res.status).toBe(201);
      expect((await res.json()).validation.valid).toBe(true);
      expect((await member.remove('dv-largest', 1)).status).toBe(204);
    });

    it('stores an unfinished draft (NFC), reports what is missing, and deletes it', async () => {
      const decomposed = 'Le\u0302 Va\u0306n Ta\u0301m'; // "Lê Văn Tám" typed with combining marks
      const created = await put('dv-tam', JSON.stringify({ formId: 'hd43-2025/02c', document: { identity: { fullName: decomposed } } }));
      expect(created.status).toBe(201);
      const body = await created.json();
      expect(body.draft).toMatchObject({ id: 'dv-tam', formId: 'hd43-2025/02c', fullName: 'Lê Văn Tám', valid: false });
      expect(body.draft.document.identity.fullName).toBe('Lê Văn Tám'.normalize('NFC'));
      expect(body.validation.errors).toContainEqual({ path: '/B/I/common', code: 'required', message: 'Thiếu "1. Nhóm tiêu chí chung"' });
      const again = await put('dv-tam', JSON.stringify({ formId: 'hd43-2025/02c', document: { identity: { fullName: 'Lê Văn Tám' } } }), 'application/json', 1);
      expect(again.status).toBe(200);
      expect((await again.json()).draft.createdAt).toBe(body.draft.createdAt);
      expect((await member.remove('dv-tam', 2)).status).toBe(204);
      expect((await member.remove('dv-tam', 2)).status).toBe(404);
      expect((await (await api('/api/drafts')).json()).drafts).toEqual([]);
    });
  });

  describe('a member fills Mẫu 02B', () => {
    let draftId = '';

    it('starts a blank 02B: nothing in red before typing, the problems listed beside the form', async () => {
      await signInPage('dangvien1');
      await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe('Bản kiểm điểm, tự đánh giá, xếp loại của đảng viên');
      await page.getByLabel('Mẫu 02B Đảng viên không giữ chức vụ lãnh đạo, quản lý').check();
      await page.getByRole('button', { name: 'Tạo bản kiểm điểm theo Mẫu 02B' }).click();
      await page.locator('.form-pane .group-layout').first().waitFor();
      draftId = /#\/dang-vien\/02b\/(dv-[0-9a-f]+)$/.exec(page.url())?.[1] ?? '';
      expect(draftId).not.toBe('');
      expect(await page.locator('.form-pane .validation_error').count()).toBe(0);
      await expect.poll(() => page.locator('.problems').textContent(), WAIT).toContain('Còn 9 mục cần sửa trước khi in.');
      expect(await page.locator('.rating').textContent()).toContain('Nhập điểm Phần B, mục I');
    });

    it('shows the Vietnamese message as the member types, and clears it when fixed', async () => {
      await page.getByRole('button', { name: 'Điền dữ liệu mẫu' }).click();
      await expect.poll(() => page.locator('.problems').textContent(), WAIT).toContain('Bản kiểm điểm đã đủ và hợp lệ.');

      const name = field('identity/fullName');
      await name.locator('input').fill('');
      await expect.poll(() => name.locator('.validation_error').textContent(), WAIT).toBe('Thiếu "Họ và tên"');
      await name.locator('input').pressSequentially(MEMBER);
      await expect.poll(() => name.locator('.validation_error').count(), WAIT).toBe(0);
      await field('signature/name').locator('input').fill(MEMBER);

      const common = field('B/I/common');
      // The rating panel and the PDF button follow the field's message in the same render, never a moment later.
      const shown = whenMessage('B/I/common', '"1. Nhóm tiêu chí chung" không được vượt quá 30');
      await common.locator('input').fill('35');
      const beside = await shown;
      expect(beside).not.toBeNull();
      expect(beside!.rating).toContain('Chưa xếp loại được: "1. Nhóm tiêu chí chung" không được vượt quá 30');
      expect(beside!.pdfDisabled).toBe(true);
      expect(await page.locator('.rating').textContent()).toContain('Chưa xếp loại được: "1. Nhóm tiêu chí chung" không được vượt quá 30');
      expect(await page.getByRole('button', { name: 'Tải PDF' }).isDisabled()).toBe(true);

      await common.locator('input').fill('28');
      await expect.poll(() => common.locator('.validation_error').count(), WAIT).toBe(0);
      // The total no longer adds up: the rule pack's sum rule says so at the total.
      const total = field('B/I/total');
      await expect
        .poll(() => total.locator('.validation_error').textContent(), WAIT)
        .toBe('"Tổng điểm" phải bằng tổng "1. Nhóm tiêu chí chung" và "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ" (93)');
    });

    it('sees the rating the rule pack computes from the Part B scores, with reasons and citations', async () => {
      await field('B/I/tasks').locator('input').fill('60');
      await field('B/I/total').locator('input').fill('88');
      await expect.poll(() => page.locator('.problems').textContent(), WAIT).toContain('Bản kiểm điểm đã đủ và hợp lệ.');
      const rating = page.locator('.rating');
      await expect.poll(() => rating.getAttribute('data-level'), WAIT).toBe('HTTNV');
      const text = (await rating.textContent()) ?? '';
      expect(text).toContain('HTTNV Hoàn thành tốt nhiệm vụ');
      expect(text).toContain('Tổng điểm 88/100 · Quy định 366-QĐ/TW');
      expect(text).toContain('HTXSNV cần tổng điểm từ 90 trở lên; đạt 88');
      expect(text).toContain('Khoản 1 Điều 11 Quy định 366-QĐ/TW');
      expect(text).toContain('(đã kiểm chứng)');
      // The example proposes HTXSNV: higher than the rules give, and the page says so (the forms package's words).
      expect(text).toContain('Mức đề xuất HTXSNV cao hơn mức HTTNV mà bộ quy tắc tính được từ chính bản kiểm điểm');
      await field('B/II/level').getByLabel('Hoàn thành tốt nhiệm vụ', { exact: true }).check();
      await expect.poll(() => rating.textContent(), WAIT).toContain('Mức tự đề xuất: HTTNV.');
    });

    it('saves the draft on the server', async () => {
      await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await expect.poll(() => page.locator('.save-status').getAttribute('data-save'), WAIT).toBe('saved');
      const { draft } = await (await api(`/api/drafts/${draftId}`)).json();
      expect(draft).toMatchObject({ id: draftId, formId: 'hd43-2025/02b', fullName: MEMBER, valid: true, errorCount: 0 });
      expect(draft.document.B).toMatchObject({ I: { common: 28, tasks: 60, total: 88 }, II: { level: 'HTTNV' } });
    });

    it('downloads the PDF made in the browser: A4, Tinos, the member’s name with its diacritics', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải PDF' }).click()]);
      expect(download.suggestedFilename()).toBe('ban-kiem-diem-02b-tran-thi-hong-nhung.pdf');
      const file = join(dir, 'member.pdf');
      await download.saveAs(file);
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      await expect.poll(() => page.locator('.print-status').textContent(), WAIT).toBe('Đã tạo PDF.');
    });

    // Needs poppler-utils (required on CI, where READ_BACK is always true); skipped with a notice elsewhere.
    it.skipIf(!READ_BACK)('reads that PDF back with poppler: the Party layout, the form, the member, the chi bộ', () => {
      const text = expectPartyPdf(join(dir, 'member.pdf'));
      expect(text).toContain('Mẫu 02B-HD KĐ.ĐG 2025');
      expect(text).toContain('BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN');
      expect(text).toContain(MEMBER);
      expect(text).toContain('Chi bộ Phòng Tổng hợp');
    });

    it('downloads the same form as a Word file beside the PDF ("Tải Word")', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Word' }).click()]);
      expect(download.suggestedFilename()).toBe('ban-kiem-diem-02b-tran-thi-hong-nhung.docx');
      const file = join(dir, 'member.docx');
      await download.saveAs(file);
      expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
      await expect.poll(() => page.locator('.print-status').textContent(), WAIT).toBe('Đã tạo tệp Word.');
    });

    // Read back by LibreOffice (CI installs it), not by the library that wrote it; skipped with a notice elsewhere.
    it.skipIf(!SOFFICE)('reads that Word file back with LibreOffice: the Party header and the member', () => {
      const soffice = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'txt:Text', '--outdir', dir, join(dir, 'member.docx')], { encoding: 'utf8', timeout: 120_000 });
      expect(soffice.status, soffice.stderr).toBe(0);
      const text = readFileSync(join(dir, 'member.txt'), 'utf8').normalize('NFC');
      expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(text).toContain(MEMBER);
    });

    it('finds the draft again after a reload', async () => {
      await page.reload();
      await field('identity/fullName').locator('input').waitFor();
      expect(await field('identity/fullName').locator('input').inputValue()).toBe(MEMBER);
      expect(await field('B/I/total').locator('input').inputValue()).toBe('88');
      expect(await page.locator('.save-status').getAttribute('data-save')).toBe('saved');
      await expect.poll(() => page.locator('.rating').getAttribute('data-level'), WAIT).toBe('HTTNV');
    });

    it('finds it after a server restart on the same database file (signed in again: sessions do not outlive the server)', async () => {
      await restart();
      await signInPage('dangvien1');
      await page.goto(`${server.origin}/#/dang-vien/02b/${draftId}`);
      await field('identity/fullName').locator('input').waitFor();
      expect(await field('identity/fullName').locator('input').inputValue()).toBe(MEMBER);
      expect(await field('B/I/common').locator('input').inputValue()).toBe('28');
      await page.goto(`${server.origin}/#/`);
      await expect.poll(() => page.locator('.draft-list').textContent(), WAIT).toContain(MEMBER);
    });
  });

  describe('a save over a version saved elsewhere (issue 16)', () => {
    it('tells the member that the draft was saved elsewhere (412) and reloads the latest version on request', async () => {
      const listed = (await (await api('/api/drafts')).json()).drafts as Array<{ id: string; fullName: string }>;
      const draftId = listed.find((d) => d.fullName === MEMBER)?.id ?? '';
      expect(draftId).not.toBe('');
      await page.goto(`${server.origin}/#/dang-vien/02b/${draftId}`);
      await page.reload();
      const unit = field('identity/unit').locator('input');
      await unit.waitFor();
      // Another tab saves first, over the version this page read.
      const { body, etag } = await member.get(draftId);
      const elsewhere = structuredClone(body.draft.document);
      elsewhere.identity.unit = 'Phòng Tổng hợp (sửa ở thẻ khác)';
      expect((await put(draftId, JSON.stringify({ formId: 'hd43-2025/02b', document: elsewhere }), 'application/json', Number(JSON.parse(etag!)))).status).toBe(200);
      // This page's save is refused, and the member is told, with a way to reload.
      await unit.fill('Phòng Tổng hợp (sửa ở thẻ này)');
      await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
      const status = page.locator('.save-status');
      await expect.poll(() => status.getAttribute('data-save'), WAIT).toBe('conflict');
      expect(await status.textContent()).toContain('bản nháp này vừa được lưu ở nơi khác');
      expect((await member.get(draftId)).body.draft.document.identity.unit).toBe('Phòng Tổng hợp (sửa ở thẻ khác)');
      await page.getByRole('button', { name: 'Tải lại bản mới nhất' }).click();
      await expect.poll(() => field('identity/unit').locator('input').inputValue(), WAIT).toBe('Phòng Tổng hợp (sửa ở thẻ khác)');
      expect(await page.locator('.save-status').getAttribute('data-save')).toBe('saved');
      // The browser logs the refused request itself (a 412 is an HTTP error to it); that one line is expected here.
      const refused = consoleErrors.filter((e) => /status of 412/.test(e));
      expect(refused).toHaveLength(1);
      consoleErrors.splice(consoleErrors.indexOf(refused[0]!), 1);
    });
  });

  describe('the chi bộ secretary', () => {
    /** Two more members, saved through the API as their pages would: a leader and a second 02B, both HTXSNV. */
    const others = [
      { id: 'dv-lanh-dao', formId: 'hd43-2025/02a', name: 'Phạm Quốc Việt', scores: { common: 29, tasks: 65, total: 94 } },
      { id: 'dv-chuyen-vien', formId: 'hd43-2025/02b', name: 'Đỗ Minh Châu', scores: { common: 29, tasks: 63, total: 92 } },
    ] as const;

    beforeAll(async () => {
      // The other two members of the chi bộ save theirs as their own pages would.
      const other = await server.signIn('dangvien2');
      for (const o of others) {
        const doc = structuredClone(exampleFor(o.formId)) as Record<string, any>;
        doc.identity.fullName = o.name;
        doc.signature.name = o.name;
        doc.B.I = { ...o.scores };
        doc.B.II.level = 'HTXSNV';
        const res = await other.put(o.id, { formId: o.formId, document: doc });
        expect(res.status, await res.clone().text()).toBe(201);
        expect((await res.json()).validation.valid).toBe(true);
      }
    });

    it('sees every draft with the level the rules give, the counts and the quota check', async () => {
      await signInPage('bithu');
      await page.goto(`${server.origin}/#/bi-thu`);
      const rows = page.locator('table.drafts tbody tr');
      await expect.poll(() => rows.count(), WAIT).toBe(3);
      const table = (await page.locator('table.drafts').textContent()) ?? '';
      for (const name of [MEMBER, 'Phạm Quốc Việt', 'Đỗ Minh Châu']) expect(table).toContain(name);
      expect(await page.locator(`tr:has-text("${MEMBER}") td.level-cell`).textContent()).toBe('HTTNV');
      expect(await page.locator('tr:has-text("Đỗ Minh Châu") td.level-cell').textContent()).toBe('HTXSNV');

      // The quota lines the portal must show, computed here from the same drafts by the rules package.
      const secretary = await server.signIn('bithu');
      const listed = (await (await secretary.fetch('/api/drafts')).json()).drafts as Array<{ id: string }>;
      const drafts = (await Promise.all(listed.map(async (d) => (await secretary.get(d.id)).body.draft))) as Array<{ id: string; formId: string; document: unknown }>;
      const group: Record<string, string> = { 'hd43-2025/02a': 'lãnh đạo, quản lý', 'hd43-2025/02b': 'không giữ chức vụ lãnh đạo, quản lý' };
      const subjects = drafts.map((d) => ({ ...toSubject(getForm(d.formId)!, d.document).subject, id: d.id, group: group[d.formId] }) as Subject);
      const { quota } = rateManySync(subjects);
      const cell = quota.find((q) => q.group === 'không giữ chức vụ lãnh đạo, quản lý')!;
      expect(cell).toMatchObject({ excellent: 1, good: 1, allowed: 0, over: true });
      const quotaText = (await page.locator('.quota').textContent()) ?? '';
      expect(quotaText).toContain(`Nhóm không giữ chức vụ lãnh đạo, quản lý: 1 HTXSNV / 1 HTTNV; được phép 0 (20 % × 1, làm tròn xuống): VƯỢT tỷ lệ, cấp có thẩm quyền xem xét (tối đa giữ được ${cell.maxExcellent}).`);
      expect(quotaText).toContain('Nhóm lãnh đạo, quản lý: 1 HTXSNV / 0 HTTNV; được phép 0');
      expect(await page.locator('.quota').getAttribute('data-over')).toBe('yes');
      const counts = (await page.locator('table.counts').textContent()) ?? '';
      expect(counts).toContain('Hoàn thành xuất sắc nhiệm vụ (HTXSNV)2');
      expect(counts).toContain('Hoàn thành tốt nhiệm vụ (HTTNV)1');
    });

    it('opens a member’s draft read-only: no save button, a note saying so (issue 16)', async () => {
      await page.locator(`tr:has-text("${MEMBER}") td a`).first().click();
      await field('identity/fullName').locator('input').waitFor();
      expect(await field('identity/fullName').locator('input').inputValue()).toBe(MEMBER);
      expect(await page.locator('.read-only-note').textContent()).toBe('Chỉ xem: bản kiểm điểm của đảng viên khác; những thay đổi ở đây không được lưu.');
      expect(await page.getByRole('button', { name: 'Lưu bản nháp' }).count()).toBe(0);
      await page.goto(`${server.origin}/#/bi-thu`);
      await expect.poll(() => page.locator('table.drafts tbody tr').count(), WAIT).toBe(3);
    });

    it('downloads the summary PDF made in the browser', async () => {
      await page.getByLabel('Họ tên bí thư chi bộ').fill('Nguyễn Văn Bình');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải PDF tổng hợp' }).click()]);
      expect(download.suggestedFilename()).toBe('tong-hop-xep-loai-2026.pdf');
      const file = join(dir, 'summary.pdf');
      await download.saveAs(file);
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    });

    // Needs poppler-utils, as above.
    it.skipIf(!READ_BACK)('reads the summary PDF back with poppler: A4, Tinos, every member, the secretary, the quota line', () => {
      const file = join(dir, 'summary.pdf');
      expect(pdfInfo(file)['Page size']).toMatch(/\(A4\)/);
      for (const f of pdfFonts(file)) expect(f.name).toMatch(/^[A-Z]{6}\+Tinos-(Regular|Bold|Italic|BoldItalic)$/);
      const text = pdfText(file).replace(/\s+/g, ' ');
      expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(text).toContain('DANH SÁCH TỔNG HỢP KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2026');
      for (const name of [MEMBER, 'Phạm Quốc Việt', 'Đỗ Minh Châu', 'Nguyễn Văn Bình', 'CHI BỘ PHÒNG TỔNG HỢP', 'Đà Lạt']) expect(text).toContain(name);
      expect(text).toContain('VƯỢT tỷ lệ');
    });
  });

  describe('a portal whose chi bộ leaves "no level" to the competent level (--param reading.noLevelIsKHTNV=false)', () => {
    const NAME = 'Lê Thị Thu Hà';
    const ID = 'dv-chua-xong';
    const STATUS = 'Cấp có thẩm quyền xem xét, quyết định';
    const firstTask = () => page.locator('.rows.root_properties_B_properties_evidence li.row').first().locator('.root_properties_completed');

    beforeAll(async () => {
      await restart(['--param', 'reading.noLevelIsKHTNV=false']);
    });

    it('says how it rates, and its check of a draft that meets no level leaves the level to the competent level', async () => {
      await expect.poll(() => server.output, WAIT).toContain('Tham số / parameter: reading.noLevelIsKHTNV = false');
      expect(await (await api('/api/settings')).json()).toEqual({ settings: { parameters: FOR_DECISION } });
      const res = await put(ID, JSON.stringify({ formId: 'hd43-2025/02b', document: noLevelDraft(NAME) }));
      expect(res.status).toBe(201);
      const { validation } = await res.json();
      expect(validation.warnings[0]).toEqual({
        path: '/B/II/level',
        code: 'level-for-decision',
        message: 'Mức xếp loại do cấp có thẩm quyền xem xét, quyết định (quy tắc khtnv.no-level), nên bộ quy tắc không đối chiếu mức đề xuất HTXSNV',
      });
      expect(validation.warnings.map((w: { code?: string }) => w.code)).not.toContain('level-mismatch');
    });

    it('the member’s panel: no level, who decides, the reason first with its citation, and nothing to set aside', async () => {
      await signInPage('dangvien1'); // the settings are read when the member signs in
      await page.goto(`${server.origin}/#/dang-vien/02b/${ID}`);
      const rating = page.locator('.rating');
      await expect.poll(() => rating.getAttribute('data-level'), WAIT).toBe('for-decision');
      expect(await rating.locator('.level').textContent()).toBe(STATUS);
      expect(await rating.locator('.without').textContent()).toBe('Bộ quy tắc không cho mức nào, kể cả khi không tính trường hợp chuyển cấp có thẩm quyền.');
      const first = rating.locator('.reasons li').first();
      expect(await first.getAttribute('data-rule')).toBe('khtnv.no-level');
      expect(await first.getAttribute('class')).toContain('handed-over');
      expect(await first.locator('.mark').getAttribute('aria-label')).toBe('chuyển cấp có thẩm quyền');
      expect(await first.locator('cite').textContent()).toBe('Khoản 4 Điều 11 Quy định 366-QĐ/TW');
      const text = (await rating.textContent()) ?? '';
      expect(text).toContain('Mức tự đề xuất: HTXSNV. Mức xếp loại do cấp có thẩm quyền xem xét, quyết định (quy tắc khtnv.no-level)');
      expect(text).not.toContain('cao hơn mức');
      expect(text).toContain('reading.noLevelIsKHTNV = false');
    });

    it('follows the member’s edits: every task completed gives a level again, one not completed hands it over', async () => {
      const rating = page.locator('.rating');
      await firstTask().getByLabel('Hoàn thành', { exact: true }).check();
      await expect.poll(() => rating.getAttribute('data-level'), WAIT).toBe('HTXSNV');
      await firstTask().getByLabel('Chưa hoàn thành', { exact: true }).check();
      await expect.poll(() => rating.getAttribute('data-level'), WAIT).toBe('for-decision');
      await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await expect.poll(() => page.locator('.save-status').getAttribute('data-save'), WAIT).toBe('saved');
    });

    it('the secretary: the status, the reason with its citation, and a count apart from the levels', async () => {
      await signInPage('bithu');
      await page.goto(`${server.origin}/#/bi-thu`);
      const rows = page.locator('table.drafts tbody tr');
      await expect.poll(() => rows.count(), WAIT).toBe(4);
      const cell = page.locator(`tr[data-draft="${ID}"] td.level-cell`);
      expect(await cell.getAttribute('data-status')).toBe('for-decision');
      expect(await cell.locator('.status').textContent()).toBe(STATUS);
      expect(await cell.locator('.reasons li').count()).toBe(1);
      expect(await cell.locator('.reasons li').getAttribute('data-rule')).toBe('khtnv.no-level');
      expect(await cell.locator('cite').textContent()).toBe('Khoản 4 Điều 11 Quy định 366-QĐ/TW');
      expect(await cell.locator('.without').textContent()).toBe('Bộ quy tắc không cho mức nào, kể cả khi không tính trường hợp chuyển cấp có thẩm quyền.');
      // The other members keep their levels.
      expect(await page.locator(`tr:has-text("${MEMBER}") td.level-cell`).textContent()).toBe('HTTNV');
      const counts = (await page.locator('table.counts').textContent()) ?? '';
      expect(counts).toContain('Hoàn thành xuất sắc nhiệm vụ (HTXSNV)2');
      expect(counts).toContain('Hoàn thành tốt nhiệm vụ (HTTNV)1');
      expect(counts).toContain('Không hoàn thành nhiệm vụ (KHTNV)0');
      expect(counts).toContain(`${STATUS}1`);
      expect(counts).toContain('Chưa xếp loại0');
      expect(await page.locator('.page > .editor-head').textContent()).toContain('reading.noLevelIsKHTNV = false');
    });

    it('passes the results, this one too, to the summary PDF made in the browser', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải PDF tổng hợp' }).click()]);
      const file = join(dir, 'summary-for-decision.pdf');
      await download.saveAs(file);
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      await expect.poll(() => page.locator('.print-status').textContent(), WAIT).toBe('Đã tạo PDF tổng hợp.');
    });

    // Needs poppler-utils, as above. The wording of a for-decision row is @kiemdiem/reports' own.
    it.skipIf(!READ_BACK)('reads it back: every member, the one for the competent level too', () => {
      const text = pdfText(join(dir, 'summary-for-decision.pdf')).replace(/\s+/g, ' ');
      for (const name of [MEMBER, 'Phạm Quốc Việt', 'Đỗ Minh Châu', NAME]) expect(text).toContain(name);
    });
  });

  it('had no CSP violation and no console error on any screen', () => {
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    console.info(`portal build ${buildMs} ms`);
  });

  it('would have noticed a violation (the listener works)', async () => {
    const probe = await context.newPage();
    await probe.goto(`${server.origin}/`);
    await probe.locator('h1').waitFor();
    // An inline <style> element, the kind of thing CSS-in-JS libraries inject: the CSP refuses it.
    await probe.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'body { color: red }' })));
    await expect.poll(() => violations.filter((v) => v.directive.startsWith('style-src')).length, WAIT).toBeGreaterThan(0);
    await probe.close();
  });
});
