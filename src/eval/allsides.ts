/**
 * `parallax eval allsides`: the left/center/right estimate trained from scratch on the AllSides
 * media-based training sample (minus outlets that also appear in the test file) and scored on
 * the media-based test split, whose outlets it never saw. Macro-F1 as in Baly et al. 2020.
 */
import { join } from 'node:path';
import { evaluateLeaningModels, leaningVectors, readAllsides, trainLeaning, withoutTestOutlets } from '../framing/leaning-train.ts';
import type { EvalResult, EvalTask } from './types.ts';

export function evaluateAllsides(dataPath: string, options: { limit?: number } = {}): Omit<EvalResult, 'seconds'> {
  const test = readAllsides(join(dataPath, 'media-split-test.jsonl.gz'));
  const allTrain = readAllsides(join(dataPath, 'media-split-train-6000.jsonl.gz'));
  const train = withoutTestOutlets(allTrain, test).slice(0, options.limit);
  const models = trainLeaning(leaningVectors(train), train.map((a) => a.bias));
  const result = evaluateLeaningModels(models, leaningVectors(test), test.map((a) => a.bias));
  return {
    task: 'allsides',
    data: dataPath,
    metrics: {
      macro_f1: result.macroF1,
      accuracy: result.accuracy,
      f1_left: result.perClassF1.left,
      f1_center: result.perClassF1.center,
      f1_right: result.perClassF1.right,
    },
    reference: { macro_f1: 0.3553 },
    count: test.length,
    notes: [
      `trained on ${train.length} of ${allTrain.length} training articles: those from outlets that also appear in the test file were dropped`,
      'reference 0.3553: BERT on the media-based split (Baly et al. 2020), on the full split, not this 6,000-article sample',
      'three one-vs-rest logistic regressions over title and body word n-grams; the estimate reads outlet vocabulary as much as ideology',
    ],
  };
}

export const allsidesTask: EvalTask = {
  name: 'allsides',
  description: 'article left/center/right estimate on the AllSides media-based test split (unseen outlets): macro-F1',
  defaultData: 'allsides',
  async run(dataPath: string): Promise<EvalResult> {
    const started = Date.now();
    return { ...evaluateAllsides(dataPath), seconds: (Date.now() - started) / 1000 };
  },
};
