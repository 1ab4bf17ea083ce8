/**
 * Word vectors for the sentence-bias model: the project's distilled GloVe-derived vectors
 * (`src/language/vectors.ts`, resources/vectors). A sentence's vector is the plain mean of its
 * tokens' vectors (unknown tokens count as zero), so the model can carry what it learned about a
 * marked word to words used alike that BABE never shows.
 */
import { DIMENSIONS as VECTOR_DIMENSIONS, wordRank, wordVector } from '../language/vectors.ts';

/** A local copy: an imported binding is read through a getter when run through tsx, once per loop step. */
const DIMENSIONS = VECTOR_DIMENSIONS;

/**
 * Decoded vectors of recently seen tokens: every sentence and article model asks for the same
 * common words again and again, and decoding allocates. Cleared when it reaches this size
 * (a few MB at most).
 */
const VECTOR_CACHE_SIZE = 50_000;
const vectorCache = new Map<string, Float32Array | null>();

/** The token's unit vector (shared: callers must not modify it), or null when unknown. */
export function cachedWordVector(token: string): Float32Array | null {
  const known = vectorCache.get(token);
  if (known !== undefined) return known;
  const vector = wordVector(token);
  if (vectorCache.size >= VECTOR_CACHE_SIZE) vectorCache.clear();
  vectorCache.set(token, vector);
  return vector;
}

/** Mean of the tokens' vectors; unknown tokens count as zero vectors. */
export function meanWordVector(tokens: readonly string[]): Float64Array {
  const out = new Float64Array(DIMENSIONS);
  if (tokens.length === 0) return out;
  for (const token of tokens) {
    const vector = cachedWordVector(token);
    if (!vector) continue;
    for (let k = 0; k < DIMENSIONS; k++) out[k] += vector[k];
  }
  for (let k = 0; k < DIMENSIONS; k++) out[k] /= tokens.length;
  return out;
}

export const WORD_VECTOR_DIMENSIONS = DIMENSIONS;

/**
 * SIF (Arora, Liang and Ma 2017, "A simple but tough-to-beat baseline for sentence embeddings"):
 * the smoothing constant a of the word weight a / (a + p(w)); 1e-3 is the paper's default.
 */
export const SIF_SMOOTHING = 1e-3;

/**
 * Estimated unigram probability of a word from its frequency rank in the distilled vocabulary
 * (resources/vectors/words.txt is in frequency order): Zipf's law, p(r) = 1 / (r · H_N) for
 * 1-based rank r over N words, H_N the N-th harmonic number.
 */
function zipfProbability(rank: number, vocabulary: number): number {
  const harmonic = Math.log(vocabulary) + 0.5772156649;
  return 1 / ((rank + 1) * harmonic);
}

/** SIF-weighted mean of the tokens' vectors: a / (a + p(w)) per word; unknown tokens count as zero. */
export function sifWordVector(tokens: readonly string[]): Float64Array {
  const out = new Float64Array(DIMENSIONS);
  if (tokens.length === 0) return out;
  for (const token of tokens) {
    const vector = cachedWordVector(token);
    if (!vector) continue;
    const weight = SIF_SMOOTHING / (SIF_SMOOTHING + zipfProbability(wordRank(token) ?? VOCABULARY_SIZE, VOCABULARY_SIZE));
    for (let k = 0; k < DIMENSIONS; k++) out[k] += weight * vector[k];
  }
  for (let k = 0; k < DIMENSIONS; k++) out[k] /= tokens.length;
  return out;
}

/** Words in resources/vectors (the distilled vocabulary). */
const VOCABULARY_SIZE = 30_000;

/** Power-iteration steps for the first principal direction: 100 converge far past float noise here. */
const POWER_ITERATIONS = 100;

/**
 * The first singular direction (unit length) of the rows, uncentred as in SIF's reference code
 * (TruncatedSVD), by power iteration on XᵀX from a fixed start, so it is deterministic.
 */
export function firstPrincipalDirection(rows: readonly Float64Array[]): Float64Array {
  const gram = new Float64Array(DIMENSIONS * DIMENSIONS);
  for (const row of rows) {
    for (let a = 0; a < DIMENSIONS; a++) {
      const ra = row[a]!;
      if (ra === 0) continue;
      for (let b = 0; b < DIMENSIONS; b++) gram[a * DIMENSIONS + b] += ra * row[b]!;
    }
  }
  let direction = new Float64Array(DIMENSIONS).fill(1 / Math.sqrt(DIMENSIONS));
  for (let step = 0; step < POWER_ITERATIONS; step++) {
    const next = new Float64Array(DIMENSIONS);
    for (let a = 0; a < DIMENSIONS; a++) {
      let sum = 0;
      for (let b = 0; b < DIMENSIONS; b++) sum += gram[a * DIMENSIONS + b]! * direction[b]!;
      next[a] = sum;
    }
    const norm = Math.hypot(...next);
    if (norm === 0) return next;
    direction = next.map((v) => v / norm);
  }
  return direction;
}

/** The vector minus its projection on the unit `direction` (a new array). */
export function removeDirection(vector: Float64Array, direction: Float64Array): Float64Array {
  let projection = 0;
  for (let k = 0; k < DIMENSIONS; k++) projection += vector[k]! * direction[k]!;
  return vector.map((v, k) => v - projection * direction[k]!);
}
