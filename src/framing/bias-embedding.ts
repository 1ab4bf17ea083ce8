/**
 * Word vectors for the sentence-bias model: the project's distilled GloVe-derived vectors
 * (`src/language/vectors.ts`, resources/vectors). A sentence's vector is the plain mean of its
 * tokens' vectors (unknown tokens count as zero), so the model can carry what it learned about a
 * marked word to words used alike that BABE never shows.
 */
import { DIMENSIONS as VECTOR_DIMENSIONS, wordVector } from '../language/vectors.ts';

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
