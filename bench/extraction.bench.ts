/**
 * HTML extraction speed and memory: extractHtml (our path) beside Readability alone (on the same
 * linkedom DOM), over the benchmark pages in ../shared/data/article-extraction. Each extractor
 * runs in its own child process so its peak RSS is its own; pages are read and decoded before
 * the clock starts, and one warm-up pass runs first.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { sharedDataDir } from '../src/eval/data.ts';
import { loadBenchmarkPages, ourText, readabilityText } from '../src/eval/extraction.ts';
import type { BenchReport } from './run.ts';

const WORKER_ENV = 'PARALLAX_EXTRACTION_BENCH_WORKER';
const TIMED_PASSES = 2; // two passes over 121 pages: ~5 s, enough to steady the rate
const ROUNDS = 3; // alternating rounds per extractor; the best is reported

const EXTRACTORS: Record<string, (html: string, url: string) => string> = {
  extractHtml: ourText,
  'readability alone': readabilityText,
};

interface WorkerFigures {
  pages: number;
  seconds: number;
  peakRssMiB: number;
}

function runWorker(name: string, dataPath: string): WorkerFigures {
  const extract = EXTRACTORS[name];
  const pages = loadBenchmarkPages(dataPath);
  for (const page of pages.slice(0, 10)) extract(page.html, page.url); // warm-up
  const started = performance.now();
  for (let pass = 0; pass < TIMED_PASSES; pass++) for (const page of pages) extract(page.html, page.url);
  const seconds = (performance.now() - started) / 1000;
  return { pages: pages.length * TIMED_PASSES, seconds, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

if (process.env[WORKER_ENV]) {
  const [name, dataPath] = JSON.parse(process.env[WORKER_ENV]) as [string, string];
  process.stdout.write(JSON.stringify(runWorker(name, dataPath)));
}

export default async function extractionBench(): Promise<BenchReport> {
  const shared = sharedDataDir();
  if (!shared) return { name: 'extraction', figures: {}, notes: ['skipped: ../shared/data is absent'] };
  const dataPath = join(shared, 'article-extraction');
  // Alternate the extractors over rounds and keep each one's best round: on a shared machine the
  // load moves under any single run, and the best round is the least disturbed one.
  const best = new Map<string, WorkerFigures>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of Object.keys(EXTRACTORS)) {
      const output = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename], {
        env: { ...process.env, [WORKER_ENV]: JSON.stringify([name, dataPath]) },
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      const result = JSON.parse(output) as WorkerFigures;
      const previous = best.get(name);
      if (!previous || result.seconds < previous.seconds) {
        best.set(name, { ...result, peakRssMiB: Math.max(result.peakRssMiB, previous?.peakRssMiB ?? 0) });
      } else {
        previous.peakRssMiB = Math.max(previous.peakRssMiB, result.peakRssMiB);
      }
    }
  }
  const figures: Record<string, number | string> = {};
  for (const [name, result] of best) {
    figures[`${name} pages/s`] = Math.round((result.pages / result.seconds) * 10) / 10;
    figures[`${name} ms/page`] = Math.round(((1000 * result.seconds) / result.pages) * 10) / 10;
    figures[`${name} peak RSS MiB`] = Math.round(result.peakRssMiB);
  }
  return {
    name: 'extraction',
    figures,
    notes: [
      `${dataPath}: every page ${TIMED_PASSES}× after a warm-up, one child process per extractor and round, best of ${ROUNDS} alternating rounds`,
      'extractHtml = metadata + Readability + our body filters; readability alone = Readability.parse().textContent',
    ],
  };
}
