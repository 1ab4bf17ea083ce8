/**
 * `npm run bench stories`: groups 100,000 articles built from the real AllSides articles
 * (../shared/data/allsides, 7,300 articles) and reports the time at 10k, 25k, 50k and 100k, so
 * growth is visible, plus peak memory.
 *
 * The stream: each "event" takes one real article as its base and a time drawn over a
 * STREAM_DAYS timeline; it is reported by 1–4 outlets within EVENT_SPREAD_HOURS, each copy
 * perturbed (sentences dropped and shuffled, a few words swapped). Events are drawn until the
 * stream holds 100k articles, fed in time order. Texts are made on the fly so that the input
 * does not dominate memory; only `clusterer.add` is timed.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { gunzipSync } from 'node:zlib';
import type { BenchReport } from './run.ts';
import { sharedDataDir } from '../src/eval/index.ts';
import { seededRandom } from '../src/framing/linear.ts';
import { StoryClusterer, pairwiseScores, bcubedScores, type ClusterArticle } from '../src/stories/index.ts';

/** STORIES_BENCH_TOTAL shrinks the run (checkpoints every 1k) when trying a change. */
const TOTAL = Number(process.env.STORIES_BENCH_TOTAL) || 100_000;
const CHECKPOINTS = [1_000, 5_000, 10_000, 25_000, 50_000, 100_000];
/** 100 days: about 1,000 articles a day, a large aggregator's intake. */
const STREAM_DAYS = 100;
const EVENT_SPREAD_HOURS = 36;
const SEED = 20261126;
/** Articles made and clustered per timed batch: divides every checkpoint. */
const BATCH = 1000;
/** Base text kept per article: more than the clusterer reads (MAX_BODY_CHARS), less copying. */
const BASE_CHARS = 6000;

interface Base {
  title: string;
  sentences: string[];
  source: string;
}

interface Planned {
  base: number;
  event: number;
  copy: number;
  time: number;
}

function loadBases(shared: string): Base[] {
  const bases: Base[] = [];
  for (const file of ['allsides/media-split-train-6000.jsonl.gz', 'allsides/media-split-test.jsonl.gz']) {
    for (const line of gunzipSync(readFileSync(`${shared}/${file}`)).toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { title?: string; content_original?: string; source?: string };
      const text = (row.content_original ?? '').slice(0, BASE_CHARS);
      if (text.length < 200) continue;
      bases.push({ title: row.title ?? '', sentences: text.split(/(?<=[.!?])\s+/), source: row.source ?? 'unknown' });
    }
  }
  return bases;
}

/** A perturbed copy: some sentences dropped, neighbours swapped, a few words exchanged. */
function perturb(base: Base, rand: () => number, copy: number): { title: string; text: string } {
  if (copy === 0) return { title: base.title, text: base.sentences.join(' ') };
  const kept = base.sentences.filter(() => rand() > 0.2);
  for (let i = 0; i + 1 < kept.length; i++) {
    if (rand() < 0.2) [kept[i], kept[i + 1]] = [kept[i + 1], kept[i]];
  }
  const words = kept.join(' ').split(' ');
  for (let n = 0; n < 3 && words.length > 2; n++) {
    const i = Math.floor(rand() * words.length);
    const j = Math.floor(rand() * words.length);
    [words[i], words[j]] = [words[j], words[i]];
  }
  const titleWords = base.title.split(' ');
  if (titleWords.length > 3) titleWords.splice(Math.floor(rand() * titleWords.length), 1);
  return { title: titleWords.join(' '), text: words.join(' ') };
}

export default async function benchStories(): Promise<BenchReport> {
  const shared = sharedDataDir();
  if (!shared) return { name: 'stories', figures: {}, notes: ['../shared/data is absent: skipped'] };
  const bases = loadBases(shared);
  const rand = seededRandom(SEED);
  const start = Date.parse('2021-01-01T00:00:00Z');
  const planned: Planned[] = [];
  for (let event = 0; planned.length < TOTAL; event++) {
    const base = Math.floor(rand() * bases.length);
    const time = start + rand() * STREAM_DAYS * 86_400_000;
    const copies = 1 + Math.floor(rand() * 4);
    for (let copy = 0; copy < copies && planned.length < TOTAL; copy++) {
      planned.push({ base, event, copy, time: time + (copy === 0 ? 0 : rand() * EVENT_SPREAD_HOURS * 3_600_000) });
    }
  }
  planned.sort((a, b) => a.time - b.time || a.event - b.event || a.copy - b.copy);

  const peakBeforeMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  const clusterer = new StoryClusterer();
  const gold: string[] = [];
  const predicted: string[] = [];
  const figures: Record<string, number | string> = {};
  let clusterMs = 0;
  let clusterCpuMicros = 0;
  let maxCandidates = 0;
  // Articles are made a batch at a time and only the clustering of each batch is timed (one
  // CPU-time reading per batch: reading it per article would cost more than clustering).
  for (let from = 0; from < planned.length; from += BATCH) {
    const batch: ClusterArticle[] = [];
    for (let i = from; i < Math.min(from + BATCH, planned.length); i++) {
      const item = planned[i];
      const base = bases[item.base];
      const { title, text } = perturb(base, seededRandom(SEED + i), item.copy);
      batch.push({ id: `bench-${i}`, title, text, source: `${base.source} ${item.copy}`, published: new Date(item.time).toISOString() });
      gold.push(`${item.event}`);
    }
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (const article of batch) {
      const assignment = clusterer.add(article);
      maxCandidates = Math.max(maxCandidates, assignment.candidates);
      predicted.push(assignment.storyId);
    }
    const cpu = process.cpuUsage(cpu0);
    clusterCpuMicros += cpu.user + cpu.system;
    clusterMs += performance.now() - t0;
    const done = from + batch.length;
    if (CHECKPOINTS.includes(done)) {
      figures[`CPU seconds to ${done / 1000}k`] = Math.round(clusterCpuMicros / 1000) / 1000;
      figures[`wall seconds to ${done / 1000}k`] = Math.round(clusterMs) / 1000;
    }
  }
  const pairwise = pairwiseScores(gold, predicted);
  const bcubed = bcubedScores(gold, predicted);
  figures['articles'] = planned.length;
  figures['stories'] = clusterer.storyCount;
  figures['index entries at end'] = clusterer.indexSize;
  figures['max candidates scored'] = maxCandidates;
  figures['peak RSS MiB before clustering'] = peakBeforeMiB;
  figures['peak RSS MiB'] = Math.round(process.resourceUsage().maxRSS / 1024);
  figures['heap used MiB at end'] = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
  figures['pairwise F1 (synthetic events)'] = Math.round(pairwise.f1 * 1000) / 1000;
  figures['B-cubed F1 (synthetic events)'] = Math.round(bcubed.f1 * 1000) / 1000;
  return {
    name: 'stories',
    figures,
    notes: [
      `${bases.length} real AllSides articles as bases; events of 1–4 perturbed copies within ${EVENT_SPREAD_HOURS} h over ${STREAM_DAYS} days, seed ${SEED}`,
      'only StoryClusterer.add is timed (one thread): CPU seconds (user+system of this process) are the fair figure on a shared machine; wall seconds include waiting for the CPU',
      `load average at the end: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
      'peak RSS includes loading and holding the base corpus (7,300 articles): see the figure before clustering',
      'F1 against the synthetic events is a sanity figure: a base article drawn twice makes two events that look identical',
    ],
  };
}
