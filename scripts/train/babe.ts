/**
 * `npm run train babe`: trains the sentence-bias model on all of BABE and writes
 * `resources/framing/babe-model.json` (quantised hashed weights, the word-bias table, the
 * quantised marked-word model, the compiled lexicons and the decision threshold). Fixed seeds throughout.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParallaxError } from '../../src/errors.ts';
import { sharedDataDir } from '../../src/eval/data.ts';
import { SENTENCE_BIAS_MODEL_URL, loadSentenceBiasModel, sentenceBiasWith, type SentenceBiasModelFile } from '../../src/framing/bias.ts';
import { readBabe, readLexicons } from '../../src/framing/bias-data.ts';
import { compileLexicons, sentenceFeatureVector } from '../../src/framing/bias-features.ts';
import { crossValidateSentenceBias, trainSentenceBias, tuneThreshold } from '../../src/framing/bias-train.ts';
import { predictProbability, quantizeModel } from '../../src/framing/linear.ts';

export default async function trainBabe(): Promise<void> {
  const data = sharedDataDir();
  if (!data) throw new ParallaxError('DATA_MISSING', 'shared data folder not found; set PARALLAX_DATA', '../shared/data');
  const sentences = readBabe(join(data, 'babe', 'babe.csv'));
  const lexicons = readLexicons(join(data, 'lexicons'));

  const cv = crossValidateSentenceBias(sentences, lexicons);
  const threshold = tuneThreshold(sentences.map((s) => s.biased), cv.probabilities);
  console.log(`  5-fold CV macro-F1 ${cv.metrics.macroF1.toFixed(4)} at 0.5; tuned threshold ${threshold}`);

  const { model, wordBias, wordModel } = trainSentenceBias(sentences, lexicons);
  const file: SentenceBiasModelFile = {
    format: 'parallax.sentence-bias/2',
    model: quantizeModel(model),
    wordBias: Object.fromEntries([...wordBias].sort(([a], [b]) => (a < b ? -1 : 1)).map(([w, v]) => [w, Math.round(v * 1000) / 1000])),
    wordModel: quantizeModel(wordModel),
    lexicons,
    threshold,
  };
  writeFileSync(SENTENCE_BIAS_MODEL_URL, `${JSON.stringify(file)}\n`);

  // The shipped (quantised) model should agree with the full one.
  const shipped = loadSentenceBiasModel(file);
  const compiled = compileLexicons(lexicons);
  let gap = 0;
  for (const s of sentences.slice(0, 300)) {
    const full = predictProbability(model, sentenceFeatureVector(s.text, { lexicons: compiled, wordBias, wordModel }, model.bits));
    gap = Math.max(gap, Math.abs(full - sentenceBiasWith(shipped, s.text)));
  }
  console.log(`  max shipped/full probability gap ${gap.toFixed(4)} over 300 sentences`);
}
