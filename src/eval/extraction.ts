/**
 * `parallax eval extraction`: article body extraction on the Zyte/Scrapinghub article
 * extraction benchmark (html/<key>.html.gz + ground-truth.json {key: {articleBody, url}}),
 * scored with that benchmark's own metric (its evaluate.py, reimplemented here):
 * tokens are /\w+/ (Unicode), shingles are 4-grams of tokens; per page TP/FP/FN are multiset
 * counts of shingles normalised to sum 1; precision and recall are means over pages (precision
 * over pages with TP+FP > 0, recall over pages with TP+FN > 0); F1 = 2PR/(P+R) of the means;
 * accuracy = share of pages whose token lists are identical.
 *
 * Three extractors are scored in the same run: our HTML path (extractHtml), the same followed
 * by cleanText (src/ingest/clean.ts), and Readability alone on linkedom (baseline).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ParallaxError } from '../errors.ts';
import { cleanText } from '../ingest/clean.ts';
import { decodeBytes } from '../ingest/decode.ts';
import { extractHtml } from '../ingest/html.ts';
import type { EvalResult, EvalTask } from './types.ts';

/** Published F1 of other extractors on the benchmark (all 181 pages; we hold 121 of them). */
const PUBLISHED_F1 = {
  'rs_trafilatura f1': 0.97,
  'trafilatura f1': 0.958,
  'readability.js f1': 0.947,
};

const SHINGLE_SIZE = 4; // the benchmark's ngram_n

export interface ShingleCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ExtractionScores {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
}

/** The benchmark's tokenizer: Python's Unicode \w+ (letters, digits incl. other numerals, underscore). */
export function benchmarkTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** 4-gram shingles; a text of fewer than 4 tokens (but at least one) gives one short shingle. */
function shingles(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - SHINGLE_SIZE + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + SHINGLE_SIZE);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** TP/FP/FN of one page, normalised to sum 1 (so long pages weigh no more than short ones). */
export function pageCounts(truth: string, predicted: string): ShingleCounts {
  const t = shingles(benchmarkTokens(truth));
  const p = shingles(benchmarkTokens(predicted));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function pagePrecision({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function pageRecall({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/** The benchmark's aggregate: means of per-page precision and recall, then F1 of the means. */
export function scorePages(pages: { truth: string; predicted: string }[]): ExtractionScores {
  const counts = pages.map((p) => pageCounts(p.truth, p.predicted));
  const precision = mean(counts.filter((c) => c.tp + c.fp > 0).map(pagePrecision));
  const recall = mean(counts.filter((c) => c.tp + c.fn > 0).map(pageRecall));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const identical = pages.filter(
    (p) => benchmarkTokens(p.truth).join(' ') === benchmarkTokens(p.predicted).join(' '),
  ).length;
  return { f1, precision, recall, accuracy: pages.length ? identical / pages.length : 0 };
}

// ───────────────────────────── the dataset ─────────────────────────────

export interface BenchmarkPage {
  key: string;
  url: string;
  html: string;
  truth: string;
}

/** Reads a folder of the benchmark's layout; `keys` restricts it to some pages. */
export function loadBenchmarkPages(dataPath: string, keys?: string[]): BenchmarkPage[] {
  const truthPath = join(dataPath, 'ground-truth.json');
  if (!existsSync(truthPath))
    throw new ParallaxError('DATA_MISSING', 'no ground-truth.json in this folder', dataPath);
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<
    string,
    { articleBody?: string; url?: string }
  >;
  const htmlDir = join(dataPath, 'html');
  const available = new Set(
    readdirSync(htmlDir)
      .filter((f) => f.endsWith('.html.gz'))
      .map((f) => f.slice(0, -'.html.gz'.length)),
  );
  const wanted = (keys ?? Object.keys(truth).sort()).filter((k) => available.has(k) && k in truth);
  return wanted.map((key) => ({
    key,
    url: truth[key].url ?? '',
    truth: truth[key].articleBody ?? '',
    html: decodeBytes(gunzipSync(readFileSync(join(htmlDir, `${key}.html.gz`))), key).text, // as ingest decodes pages
  }));
}

// ───────────────────────────── extractors ─────────────────────────────

/** Readability alone on linkedom, its textContent: the baseline the benchmark itself runs. The
 *  `_url` keeps its signature that of every extractor here (the benchmark's runner passes none). */
export function readabilityText(html: string, _url: string): string {
  try {
    const { document } = parseHTML(html) as unknown as { document: Document };
    return new Readability(document).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

/** Our HTML path; an empty body when it finds no article (scored as the benchmark scores empty output). */
export function ourText(html: string, url: string): string {
  try {
    return extractHtml(html, url).text;
  } catch (error) {
    if (error instanceof ParallaxError && error.code === 'NO_ARTICLE') return '';
    throw error;
  }
}

export interface ExtractionRun {
  ours: ExtractionScores;
  oursCleaned: ExtractionScores;
  readability: ExtractionScores;
  perPage: { key: string; ours: ShingleCounts; readability: ShingleCounts }[];
}

export function runExtraction(pages: BenchmarkPage[]): ExtractionRun {
  const ours = pages.map((p) => ({ truth: p.truth, predicted: ourText(p.html, p.url) }));
  const cleaned = ours.map((o) => ({
    truth: o.truth,
    predicted: o.predicted ? cleanText(o.predicted).text : '',
  }));
  const baseline = pages.map((p) => ({ truth: p.truth, predicted: readabilityText(p.html, p.url) }));
  return {
    ours: scorePages(ours),
    oursCleaned: scorePages(cleaned),
    readability: scorePages(baseline),
    perPage: pages.map((p, i) => ({
      key: p.key,
      ours: pageCounts(p.truth, ours[i].predicted),
      readability: pageCounts(p.truth, baseline[i].predicted),
    })),
  };
}

export const extractionTask: EvalTask = {
  name: 'extraction',
  description: 'article body extraction (Zyte article-extraction-benchmark, shingle F1)',
  defaultData: 'article-extraction',
  async run(dataPath: string): Promise<EvalResult> {
    const started = performance.now();
    const pages = loadBenchmarkPages(dataPath);
    const run = runExtraction(pages);
    const metrics: Record<string, number> = {
      f1: run.ours.f1,
      precision: run.ours.precision,
      recall: run.ours.recall,
      accuracy: run.ours.accuracy,
    };
    metrics['cleaned f1'] = run.oursCleaned.f1;
    metrics['cleaned precision'] = run.oursCleaned.precision;
    metrics['cleaned recall'] = run.oursCleaned.recall;
    return {
      task: 'extraction',
      data: dataPath,
      metrics,
      reference: {
        'readability (this run) f1': run.readability.f1,
        'readability (this run) precision': run.readability.precision,
        'readability (this run) recall': run.readability.recall,
        ...PUBLISHED_F1,
      },
      count: pages.length,
      notes: [
        'f1/precision/recall: extractHtml; "cleaned": extractHtml then cleanText (the full ingest path of a page)',
        'readability (this run): @mozilla/readability on linkedom, textContent, same pages, same metric',
        'published figures are on all 181 pages of the benchmark; this folder holds 121 of them',
      ],
      seconds: (performance.now() - started) / 1000,
    };
  },
};
