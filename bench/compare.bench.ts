/**
 * One comparison of two ~700–800-word articles, warm, in milliseconds: the fictional
 * harbour-strike pair in examples/ (in the repo, so the bench runs anywhere).
 *
 * `compare` (src/compare) end to end when it runs; when a stage it needs is not available
 * (e.g. framing weights not yet trained), the stages this bench can run are timed instead and
 * a note says so. Per-stage figures come from separate timed loops over the same inputs.
 * Figures: median wall-clock ms, median CPU (user+system) ms and the fastest run per comparison.
 * On a busy shared machine the median wall time mostly measures waiting; CPU time and the
 * fastest run are closer to what one free core needs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { attributeQuotes, resolveActors } from '../src/actors/index.ts';
import { alignClaims, buildBrief, extractClaims } from '../src/claims/index.ts';
import { compare } from '../src/compare/index.ts';
import { articleFromText } from '../src/ingest/index.ts';
import { annotate } from '../src/language/index.ts';
import type { Article } from '../src/model/index.ts';
import { extractQuotes } from '../src/quotes/index.ts';
import type { BenchReport } from './run.ts';

/** Runs before timing: lazy resources (vectors, lexicons, models) load and V8 warms up. */
const WARM_UP_RUNS = 5;
const TIMED_RUNS = 30;
/** The goal for a warm two-article comparison on one core. */
const GOAL_MS = 50;

function measure(run: () => unknown): { wall: number; cpu: number; fastest: number } {
  for (let i = 0; i < WARM_UP_RUNS; i++) run();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    run();
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  const fastest = Math.min(...walls);
  return { wall: median(walls), cpu: median(cpus), fastest };
}

/** The stages `compare` runs, framing left out; returns every intermediate result. */
function stagesWithoutFraming(articles: Article[]) {
  const docs = articles.map(annotate);
  const found = docs.flatMap((d) => extractQuotes(d));
  const actors = resolveActors(docs, found);
  const quotes = attributeQuotes(found, actors);
  const claims = docs.flatMap((d) =>
    extractClaims(
      d,
      actors,
      quotes.filter((q) => q.article === d.article.id),
    ),
  );
  const alignments = alignClaims(claims, docs, actors);
  return { docs, found, actors, quotes, claims, alignments, brief: buildBrief(alignments, claims, articles) };
}

export default async function benchCompare(): Promise<BenchReport> {
  const dir = resolve(import.meta.dirname, '../examples/harbour-strike');
  const articles = ['harbour-herald.txt', 'veyra-free-press.txt'].map((f, i) =>
    articleFromText(readFileSync(resolve(dir, f), 'utf8'), {
      origin: f,
      source: i ? 'Veyra Free Press' : undefined,
    }),
  );
  const words = articles.map((a) => a.text.split(/\s+/).length);
  const notes: string[] = [`articles: ${words.join(' and ')} words (examples/harbour-strike)`];
  const figures: Record<string, number | string> = {};

  let endToEnd: ReturnType<typeof measure> | null = null;
  try {
    endToEnd = measure(() => compare(articles));
  } catch (error) {
    notes.push(
      `compare() did not run (${error instanceof Error ? error.message : String(error)}); timed the stages without framing instead`,
    );
  }
  const stages = endToEnd ?? measure(() => stagesWithoutFraming(articles));
  figures[endToEnd ? 'compare, warm, median ms' : 'stages w/o framing, warm, median ms'] = stages.wall;
  figures[endToEnd ? 'compare, warm, median CPU ms' : 'stages w/o framing, median CPU ms'] = stages.cpu;
  figures[endToEnd ? 'compare, warm, fastest ms' : 'stages w/o framing, fastest ms'] = stages.fastest;
  figures[`goal ms`] = GOAL_MS;

  // Per stage, each in its own loop over precomputed inputs.
  const { docs, found, actors, quotes, claims, alignments } = stagesWithoutFraming(articles);
  const perStage: [string, () => unknown][] = [
    ['annotate ×2', () => articles.map(annotate)],
    ['extractQuotes ×2', () => docs.map((d) => extractQuotes(d))],
    ['resolveActors + attributeQuotes', () => attributeQuotes(found, resolveActors(docs, found))],
    [
      'extractClaims ×2',
      () =>
        docs.map((d) =>
          extractClaims(
            d,
            actors,
            quotes.filter((q) => q.article === d.article.id),
          ),
        ),
    ],
    ['alignClaims', () => alignClaims(claims, docs, actors)],
    ['buildBrief', () => buildBrief(alignments, claims, articles)],
  ];
  for (const [name, run] of perStage) {
    const { wall, cpu, fastest } = measure(run);
    figures[`${name}: median / CPU / fastest ms`] =
      `${wall.toFixed(2)} / ${cpu.toFixed(2)} / ${fastest.toFixed(2)}`;
  }
  figures['claims / alignments'] = `${claims.length} / ${alignments.length}`;
  return { name: 'compare: two ~800-word articles, warm', figures, notes };
}
