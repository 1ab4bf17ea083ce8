/** Word polarity in [-1, 1] from resources/actors/polarity.json (see its README for sources). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Token } from '../model/index.ts';

interface PolarityFile {
  polarity: Record<string, number>;
  loaded: string[];
}

const FILE = resolve(import.meta.dirname, '../../resources/actors/polarity.json');
const data = JSON.parse(readFileSync(FILE, 'utf8')) as PolarityFile;
const POLARITY = new Map(Object.entries(data.polarity));
const LOADED = new Set(data.loaded);

const NEGATORS = new Set(['not', 'no', 'never', "n't", 'without', 'nor']);

/** Polarity of one token: its word form, else its lemma; 0 when unknown. */
export function wordPolarity(token: Token): number {
  return POLARITY.get(token.norm) ?? POLARITY.get(token.lemma.toLowerCase()) ?? 0;
}

export function isLoaded(token: Token): boolean {
  return LOADED.has(token.norm) || LOADED.has(token.lemma.toLowerCase());
}

/** A phrase's polarity: the sum of its words', a negator flipping what follows, clamped to [-1, 1]. */
export function phrasePolarity(tokens: Token[]): number {
  let sum = 0;
  let sign = 1;
  for (const token of tokens) {
    if (NEGATORS.has(token.norm)) {
      sign = -sign;
      continue;
    }
    sum += sign * wordPolarity(token);
  }
  return Math.round(Math.max(-1, Math.min(1, sum)) * 100) / 100;
}
