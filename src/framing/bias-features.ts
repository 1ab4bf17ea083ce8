/**
 * Features of one sentence for the sentence-bias model. Training (`scripts/train/babe.ts`,
 * `parallax eval babe`) and run time (`sentenceBias`) both call `sentenceFeatureVector`, so the
 * tokenisation and feature names are the same on both sides.
 */
import { addCueFeatures } from './bias-cues.ts';
import { meanWordVector, WORD_VECTOR_DIMENSIONS } from './bias-embedding.ts';
import { afinnValence, markedWordProbabilities, type LexiconLookup } from './bias-words.ts';
import { addFeature, appendDense, normalizeL2, vectorize, wordTokens, type FeatureBag, type LoadedLogisticModel, type SparseVector } from './linear.ts';

/** The word lists the features look up (lemmas; some entries are two or three words). */
export interface BiasLexicons {
  bias: string[];
  hedges: string[];
  factives: string[];
  assertives: string[];
  implicatives: string[];
  reportVerbs: string[];
}

/** Word → how often experts marked it biased when it occurred (0 … 1), learned from BABE. */
export type WordBiasTable = Map<string, number>;

/** Compiled, ready-to-match form of the lexicons. */
export interface CompiledLexicons {
  sets: [name: keyof BiasLexicons, phrases: Set<string>][];
}

export function compileLexicons(lexicons: BiasLexicons): CompiledLexicons {
  return {
    sets: (Object.keys(lexicons) as (keyof BiasLexicons)[]).map((name) => [name, new Set(lexicons[name])]),
  };
}

/** Crude inflection stripping so lemma lists match "claimed", "claims", "regimes". */
function lemmaCandidates(word: string): string[] {
  const out = [word];
  if (word.endsWith('ies') && word.length > 4) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es') && word.length > 3) out.push(word.slice(0, -2));
  if (word.endsWith('s') && word.length > 3) out.push(word.slice(0, -1));
  if (word.endsWith('ed') && word.length > 4) out.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith('ing') && word.length > 5) out.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  if (word.endsWith('ly') && word.length > 4) out.push(word.slice(0, -2));
  return out;
}

/** Names of the lexicons that contain the phrase starting at `tokens[i]`, one hit per lexicon. */
export function lexiconHits(tokens: string[], i: number, lexicons: CompiledLexicons): (keyof BiasLexicons)[] {
  const hits: (keyof BiasLexicons)[] = [];
  const candidates = lemmaCandidates(tokens[i]);
  const two = i + 1 < tokens.length ? `${tokens[i]} ${tokens[i + 1]}` : null;
  const three = i + 2 < tokens.length ? `${two} ${tokens[i + 2]}` : null;
  for (const [name, set] of lexicons.sets) {
    if (candidates.some((c) => set.has(c)) || (two && set.has(two)) || (three && set.has(three))) hits.push(name);
  }
  return hits;
}

/** Share of word-bias scores at or above this counts a word as "often marked" (chosen on BABE folds). */
const MARKED_WORD_SCORE = 0.3;

/** Character n-gram lengths inside words; 3–5 is the usual range for English morphology. */
export const CHAR_NGRAM_MIN = 3;
export const CHAR_NGRAM_MAX = 5;

/** Hash space for sentence features: 2^18 buckets keep collisions rare for ~100k distinct n-grams. */
export const BIAS_HASH_BITS = 18;

export interface SentenceFeatureContext {
  lexicons: CompiledLexicons;
  wordBias: WordBiasTable;
  /** The marked-word model (bias-words.ts); its strongest tokens become features. */
  wordModel?: LoadedLogisticModel;
  /** Precomputed word-model probabilities of this sentence's tokens (training speed-up). */
  markedProbabilities?: number[];
  /** Precomputed `lexiconHits` of each token position (run-time speed-up: the word model needs them too). */
  hits?: (keyof BiasLexicons)[][];
}

/** The lexicon lookup the word model uses: names of lexicons containing the phrase at i. */
export function lexiconLookup(lexicons: CompiledLexicons): LexiconLookup {
  return (tokens, i) => lexiconHits(tokens, i, lexicons);
}

/**
 * Scale of the mean word vector, appended after the hashed buckets (averaged unit vectors are
 * small). On BABE folds: 16 → macro-F1 0.7485, 32 → 0.7496.
 */
export const WORD_VECTOR_SCALE = 32;

/**
 * The signal features (lexicons, AFINN, word-bias table, marked-word model, punctuation, length:
 * a few dozen names) get their own small hash space after the n-gram buckets, so that the
 * log-count-ratio scaling of the n-grams (bias-train.ts) never touches them and can be folded
 * into the n-gram weights exactly. 2^10 buckets for a few dozen names keep collisions rare.
 */
export const SIGNAL_HASH_BITS = 10;

/** Where the signal buckets start, for a sentence model with `bits` n-gram bits. */
export function signalOffset(bits: number): number {
  return 1 << bits;
}

/** Where the scaled mean word vector starts: after the n-gram and the signal buckets. */
export function denseOffset(bits: number): number {
  return (1 << bits) + (1 << SIGNAL_HASH_BITS);
}

/** Features after the n-gram buckets: the signal buckets, then the scaled mean word vector. */
export const BIAS_DENSE_DIMENSIONS = (1 << SIGNAL_HASH_BITS) + WORD_VECTOR_DIMENSIONS;

/** The lexical bag: word unigrams, bigrams and in-word character n-grams (binary). */
function lexicalBag(tokens: string[]): FeatureBag {
  const bag: FeatureBag = new Map();
  tokens.forEach((token, i) => {
    bag.set(`w:${token}`, 1);
    bag.set(`b:${i === 0 ? '<s>' : tokens[i - 1]}_${token}`, 1);
    if (/^\p{L}+$/u.test(token)) {
      const padded = `<${token}>`;
      for (let n = CHAR_NGRAM_MIN; n <= CHAR_NGRAM_MAX; n++) {
        for (let k = 0; k + n <= padded.length; k++) bag.set(`c:${padded.slice(k, k + n)}`, 1);
      }
    }
  });
  return bag;
}

/** Lexicon, sentiment and word-bias features (few, dense, scaled to roughly 0 … 1). */
export function signalBag(text: string, tokens: string[], context: SentenceFeatureContext): FeatureBag {
  const bag: FeatureBag = new Map();
  const lengthScale = 1 / Math.sqrt(Math.max(tokens.length, 1));
  let positive = 0;
  let negative = 0;
  let maxWordBias = 0;
  let markedWords = 0;
  let wordBiasSum = 0;
  tokens.forEach((token, i) => {
    for (const name of context.hits?.[i] ?? lexiconHits(tokens, i, context.lexicons)) addFeature(bag, `lex:${name}`, lengthScale);
    const valence = afinnValence(token);
    if (valence !== undefined) {
      if (valence > 0) positive += valence;
      else negative -= valence;
    }
    const bias = context.wordBias.get(token);
    if (bias !== undefined) {
      maxWordBias = Math.max(maxWordBias, bias);
      wordBiasSum += bias;
      if (bias >= MARKED_WORD_SCORE) markedWords++;
    }
  });
  addFeature(bag, 'afinn:positive', positive * lengthScale * 0.2);
  addFeature(bag, 'afinn:negative', negative * lengthScale * 0.2);
  addFeature(bag, 'wb:max', maxWordBias);
  addFeature(bag, 'wb:sum', Math.min(wordBiasSum, 3) / 3);
  addFeature(bag, 'wb:marked', Math.min(markedWords, 3) / 3);
  if (markedWords === 0) addFeature(bag, 'wb:none', 1);
  if (/["“”]/.test(text)) addFeature(bag, 'p:quote', 1);
  if (text.includes('!')) addFeature(bag, 'p:exclamation', 1);
  if (text.includes('?')) addFeature(bag, 'p:question', 1);
  addFeature(bag, `len:${Math.min(Math.floor(tokens.length / 10), 6)}`, 1);
  const marked =
    context.markedProbabilities ?? (context.wordModel ? markedWordProbabilities(context.wordModel, tokens, lexiconLookup(context.lexicons)) : null);
  if (marked) {
    const probabilities = [...marked].sort((a, b) => b - a);
    addFeature(bag, 'wm:max', probabilities[0] ?? 0);
    addFeature(bag, 'wm:second', probabilities[1] ?? 0);
    addFeature(bag, 'wm:likely', Math.min(probabilities.filter((p) => p > 0.5).length, 3) / 3);
    addFeature(bag, 'wm:sum', Math.min(probabilities.reduce((a, b) => a + b, 0), 3) / 3);
  }
  addCueFeatures(bag, text, tokens);
  return bag;
}

/**
 * The full feature vector of one sentence: unit-length n-grams in buckets 0 … 2^bits, then the
 * signal features in their own buckets, then the scaled mean word vector.
 */
export function sentenceFeatureVector(text: string, context: SentenceFeatureContext, bits = BIAS_HASH_BITS): SparseVector {
  const tokens = wordTokens(text);
  const lexical = normalizeL2(vectorize(lexicalBag(tokens), bits));
  const signals = vectorize(signalBag(text, tokens, context), SIGNAL_HASH_BITS);
  const offset = signalOffset(bits);
  const combined = concatVectors(lexical, { indices: signals.indices.map((i) => i + offset), values: signals.values });
  return appendDense(combined, meanWordVector(tokens).map((v) => v * WORD_VECTOR_SCALE), denseOffset(bits));
}

/** Two sparse vectors whose index ranges do not overlap, `a`'s below `b`'s, one after the other. */
function concatVectors(a: SparseVector, b: SparseVector): SparseVector {
  const indices = new Uint32Array(a.indices.length + b.indices.length);
  const values = new Float64Array(indices.length);
  indices.set(a.indices);
  indices.set(b.indices, a.indices.length);
  values.set(a.values);
  values.set(b.values, a.values.length);
  return { indices, values };
}

/** Prior counts that shrink word-bias scores of rare words toward zero (chosen on BABE folds). */
const WORD_BIAS_PRIOR = 2;

/** Words seen fewer times than this get no word-bias score: too little evidence. */
export const WORD_BIAS_MIN_COUNT = 2;

/**
 * Learns, from sentences with the words experts marked, how often each word is marked when it
 * occurs: marked / (occurrences + prior). Only words marked at least once are kept.
 */
export function learnWordBias(sentences: { text: string; biasedWords: string[] }[]): WordBiasTable {
  const occurrences = new Map<string, number>();
  const marked = new Map<string, number>();
  for (const sentence of sentences) {
    const tokens = new Set(wordTokens(sentence.text));
    for (const token of tokens) occurrences.set(token, (occurrences.get(token) ?? 0) + 1);
    const markedTokens = new Set(sentence.biasedWords.flatMap((w) => wordTokens(w)));
    for (const token of markedTokens) if (tokens.has(token)) marked.set(token, (marked.get(token) ?? 0) + 1);
  }
  const table: WordBiasTable = new Map();
  for (const [word, count] of marked) {
    const seen = occurrences.get(word) ?? 0;
    if (seen < WORD_BIAS_MIN_COUNT) continue;
    table.set(word, count / (seen + WORD_BIAS_PRIOR));
  }
  return table;
}
