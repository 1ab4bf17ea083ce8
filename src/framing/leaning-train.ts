/**
 * Training and measurement of the leaning estimate on the AllSides media-based split: train on
 * `media-split-train-6000.jsonl.gz`, score `media-split-test.jsonl.gz` (outlets unseen in
 * training). Macro-F1 over left/center/right, as Baly et al. 2020 report it.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ParallaxError } from '../errors.ts';
import { LEANING_HASH_BITS, leaningFeatureVector, leaningWith, type Leaning } from './leaning.ts';
import { binaryMetrics, trainLogistic, type LogisticModel, type SparseVector, type TrainOptions } from './linear.ts';

export interface AllsidesArticle {
  title: string;
  text: string;
  source: string;
  /** 0 left, 1 center, 2 right. */
  bias: number;
}

export function readAllsides(file: string): AllsidesArticle[] {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch (cause) {
    throw new ParallaxError('DATA_MISSING', 'cannot read the AllSides file', file, { cause });
  }
  return (file.endsWith('.gz') ? gunzipSync(raw) : raw)
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as { title?: string; content_original?: string; source?: string; bias?: string | number };
      return { title: row.title ?? '', text: row.content_original ?? '', source: row.source ?? '', bias: Number(row.bias) };
    });
}

/** Settings chosen on the training split only (no tuning on the test outlets). */
export const LEANING_TRAIN_OPTIONS: TrainOptions = { bits: LEANING_HASH_BITS, epochs: 5, l2: 1e-4, learningRate: 0.1, seed: 20261126 };

/**
 * Training articles whose outlet also appears in the test file. The media-based split is meant to
 * keep outlets apart, but in this copy ten outlet names occur on both sides (CNN (Web News) 558
 * times in training), so they are dropped from training to keep the test outlets unseen.
 */
export function withoutTestOutlets(train: AllsidesArticle[], test: AllsidesArticle[]): AllsidesArticle[] {
  const testOutlets = new Set(test.map((a) => a.source));
  return train.filter((a) => !testOutlets.has(a.source));
}

export function leaningVectors(articles: AllsidesArticle[]): SparseVector[] {
  return articles.map((a) => leaningFeatureVector(a.title, a.text));
}

/** One binary model per class (one-vs-rest). */
export function trainLeaning(vectors: SparseVector[], labels: number[], options = LEANING_TRAIN_OPTIONS): LogisticModel[] {
  return [0, 1, 2].map((k) => trainLogistic(vectors, labels.map((l) => (l === k ? 1 : 0)), options));
}

export interface LeaningEvaluation {
  macroF1: number;
  accuracy: number;
  perClassF1: Record<Leaning, number>;
}

export function evaluateLeaningModels(models: LogisticModel[], vectors: SparseVector[], labels: number[]): LeaningEvaluation {
  const predicted = vectors.map((v) => {
    const p = leaningWith(models, v);
    const ranked = [p.left, p.center, p.right];
    return ranked.indexOf(Math.max(...ranked));
  });
  const f1 = [0, 1, 2].map((k) => binaryMetrics(labels.map((l) => (l === k ? 1 : 0)), predicted.map((p) => (p === k ? 1 : 0))).f1);
  return {
    macroF1: (f1[0] + f1[1] + f1[2]) / 3,
    accuracy: predicted.filter((p, i) => p === labels[i]).length / Math.max(labels.length, 1),
    perClassF1: { left: f1[0], center: f1[1], right: f1[2] },
  };
}
