/**
 * The SemEval-2020 task 11 scorers, written from the task's description
 * (../shared/data/ptc/SOURCE.txt): character-overlap P/R/F1 for span identification, and
 * micro-F1 for technique classification on gold spans.
 */
import type { Span } from '../model/index.ts';
import { mergeSpans } from './spans.ts';

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * Span identification: predicted spans are merged first; for each predicted s and gold t of the
 * same article, precision credit |s∩t|/|s| and recall credit |s∩t|/|t|, summed and divided by
 * the number of predicted and gold spans respectively.
 */
export function scoreSpanIdentification(predicted: Map<string, Span[]>, gold: Map<string, Span[]>): PrecisionRecall {
  let precisionSum = 0;
  let recallSum = 0;
  let predictedCount = 0;
  let goldCount = 0;
  const articles = new Set([...predicted.keys(), ...gold.keys()]);
  for (const article of articles) {
    const s = mergeSpans(predicted.get(article) ?? []).filter((x) => x.end > x.start);
    const t = (gold.get(article) ?? []).filter((x) => x.end > x.start);
    predictedCount += s.length;
    goldCount += t.length;
    for (const ps of s) {
      for (const gs of t) {
        const o = overlap(ps, gs);
        if (o === 0) continue;
        precisionSum += o / (ps.end - ps.start);
        recallSum += o / (gs.end - gs.start);
      }
    }
  }
  const precision = predictedCount ? precisionSum / predictedCount : 0;
  const recall = goldCount ? recallSum / goldCount : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Technique classification on gold spans: one label per gold row, micro-F1 (= accuracy here). */
export function scoreTechniques(predicted: string[], gold: string[]): number {
  if (predicted.length !== gold.length) throw new Error('scoreTechniques: one prediction per gold span');
  if (gold.length === 0) return 0;
  let correct = 0;
  for (let i = 0; i < gold.length; i++) if (predicted[i] === gold[i]) correct++;
  return correct / gold.length;
}
