/**
 * Training and cross-validation of the hyperpartisan article model on the 645 labelled
 * SemEval-2019 task 4 by-article articles. Features do not depend on labels, so they are
 * computed once; each fold trains only the regression. (Idf weighting learned on the training
 * folds was tried: CV accuracy 0.792 against 0.803 without, so n-grams stay sublinear tf.)
 *
 * Two stages: the n-gram logistic regression, then a stacker (`hyperpartisan-stack.ts`) over
 * its logit and the article signals. The stacker learns from logits the n-gram model gave
 * articles outside its training folds (an inner cross-validation inside whatever set is being
 * trained on), so in the outer cross-validation no held-out label reaches either stage.
 */
import type { SentenceBiasModel } from './bias.ts';
import type { HyperpartisanArticle } from './hyperpartisan-data.ts';
import {
  articleFeatureParts,
  assembleArticleVector,
  stackInput,
  HYPERPARTISAN_DENSE_DIMENSIONS,
  HYPERPARTISAN_HASH_BITS,
  type ArticleFeatureParts,
} from './hyperpartisan-features.ts';
import {
  trainDenseLogistic,
  predictDense,
  type DenseLogisticModel,
  type DenseTrainOptions,
} from './hyperpartisan-stack.ts';
import {
  binaryMetrics,
  logitCompact,
  stratifiedFolds,
  trainLogistic,
  type BinaryMetrics,
  type LogisticModel,
  type TrainOptions,
} from './linear.ts';

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

/** Features of each article before idf weighting (label-free, so computed once for all folds). */
export function hyperpartisanParts(
  articles: HyperpartisanArticle[],
  biasModel: SentenceBiasModel,
  bits = HYPERPARTISAN_HASH_BITS,
): ArticleFeatureParts[] {
  return articles.map((a) => articleFeatureParts({ title: a.title, text: a.text }, biasModel, bits));
}

/** Inner folds that give the stacker out-of-fold n-gram logits (as the outer CV: 5). */
export const HYPERPARTISAN_INNER_FOLDS = 5;

/** Offset from the training seed for the inner fold split, so inner and outer splits differ. */
const INNER_SEED_OFFSET = 7;

/** Stacker settings: 300 full-batch steps converge; l2 0.01 scored as well as 0.1 by repeated CV. */
export const HYPERPARTISAN_STACK_OPTIONS: DenseTrainOptions = { epochs: 300, learningRate: 0.5, l2: 0.01 };

export interface StackedHyperpartisanModel {
  ngram: LogisticModel;
  stack: DenseLogisticModel;
}

export function trainNgramHyperpartisan(
  parts: ArticleFeatureParts[],
  labels: number[],
  options = HYPERPARTISAN_TRAIN_OPTIONS,
): LogisticModel {
  return trainLogistic(parts.map(assembleArticleVector), labels, options);
}

export function trainHyperpartisan(
  parts: ArticleFeatureParts[],
  labels: number[],
  options = HYPERPARTISAN_TRAIN_OPTIONS,
): StackedHyperpartisanModel {
  const inner = stratifiedFolds(labels, HYPERPARTISAN_INNER_FOLDS, options.seed + INNER_SEED_OFFSET);
  const outOfFold = new Array<number>(labels.length).fill(0);
  for (let fold = 0; fold < HYPERPARTISAN_INNER_FOLDS; fold++) {
    const trainIdx = labels.map((_, i) => i).filter((i) => inner[i] !== fold);
    const model = trainNgramHyperpartisan(
      trainIdx.map((i) => parts[i]),
      trainIdx.map((i) => labels[i]),
      options,
    );
    labels.forEach((_, i) => {
      if (inner[i] === fold) outOfFold[i] = logitCompact(model, assembleArticleVector(parts[i]));
    });
  }
  return {
    ngram: trainNgramHyperpartisan(parts, labels, options),
    stack: trainDenseLogistic(
      parts.map((p, i) => stackInput(outOfFold[i], p)),
      labels,
      HYPERPARTISAN_STACK_OPTIONS,
    ),
  };
}

export function predictHyperpartisan(model: StackedHyperpartisanModel, parts: ArticleFeatureParts): number {
  return predictDense(
    model.stack,
    stackInput(logitCompact(model.ngram, assembleArticleVector(parts)), parts),
  );
}

export interface HyperpartisanCrossValidation {
  probabilities: number[];
  metrics: BinaryMetrics;
  folds: number;
}

/** Stratified k-fold over precomputed vectors: train on k-1 folds, score the held-out one. */
export function crossValidateHyperpartisan(
  parts: ArticleFeatureParts[],
  labels: number[],
  folds = HYPERPARTISAN_FOLDS,
  options = HYPERPARTISAN_TRAIN_OPTIONS,
  threshold = 0.5,
): HyperpartisanCrossValidation {
  const assignment = stratifiedFolds(labels, folds, options.seed);
  const probabilities = new Array<number>(labels.length).fill(0);
  for (let fold = 0; fold < folds; fold++) {
    const trainIdx = labels.map((_, i) => i).filter((i) => assignment[i] !== fold);
    const model = trainHyperpartisan(
      trainIdx.map((i) => parts[i]),
      trainIdx.map((i) => labels[i]),
      options,
    );
    labels.forEach((_, i) => {
      if (assignment[i] === fold) probabilities[i] = predictHyperpartisan(model, parts[i]);
    });
  }
  return {
    probabilities,
    metrics: binaryMetrics(
      labels,
      probabilities.map((p) => (p > threshold ? 1 : 0)),
    ),
    folds,
  };
}
