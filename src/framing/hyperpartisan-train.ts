/**
 * Training and cross-validation of the hyperpartisan article model on the 645 labelled
 * SemEval-2019 task 4 by-article articles. Features do not depend on labels, so they are
 * computed once; each fold trains only the logistic regression.
 */
import type { SentenceBiasModel } from './bias.ts';
import type { HyperpartisanArticle } from './hyperpartisan-data.ts';
import { articleFeatureVector, HYPERPARTISAN_DENSE_DIMENSIONS, HYPERPARTISAN_HASH_BITS } from './hyperpartisan-features.ts';
import { binaryMetrics, predictProbability, stratifiedFolds, trainLogistic, type BinaryMetrics, type LogisticModel, type SparseVector, type TrainOptions } from './linear.ts';

/** Fixed seed for folds and example order. */
export const HYPERPARTISAN_SEED = 20261126;

/** 5 folds, as the SOURCE.txt floor; about 129 held-out articles per fold. */
export const HYPERPARTISAN_FOLDS = 5;

/** Optimiser settings, chosen by 5-fold CV on the 645 (docs/EVALUATION.md ## hyperpartisan). */
export const HYPERPARTISAN_TRAIN_OPTIONS: TrainOptions = {
  bits: HYPERPARTISAN_HASH_BITS,
  epochs: 20,
  l2: 1e-4,
  learningRate: 0.1,
  seed: HYPERPARTISAN_SEED,
  extraDims: HYPERPARTISAN_DENSE_DIMENSIONS,
};

export function hyperpartisanVectors(articles: HyperpartisanArticle[], biasModel: SentenceBiasModel, bits = HYPERPARTISAN_HASH_BITS): SparseVector[] {
  return articles.map((a) => articleFeatureVector({ title: a.title, text: a.text }, biasModel, bits));
}

export function trainHyperpartisan(vectors: SparseVector[], labels: number[], options = HYPERPARTISAN_TRAIN_OPTIONS): LogisticModel {
  return trainLogistic(vectors, labels, options);
}

export interface HyperpartisanCrossValidation {
  probabilities: number[];
  metrics: BinaryMetrics;
  folds: number;
}

/** Stratified k-fold over precomputed vectors: train on k-1 folds, score the held-out one. */
export function crossValidateHyperpartisan(
  vectors: SparseVector[],
  labels: number[],
  folds = HYPERPARTISAN_FOLDS,
  options = HYPERPARTISAN_TRAIN_OPTIONS,
  threshold = 0.5,
): HyperpartisanCrossValidation {
  const assignment = stratifiedFolds(labels, folds, options.seed);
  const probabilities = new Array<number>(labels.length).fill(0);
  for (let fold = 0; fold < folds; fold++) {
    const trainIdx = labels.map((_, i) => i).filter((i) => assignment[i] !== fold);
    const model = trainHyperpartisan(trainIdx.map((i) => vectors[i]), trainIdx.map((i) => labels[i]), options);
    labels.forEach((_, i) => {
      if (assignment[i] === fold) probabilities[i] = predictProbability(model, vectors[i]);
    });
  }
  return { probabilities, metrics: binaryMetrics(labels, probabilities.map((p) => (p > threshold ? 1 : 0))), folds };
}
