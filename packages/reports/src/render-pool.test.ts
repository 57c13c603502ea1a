import { exampleFor } from '@kiemdiem/forms';
import { KiemdiemError, rateMany } from '@kiemdiem/rules';
import { afterEach, describe, expect, it } from 'vitest';
import { createRenderPool, render, renderSummary, type RenderPool } from './index';

type Doc = Record<string, any>;
const FORM = 'hd43-2025/02b';
const example = () => exampleFor(FORM) as Doc;
// Workers started from the TypeScript sources compile them first (tsx): give them time.
const SLOW = 120_000;

let pool: RenderPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('createRenderPool', () => {
  it('prints the bytes render and renderSummary print, accelerated', { timeout: SLOW }, async () => {
    pool = createRenderPool({ workers: 2 });
    const [a, b] = await Promise.all([pool.render(FORM, example()), pool.render(FORM, example(), { lang: 'en' })]);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(await render(FORM, example())))).toBe(0);
    expect(Buffer.compare(Buffer.from(b), Buffer.from(await render(FORM, example(), { lang: 'en' })))).toBe(0);
    expect(await pool.status()).toEqual({ accelerated: true });
    const output = await rateMany([{ id: 'a', type: 'member', fullName: 'Lê Văn A', year: 2026, scores: { criteria: 20, tasks: 65 }, discipline: null }] as never);
    const summary = await pool.renderSummary(output);
    expect(Buffer.compare(Buffer.from(summary), Buffer.from(await renderSummary(output)))).toBe(0);
    expect(pool.pending).toBe(0);
  });

  it('answers the errors render answers, with their codes and details', { timeout: SLOW }, async () => {
    pool = createRenderPool({ workers: 1 });
    await expect(pool.render('hd43-2025/99x', {})).rejects.toMatchObject({ code: 'unknown-form' });
    const broken = example();
    broken.identity.fullName = '';
    const error = await pool.render(FORM, broken).catch((e: unknown) => e);
    expect(KiemdiemError.is(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid-subject' });
    expect((error as KiemdiemError).details).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/identity/fullName' })]));
    // The pool still prints after a refused document.
    expect((await pool.render(FORM, example())).byteLength).toBeGreaterThan(1000);
  });

  it('refuses at once past its queue, in the pool language, and prints every document it took', { timeout: SLOW }, async () => {
    pool = createRenderPool({ workers: 1, maxQueue: 2, lang: 'en' });
    const taken = [pool.render(FORM, example()), pool.render(FORM, example()), pool.render(FORM, example())];
    expect(pool.pending).toBe(3);
    const refused = await pool.render(FORM, example()).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'overloaded', message: 'the print queue is full (2 documents waiting); try again later' });
    const done = await Promise.all(taken);
    expect(done.map((bytes) => bytes.byteLength > 1000)).toEqual([true, true, true]);
  });

  it('drops a waiting document and stops a printing one when their signal aborts, then prints on', { timeout: SLOW }, async () => {
    pool = createRenderPool({ workers: 1 });
    const printing = new AbortController();
    const queued = new AbortController();
    const first = pool.render(FORM, example(), { signal: printing.signal }).catch((e: unknown) => e);
    const second = pool.render(FORM, example(), { signal: queued.signal }).catch((e: unknown) => e);
    const third = pool.render(FORM, example());
    queued.abort(new Error('waited too long'));
    expect(await second).toMatchObject({ message: 'waited too long' });
    printing.abort(new Error('printed too long'));
    expect(await first).toMatchObject({ message: 'printed too long' });
    expect((await third).byteLength).toBeGreaterThan(1000);
    expect(pool.pending).toBe(0);
  });

  it('finishes what it holds on close and refuses what comes after', { timeout: SLOW }, async () => {
    const closing = createRenderPool({ workers: 1 });
    const held = closing.render(FORM, example());
    const closed = closing.close();
    await expect(closing.render(FORM, example())).rejects.toMatchObject({ message: 'nhóm luồng in đã đóng' });
    expect((await held).byteLength).toBeGreaterThan(1000);
    await closed;
  });
});
