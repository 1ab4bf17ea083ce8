/**
 * Article-level political leaning estimate: probabilities of left, center and right in the
 * AllSides sense (Baly et al. 2020), from one-vs-rest logistic regressions over title and body
 * word n-grams. Trained on the media-based split, so measured on outlets it never saw; it is a
 * weak signal (see docs/EVALUATION.md ## allsides) and is reported as such, never as a verdict.
 * Weights: `resources/framing/leaning-model.json`, made by `npm run train leaning`.
 */
import { readFileSync } from 'node:fs';
import { ParallaxError } from '../errors.ts';
import type { Doc } from '../model/index.ts';
import { articleNgramBag } from './hyperpartisan-features.ts';
import { loadQuantizedModel, normalizeL2, predictCompact, vectorize, type LoadedLogisticModel, type QuantizedLogisticModel, type SparseVector } from './linear.ts';

export const LEANINGS = ['left', 'center', 'right'] as const;
export type Leaning = (typeof LEANINGS)[number];

/** 2^17 buckets per class: three models ship, so each is kept at 128 KiB. */
export const LEANING_HASH_BITS = 17;

export interface LeaningModelFile {
  format: 'parallax.leaning/1';
  /** One binary model per leaning, in LEANINGS order. */
  models: QuantizedLogisticModel[];
}

export const LEANING_MODEL_URL = new URL('../../resources/framing/leaning-model.json', import.meta.url);

/** Title and body word unigrams and bigrams, sublinear tf, unit length. */
export function leaningFeatureVector(title: string, text: string, bits = LEANING_HASH_BITS): SparseVector {
  return normalizeL2(vectorize(articleNgramBag({ title, text }), bits));
}

/** One-vs-rest probabilities renormalised to sum to 1. */
export function leaningWith(models: LoadedLogisticModel[], vector: SparseVector): Record<Leaning, number> {
  const raw = models.map((m) => predictCompact(m, vector));
  const total = raw.reduce((a, b) => a + b, 0) || 1;
  return { left: raw[0] / total, center: raw[1] / total, right: raw[2] / total };
}

let shipped: LoadedLogisticModel[] | null = null;

function shippedModels(): LoadedLogisticModel[] {
  if (shipped) return shipped;
  try {
    const file = JSON.parse(readFileSync(LEANING_MODEL_URL, 'utf8')) as LeaningModelFile;
    shipped = file.models.map(loadQuantizedModel);
  } catch (cause) {
    throw new ParallaxError('INTERNAL', 'leaning weights missing or unreadable; run `npm run train leaning`', LEANING_MODEL_URL.pathname, { cause });
  }
  return shipped;
}

/** Probabilities that the article reads as left, center or right (a weak estimate; see above). */
export function leaningEstimate(doc: Doc): Record<Leaning, number> {
  const models = shippedModels();
  return leaningWith(models, leaningFeatureVector(doc.article.title ?? '', doc.article.text, models[0].bits));
}
