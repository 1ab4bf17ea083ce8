/**
 * `npm run train leaning`: trains the left/center/right estimate on the AllSides media-based
 * training sample (minus articles from outlets that appear in the test file) and writes
 * `resources/framing/leaning-model.json`. Prints the test-split macro-F1.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParallaxError } from '../../src/errors.ts';
import { sharedDataDir } from '../../src/eval/data.ts';
import { LEANING_MODEL_URL, type LeaningModelFile } from '../../src/framing/leaning.ts';
import { evaluateLeaningModels, leaningVectors, readAllsides, trainLeaning, withoutTestOutlets } from '../../src/framing/leaning-train.ts';
import { quantizeModel } from '../../src/framing/linear.ts';

export default async function trainLeaningModel(): Promise<void> {
  const data = sharedDataDir();
  if (!data) throw new ParallaxError('DATA_MISSING', 'shared data folder not found; set PARALLAX_DATA', '../shared/data');
  const test = readAllsides(join(data, 'allsides', 'media-split-test.jsonl.gz'));
  const train = withoutTestOutlets(readAllsides(join(data, 'allsides', 'media-split-train-6000.jsonl.gz')), test);
  const models = trainLeaning(leaningVectors(train), train.map((a) => a.bias));
  const evaluation = evaluateLeaningModels(models, leaningVectors(test), test.map((a) => a.bias));
  console.log(`  ${train.length} training articles; media-split test macro-F1 ${evaluation.macroF1.toFixed(4)}`);
  const file: LeaningModelFile = { format: 'parallax.leaning/1', models: models.map(quantizeModel) };
  writeFileSync(LEANING_MODEL_URL, `${JSON.stringify(file)}\n`);
}
