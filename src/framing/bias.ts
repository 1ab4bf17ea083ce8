/**
 * Sentence bias probability: how likely media-bias experts (BABE) would call a sentence biased.
 * A logistic regression over word/bigram/character n-grams, lexicon hits (bias lexicon, hedges,
 * factives, assertives, implicatives, report verbs), AFINN valence, a word-bias table learned
 * from the words experts marked, a word-level model of those marked words (bias-words.ts) whose
 * strongest tokens become features, and the mean word vector (src/language/vectors.ts).
 * Weights: `resources/framing/babe-model.json`, made by `npm run train babe`.
 */
import { readFileSync } from 'node:fs';
import { ParallaxError } from '../errors.ts';
import type { Doc, Sentence } from '../model/index.ts';
import { sentenceBiasFast } from './bias-fast.ts';
import { compileLexicons, sentenceFeatureVector, type BiasLexicons, type CompiledLexicons, type WordBiasTable } from './bias-features.ts';
import { loadQuantizedModel, predictCompact, type LoadedLogisticModel, type QuantizedLogisticModel } from './linear.ts';

/** The shipped file's shape. */
export interface SentenceBiasModelFile {
  format: 'parallax.sentence-bias/2';
  model: QuantizedLogisticModel;
  /** Word → share of its occurrences experts marked biased. */
  wordBias: Record<string, number>;
  /** The marked-word model (bias-words.ts). */
  wordModel: QuantizedLogisticModel;
  lexicons: BiasLexicons;
  /** Decision threshold on the probability, tuned for macro-F1 on held-out BABE folds. */
  threshold: number;
}

export interface SentenceBiasModel {
  model: LoadedLogisticModel;
  wordBias: WordBiasTable;
  wordModel: LoadedLogisticModel;
  lexicons: CompiledLexicons;
  threshold: number;
}

export const SENTENCE_BIAS_MODEL_URL = new URL('../../resources/framing/babe-model.json', import.meta.url);

export function loadSentenceBiasModel(file: SentenceBiasModelFile): SentenceBiasModel {
  return {
    model: loadQuantizedModel(file.model),
    wordBias: new Map(Object.entries(file.wordBias)),
    wordModel: loadQuantizedModel(file.wordModel),
    lexicons: compileLexicons(file.lexicons),
    threshold: file.threshold,
  };
}

let shipped: SentenceBiasModel | null = null;

/** The shipped file as stored (its lexicons are plain word lists, reusable by training and eval). */
export function readSentenceBiasModelFile(): SentenceBiasModelFile {
  let file: SentenceBiasModelFile;
  try {
    file = JSON.parse(readFileSync(SENTENCE_BIAS_MODEL_URL, 'utf8')) as SentenceBiasModelFile;
  } catch (cause) {
    throw new ParallaxError('INTERNAL', 'sentence-bias weights missing or unreadable; run `npm run train babe`', SENTENCE_BIAS_MODEL_URL.pathname, { cause });
  }
  // The feature layout changed with the format (/2: signals in their own buckets); an older file would score wrongly.
  if (file.format !== 'parallax.sentence-bias/2') {
    throw new ParallaxError('INTERNAL', `sentence-bias weights are in format ${String(file.format)}; run \`npm run train babe\``, SENTENCE_BIAS_MODEL_URL.pathname);
  }
  return file;
}

/** The shipped model, read once. */
export function shippedSentenceBiasModel(): SentenceBiasModel {
  shipped ??= loadSentenceBiasModel(readSentenceBiasModelFile());
  return shipped;
}

/**
 * Recently scored sentences per model: scoreArticle and the hyperpartisan features both score an
 * article's sentences, so a small memo halves the work. Cleared when it reaches this size.
 */
const MEMO_SIZE = 4096;
const memos = new WeakMap<SentenceBiasModel, Map<string, number>>();

/** Probability 0 … 1 that the sentence is biased, with the given model. */
export function sentenceBiasWith(model: SentenceBiasModel, sentenceText: string): number {
  let memo = memos.get(model);
  if (!memo) memos.set(model, (memo = new Map()));
  const known = memo.get(sentenceText);
  if (known !== undefined) return known;
  const probability = sentenceBiasFast(model, sentenceText) ?? sentenceBiasByVector(model, sentenceText);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(sentenceText, probability);
  return probability;
}

/** The reference path: build the feature vector training uses, then score it (no memo). */
export function sentenceBiasByVector(model: SentenceBiasModel, sentenceText: string): number {
  const context = { lexicons: model.lexicons, wordBias: model.wordBias, wordModel: model.wordModel };
  return predictCompact(model.model, sentenceFeatureVector(sentenceText, context, model.model.bits));
}

/** Probability 0 … 1 that experts would call the sentence biased (shipped weights). */
export function sentenceBias(sentenceText: string): number {
  return sentenceBiasWith(shippedSentenceBiasModel(), sentenceText);
}

/** The shipped decision threshold: above it a sentence counts as biased/subjective. */
export function sentenceBiasThreshold(): number {
  return shippedSentenceBiasModel().threshold;
}

/** Bias probability of each sentence of a Doc, in order. */
export function documentSentenceBias(doc: Doc): number[] {
  return doc.sentences.map((sentence: Sentence) => sentenceBias(doc.article.text.slice(sentence.start, sentence.end)));
}
