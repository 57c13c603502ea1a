/**
 * An application that prints its own PDFs with pdfmake in the same process as @kiemdiem/reports gets pdfmake,
 * pdfkit and fontkit as published, and its own pdfmake set-up (fonts, files, access policies) untouched:
 * kiemdiem's accelerations run only in renderBatch's worker threads, and kiemdiem prints with a pdfmake
 * instance of its own. Each order runs in a fresh process (a clean module cache), against the built package:
 *   alone           the application without kiemdiem: the reference;
 *   app-first       the application loads and sets up pdfmake, then kiemdiem's render and renderBatch run,
 *                   then the application prints;
 *   kiemdiem-first  render and renderBatch run before the application first loads pdfmake.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const APP = 'tests/scenario/fixtures/host-app.mjs';

interface Run {
  order: string;
  kiemdiem?: { single: string; batch: string; accelerated: boolean };
  kiemdiemAgain?: { single: string; batch: string; accelerated: boolean };
  appPdf: string;
  pristine: unknown;
  atLoad: Record<string, unknown>;
  after: Record<string, unknown>;
  unchanged: Record<string, boolean>;
  setUp: { fonts: boolean; url: boolean; local: boolean; files: string[] };
}

function run(order: 'alone' | 'app-first' | 'kiemdiem-first'): Run {
  const r = spawnSync(process.execPath, [APP], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ORDER: order } });
  if (r.status !== 0) throw new Error(`${order} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Run;
}

describe('an application printing its own PDFs with pdfmake next to @kiemdiem/reports', () => {
  const alone = run('alone');

  it('has a reference run that never loaded kiemdiem', () => {
    expect(alone.kiemdiem).toBeUndefined();
    expect(Object.keys(alone.atLoad)).toEqual(expect.arrayContaining(['getStyleProperty', 'getProperty', 'buildInlines', 'write', 'finalize', 'create']));
    expect(alone.after).toEqual(alone.atLoad);
    expect(alone.setUp).toEqual({ fonts: true, url: true, local: true, files: ['App-Bold.ttf', 'App-Regular.ttf'] });
  });

  it('keeps pdfmake, pdfkit, fontkit and its own set-up as they were when it loaded pdfmake first', async () => {
    const r = run('app-first');
    expect(r.atLoad).toEqual(alone.atLoad);
    expect(r.unchanged).toEqual({ getStyleProperty: true, getProperty: true, buildInlines: true, write: true, finalize: true, fontkit: true, create: true });
    expect(r.after).toEqual(alone.atLoad);
    expect(r.setUp).toEqual(alone.setUp);
    expect(r.appPdf).toBe(alone.appPdf);
    // kiemdiem printed the same bytes on this thread (pdfmake as published) and in a batch worker (accelerated).
    expect(r.kiemdiem).toEqual({ single: expect.any(String), batch: r.kiemdiem!.single, accelerated: true });
  }, 120_000);

  it('finds pdfmake, pdfkit and fontkit as published when kiemdiem ran before it first loaded pdfmake', async () => {
    const r = run('kiemdiem-first');
    expect(r.pristine).toEqual(alone.pristine);
    expect(r.atLoad).toEqual(alone.atLoad);
    expect(r.after).toEqual(alone.atLoad);
    expect(r.setUp).toEqual(alone.setUp);
    expect(r.appPdf).toBe(alone.appPdf);
    expect(r.kiemdiem).toEqual({ single: expect.any(String), batch: r.kiemdiem!.single, accelerated: true });
    // kiemdiem's own output does not depend on what the application set up in between.
    expect(r.kiemdiemAgain).toEqual(r.kiemdiem);
  }, 120_000);
});
