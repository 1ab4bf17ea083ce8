/**
 * Language and actors throughput over real articles: the first ARTICLES articles of the AllSides
 * media-split test file (../shared/data/allsides, content_original), annotated one by one;
 * then resolveActors on the fictional harbour pair. Reports articles/s, tokens/s, memory.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { attributeQuotes, resolveActors } from '../src/actors/index.ts';
import { sharedDataDir } from '../src/eval/data.ts';
import { cleanText } from '../src/ingest/clean.ts';
import { annotate } from '../src/language/index.ts';
import type { Article, Doc } from '../src/model/index.ts';
import { extractQuotes } from '../src/quotes/index.ts';
import type { BenchReport } from './run.ts';
import { articleFromCleanText } from '../src/ingest/index.ts';
import { readAllSidesTexts } from './allsides.ts';

/** Enough articles for a stable rate (≈ 1 MB of text) while the bench stays under a minute. */
const ARTICLES = 400;
/** Repetitions of resolveActors on the pair, for a stable per-call time. */
const PAIR_REPEATS = 50;

function articleOf(id: string, text: string, published: string | null = null): Article {
  return articleFromCleanText(text, { id, published });
}

export default async function benchLanguage(): Promise<BenchReport> {
  const figures: BenchReport['figures'] = {};
  const notes: string[] = [];
  const data = sharedDataDir();
  if (data) {
    const texts = await readAllSidesTexts(resolve(data, 'allsides/media-split-test.jsonl.gz'), ARTICLES);
    annotate(articleOf('warm-up', texts[0])); // model load and JIT warm-up outside the timing
    const rssBefore = process.memoryUsage().rss;
    let tokens = 0;
    let characters = 0;
    let peakRss = rssBefore;
    const started = performance.now();
    for (let i = 0; i < texts.length; i++) {
      const doc = annotate(articleOf(`allsides-${i}`, texts[i]));
      tokens += doc.tokens.length;
      characters += texts[i].length;
      if (i % 50 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    const seconds = (performance.now() - started) / 1000;
    figures['annotate articles'] = texts.length;
    figures['annotate articles/s'] = Math.round(texts.length / seconds);
    figures['annotate tokens/s'] = Math.round(tokens / seconds);
    figures['annotate ms/article (mean)'] = Math.round((seconds * 1000 * 100) / texts.length) / 100;
    figures['mean characters/article'] = Math.round(characters / texts.length);
    figures['RSS after model load MiB'] = Math.round(rssBefore / 2 ** 20);
    figures['peak RSS while annotating MiB'] = Math.round(peakRss / 2 ** 20);
  } else notes.push('../shared/data is absent: annotate throughput skipped');

  const dir = resolve(import.meta.dirname, '../examples/harbour-strike');
  const docs: Doc[] = ['harbour-herald.txt', 'veyra-free-press.txt'].map((file) =>
    annotate(articleOf(file, cleanText(readFileSync(resolve(dir, file), 'utf8')).text)),
  );
  const quotes = docs.flatMap((doc) => extractQuotes(doc));
  resolveActors(docs, quotes);
  const started = performance.now();
  let actors = 0;
  for (let i = 0; i < PAIR_REPEATS; i++) actors = attributeQuotes(quotes, resolveActors(docs, quotes)).length;
  figures['resolveActors+attributeQuotes ms/pair'] =
    Math.round(((performance.now() - started) / PAIR_REPEATS) * 100) / 100;
  figures['pair quotes attributed'] = actors;
  notes.push('pair = examples/harbour-strike (two articles, ~5,500 characters each side)');
  return { name: 'language', figures, notes };
}
