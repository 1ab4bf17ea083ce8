/**
 * `parallax eval loaded`: how the loaded-language findings read on news. The PTC-trained span
 * tagger and technique classifier (src/framing) never saw BABE, whose experts marked the biased
 * words of 2,939 news sentences; here each sentence goes through the product path (article,
 * language stage, quotes, detectFraming) and its Loaded_Language and Name_Calling,Labeling
 * findings are checked against the marked words:
 *   precision — share of findings that contain at least one marked word;
 *   recall    — share of marked words that lie inside a finding;
 * and how many findings a sentence gets when the experts called it biased or not; and whether the
 * trigger words a finding names (src/framing/triggers.ts) are the ones the experts marked. The sentences
 * are split in halves by a seeded hash: the listing cut (src/framing/listing.ts) is chosen on the
 * tune half, the figures are reported on the test half. The listing's sentence gate reads
 * held-out sentence-bias probabilities (a 5-fold cross-validation over these sentences), and the
 * test half's trigger words come from a marked-word model trained on the tune half only.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readSentenceBiasModelFile, sentenceBiasThreshold } from '../framing/bias.ts';
import { readBabe, readLexicons } from '../framing/bias-data.ts';
import { compileLexicons, lexiconLookup } from '../framing/bias-features.ts';
import { tokenExamples, trainWordModel } from '../framing/bias-words.ts';
import { loadQuantizedModel, quantizeModel } from '../framing/linear.ts';
import type { MarkedWordScorer } from '../framing/triggers.ts';
import { crossValidateSentenceBias } from '../framing/bias-train.ts';
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
  /** The sentence passes the listing's sentence gate (held-out sentence-bias probability above the threshold). */
  gated: boolean;
  /** Per finding: its score and whether it holds a marked word. */
  findings: { score: number; hit: boolean }[];
  /** Per marked word: the best score of a finding holding it (-1 when none does). */
  marked: number[];
  /** Per finding holding a marked word: its named trigger words, and how many of them were marked. */
  triggers?: { named: number; marked: number }[];
}

export interface LoadedFigures {
  precision: number;
  recall: number;
  f1: number;
  /** F0.5: precision counted twice as much as recall, the objective of the listing cut. */
  f05: number;
  perBiasedSentence: number;
  perUnbiasedSentence: number;
}

function outcome(text: string, biased: boolean, markedWords: string[], gated: boolean, markedWordModel?: MarkedWordScorer): SentenceOutcome {
  const doc = annotate(articleFromText(text, { origin: 'babe' }));
  const options = markedWordModel ? { markedWords: markedWordModel } : {};
  const found = detectFraming(doc, extractQuotes(doc), options).filter((f) => LOADED_TECHNIQUES.includes(f.technique));
  const gold = new Set(markedWords.map((w) => w.toLowerCase()));
  const words = doc.tokens.filter((t) => gold.has(t.text.toLowerCase()));
  const holdsMarked = (f: (typeof found)[number]): boolean => words.some((w) => f.start <= w.start && f.end >= w.end);
  return {
    triggers: found.filter(holdsMarked).map((f) => {
      const named = (f.triggers ?? []).map((t) => text.slice(t.start, t.end).toLowerCase());
      return { named: named.length, marked: named.filter((word) => gold.has(word)).length };
    }),
    biased,
    gated,
    findings: found.map((f) => ({
      score: f.score,
      hit: holdsMarked(f),
    })),
    marked: words.map((w) =>
      Math.max(-1, ...found.filter((f) => f.start <= w.start && f.end >= w.end).map((f) => f.score)),
    ),
  };
}

/** Figures for the findings scoring ≥ `cut`, and with `gate` only those in gated sentences. */
export function figuresAt(outcomes: SentenceOutcome[], cut: number, gate = false): LoadedFigures {
  let kept = 0;
  let hits = 0;
  let marked = 0;
  let covered = 0;
  const perSentence = { biased: [0, 0], unbiased: [0, 0] };
  for (const o of outcomes) {
    const shown = !gate || o.gated;
    const listed = shown ? o.findings.filter((f) => f.score >= cut) : [];
    kept += listed.length;
    hits += listed.filter((f) => f.hit).length;
    marked += o.marked.length;
    covered += shown ? o.marked.filter((s) => s >= cut).length : 0;
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
    f05: precision + recall > 0 ? (1.25 * precision * recall) / (0.25 * precision + recall) : 0,
    perBiasedSentence: perSentence.biased[1] ? perSentence.biased[0]! / perSentence.biased[1] : 0,
    perUnbiasedSentence: perSentence.unbiased[1] ? perSentence.unbiased[0]! / perSentence.unbiased[1] : 0,
  };
}

/**
 * The cut with the best F0.5 among gated findings (the lower one on ties): a listed finding a
 * reader cannot confirm costs more than one left to the JSON, so precision counts double.
 */
export function bestCut(outcomes: SentenceOutcome[]): number {
  let best = CUTS[0]!;
  let bestScore = -1;
  for (const cut of CUTS) {
    const { f05 } = figuresAt(outcomes, cut, true);
    if (f05 > bestScore + 1e-9) [best, bestScore] = [cut, f05];
  }
  return best;
}

/** Trigger-word figures over findings that hold a marked word. */
export function triggerFigures(outcomes: SentenceOutcome[]): { namesMarked: number; precision: number; perFinding: number } {
  const triggers = outcomes.flatMap((o) => o.triggers ?? []);
  const named = triggers.reduce((sum, t) => sum + t.named, 0);
  const marked = triggers.reduce((sum, t) => sum + t.marked, 0);
  return {
    namesMarked: triggers.length ? triggers.filter((t) => t.marked > 0).length / triggers.length : 0,
    precision: named ? marked / named : 0,
    perFinding: triggers.length ? named / triggers.length : 0,
  };
}

/**
 * A marked-word model trained on the given sentences only (the shipped one saw all of BABE), so
 * the trigger words of the other half are named by a model that never saw their marks.
 */
function crossFittedMarkedWords(sentences: { text: string; biasedWords: string[] }[], lexicon: MarkedWordScorer['lexicon']): MarkedWordScorer {
  const model = trainWordModel(sentences.map((s) => tokenExamples(s.text, s.biasedWords, lexicon)));
  return { model: loadQuantizedModel(quantizeModel(model)), lexicon };
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

export function evaluateLoaded(
  dataPath: string,
  options: { limit?: number } = {},
): Omit<EvalResult, 'seconds'> {
  const sentences = readBabe(dataPath).slice(0, options.limit);
  // The shipped sentence-bias model was trained on these sentences: the gate reads held-out
  // probabilities from a cross-validation instead, each from a model that never saw the sentence.
  const lexiconDir = join(dataPath.endsWith('.csv') ? join(dataPath, '..') : dataPath, '..', 'lexicons');
  const lexicons = existsSync(lexiconDir) ? readLexicons(lexiconDir) : readSentenceBiasModelFile().lexicons;
  const heldOut = crossValidateSentenceBias(sentences, lexicons).probabilities;
  const threshold = sentenceBiasThreshold();
  const markedWords = crossFittedMarkedWords(
    sentences.filter((s) => splitOf(s.text) === 'tune'),
    lexiconLookup(compileLexicons(lexicons)),
  );
  const tune: SentenceOutcome[] = [];
  const test: SentenceOutcome[] = [];
  sentences.forEach((s, i) => {
    const inTune = splitOf(s.text) === 'tune';
    (inTune ? tune : test).push(outcome(s.text, s.biased === 1, s.biasedWords, heldOut[i]! > threshold, inTune ? undefined : markedWords));
  });
  const triggers = triggerFigures(test);
  const all = figuresAt(test, 0);
  const scoreOnly = figuresAt(test, LISTED_MIN_SCORE);
  const listed = figuresAt(test, LISTED_MIN_SCORE, true);
  const metrics: Record<string, number> = {
    precision: round(all.precision),
    recall: round(all.recall),
    f1: round(all.f1),
    findings_per_biased_sentence: round(all.perBiasedSentence),
    findings_per_unbiased_sentence: round(all.perUnbiasedSentence),
    listed_cut: LISTED_MIN_SCORE,
    listed_precision: round(scoreOnly.precision),
    listed_recall: round(scoreOnly.recall),
    listed_per_biased_sentence: round(scoreOnly.perBiasedSentence),
    listed_per_unbiased_sentence: round(scoreOnly.perUnbiasedSentence),
    listed_first_sentence_bias_threshold: threshold,
    listed_first_precision: round(listed.precision),
    listed_first_recall: round(listed.recall),
    listed_first_f1: round(listed.f1),
    listed_first_f05: round(listed.f05),
    listed_first_per_biased_sentence: round(listed.perBiasedSentence),
    listed_first_per_unbiased_sentence: round(listed.perUnbiasedSentence),
    tune_best_cut: bestCut(tune),
    triggers_name_a_marked_word: round(triggers.namesMarked),
    trigger_precision: round(triggers.precision),
    triggers_per_finding: round(triggers.perFinding),
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
      `listed_*: findings with score ≥ ${LISTED_MIN_SCORE}, the ones the terminal and HTML summaries list (src/framing/listing.ts)`,
      'triggers_*, trigger_precision: over findings holding a marked word, the share whose named trigger words include a marked word, and the share of named trigger words that are marked; named by a marked-word model trained on the tune half only',
      `listed_first_*: those of them in sentences whose held-out sentence-bias probability is above ${threshold}, which the summaries list first; tune_best_cut (best F0.5 among them on the tune half) should equal the cut`,
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
