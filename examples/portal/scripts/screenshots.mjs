// Screenshots of the portal's main screens for the docs: docs/images/portal-member.png, portal-rating.png and
// portal-secretary.png. Builds the portal, starts it on a throwaway database (which creates the demo accounts and
// prints their passwords), saves the drafts of a small fictional chi bộ (examples/chi-bo-2026) through the API as
// a demo member, and drives Debian's Chromium with playwright-core, signed in as that member, then as the secretary.
//
//   node examples/portal/scripts/screenshots.mjs      (after `pnpm build`; needs /usr/bin/chromium)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleFor } from '@kiemdiem/forms';
import { chromium } from 'playwright-core';

const HERE = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPO = join(HERE, '../..');
const OUT = join(REPO, 'docs/images');

const built = spawnSync(process.execPath, [join(HERE, 'scripts/build.mjs')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-portal-shots-'));
const server = spawn(process.execPath, [join(HERE, 'dist/server.js'), '--db', join(dir, 'drafts.sqlite'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
let printed = '';
const origin = await new Promise((resolve, reject) => {
  server.stdout.on('data', (c) => {
    printed += c;
    const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(printed);
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`server exited (${code})`)));
});
/** The demo accounts' passwords, as the first start printed them. */
const password = (username) => new RegExp(`: ${username} / (\\S+)`).exec(printed)?.[1] ?? '';
const signIn = await fetch(`${origin}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ username: 'dangvien1', password: password('dangvien1') }) });
if (!signIn.ok) throw new Error(`sign-in: ${signIn.status}`);
const cookie = signIn.headers.get('set-cookie').split(';')[0];

// Members of the fictional chi bộ, as their own drafts: the form for their audience, their name and scores, and an
// annex of tasks that says how many were done on time and exceeded (what the rule pack reads besides the points).
const FORM = { leader: 'hd43-2025/02a', 'non-leader': 'hd43-2025/02b', 'outside-system': 'hd43-2025/02c' };
const subjects = JSON.parse(readFileSync(join(REPO, 'examples/chi-bo-2026/subjects.json'), 'utf8'));
const chosen = ['dv-01', 'dv-02', 'dv-07', 'dv-08', 'dv-09', 'dv-11', 'dv-16', 'dv-18', 'dv-24'];
for (const s of subjects.filter((x) => chosen.includes(x.id))) {
  const formId = FORM[s.audience];
  const doc = structuredClone(exampleFor(formId));
  doc.identity.fullName = s.name;
  doc.signature.name = s.name;
  const total = s.score.common + s.score.tasks;
  doc.B.I = { common: s.score.common, tasks: s.score.tasks, total };
  doc.B.II.level = total >= 90 ? 'HTXSNV' : total >= 70 ? 'HTTNV' : 'HTNV';
  if (doc.B.evidence) {
    const t = s.tasks;
    doc.B.evidence = Array.from({ length: t.assigned }, (_, i) => ({
      task: `Nhiệm vụ ${i + 1}`,
      product: 'Báo cáo, văn bản tham mưu',
      deadline: '2026-12-15',
      completed: i < t.completed ? 'hoan-thanh' : 'chua-hoan-thanh',
      onTime: i < t.onTime ? 'dung-tien-do' : 'cham-tien-do',
      exceeded: i < t.exceeded ? 'co' : 'khong',
    }));
  }
  const res = await fetch(`${origin}/api/drafts/${s.id}`, { method: 'PUT', headers: { 'content-type': 'application/json', origin, cookie, 'if-none-match': '*' }, body: JSON.stringify({ formId, document: doc }) });
  if (!res.ok) throw new Error(`${s.id}: ${res.status} ${await res.text()}`);
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--hide-scrollbars', '--lang=vi'] });
try {
  const page = await (await browser.newContext({ locale: 'vi-VN', viewport: { width: 1360, height: 860 }, deviceScaleFactor: 1 })).newPage();
  const violations = [];
  page.on('console', (m) => m.type() === 'error' && violations.push(m.text()));
  const field = (scope) => page.locator(`.root_properties_${scope.split('/').join('_properties_')}`);

  const signInPage = async (username) => {
    await page.goto(`${origin}/`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password(username));
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.locator(`.who[data-user="${username}"]`).waitFor();
  };

  // A member starts Mẫu 02B, fills it (the example), types an out-of-range score: the message in Vietnamese.
  await signInPage('dangvien1');
  await page.getByRole('button', { name: 'Tạo bản kiểm điểm theo Mẫu 02B' }).click();
  await page.getByRole('button', { name: 'Điền dữ liệu mẫu' }).click();
  await field('identity/fullName').locator('input').fill('Trần Thị Hồng Nhung');
  await field('signature/name').locator('input').fill('Trần Thị Hồng Nhung');
  await field('B/I/common').locator('input').fill('35');
  await field('B/I/common').locator('.validation_error').waitFor();
  await page.locator('fieldset.group-layout:has(> legend:text-is("B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI"))').evaluate((e) => scrollTo(0, e.getBoundingClientRect().top + scrollY - 160));
  await page.screenshot({ path: join(OUT, 'portal-member.png') });

  // Fixed: the rating the rule pack computes, with its reasons and citations.
  await field('B/I/common').locator('input').fill('28');
  await field('B/I/tasks').locator('input').fill('60');
  await field('B/I/total').locator('input').fill('88');
  await page.locator('.rating[data-level="HTTNV"]').waitFor();
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await page.locator('.save-status[data-save="saved"]').waitFor();
  await page.locator('fieldset.group-layout:has(> legend:text-is("B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI"))').evaluate((e) => scrollTo(0, e.getBoundingClientRect().top + scrollY - 160));
  await page.screenshot({ path: join(OUT, 'portal-rating.png') });

  // The secretary: every draft, the levels, the counts and the quota check.
  await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
  await signInPage('bithu');
  await page.goto(`${origin}/#/bi-thu`);
  await page.locator('table.drafts tbody tr').nth(chosen.length).waitFor();
  await page.getByLabel('Họ tên bí thư chi bộ').fill('Trần Quốc Khánh');
  await page.setViewportSize({ width: 1360, height: 1100 });
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: join(OUT, 'portal-secretary.png') });
  if (violations.length) throw new Error(`console errors:\n${violations.join('\n')}`);
  console.log(`screenshots in ${OUT}: portal-member.png, portal-rating.png, portal-secretary.png`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
