/**
 * Sentence bias probability: how likely media-bias experts (BABE) would call a sentence biased.
 * A logistic regression over word/bigram/character n-grams, lexicon hits (bias lexicon, hedges,
 * factives, assertives, implicatives, report verbs), AFINN valence, a word-bias table learned
 * from the words experts marked, and distributional word scores folded from word vectors.
 * Weights: `resources/framing/babe-model.json`, made by `npm run train babe`.
 */
import { readFileSync } from 'node:fs';
import { ParallaxError } from '../errors.ts';
import type { Doc, Sentence } from '../model/index.ts';
import { compileLexicons, sentenceFeatureVector, type BiasLexicons, type CompiledLexicons, type WordBiasTable } from './bias-features.ts';
import { loadCompactModel, logitCompact, sigmoid, wordTokens, type CompactLogisticModel, type LoadedLogisticModel } from './linear.ts';

/** The shipped file's shape. */
export interface SentenceBiasModelFile {
  format: 'parallax.sentence-bias/1';
  model: CompactLogisticModel;
  /** Word → share of its occurrences experts marked biased. */
  wordBias: Record<string, number>;
  /** Word → logit contribution folded from the word-vector weights; averaged over a sentence's tokens. */
  wordScores: Record<string, number>;
  lexicons: BiasLexicons;
  /** Decision threshold on the probability, tuned for macro-F1 on held-out BABE folds. */
  threshold: number;
}

export interface SentenceBiasModel {
  model: LoadedLogisticModel;
  wordBias: WordBiasTable;
  wordScores: Map<string, number>;
  lexicons: CompiledLexicons;
  threshold: number;
}

export const SENTENCE_BIAS_MODEL_URL = new URL('../../resources/framing/babe-model.json', import.meta.url);

export function loadSentenceBiasModel(file: SentenceBiasModelFile): SentenceBiasModel {
  return {
    model: loadCompactModel(file.model),
    wordBias: new Map(Object.entries(file.wordBias)),
    wordScores: new Map(Object.entries(file.wordScores)),
    lexicons: compileLexicons(file.lexicons),
    threshold: file.threshold,
  };
}

let shipped: SentenceBiasModel | null = null;

/** The shipped model, read once. */
export function shippedSentenceBiasModel(): SentenceBiasModel {
  if (shipped) return shipped;
  let file: SentenceBiasModelFile;
  try {
    file = JSON.parse(readFileSync(SENTENCE_BIAS_MODEL_URL, 'utf8')) as SentenceBiasModelFile;
  } catch (cause) {
    throw new ParallaxError('INTERNAL', 'sentence-bias weights missing or unreadable; run `npm run train babe`', SENTENCE_BIAS_MODEL_URL.pathname, { cause });
  }
  shipped = loadSentenceBiasModel(file);
  return shipped;
}

/** Probability 0 … 1 that the sentence is biased, with the given model. */
export function sentenceBiasWith(model: SentenceBiasModel, sentenceText: string): number {
  const vector = sentenceFeatureVector(sentenceText, { lexicons: model.lexicons, wordBias: model.wordBias }, model.model.bits);
  const tokens = wordTokens(sentenceText);
  let folded = 0;
  for (const token of tokens) folded += model.wordScores.get(token) ?? 0;
  return sigmoid(logitCompact(model.model, vector) + (tokens.length > 0 ? folded / tokens.length : 0));
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
