/**
 * Renderers and the SQLite store: how fast a report is rendered (JSON, terminal, HTML) and how
 * fast articles and comparisons are written, on the hand-made harbour fixture.
 *   npm run bench report
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Article, Comparison } from '../src/model/index.ts';
import { renderHtml, renderJson, renderTerminal } from '../src/report/index.ts';
import { openStore } from '../src/store/index.ts';
import type { BenchReport } from './run.ts';

/** Rounds per renderer: enough for a stable mean at well under a second each. */
const RENDER_ROUNDS = 300;
/** Articles per stored batch, and batches: a day of a few busy feeds. */
const BATCH_SIZE = 500;
const BATCHES = 4;

function perSecond(rounds: number, work: () => void): number {
  work(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) work();
  return rounds / ((performance.now() - t0) / 1000);
}

export default async function bench(): Promise<BenchReport> {
  const comparison = JSON.parse(readFileSync(resolve(import.meta.dirname, '../test/fixtures/report/harbour.json'), 'utf8')) as Comparison;
  const figures: Record<string, number | string> = {
    'renderJson reports/s': Math.round(perSecond(RENDER_ROUNDS, () => renderJson(comparison))),
    'renderTerminal reports/s': Math.round(perSecond(RENDER_ROUNDS, () => renderTerminal(comparison, { color: true }))),
    'renderHtml reports/s': Math.round(perSecond(RENDER_ROUNDS, () => renderHtml(comparison))),
    'renderHtml bytes': renderHtml(comparison).length,
  };

  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
  try {
    const store = openStore(join(dir, 'bench.sqlite'));
    const base = comparison.articles[0];
    const make = (n: number): Article => ({ ...base, id: `bench-${n}`, text: `${base.text}\n\nUpdate ${n}.` });
    let t0 = performance.now();
    for (let b = 0; b < BATCHES; b++) store.putArticles(Array.from({ length: BATCH_SIZE }, (_, i) => make(b * BATCH_SIZE + i)));
    figures['putArticles articles/s'] = Math.round((BATCHES * BATCH_SIZE) / ((performance.now() - t0) / 1000));
    t0 = performance.now();
    const again = store.putArticles(Array.from({ length: BATCH_SIZE }, (_, i) => make(i)));
    figures['dedup check articles/s'] = Math.round(BATCH_SIZE / ((performance.now() - t0) / 1000));
    figures['dedup duplicates found'] = `${again.duplicates}/${BATCH_SIZE}`;
    figures['putComparison /s'] = Math.round(perSecond(200, () => store.putComparison(comparison)));
    figures['getComparison /s'] = Math.round(perSecond(200, () => store.getComparison(comparison.id)));
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { name: 'report and store', figures, notes: ['hand-made two-article fixture (test/fixtures/report/harbour.json); SQLite file in the temp folder, WAL, synchronous=NORMAL'] };
}
