/**
 * Hyperpartisan article probability (SemEval-2019 task 4 sense: "extreme one-sided" news).
 * A logistic regression over body/title n-grams and style signals, including the sentence-bias
 * rates of `bias.ts`. Weights: `resources/framing/hyperpartisan-model.json`, made by
 * `npm run train hyperpartisan`.
 */
import { readFileSync } from 'node:fs';
import { ParallaxError } from '../errors.ts';
import type { Doc } from '../model/index.ts';
import { shippedSentenceBiasModel, type SentenceBiasModel } from './bias.ts';
import { articleFeatureVector, type ArticleInput } from './hyperpartisan-features.ts';
import { loadQuantizedModel, predictCompact, type LoadedLogisticModel, type QuantizedLogisticModel } from './linear.ts';

export interface HyperpartisanModelFile {
  format: 'parallax.hyperpartisan/1';
  model: QuantizedLogisticModel;
}

export function loadHyperpartisanModel(file: HyperpartisanModelFile): LoadedLogisticModel {
  return loadQuantizedModel(file.model);
}

export const HYPERPARTISAN_MODEL_URL = new URL('../../resources/framing/hyperpartisan-model.json', import.meta.url);

let shipped: LoadedLogisticModel | null = null;

function shippedModel(): LoadedLogisticModel {
  if (shipped) return shipped;
  try {
    shipped = loadHyperpartisanModel(JSON.parse(readFileSync(HYPERPARTISAN_MODEL_URL, 'utf8')) as HyperpartisanModelFile);
  } catch (cause) {
    throw new ParallaxError('INTERNAL', 'hyperpartisan weights missing or unreadable; run `npm run train hyperpartisan`', HYPERPARTISAN_MODEL_URL.pathname, { cause });
  }
  return shipped;
}

/** Probability with explicit models (training checks, tests). */
export function hyperpartisanProbabilityWith(model: LoadedLogisticModel, biasModel: SentenceBiasModel, input: ArticleInput): number {
  return predictCompact(model, articleFeatureVector(input, biasModel, model.bits));
}

/** Probability 0 … 1 that the article is hyperpartisan (shipped weights), from its title and text. */
export function hyperpartisanProbability(doc: Doc): number {
  return hyperpartisanProbabilityWith(shippedModel(), shippedSentenceBiasModel(), {
    title: doc.article.title ?? '',
    text: doc.article.text,
  });
}
