/**
 * `npm run train babe`: trains the sentence-bias model on all of BABE and writes
 * `resources/framing/babe-model.json` (hashed weights, a word-bias table, folded word scores,
 * the compiled lexicons and the decision threshold). Fixed seeds throughout.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParallaxError } from '../../src/errors.ts';
import { sharedDataDir } from '../../src/eval/data.ts';
import { SENTENCE_BIAS_MODEL_URL, loadSentenceBiasModel, sentenceBiasWith, type SentenceBiasModelFile } from '../../src/framing/bias.ts';
import { readAllsidesTexts, readBabe, readLexicons } from '../../src/framing/bias-data.ts';
import { foldWordScores, trainWordVectors } from '../../src/framing/bias-embedding.ts';
import { sentenceFeatureVector, compileLexicons, WORD_VECTOR_SCALE } from '../../src/framing/bias-features.ts';
import { crossValidateSentenceBias, trainSentenceBias, tuneThreshold } from '../../src/framing/bias-train.ts';
import { compactModel, predictProbability } from '../../src/framing/linear.ts';

/** Hashed weights smaller than this are dropped: below it they move no probability by 0.5 %. */
const MIN_SHIPPED_WEIGHT = 0.05;
/** Folded word scores smaller than this are dropped (a sentence averages them, so tiny ones vanish). */
const MIN_SHIPPED_WORD_SCORE = 0.1;

export default async function trainBabe(): Promise<void> {
  const data = sharedDataDir();
  if (!data) throw new ParallaxError('DATA_MISSING', 'shared data folder not found; set PARALLAX_DATA', '../shared/data');
  const sentences = readBabe(join(data, 'babe', 'babe.csv'));
  const lexicons = readLexicons(join(data, 'lexicons'));
  const wordVectors = trainWordVectors(readAllsidesTexts(join(data, 'allsides', 'media-split-train-6000.jsonl.gz')));

  const cv = crossValidateSentenceBias(sentences, lexicons, wordVectors);
  const gold = sentences.map((s) => s.biased);
  const threshold = tuneThreshold(gold, cv.probabilities);
  console.log(`  5-fold CV macro-F1 ${cv.metrics.macroF1.toFixed(4)} at 0.5; threshold ${threshold}`);

  const { model, wordBias } = trainSentenceBias(sentences, lexicons, wordVectors);
  const offset = 1 << model.bits;
  const dense = Array.from(model.weights.subarray(offset), (w) => w * WORD_VECTOR_SCALE);
  const hashed = { ...model, weights: model.weights.subarray(0, offset) };
  const file: SentenceBiasModelFile = {
    format: 'parallax.sentence-bias/1',
    model: compactModel(hashed, MIN_SHIPPED_WEIGHT),
    wordBias: Object.fromEntries([...wordBias].map(([w, v]) => [w, Math.round(v * 1000) / 1000])),
    wordScores: foldWordScores(wordVectors, dense, MIN_SHIPPED_WORD_SCORE),
    lexicons,
    threshold,
  };
  writeFileSync(SENTENCE_BIAS_MODEL_URL, `${JSON.stringify(file)}\n`);

  // The shipped (pruned, folded) model should agree with the full one.
  const shipped = loadSentenceBiasModel(file);
  const compiled = compileLexicons(lexicons);
  let gap = 0;
  for (const s of sentences.slice(0, 200)) {
    const full = predictProbability(model, sentenceFeatureVector(s.text, { lexicons: compiled, wordBias, wordVectors }, model.bits));
    gap = Math.max(gap, Math.abs(full - sentenceBiasWith(shipped, s.text)));
  }
  console.log(`  ${file.model.weights.length} weights, ${Object.keys(file.wordScores).length} word scores; max shipped/full gap ${gap.toFixed(4)}`);
}
