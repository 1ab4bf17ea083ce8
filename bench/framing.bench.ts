/**
 * Framing throughput: detectFraming (span tagger + technique classifier) over real articles,
 * the first ARTICLES of the AllSides media-split test file (../shared/data/allsides,
 * content_original), each annotated and its quotes found beforehand so only framing is timed.
 * Training time is read from resources/framing/ptc-training.json (written by `npm run train ptc`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sharedDataDir } from '../src/eval/data.ts';
import { detectFraming, loadPtcModels } from '../src/framing/index.ts';
import { PTC_RESOURCE_DIR } from '../src/framing/techniques-detect.ts';
import { annotate } from '../src/language/index.ts';
import type { Article, Doc, Quote } from '../src/model/index.ts';
import { extractQuotes } from '../src/quotes/index.ts';
import type { BenchReport } from './run.ts';
import { articleFromCleanText } from '../src/ingest/index.ts';
import { readAllSidesTexts } from './allsides.ts';

/** Enough articles (≈ 500 KB of text) for a stable rate while the bench stays well under a minute. */
const ARTICLES = 200;

function articleOf(id: string, text: string): Article {
  return articleFromCleanText(text, { id });
}

export default async function benchFraming(): Promise<BenchReport> {
  const figures: BenchReport['figures'] = {};
  const notes: string[] = [];
  const loadStarted = performance.now();
  loadPtcModels();
  figures['model load ms'] = Math.round(performance.now() - loadStarted);

  const data = sharedDataDir();
  if (data) {
    const texts = await readAllSidesTexts(resolve(data, 'allsides/media-split-test.jsonl.gz'), ARTICLES);
    const inputs: { doc: Doc; quotes: Quote[] }[] = texts.map((text, i) => {
      const doc = annotate(articleOf(`allsides-${i}`, text));
      return { doc, quotes: extractQuotes(doc) };
    });
    const chars = texts.reduce((sum, t) => sum + t.length, 0);
    const started = performance.now();
    let findings = 0;
    let quoted = 0;
    for (const { doc, quotes } of inputs) {
      const result = detectFraming(doc, quotes);
      findings += result.length;
      quoted += result.filter((f) => f.quotedBy !== null).length;
    }
    const seconds = (performance.now() - started) / 1000;
    figures['detectFraming articles/s'] = inputs.length / seconds;
    figures['detectFraming KB/s'] = chars / 1024 / seconds;
    figures['findings per article'] = findings / inputs.length;
    figures['share of findings inside quotes'] = findings ? quoted / findings : 0;
    notes.push(`${inputs.length} AllSides media-split test articles (${Math.round(chars / 1024)} KB); annotate and extractQuotes not timed`);
  } else {
    notes.push('../shared/data absent: throughput not measured');
  }

  const trainingFile = resolve(PTC_RESOURCE_DIR, 'ptc-training.json');
  if (existsSync(trainingFile)) {
    const training = JSON.parse(readFileSync(trainingFile, 'utf8')) as { seconds: Record<string, number> };
    figures['training s (total, from last npm run train ptc)'] = training.seconds.total ?? NaN;
    figures['training s (final tagger)'] = training.seconds.tagger ?? NaN;
    figures['training s (classifier)'] = training.seconds.classifier ?? NaN;
    notes.push('training times were measured by the last `npm run train ptc` on the machine that ran it');
  }
  return { name: 'framing', figures, notes };
}
