/**
 * `parallax eval loaded`: how the loaded-language findings read on news. The PTC-trained span
 * tagger and technique classifier (src/framing) never saw BABE, whose experts marked the biased
 * words of 2,939 news sentences; here each sentence goes through the product path (article,
 * language stage, quotes, detectFraming) and its Loaded_Language and Name_Calling,Labeling
 * findings are checked against the marked words:
 *   precision — share of findings that contain at least one marked word;
 *   recall    — share of marked words that lie inside a finding;
 * and how many findings a sentence gets when the experts called it biased or not. The sentences
 * are split in halves by a seeded hash: the listing cut (src/framing/listing.ts) is chosen on the
 * tune half, the figures are reported on the test half.
 */
import { readBabe } from '../framing/bias-data.ts';
import { detectFraming, LOADED_TECHNIQUES } from '../framing/index.ts';
import { LISTED_MIN_SCORE } from '../framing/listing.ts';
import { articleFromText } from '../ingest/index.ts';
import { annotate } from '../language/index.ts';
import { extractQuotes } from '../quotes/index.ts';
import { splitOf } from './stories.ts';
import type { EvalResult, EvalTask } from './types.ts';

/** Score cuts scanned on the tune half. */
const CUTS = [0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];

interface SentenceOutcome {
  biased: boolean;
  /** Per finding: its score and whether it holds a marked word. */
  findings: { score: number; hit: boolean }[];
  /** Per marked word: the best score of a finding holding it (-1 when none does). */
  marked: number[];
}

export interface LoadedFigures {
  precision: number;
  recall: number;
  f1: number;
  perBiasedSentence: number;
  perUnbiasedSentence: number;
}

function outcome(text: string, biased: boolean, markedWords: string[]): SentenceOutcome {
  const doc = annotate(articleFromText(text, { origin: 'babe' }));
  const found = detectFraming(doc, extractQuotes(doc)).filter((f) => LOADED_TECHNIQUES.includes(f.technique));
  const gold = new Set(markedWords.map((w) => w.toLowerCase()));
  const words = doc.tokens.filter((t) => gold.has(t.text.toLowerCase()));
  return {
    biased,
    findings: found.map((f) => ({
      score: f.score,
      hit: words.some((w) => f.start <= w.start && f.end >= w.end),
    })),
    marked: words.map((w) =>
      Math.max(-1, ...found.filter((f) => f.start <= w.start && f.end >= w.end).map((f) => f.score)),
    ),
  };
}

export function figuresAt(outcomes: SentenceOutcome[], cut: number): LoadedFigures {
  let kept = 0;
  let hits = 0;
  let marked = 0;
  let covered = 0;
  const perSentence = { biased: [0, 0], unbiased: [0, 0] };
  for (const o of outcomes) {
    const listed = o.findings.filter((f) => f.score >= cut);
    kept += listed.length;
    hits += listed.filter((f) => f.hit).length;
    marked += o.marked.length;
    covered += o.marked.filter((s) => s >= cut).length;
    const bucket = o.biased ? perSentence.biased : perSentence.unbiased;
    bucket[0]! += listed.length;
    bucket[1]! += 1;
  }
  const precision = kept ? hits / kept : 0;
  const recall = marked ? covered / marked : 0;
  return {
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    perBiasedSentence: perSentence.biased[1] ? perSentence.biased[0]! / perSentence.biased[1] : 0,
    perUnbiasedSentence: perSentence.unbiased[1] ? perSentence.unbiased[0]! / perSentence.unbiased[1] : 0,
  };
}

/** The cut with the best F1 (the lower one on ties). */
export function bestCut(outcomes: SentenceOutcome[]): number {
  let best = CUTS[0]!;
  let bestF1 = -1;
  for (const cut of CUTS) {
    const { f1 } = figuresAt(outcomes, cut);
    if (f1 > bestF1 + 1e-9) [best, bestF1] = [cut, f1];
  }
  return best;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

export function evaluateLoaded(
  dataPath: string,
  options: { limit?: number } = {},
): Omit<EvalResult, 'seconds'> {
  const sentences = readBabe(dataPath).slice(0, options.limit);
  const tune: SentenceOutcome[] = [];
  const test: SentenceOutcome[] = [];
  for (const s of sentences)
    (splitOf(s.text) === 'tune' ? tune : test).push(outcome(s.text, s.biased === 1, s.biasedWords));
  const all = figuresAt(test, 0);
  const listed = figuresAt(test, LISTED_MIN_SCORE);
  const metrics: Record<string, number> = {
    precision: round(all.precision),
    recall: round(all.recall),
    f1: round(all.f1),
    findings_per_biased_sentence: round(all.perBiasedSentence),
    findings_per_unbiased_sentence: round(all.perUnbiasedSentence),
    listed_cut: LISTED_MIN_SCORE,
    listed_precision: round(listed.precision),
    listed_recall: round(listed.recall),
    listed_f1: round(listed.f1),
    listed_per_biased_sentence: round(listed.perBiasedSentence),
    listed_per_unbiased_sentence: round(listed.perUnbiasedSentence),
    tune_best_cut: bestCut(tune),
  };
  return {
    task: 'loaded',
    data: dataPath,
    metrics,
    reference: {},
    count: test.length,
    notes: [
      `test half of BABE by a seeded hash of the sentence (${test.length} sentences; the listing cut is chosen on the other ${tune.length})`,
      'the PTC models never saw BABE: an out-of-domain check of the Loaded_Language and Name_Calling,Labeling findings on news sentences',
      'BABE marks single words and not every loaded word, so precision here is a floor; no published figure is on this measure',
      `listed_*: findings with score ≥ ${LISTED_MIN_SCORE} (src/framing/listing.ts), the ones the terminal and HTML summaries list; tune_best_cut should equal it`,
    ],
  };
}

export const loadedTask: EvalTask = {
  name: 'loaded',
  description: 'loaded-language findings against the words BABE experts marked (out of domain)',
  defaultData: 'babe',
  async run(dataPath: string): Promise<EvalResult> {
    const started = Date.now();
    return { ...evaluateLoaded(dataPath), seconds: (Date.now() - started) / 1000 };
  },
};
