/**
 * `parallax eval babe`: sentence-bias macro-F1 by stratified 5-fold cross-validation over
 * BABE (`babe.csv`), trained from scratch on each fold's training part and scored on the
 * held-out part only. The lexicons are the shipped word lists (not learned from BABE).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readSentenceBiasModelFile } from '../framing/bias.ts';
import { readBabe, readLexicons } from '../framing/bias-data.ts';
import type { BiasLexicons } from '../framing/bias-features.ts';
import { BIAS_FOLDS, BIAS_TRAIN_OPTIONS, crossValidateSentenceBias } from '../framing/bias-train.ts';
import type { TrainOptions } from '../framing/linear.ts';
import type { EvalResult, EvalTask } from './types.ts';

export interface BabeEvalOptions {
  /** Score only the first `limit` sentences (tests). */
  limit?: number;
  folds?: number;
}

export function evaluateBabe(dataPath: string, options: BabeEvalOptions = {}): Omit<EvalResult, 'seconds'> {
  const sentences = readBabe(dataPath).slice(0, options.limit);
  const lexicons = lexiconsFor(dataPath);
  const folds = options.folds ?? BIAS_FOLDS;
  const cv = crossValidateSentenceBias(sentences, lexicons, folds);
  return {
    task: 'babe',
    data: dataPath,
    metrics: {
      macro_f1: cv.metrics.macroF1,
      accuracy: cv.metrics.accuracy,
      f1_biased: cv.metrics.f1,
      precision_biased: cv.metrics.precision,
      recall_biased: cv.metrics.recall,
    },
    reference: { macro_f1: 0.804, floor_macro_f1: 0.734 },
    count: sentences.length,
    notes: [
      `stratified ${folds}-fold cross-validation, seed fixed; each fold trains from scratch and scores only its held-out sentences at threshold 0.5`,
      'reference 0.804: BERT with distant supervision, 5-fold CV over all 3,673 BABE sentences (this file holds 2,939)',
      'floor 0.734: TF-IDF word and character n-grams with logistic regression on the same 2,939 (SOURCE.txt)',
    ],
  };
}

/**
 * Fold assignments of the repeated cross-validation: the shipped one first, then the second
 * assignment used since the NB-LR (7), then three more fixed in advance. Each seed sets the fold
 * assignment and the training seed (example order, inner folds) alike.
 */
export const BABE_REPEAT_SEEDS = [20261126, 7, 11, 23, 42];

export interface BabeRepeatedRun {
  /** Macro-F1 of each fold assignment, in `BABE_REPEAT_SEEDS` order. */
  macroF1: number[];
  mean: number;
}

/**
 * Repeated stratified cross-validation: one full k-fold run per seed, so a variant can be judged
 * on several fold assignments, paired with the baseline assignment by assignment (a single
 * 5-fold run moves by ~0.3 points with the fold assignment alone).
 */
export function repeatBabeCrossValidation(
  dataPath: string,
  options: Partial<TrainOptions> = {},
  seeds = BABE_REPEAT_SEEDS,
  limit?: number,
): BabeRepeatedRun {
  const sentences = readBabe(dataPath).slice(0, limit);
  const lexicons = lexiconsFor(dataPath);
  const macroF1 = seeds.map((seed) => crossValidateSentenceBias(sentences, lexicons, BIAS_FOLDS, { ...BIAS_TRAIN_OPTIONS, ...options, seed }).metrics.macroF1);
  return { macroF1, mean: macroF1.reduce((a, b) => a + b, 0) / macroF1.length };
}

export interface PairedComparison {
  /** Mean of variant − baseline over the assignments. */
  meanDifference: number;
  /** Standard error of that mean (sample standard deviation of the differences / √n). */
  standardError: number;
  /** Assignments on which the variant scores strictly higher. */
  wins: number;
}

export function compareRuns(baseline: BabeRepeatedRun, variant: BabeRepeatedRun): PairedComparison {
  const differences = variant.macroF1.map((f, i) => f - baseline.macroF1[i]!);
  const n = differences.length;
  const meanDifference = differences.reduce((a, b) => a + b, 0) / n;
  const variance = n < 2 ? 0 : differences.reduce((a, d) => a + (d - meanDifference) ** 2, 0) / (n - 1);
  return { meanDifference, standardError: Math.sqrt(variance / n), wins: differences.filter((d) => d > 0).length };
}

/**
 * Adoption rule, registered before the variants were run (docs/EVALUATION.md, `## babe`): the
 * mean over the assignments beats the baseline's by at least 0.2 points and the variant wins on
 * at least 4 of 5.
 */
export const ADOPTION_MIN_GAIN = 0.002;
export const ADOPTION_MIN_WINS = 4;

export function passesAdoption(comparison: PairedComparison): boolean {
  return comparison.meanDifference >= ADOPTION_MIN_GAIN && comparison.wins >= ADOPTION_MIN_WINS;
}

function lexiconsFor(dataPath: string): BiasLexicons {
  const lexiconDir = join(dataPath.endsWith('.csv') ? join(dataPath, '..') : dataPath, '..', 'lexicons');
  return existsSync(lexiconDir) ? readLexicons(lexiconDir) : readSentenceBiasModelFile().lexicons;
}

export const babeTask: EvalTask = {
  name: 'babe',
  description: 'sentence bias (BABE): macro-F1 by 5-fold cross-validation',
  defaultData: 'babe',
  async run(dataPath: string): Promise<EvalResult> {
    const started = Date.now();
    return { ...evaluateBabe(dataPath), seconds: (Date.now() - started) / 1000 };
  },
};
