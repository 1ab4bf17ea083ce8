/**
 * Word vectors for the sentence-bias model: the project's distilled GloVe-derived vectors
 * (`src/language/vectors.ts`, resources/vectors). A sentence's vector is the plain mean of its
 * tokens' vectors (unknown tokens count as zero), so the model can carry what it learned about a
 * marked word to words used alike that BABE never shows.
 */
import { DIMENSIONS, wordVector } from '../language/vectors.ts';

/** Mean of the tokens' vectors; unknown tokens count as zero vectors. */
export function meanWordVector(tokens: readonly string[]): Float64Array {
  const out = new Float64Array(DIMENSIONS);
  if (tokens.length === 0) return out;
  for (const token of tokens) {
    const vector = wordVector(token);
    if (!vector) continue;
    for (let k = 0; k < DIMENSIONS; k++) out[k] += vector[k];
  }
  for (let k = 0; k < DIMENSIONS; k++) out[k] /= tokens.length;
  return out;
}

export const WORD_VECTOR_DIMENSIONS = DIMENSIONS;
