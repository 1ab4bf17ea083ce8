/**
 * `npm run train hyperpartisan`: trains the hyperpartisan model on the 645 labelled by-article
 * articles of SemEval-2019 task 4 and writes `resources/framing/hyperpartisan-model.json`.
 * Needs the sentence-bias weights (`npm run train babe` runs first: names sort).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParallaxError } from '../../src/errors.ts';
import { sharedDataDir } from '../../src/eval/data.ts';
import { shippedSentenceBiasModel } from '../../src/framing/bias.ts';
import {
  HYPERPARTISAN_MODEL_URL,
  hyperpartisanProbabilityWith,
  loadHyperpartisanModel,
  type HyperpartisanModelFile,
} from '../../src/framing/hyperpartisan.ts';
import { readHyperpartisan } from '../../src/framing/hyperpartisan-data.ts';
import { roundDenseModel } from '../../src/framing/hyperpartisan-stack.ts';
import {
  crossValidateHyperpartisan,
  hyperpartisanParts,
  predictHyperpartisan,
  trainHyperpartisan,
} from '../../src/framing/hyperpartisan-train.ts';
import { quantizeModel } from '../../src/framing/linear.ts';

export default async function trainHyperpartisanModel(): Promise<void> {
  const data = sharedDataDir();
  if (!data)
    throw new ParallaxError(
      'DATA_MISSING',
      'shared data folder not found; set PARALLAX_DATA',
      '../shared/data',
    );
  const articles = readHyperpartisan(join(data, 'hyperpartisan'));
  const biasModel = shippedSentenceBiasModel();
  const parts = hyperpartisanParts(articles, biasModel);
  const labels = articles.map((a) => a.hyperpartisan);
  const cv = crossValidateHyperpartisan(parts, labels);
  console.log(`  5-fold CV accuracy ${cv.metrics.accuracy.toFixed(4)}, F1 ${cv.metrics.f1.toFixed(4)}`);

  const model = trainHyperpartisan(parts, labels);
  const file: HyperpartisanModelFile = {
    format: 'parallax.hyperpartisan/2',
    model: quantizeModel(model.ngram),
    stack: roundDenseModel(model.stack),
  };
  writeFileSync(HYPERPARTISAN_MODEL_URL, `${JSON.stringify(file)}\n`);

  const shipped = loadHyperpartisanModel(file);
  let gap = 0;
  articles.slice(0, 100).forEach((a, i) => {
    const full = predictHyperpartisan(model, parts[i]);
    gap = Math.max(gap, Math.abs(full - hyperpartisanProbabilityWith(shipped, biasModel, a)));
  });
  console.log(`  max shipped/full probability gap ${gap.toFixed(4)} over 100 articles`);
}
