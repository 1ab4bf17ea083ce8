/**
 * `parallax eval quotes`: direct-quote extraction and speaker attribution on PolNeAR v1.0.0
 * (dev compartment), brat standoff attributions (Source, Cue, Content).
 *
 * Per attribution, a predicted quote matches a gold one when their content spans overlap (and,
 * stricter, when they are equal once quotation marks, spaces and final punctuation are trimmed);
 * matching is one-to-one, largest overlap first. The source is then right when the predicted
 * speaker span (as written beside the cue, before pronoun resolution) overlaps / equals the gold
 * Source span. PolNeAR annotates indirect speech too, which `extractQuotes` does not look for, so
 * figures are given on every attribution and on the direct ones (gold content holding a mark).
 * Interrupted quotes are joined first (see `mergeInterrupted`).
 * Articles annotated by several annotators are scored on the first annotation file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../model/index.ts';
import { findQuotes, type FoundQuote } from '../quotes/index.ts';
import type { EvalResult, EvalTask } from './types.ts';
import { polnearDevDirs } from './polnear.ts';

interface GoldAttribution {
  content: Span;
  contentText: string;
  source: Span | null;
  direct: boolean;
}

const QUOTE_MARKS = /["“”„«»‘’']/u;

function parseAnn(ann: string): GoldAttribution[] {
  const spans = new Map<string, { type: string; span: Span; text: string }>();
  const events: Record<string, string>[] = [];
  for (const line of ann.split('\n')) {
    const [id, body, text] = line.split('\t');
    if (!id || !body) continue;
    if (id.startsWith('T')) {
      const [type, ...rest] = body.split(' ');
      const offsets = rest
        .join(' ')
        .split(';')
        .map((part) => part.trim().split(' ').map(Number));
      const start = Math.min(...offsets.map((o) => o[0]!));
      const end = Math.max(...offsets.map((o) => o[1]!));
      spans.set(id, { type: type!, span: { start, end }, text: text ?? '' });
    } else if (id.startsWith('E')) {
      const roles: Record<string, string> = {};
      for (const part of body.split(' ')) {
        const [role, ref] = part.split(':');
        if (role && ref) roles[role] = ref;
      }
      events.push(roles);
    }
  }
  const gold: GoldAttribution[] = [];
  for (const roles of events) {
    const content = roles.Content ? spans.get(roles.Content) : undefined;
    if (!content) continue;
    const source = roles.Source ? spans.get(roles.Source) : undefined;
    gold.push({
      content: content.span,
      contentText: content.text,
      source: source?.span ?? null,
      direct: QUOTE_MARKS.test(content.text.replace(/['’](?=\p{L})/gu, '')),
    });
  }
  return gold;
}

/** Most characters between the halves of an interrupted quote ("“A,” she said, “B.”"). */
const MAX_INTERRUPTION_CHARS = 80;

/**
 * PolNeAR annotates an interrupted quote as one attribution whose content runs from the first
 * half to the second; our quotes keep the halves apart (each span holds quoted words only), so
 * halves hanging on the same cue are joined before scoring.
 */
function mergeInterrupted(quotes: FoundQuote[]): FoundQuote[] {
  const merged: FoundQuote[] = [];
  for (const quote of quotes) {
    const last = merged.at(-1);
    if (
      last &&
      quote.cueAt !== null &&
      last.cueAt === quote.cueAt &&
      quote.start - last.end <= MAX_INTERRUPTION_CHARS
    ) {
      merged[merged.length - 1] = {
        ...last,
        end: quote.end,
        reportedSpan: { start: last.reportedSpan.start, end: quote.reportedSpan.end },
      };
    } else merged.push(quote);
  }
  return merged;
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Trim quotation marks, spaces and final punctuation: what "exact" compares. */
function core(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s"“”„«»‘’',.;:]/u.test(text[start]!)) start++;
  while (end > start && /[\s"“”„«»‘’',.;:?!]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

function sameSpan(text: string, a: Span, b: Span): boolean {
  const x = core(text, a);
  const y = core(text, b);
  return x.start === y.start && x.end === y.end;
}

interface Counts {
  predicted: number;
  gold: number;
  contentOverlap: number;
  contentExact: number;
  sourceOverlap: number;
  sourceExact: number;
}

function score(text: string, predicted: FoundQuote[], gold: GoldAttribution[], counts: Counts): void {
  counts.predicted += predicted.length;
  counts.gold += gold.length;
  const pairs: { p: number; g: number; size: number }[] = [];
  predicted.forEach((quote, p) =>
    gold.forEach((g, gi) => {
      const size = overlap(quote.reportedSpan, g.content);
      if (size > 0) pairs.push({ p, g: gi, size });
    }),
  );
  pairs.sort((a, b) => b.size - a.size);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  for (const pair of pairs) {
    if (usedP.has(pair.p) || usedG.has(pair.g)) continue;
    usedP.add(pair.p);
    usedG.add(pair.g);
    const quote = predicted[pair.p]!;
    const g = gold[pair.g]!;
    counts.contentOverlap++;
    if (sameSpan(text, quote.reportedSpan, g.content)) counts.contentExact++;
    const speaker = quote.writtenSpeakerSpan;
    if (speaker && g.source && overlap(speaker, g.source) > 0) {
      counts.sourceOverlap++;
      if (sameSpan(text, speaker, g.source)) counts.sourceExact++;
    }
  }
}

function prf(hits: number, predicted: number, gold: number): { p: number; r: number; f: number } {
  const p = predicted ? hits / predicted : 0;
  const r = gold ? hits / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export const quotesEval: EvalTask = {
  name: 'quotes',
  description: 'Direct quotes and their speakers on PolNeAR (dev): content overlap/exact and source P/R/F1',
  defaultData: 'polnear',
  async run(dataPath: string): Promise<EvalResult> {
    const started = Date.now();
    const { textDir, annDir } = polnearDevDirs(dataPath);
    const annFiles = readdirSync(annDir)
      .filter((f) => f.endsWith('.ann'))
      .sort();
    const all: Counts = {
      predicted: 0,
      gold: 0,
      contentOverlap: 0,
      contentExact: 0,
      sourceOverlap: 0,
      sourceExact: 0,
    };
    const direct: Counts = { ...all };
    const seen = new Set<string>();
    for (const annFile of annFiles) {
      const base = annFile.replace(/_[0-9a-f]{4}\.ann$/, '');
      if (seen.has(base)) continue; // several annotators: the first file only
      seen.add(base);
      const textFile = join(textDir, `${base}.txt`);
      if (!existsSync(textFile)) continue;
      const text = readFileSync(textFile, 'utf8');
      const gold = parseAnn(readFileSync(join(annDir, annFile), 'utf8'));
      const predicted = mergeInterrupted(findQuotes(text, base));
      score(text, predicted, gold, all);
      score(
        text,
        predicted,
        gold.filter((g) => g.direct),
        direct,
      );
    }
    const metrics: Record<string, number> = {};
    for (const [name, counts] of [
      ['direct', direct],
      ['all', all],
    ] as const) {
      for (const [figure, hits] of [
        ['content_overlap', counts.contentOverlap],
        ['content_exact', counts.contentExact],
        ['source_overlap', counts.sourceOverlap],
        ['source_exact', counts.sourceExact],
      ] as const) {
        const { p, r, f } = prf(hits, counts.predicted, counts.gold);
        metrics[`${name}_${figure}_p`] = round(p);
        metrics[`${name}_${figure}_r`] = round(r);
        metrics[`${name}_${figure}_f1`] = round(f);
      }
    }
    metrics.gold_direct = direct.gold;
    metrics.gold_all = all.gold;
    metrics.predicted = all.predicted;
    return {
      task: 'quotes',
      data: dataPath,
      metrics,
      reference: {
        citron_parc3_source_exact_f1: 0.82,
        citron_parc3_content_overlap_f1: 0.833,
        citron_parc3_content_exact_f1: 0.593,
      },
      count: seen.size,
      notes: [
        'direct_* scores against gold attributions whose content holds a quotation mark; all_* against every attribution (indirect speech included, which extractQuotes does not target).',
        'source is scored on the speaker span as written beside the cue (before pronoun resolution), only for quotes whose content matched.',
        'Reference figures are BBC Citron on PARC 3.0 test (a different corpus, all attribution types): an anchor, not a like-for-like comparison.',
      ],
      seconds: (Date.now() - started) / 1000,
    };
  },
};
