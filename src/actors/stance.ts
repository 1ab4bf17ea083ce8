/**
 * Stance of one article toward one actor, in [-1, 1]: the outlet's own-voice labels plus the
 * evaluative words near the actor's mentions (outside quotations), squashed with tanh so a
 * few strong words approach but never reach ±1.
 */
import type { Doc, Label, StanceEvidence } from '../model/index.ts';
import { sentenceOf, tokenAt } from './labels.ts';
import { isLoaded, wordPolarity } from './polarity.ts';

/** Tokens on each side of a mention whose polarity counts: about a short clause (tuned by eye on the seed pair and the harbour pair). */
export const STANCE_WINDOW_TOKENS = 5;
/** A nearby word counts half as much as a label attached to the actor: nearness is weaker evidence than attachment. */
export const NEAR_WORD_WEIGHT = 0.5;
/** Loaded words (Recasens et al.) weigh more: they are the ones editors flag as biased. */
export const LOADED_BOOST = 1.5;

export interface StanceResult {
  stance: number;
  evidence: StanceEvidence[];
}

export function stanceOf(
  doc: Doc,
  mentions: { start: number; end: number }[],
  labels: Label[],
  quoted: { start: number; end: number }[],
  /** Every actor mention of the article: names are not evaluative words ("Popular Will"). */
  names: { start: number; end: number }[] = [],
): StanceResult {
  const evidence: StanceEvidence[] = [];
  const article = doc.article.id;
  const covered: { start: number; end: number }[] = [...names];
  for (const label of labels) {
    covered.push(label);
    if (label.quotedBy !== null || label.polarity === 0) continue;
    evidence.push({ article, start: label.start, end: label.end, text: label.text, weight: label.polarity });
  }
  const inside = (spans: { start: number; end: number }[], s: number, e: number) =>
    spans.some((x) => x.start <= s && e <= x.end);
  const counted = new Set<number>();
  for (const mention of mentions) {
    const index = tokenAt(doc.tokens, mention.start);
    const sentence = sentenceOf(doc, index);
    if (!sentence) continue;
    const from = Math.max(sentence.firstToken, index - STANCE_WINDOW_TOKENS);
    const to = Math.min(sentence.endToken, index + STANCE_WINDOW_TOKENS + 1);
    for (let i = from; i < to; i++) {
      const token = doc.tokens[i];
      if (counted.has(i) || (token.start >= mention.start && token.end <= mention.end)) continue;
      const polarity = wordPolarity(token); // first: most words have none, and the span checks cost more
      if (polarity === 0) continue;
      if (inside(quoted, token.start, token.end) || inside(covered, token.start, token.end)) continue;
      counted.add(i);
      const weight =
        Math.round(polarity * NEAR_WORD_WEIGHT * (isLoaded(token) ? LOADED_BOOST : 1) * 100) / 100;
      evidence.push({ article, start: token.start, end: token.end, text: token.text, weight });
    }
  }
  const sum = evidence.reduce((total, e) => total + e.weight, 0);
  return { stance: Math.round(Math.tanh(sum) * 100) / 100, evidence };
}
