/**
 * Text cleaning speed and memory over real articles: the 7,300 AllSides articles in
 * ../shared/data/allsides/*.jsonl.gz (`content_original`, as published; see its SOURCE.txt).
 * Two paths, each in its own child process so its peak RSS is its own:
 *   - cleanText alone (normalisation, boilerplate rules, dateline, repeats);
 *   - articleFromText (cleaning + headline/metadata + language id + content hash), i.e. what
 *     `parallax ingest` does per plain-text article after decoding.
 * Texts are read and decompressed before the clock starts; one warm-up pass over 200 runs first.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { sharedDataDir } from '../src/eval/data.ts';
import { articleFromText } from '../src/ingest/article.ts';
import { cleanText } from '../src/ingest/clean.ts';
import type { BenchReport } from './run.ts';

const WORKER_ENV = 'PARALLAX_CLEANING_BENCH_WORKER';
const WARM_UP_TEXTS = 200; // enough for V8 to compile the regexes and hot loops

const PATHS: Record<string, (text: string) => { removed: { kind: string }[] }> = {
  cleanText: (text) => cleanText(text),
  articleFromText: (text) => articleFromText(text, { origin: 'bench' }),
};

interface WorkerFigures {
  texts: number;
  megabytes: number;
  seconds: number;
  peakRssMiB: number;
  loadedRssMiB: number;
  withRemovals: number;
  removalsByKind: Record<string, number>;
  failures: number;
}

/** Streams the gzipped JSON lines, keeping only `content_original`, so the baseline stays small. */
async function loadTexts(dir: string): Promise<string[]> {
  const texts: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl.gz'))
    .sort()) {
    const lines = createInterface({
      input: createReadStream(join(dir, file)).pipe(createGunzip()),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as { content_original?: string };
      // Copy out of the parsed record so the rest of it can be collected.
      if (record.content_original?.trim()) texts.push(` ${record.content_original}`.slice(1));
    }
  }
  return texts;
}

async function runWorker(name: string, dir: string): Promise<WorkerFigures> {
  const clean = PATHS[name]!;
  const texts = await loadTexts(dir);
  globalThis.gc?.();
  const loadedRssMiB = process.memoryUsage().rss / 1024 / 1024;
  for (const text of texts.slice(0, WARM_UP_TEXTS)) {
    try {
      clean(text);
    } catch {
      // counted in the timed pass
    }
  }
  const removalsByKind: Record<string, number> = {};
  let withRemovals = 0;
  let failures = 0;
  const started = performance.now();
  for (const text of texts) {
    try {
      const { removed } = clean(text);
      if (removed.length) withRemovals++;
      for (const r of removed) removalsByKind[r.kind] = (removalsByKind[r.kind] ?? 0) + 1;
    } catch {
      failures++; // an article that is all boilerplate (NO_ARTICLE)
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const megabytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0) / 1024 / 1024;
  return {
    texts: texts.length,
    megabytes,
    seconds,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    loadedRssMiB,
    withRemovals,
    removalsByKind,
    failures,
  };
}

if (process.env[WORKER_ENV]) {
  const [name, dir] = JSON.parse(process.env[WORKER_ENV]) as [string, string];
  process.stdout.write(JSON.stringify(await runWorker(name, dir)));
}

export default async function cleaningBench(): Promise<BenchReport> {
  const shared = sharedDataDir();
  if (!shared) return { name: 'cleaning', figures: {}, notes: ['skipped: ../shared/data is absent'] };
  const dir = join(shared, 'allsides');
  const figures: Record<string, number | string> = {};
  const notes: string[] = [];
  for (const name of Object.keys(PATHS)) {
    const output = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename], {
      env: { ...process.env, [WORKER_ENV]: JSON.stringify([name, dir]) },
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const r = JSON.parse(output) as WorkerFigures;
    figures[`${name} texts/s`] = Math.round(r.texts / r.seconds);
    figures[`${name} MB/s`] = Math.round((r.megabytes / r.seconds) * 10) / 10;
    figures[`${name} peak RSS MiB`] = Math.round(r.peakRssMiB);
    figures[`${name} RSS after loading MiB`] = Math.round(r.loadedRssMiB);
    if (name === 'cleanText') {
      figures['texts'] = r.texts;
      figures['texts with a removal'] = r.withRemovals;
      notes.push(
        `removals by kind: ${
          Object.entries(r.removalsByKind)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ') || 'none'
        }`,
      );
    } else {
      figures[`${name} failures (all boilerplate)`] = r.failures;
    }
  }
  notes.push(
    '"RSS after loading": the process with all texts in memory, before any cleaning; peak RSS minus it is the cleaning\'s own',
  );
  return { name: 'cleaning', figures, notes };
}
