/**
 * The words that make a loaded stretch loaded. The technique classifier's strongest features say
 * why a stretch is Loaded_Language rather than Doubt ("wave of", "government"), not which of its
 * words carries the charge. The marked-word model (bias-words.ts), trained on the words BABE's
 * experts marked as biased, answers exactly that: each word's probability that an expert would
 * mark it, from the word, its character n-grams, its vector, the word lists and its neighbours,
 * so "lacklustre" or "pooh-poohing" score high though the PTC classifier never saw them.
 */
import type { Span } from '../model/index.ts';
import { shippedSentenceBiasModel, type SentenceBiasModel } from './bias.ts';
import { markedWordProbabilitiesFast } from './bias-fast.ts';
import { lexiconLookup } from './bias-features.ts';
import { MARKABLE, tokenVector, type LexiconLookup } from './bias-words.ts';
import { FUNCTION_WORDS } from './features.ts';
import { predictCompact, wordTokenSpans, type LoadedLogisticModel } from './linear.ts';

/** A marked-word model and the word lists it reads. */
export interface MarkedWordScorer {
  model: LoadedLogisticModel;
  lexicon: LexiconLookup;
  /** The sentence-bias model `model` belongs to, when it does: its fast path scores whole sentences. */
  sentenceModel?: SentenceBiasModel;
}

/**
 * Besides the span's most likely word, further words are named from this probability of being
 * marked. Chosen on one half of BABE with the model trained on the other, among 0.15 … 0.4, for
 * the best F1 of two shares: findings whose named words include a marked one, and named words
 * that are marked (`parallax eval loaded`, docs/EVALUATION.md).
 */
export const LOADED_TRIGGER_MIN = 0.4;
/** At most this many trigger words per finding, most likely marked first. */
export const MAX_TRIGGERS = 3;

let shipped: MarkedWordScorer | null = null;

/** The shipped sentence-bias model's marked-word model. */
export function shippedMarkedWordScorer(): MarkedWordScorer {
  if (!shipped) {
    const model = shippedSentenceBiasModel();
    shipped = { model: model.wordModel, lexicon: lexiconLookup(model.lexicons), sentenceModel: model };
  }
  return shipped;
}

export interface LoadedWords {
  /** The words to name, most likely marked first. */
  spans: Span[];
  /** The likeliest word's probability of being marked (0 when the span has no content word). */
  likeliest: number;
}

/**
 * The words inside `span` an expert would most likely mark as biased, most likely first: the
 * likeliest word always, others from LOADED_TRIGGER_MIN; function words never, each distinct word
 * once. `sentence` gives the words around the span, which the model reads as context.
 */
export function loadedWords(text: string, sentence: Span, span: Span, scorer: MarkedWordScorer = shippedMarkedWordScorer()): LoadedWords {
  const sentenceText = text.slice(sentence.start, sentence.end);
  const words = wordTokenSpans(sentenceText);
  const tokens = words.map((w) => w.token);
  const fast = scorer.sentenceModel ? markedWordProbabilitiesFast(scorer.sentenceModel, sentenceText) : null;
  const scored: { span: Span; word: string; probability: number }[] = [];
  words.forEach(({ token, start, end }, i) => {
    const at = { start: sentence.start + start, end: sentence.start + end };
    if (at.start < span.start || at.end > span.end || !MARKABLE.test(token) || FUNCTION_WORDS.has(token)) return;
    const probability = fast ? fast[i]! : predictCompact(scorer.model, tokenVector(tokens, i, scorer.lexicon, scorer.model.bits));
    scored.push({ span: at, word: token, probability });
  });
  scored.sort((a, b) => b.probability - a.probability || a.span.start - b.span.start);
  const seen = new Set<string>();
  const spans = scored
    .filter((s, rank) => (rank === 0 || s.probability >= LOADED_TRIGGER_MIN) && !seen.has(s.word) && seen.add(s.word))
    .slice(0, MAX_TRIGGERS)
    .map((s) => s.span);
  return { spans, likeliest: scored[0]?.probability ?? 0 };
}
