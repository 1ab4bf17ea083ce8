/**
 * Reading a split of the Propaganda Techniques Corpus (layout in ../shared/data/ptc/SOURCE.txt):
 * articles/article<ID>.txt plus labels-TC.tsv (id, technique, start, end).
 * Used by the training script and `parallax eval ptc`; the product never reads it at run time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParallaxError } from '../errors.ts';
import type { Span, Technique } from '../model/index.ts';

export interface PtcSpan extends Span {
  technique: Technique;
}

export interface PtcArticle {
  id: string;
  text: string;
  spans: PtcSpan[];
}

/** Sentences of a PTC article: one per line (the corpus is split that way). */
export function lineSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) spans.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return spans;
}

export function readPtcSplit(dir: string): PtcArticle[] {
  const articlesDir = join(dir, 'articles');
  const labelsPath = join(dir, 'labels-TC.tsv');
  if (!existsSync(articlesDir) || !existsSync(labelsPath)) {
    throw new ParallaxError('DATA_MISSING', 'expected articles/ and labels-TC.tsv (PTC layout)', dir);
  }
  const byId = new Map<string, PtcArticle>();
  for (const file of readdirSync(articlesDir).sort()) {
    const match = /^article(\w+)\.txt$/.exec(file);
    if (!match) continue;
    byId.set(match[1]!, { id: match[1]!, text: readFileSync(join(articlesDir, file), 'utf8'), spans: [] });
  }
  for (const line of readFileSync(labelsPath, 'utf8').split('\n')) {
    const [id, technique, start, end] = line.split('\t');
    if (!id || !technique || start === undefined || end === undefined) continue;
    byId.get(id)?.spans.push({ technique: technique as Technique, start: Number(start), end: Number(end) });
  }
  return [...byId.values()];
}
