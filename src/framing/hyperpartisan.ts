/**
 * Hyperpartisan article probability (SemEval-2019 task 4 sense: "extreme one-sided" news).
 * A logistic regression over body/title n-grams and style signals, including the sentence-bias
 * rates of `bias.ts`, then a small stacker over its logit, the signals and the length. Weights: `resources/framing/hyperpartisan-model.json`, made by
 * `npm run train hyperpartisan`.
 */
import { readFileSync } from 'node:fs';
import { ParallaxError } from '../errors.ts';
import type { Doc } from '../model/index.ts';
import { shippedSentenceBiasModel, type SentenceBiasModel } from './bias.ts';
import {
  articleFeatureParts,
  assembleArticleVector,
  stackInput,
  type ArticleInput,
} from './hyperpartisan-features.ts';
import { predictDense, type DenseLogisticModel } from './hyperpartisan-stack.ts';
import {
  loadQuantizedModel,
  logitCompact,
  type LoadedLogisticModel,
  type QuantizedLogisticModel,
} from './linear.ts';

export interface HyperpartisanModelFile {
  format: 'parallax.hyperpartisan/2';
  /** The n-gram logistic regression, int8-quantised. */
  model: QuantizedLogisticModel;
  /** The stacker over the n-gram logit and the article signals. */
  stack: DenseLogisticModel;
}

export interface LoadedHyperpartisanModel {
  ngram: LoadedLogisticModel;
  stack: DenseLogisticModel;
}

export function loadHyperpartisanModel(file: HyperpartisanModelFile): LoadedHyperpartisanModel {
  if (file.format !== 'parallax.hyperpartisan/2')
    throw new RangeError(`unknown hyperpartisan model format ${String(file.format)}`);
  return { ngram: loadQuantizedModel(file.model), stack: file.stack };
}

export const HYPERPARTISAN_MODEL_URL = new URL(
  '../../resources/framing/hyperpartisan-model.json',
  import.meta.url,
);

let shipped: LoadedHyperpartisanModel | null = null;

function shippedModel(): LoadedHyperpartisanModel {
  if (shipped) return shipped;
  try {
    shipped = loadHyperpartisanModel(
      JSON.parse(readFileSync(HYPERPARTISAN_MODEL_URL, 'utf8')) as HyperpartisanModelFile,
    );
  } catch (cause) {
    throw new ParallaxError(
      'INTERNAL',
      'hyperpartisan weights missing or unreadable; run `npm run train hyperpartisan`',
      HYPERPARTISAN_MODEL_URL.pathname,
      { cause },
    );
  }
  return shipped;
}

/** Probability with explicit models (training checks, tests). */
export function hyperpartisanProbabilityWith(
  model: LoadedHyperpartisanModel,
  biasModel: SentenceBiasModel,
  input: ArticleInput,
): number {
  const parts = articleFeatureParts(input, biasModel, model.ngram.bits);
  return predictDense(
    model.stack,
    stackInput(logitCompact(model.ngram, assembleArticleVector(parts)), parts),
  );
}

/** Probability 0 … 1 that the article is hyperpartisan (shipped weights), from its title and text. */
export function hyperpartisanProbability(doc: Doc): number {
  return hyperpartisanProbabilityWith(shippedModel(), shippedSentenceBiasModel(), {
    title: doc.article.title ?? '',
    text: doc.article.text,
  });
}
