/**
 * Features of one article for the hyperpartisan model. Training and run time both call
 * `articleFeatureParts` on the same inputs (title and body text), so features match.
 */
import { afinnValence } from './bias-words.ts';
import { sentenceBiasWith, type SentenceBiasModel } from './bias.ts';
import { meanWordVector, WORD_VECTOR_DIMENSIONS } from './bias-embedding.ts';
import {
  addFeature,
  addVectors,
  appendDense,
  normalizeL2,
  vectorize,
  wordTokens,
  type FeatureBag,
  type SparseVector,
} from './linear.ts';

/** Hash space for article features: 2^18 buckets (256 KiB shipped); 2^20 scored no better. */
export const HYPERPARTISAN_HASH_BITS = 18;

/** Dense features after the hashed buckets: the article's scaled mean word vector. */
export const HYPERPARTISAN_DENSE_DIMENSIONS = WORD_VECTOR_DIMENSIONS;

/** Scale of the mean word vector beside the unit-length n-gram block (chosen by CV on the 645). */
const WORD_VECTOR_SCALE = 8;

/** Sentence ends: ., ! or ? (optionally closed by a quote or bracket) before whitespace. */
const SENTENCE_END = /(?<=[.!?]["”’)\]]?)\s+(?=["“‘([]?[\p{Lu}\p{N}])/u;

/** Splits body text into sentences (the same splitter at training and run time). */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n{2,}/)
    .flatMap((paragraph) => paragraph.split(SENTENCE_END))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Share of characters inside double quotation marks. */
export function quotedCharacterShare(text: string): number {
  if (text.length === 0) return 0;
  let inside = 0;
  for (const match of text.matchAll(/["“]([^"“”]{1,2000})["”]/g)) inside += match[1].length;
  return inside / text.length;
}

/** Sentences scored for bias, at most this many per article (keeps long articles fast). */
const MAX_SCORED_SENTENCES = 80;

/** Shares of sentences above these bias probabilities describe how bias is spread, not just its mean. */
const BIAS_HISTOGRAM_CUTS = [0.3, 0.7, 0.9];

/** Pronouns that address or enlist the reader: "we", "you", "our" are rarer in straight news. */
const READER_PRONOUNS = new Set([
  'we',
  'us',
  'our',
  'ours',
  'you',
  'your',
  'yours',
  "we're",
  "you're",
  'i',
  'my',
  'me',
]);

export interface ArticleInput {
  title: string;
  text: string;
}

/**
 * Body word unigrams and bigrams and title words, with sublinear term frequency (1 + ln tf).
 * `tokens`: `wordTokens(input.text)` when the caller has them already.
 */
export function articleNgramBag(input: ArticleInput, tokens = wordTokens(input.text)): FeatureBag {
  const bag: FeatureBag = new Map();
  tokens.forEach((token, i) => {
    addFeature(bag, `w:${token}`);
    if (i > 0) addFeature(bag, `b:${tokens[i - 1]}_${token}`);
  });
  for (const token of wordTokens(input.title)) addFeature(bag, `t:${token}`);
  // Sublinear term frequency: the tenth "Trump" says less than the first.
  for (const [name, count] of bag) bag.set(name, 1 + Math.log(count));
  return bag;
}

/** Length of the character n-grams: 4 (one length; chosen by repeated CV on the 645, docs/EVALUATION.md). */
const CHARACTER_NGRAM = 4;

/**
 * Character 4-grams of the lower-cased body (whitespace runs read as one space, the text padded
 * with a space), sublinear term frequency. They catch spelling and punctuation habits, word
 * stems and pieces of names the word n-grams split or miss.
 */
export function characterNgramBag(text: string): FeatureBag {
  const bag: FeatureBag = new Map();
  const flat = ` ${text.toLowerCase().replace(/\s+/g, ' ')} `;
  for (let k = 0; k + CHARACTER_NGRAM <= flat.length; k++)
    addFeature(bag, `c:${flat.slice(k, k + CHARACTER_NGRAM)}`);
  for (const [name, count] of bag) bag.set(name, 1 + Math.log(count));
  return bag;
}

/** FNV-1a state after the prefix "c:" that every character n-gram feature name starts with. */
const CHARACTER_PREFIX_STATE = [...'c:'].reduce((hash, ch) => Math.imul(hash ^ ch.charCodeAt(0), 0x01000193), 0x811c9dc5);

/**
 * `vectorize(characterNgramBag(text), bits)` without building a name per n-gram: n-grams of
 * 8-bit characters are counted under a packed number, others under their string, then each
 * distinct one is hashed from the text in place. Same buckets, same values, same summing order
 * (first-occurrence order), so the same vector bit for bit (test/framing/hyperpartisan.test.ts);
 * about half the time of the bag on news articles.
 */
export function characterNgramVector(text: string, bits: number): SparseVector {
  if (bits > 21) return vectorize(characterNgramBag(text), bits);
  const flat = ` ${text.toLowerCase().replace(/\s+/g, ' ')} `;
  const slotOf = new Map<number | string, number>();
  const counts: number[] = [];
  const firstAt: number[] = [];
  for (let k = 0; k + CHARACTER_NGRAM <= flat.length; k++) {
    let packed = 0;
    let narrow = true;
    for (let i = k; i < k + CHARACTER_NGRAM; i++) {
      const code = flat.charCodeAt(i);
      if (code > 255) narrow = false;
      packed = packed * 256 + code;
    }
    const key = narrow ? packed : flat.slice(k, k + CHARACTER_NGRAM);
    const slot = slotOf.get(key);
    if (slot === undefined) {
      slotOf.set(key, counts.length);
      counts.push(1);
      firstAt.push(k);
    } else counts[slot]! += 1;
  }
  const mask = (1 << bits) - 1;
  const keys = new Float64Array(counts.length);
  for (let s = 0; s < counts.length; s++) {
    let hash = CHARACTER_PREFIX_STATE;
    for (let i = firstAt[s]!; i < firstAt[s]! + CHARACTER_NGRAM; i++) hash = Math.imul(hash ^ flat.charCodeAt(i), 0x01000193);
    keys[s] = ((hash >>> 0) & mask) * 2 ** 32 + s;
  }
  keys.sort();
  const indices: number[] = [];
  const values: number[] = [];
  for (const key of keys) {
    const index = Math.floor(key / 2 ** 32);
    const value = 1 + Math.log(counts[key - index * 2 ** 32]!);
    if (indices.length > 0 && indices[indices.length - 1] === index) values[values.length - 1]! += value;
    else {
      indices.push(index);
      values.push(value);
    }
  }
  return { indices: Uint32Array.from(indices), values: Float64Array.from(values) };
}

/**
 * The continuous style and bias signals, in the order `articleSignals` returns them. The
 * stacked model reads them unhashed; the n-gram model reads them hashed as `s:<name>`.
 */
export const ARTICLE_SIGNAL_NAMES = [
  'bias-mean',
  'bias-max',
  ...BIAS_HISTOGRAM_CUTS.map((cut) => `bias-over-${cut}`),
  'bias-share',
  'title-bias',
  'exclamation',
  'question',
  'caps',
  'quoted',
  'afinn-positive',
  'afinn-negative',
  'reader-pronouns',
] as const;

/** Style and bias signals in `ARTICLE_SIGNAL_NAMES` order, each scaled to roughly 0 … 1. */
function articleSignals(input: ArticleInput, biasModel: SentenceBiasModel, tokens: string[]): number[] {
  const words = Math.max(tokens.length, 1);
  const sentences = splitSentences(input.text);
  const rawWords = input.text.match(/\p{L}+/gu) ?? [];
  const caps = rawWords.filter((w) => w.length >= 3 && w === w.toUpperCase()).length;
  let positive = 0;
  let negative = 0;
  let pronouns = 0;
  for (const token of tokens) {
    const valence = afinnValence(token);
    if (valence !== undefined) {
      if (valence > 0) positive += valence;
      else negative -= valence;
    }
    if (READER_PRONOUNS.has(token)) pronouns++;
  }
  const scored = sentences.slice(0, MAX_SCORED_SENTENCES).map((s) => sentenceBiasWith(biasModel, s));
  const shareOver = (cut: number): number =>
    scored.length === 0 ? 0 : scored.filter((p) => p > cut).length / scored.length;
  return [
    scored.length === 0 ? 0 : scored.reduce((a, b) => a + b, 0) / scored.length,
    scored.length === 0 ? 0 : Math.max(...scored),
    ...BIAS_HISTOGRAM_CUTS.map(shareOver),
    shareOver(biasModel.threshold),
    input.title ? sentenceBiasWith(biasModel, input.title) : 0,
    Math.min(1, (input.text.match(/!/g)?.length ?? 0) / Math.max(sentences.length, 1)),
    Math.min(1, (input.text.match(/\?/g)?.length ?? 0) / Math.max(sentences.length, 1)),
    Math.min(1, (20 * caps) / Math.max(rawWords.length, 1)),
    quotedCharacterShare(input.text),
    Math.min(1, (5 * positive) / words),
    Math.min(1, (5 * negative) / words),
    Math.min(1, (10 * pronouns) / words),
  ];
}

/** The signals as hashed features, with the length as a one-hot log2 bucket. */
function signalBag(signals: readonly number[], tokens: string[]): FeatureBag {
  const bag: FeatureBag = new Map();
  ARTICLE_SIGNAL_NAMES.forEach((name, k) => addFeature(bag, `s:${name}`, signals[k]));
  addFeature(bag, `s:length-${Math.min(Math.floor(Math.log2(Math.max(tokens.length, 1))), 12)}`, 1);
  return bag;
}

/** Weight of the signal block beside the unit-length n-gram block (chosen by CV on the 645). */
const SIGNAL_SCALE = 1;

/** An article's features in two parts, so training can cache them and assemble per fold. */
export interface ArticleFeatureParts {
  /** Hashed sublinear term frequencies of n-grams, not yet normalised. */
  lexical: SparseVector;
  /** Hashed sublinear term frequencies of character 4-grams, not yet normalised. */
  characters: SparseVector;
  /** Signals and the dense word-vector block, final. */
  rest: SparseVector;
  /** Inputs of the stacker beside the n-gram logit: the signals, then the log of the word count. */
  stack: number[];
}

export function articleFeatureParts(
  input: ArticleInput,
  biasModel: SentenceBiasModel,
  bits = HYPERPARTISAN_HASH_BITS,
): ArticleFeatureParts {
  // The body's tokens once: the n-grams, the signals and the word vector all read them.
  const tokens = wordTokens(input.text);
  const signals = articleSignals(input, biasModel, tokens);
  const hashed = vectorize(signalBag(signals, tokens), bits);
  const scaled = { indices: hashed.indices, values: hashed.values.map((v) => v * SIGNAL_SCALE) };
  return {
    lexical: vectorize(articleNgramBag(input, tokens), bits),
    characters: characterNgramVector(input.text, bits),
    rest: appendDense(
      scaled,
      meanWordVector(tokens).map((v) => v * WORD_VECTOR_SCALE),
      1 << bits,
    ),
    stack: [...signals, Math.log(Math.max(tokens.length, 1))],
  };
}

/** Word n-grams and character n-grams each scaled to unit length, then the signals and word vector. */
export function assembleArticleVector(parts: ArticleFeatureParts): SparseVector {
  return addVectors(addVectors(normalizeL2(parts.lexical), normalizeL2(parts.characters)), parts.rest);
}

/** The stacker's inputs for one article: the n-gram model's logit, then the signals and length. */
export function stackInput(ngramLogit: number, parts: ArticleFeatureParts): number[] {
  return [ngramLogit, ...parts.stack];
}
