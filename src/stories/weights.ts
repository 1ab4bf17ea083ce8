/**
 * The story-similarity model's weights: a logistic regression over FEATURE_NAMES, fitted by
 * `npm run train stories` (scripts/train/stories.ts) on the tuning half of the story groups
 * and written to resources/stories/weights.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParallaxError } from '../errors.ts';

/** The similarity features between an article and a story, each 0 … 1. */
export const FEATURE_NAMES = ['title', 'text', 'names', 'titleText', 'nearest', 'time'] as const;

export interface SimilarityWeights {
  bias: number;
  /** One per FEATURE_NAMES entry, same order. */
  coefficients: number[];
  /** Join the best story when its probability is at least this. */
  threshold: number;
}

export const WEIGHTS_PATH = resolve(import.meta.dirname, '../../resources/stories/weights.json');

/**
 * Used only when the trained file is missing (e.g. while training it): text cosine dominates,
 * names and time help, as in Miranda et al.; the threshold is the logistic midpoint.
 */
export const PRIOR_WEIGHTS: SimilarityWeights = { bias: -6, coefficients: [2, 6, 4, 2, 2, 2], threshold: 0.5 };

export function loadWeights(path: string = WEIGHTS_PATH): SimilarityWeights {
  if (!existsSync(path)) return PRIOR_WEIGHTS;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<SimilarityWeights> & { features?: string[] };
  const valid =
    typeof parsed.bias === 'number' &&
    typeof parsed.threshold === 'number' &&
    Array.isArray(parsed.coefficients) &&
    parsed.coefficients.length === FEATURE_NAMES.length &&
    (parsed.features === undefined || parsed.features.join() === FEATURE_NAMES.join());
  if (!valid) {
    throw new ParallaxError('INTERNAL', `story weights do not match the features ${FEATURE_NAMES.join(', ')}; run npm run train stories`, path);
  }
  return { bias: parsed.bias as number, coefficients: parsed.coefficients as number[], threshold: parsed.threshold as number };
}

export const DEFAULT_WEIGHTS: SimilarityWeights = loadWeights();
