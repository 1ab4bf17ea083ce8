/**
 * Distributional word vectors by random indexing (Sahlgren 2005), trained at train time only on
 * unlabelled news text, so the sentence-bias model can generalise from marked words to words
 * with similar contexts that BABE never shows. A sentence's vector is the mean of its words'
 * vectors; because the model is linear, the trained weights fold into one score per word
 * (`foldWordScores`), and only that word → number table ships.
 */
import { seededRandom, wordTokens } from './linear.ts';

export interface WordVectors {
  dim: number;
  index: Map<string, number>;
  /** Row-major, `index.size × dim`, each row of unit length. */
  vectors: Float32Array;
}

export interface WordVectorOptions {
  dim: number;
  /** Non-zero entries of each random index vector. */
  nonZeros: number;
  /** Context words on each side. */
  window: number;
  /** Vocabulary size (most frequent words). */
  vocabulary: number;
  /** Words rarer than this get no vector. */
  minCount: number;
  seed: number;
}

/** Settings chosen by BABE cross-validation; 128 dims keep training under a few seconds. */
export const WORD_VECTOR_OPTIONS: WordVectorOptions = { dim: 128, nonZeros: 8, window: 3, vocabulary: 40000, minCount: 5, seed: 20261126 };

/** Frequent-word damping threshold, as in word2vec's subsampling (1e-4 of all tokens). */
const SUBSAMPLE = 1e-4;

export function trainWordVectors(texts: Iterable<string>, options = WORD_VECTOR_OPTIONS): WordVectors {
  const documents: string[][] = [];
  const counts = new Map<string, number>();
  let total = 0;
  for (const text of texts) {
    const tokens = wordTokens(text);
    documents.push(tokens);
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    total += tokens.length;
  }
  const vocab = [...counts.entries()]
    .filter(([, c]) => c >= options.minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.vocabulary)
    .map(([w]) => w);
  const index = new Map(vocab.map((w, i) => [w, i]));
  const { dim, nonZeros } = options;
  // Random index vectors: a few ±1 entries per word, placed by a seeded generator.
  const random = seededRandom(options.seed);
  const slots = new Int32Array(vocab.length * nonZeros);
  const signs = new Int8Array(vocab.length * nonZeros);
  for (let i = 0; i < vocab.length * nonZeros; i++) {
    slots[i] = Math.floor(random() * dim);
    signs[i] = random() < 0.5 ? -1 : 1;
  }
  const damping = Float32Array.from(vocab, (w) => Math.min(1, Math.sqrt((SUBSAMPLE * total) / (counts.get(w) ?? 1))));
  const vectors = new Float32Array(vocab.length * dim);
  for (const tokens of documents) {
    const ids = tokens.map((t) => index.get(t) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      const target = ids[i];
      if (target < 0) continue;
      const row = target * dim;
      for (let j = Math.max(0, i - options.window); j <= Math.min(ids.length - 1, i + options.window); j++) {
        const context = ids[j];
        if (j === i || context < 0) continue;
        const weight = damping[context];
        for (let z = 0; z < nonZeros; z++) vectors[row + slots[context * nonZeros + z]] += signs[context * nonZeros + z] * weight;
      }
    }
  }
  normalizeRows(vectors, dim);
  // Remove the direction every word shares, so vectors differ by what is particular to a word.
  const mean = new Float32Array(dim);
  for (let r = 0; r < vocab.length; r++) for (let k = 0; k < dim; k++) mean[k] += vectors[r * dim + k] / vocab.length;
  for (let r = 0; r < vocab.length; r++) for (let k = 0; k < dim; k++) vectors[r * dim + k] -= mean[k];
  normalizeRows(vectors, dim);
  return { dim, index, vectors };
}

function normalizeRows(vectors: Float32Array, dim: number): void {
  for (let r = 0; r < vectors.length / dim; r++) {
    let sum = 0;
    for (let k = 0; k < dim; k++) sum += vectors[r * dim + k] ** 2;
    const scale = sum > 0 ? 1 / Math.sqrt(sum) : 0;
    for (let k = 0; k < dim; k++) vectors[r * dim + k] *= scale;
  }
}

/** Mean of the tokens' vectors; unknown tokens count as zero vectors. */
export function meanVector(tokens: string[], wordVectors: WordVectors): Float64Array {
  const out = new Float64Array(wordVectors.dim);
  if (tokens.length === 0) return out;
  for (const token of tokens) {
    const row = wordVectors.index.get(token);
    if (row === undefined) continue;
    for (let k = 0; k < wordVectors.dim; k++) out[k] += wordVectors.vectors[row * wordVectors.dim + k];
  }
  for (let k = 0; k < wordVectors.dim; k++) out[k] /= tokens.length;
  return out;
}

/** Per-word contribution `w · v(word)` of the dense weights, so the vectors need not ship. */
export function foldWordScores(wordVectors: WordVectors, weights: ArrayLike<number>, minAbs: number, digits = 4): Record<string, number> {
  const scores: Record<string, number> = {};
  const factor = 10 ** digits;
  for (const [word, row] of wordVectors.index) {
    let s = 0;
    for (let k = 0; k < wordVectors.dim; k++) s += weights[k] * wordVectors.vectors[row * wordVectors.dim + k];
    if (Math.abs(s) >= minAbs) scores[word] = Math.round(s * factor) / factor;
  }
  return scores;
}

