/**
 * `detectFraming`: propaganda-technique findings for one annotated article.
 * The trained span tagger finds the stretches, the technique classifier names each, and the
 * quotes say whose words they are. Models are read once from resources/framing/ptc-*.json.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParallaxError } from '../errors.ts';
import type { Doc, FramingFinding, Quote, Span } from '../model/index.ts';
import { sentenceBias } from './bias.ts';
import { buildArticleView, type ArticleView, type ViewToken } from './features-article.ts';
import { FUNCTION_WORDS, splitSentences } from './features.ts';
import { buildLexicons, type CompiledLexicons, type Lexicons } from './lexicon.ts';
import { LOADED_TECHNIQUES } from './scores.ts';
import { SpanTagger, type SpanModelWeights, type TaggedSpan } from './spans.ts';
import { TechniqueClassifier, techniqueFeatures, techniqueVectors, type TechniqueModelWeights } from './techniques.ts';
import { loadedWords, shippedMarkedWordScorer, type LoadedWords, type MarkedWordScorer } from './triggers.ts';

export const PTC_RESOURCE_DIR = resolve(import.meta.dirname, '../../resources/framing');
export const PTC_LEXICONS_FILE = 'ptc-lexicons.json';
export const PTC_SPANS_FILE = 'ptc-spans.json';
export const PTC_TECHNIQUES_FILE = 'ptc-techniques.json';

/** How many of the strongest trigger features a reason names. */
const REASON_FEATURES = 3;
/** A span counts as quoted when at least this share of its characters lie inside a quote. */
const QUOTED_SHARE = 0.5;

export interface PtcModels {
  lexicons: Lexicons;
  tagger: SpanTagger;
  classifier: TechniqueClassifier;
}

let cached: PtcModels | null = null;

function readJson<T>(dir: string, file: string): T {
  try {
    return JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as T;
  } catch (error) {
    throw new ParallaxError('DATA_MISSING', 'trained framing model missing or unreadable; run `npm run train ptc`', resolve(dir, file), { cause: error });
  }
}

/** The trained models; read once per process unless a directory is given. */
export function loadPtcModels(dir?: string): PtcModels {
  if (!dir && cached) return cached;
  const from = dir ?? PTC_RESOURCE_DIR;
  const models: PtcModels = {
    lexicons: buildLexicons(readJson<CompiledLexicons>(from, PTC_LEXICONS_FILE)),
    tagger: new SpanTagger(readJson<SpanModelWeights>(from, PTC_SPANS_FILE)),
    classifier: new TechniqueClassifier(readJson<TechniqueModelWeights>(from, PTC_TECHNIQUES_FILE)),
  };
  if (!dir) cached = models;
  return models;
}

export interface SpanTechnique {
  technique: FramingFinding['technique'];
  probability: number;
  /** Classes in order of probability, for spans that carry several techniques. */
  ranked: FramingFinding['technique'][];
  features: string[];
}

/** Classify one span; `siblings` are the other spans found in the same article. */
export function classifySpan(models: PtcModels, view: ArticleView, span: Span, siblings: readonly Span[] = []): SpanTechnique {
  const features = techniqueFeatures(view, span, siblings);
  const p = models.classifier.probabilities(features, techniqueVectors(view, span));
  const order = p.map((_, c) => c).sort((a, b) => p[b]! - p[a]!);
  const classes = models.classifier.classes;
  return { technique: classes[order[0]!]!, probability: p[order[0]!]!, ranked: order.map((c) => classes[c]!), features };
}

/** Names of the word lists as a reader would say them. */
const LIST_NAMES: Record<string, string> = {
  bias: 'a bias-lexicon word',
  report: 'a reporting verb',
  hedge: 'a hedge',
  factive: 'a factive verb',
  assertive: 'an assertive verb',
  implicative: 'an implicative verb',
  nation: 'an appeal to the nation or group',
  absolute: 'an absolute',
  intensifier: 'an intensifier',
  doubt: 'a doubt cue',
  fear: 'a fear word',
  causal: 'a causal connective',
  bandwagon: 'a bandwagon or hated-figure word',
  deflect: 'a subject-changing cue',
  authority: 'an authority word',
};

/** A trigger made only of function words or of letters split off an abbreviation ("u", ". s"). */
function isFunctionPhrase(value: string): boolean {
  return value.split('|').every((w) => FUNCTION_WORDS.has(w) || !/\p{L}{2}/u.test(w));
}

/** Features a reader can follow: the span's own words and bigrams, word lists, repetition. */
function isReadableFeature(name: string): boolean {
  return (
    /^(u|b|lex)=/.test(name) ||
    /^rep=(2-3|4-7|8\+)$/.test(name) ||
    /^rep-before=(1|2-3|4-7|8\+)$/.test(name) ||
    /^same-spans=(1|2-3|4-7|8\+)$/.test(name) ||
    name === 'whole-sentence'
  );
}

/**
 * A reader-facing reason from the features that pushed hardest toward the technique. `loadedWords`
 * (the loaded words of a Loaded_Language or Name_Calling stretch, see triggers.ts) replace the
 * classifier's word features as the trigger words when given.
 */
function reasonFor(
  models: PtcModels,
  result: SpanTechnique,
  quotedBy: string | null,
  loadedWords: string[] = [],
  listWords: ReadonlyMap<string, string[]> = new Map(),
): string {
  const c = models.classifier.classes.indexOf(result.technique);
  const strongest = models.classifier.strongestFeatures(result.features.filter(isReadableFeature), c, 2 * REASON_FEATURES);
  const words: string[] = [];
  const cues: string[] = [];
  for (const name of strongest) {
    const kind = name.slice(0, name.indexOf('='));
    const value = name.slice(name.indexOf('=') + 1);
    if (kind === 'u' || kind === 'b') {
      if (loadedWords.length === 0 && words.length < REASON_FEATURES && !isFunctionPhrase(value)) words.push(`"${value.replace('|', ' ')}"`);
    } else if (kind === 'lex') {
      // Name the listed word itself (a hedge ("appeared")), so a reader finds it in the span.
      const listed = [...new Set(listWords.get(value) ?? [])].slice(0, 2).map((w) => `"${w}"`);
      cues.push(`${LIST_NAMES[value] ?? value}${listed.length ? ` (${listed.join(', ')})` : ''}`);
    } else if (kind === 'rep') cues.push(`the phrase recurs ${value} times in the article`);
    else if (kind === 'rep-before') cues.push('the same wording appears earlier in the article');
    else if (kind === 'same-spans') cues.push('the same wording is flagged elsewhere in the article');
    else if (name === 'whole-sentence') cues.push('a whole-sentence pattern');
  }
  words.push(...loadedWords.map((word) => `"${word}"`));
  const parts = [`${result.technique.replace(/_/g, ' ')} (p=${result.probability.toFixed(2)})`];
  if (words.length) parts.push(`trigger words ${words.join(', ')}`);
  if (cues.length) parts.push([...new Set(cues)].slice(0, REASON_FEATURES).join(', '));
  if (!words.length && !cues.length) parts.push('learned from the word forms and context of the span');
  if (quotedBy) parts.push(`inside a quotation by ${quotedBy}`);
  return parts.join('; ');
}

/** The span's words by the word list they are on ("hedge" → ["appeared"]). */
function listedWordsIn(view: ArticleView, span: Span): Map<string, string[]> {
  const byList = new Map<string, string[]>();
  for (const t of wordTokensIn(view, span.start, span.end)) {
    for (const list of t.lists) byList.set(list, [...(byList.get(list) ?? []), t.text]);
  }
  return byList;
}

/** The speaker whose quotation holds most of the span, or null for the outlet's own voice. */
export function quotedByFor(span: Span, quotes: Quote[]): string | null {
  const length = span.end - span.start;
  for (const q of quotes) {
    const overlap = Math.min(q.end, span.end) - Math.max(q.start, span.start);
    if (overlap > 0 && overlap >= QUOTED_SHARE * length) return q.speakerName ?? 'an unnamed speaker';
  }
  return null;
}

/** A piece left outside a quotation by a split is kept only with this many words or a loaded word. */
const MIN_SPLIT_PIECE_WORDS = 4;

function wordTokensIn(view: ArticleView, start: number, end: number): ViewToken[] {
  const out: ViewToken[] = [];
  for (const sentence of view.sentences) {
    if (sentence.end <= start || sentence.start >= end) continue;
    for (const t of sentence.tokens) if (t.start >= start && t.end <= end && /[\p{L}\p{N}]/u.test(t.text)) out.push(t);
  }
  return out;
}

/**
 * A tagged stretch that runs across a quotation mark is cut there, so each finding is either the
 * outlet's words or the speaker's. Leftovers outside the quote that are only attribution
 * ("he said in") are dropped: fewer than MIN_SPLIT_PIECE_WORDS words and no listed or valenced word.
 */
export function splitAtQuotes(view: ArticleView, span: TaggedSpan, quotes: Quote[]): TaggedSpan[] {
  const cuts = new Set<number>();
  for (const q of quotes) {
    if (q.start > span.start && q.start < span.end) cuts.add(q.start);
    if (q.end > span.start && q.end < span.end) cuts.add(q.end);
  }
  if (cuts.size === 0) return [span];
  const bounds = [span.start, ...[...cuts].sort((a, b) => a - b), span.end];
  const pieces: TaggedSpan[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const words = wordTokensIn(view, bounds[k]!, bounds[k + 1]!);
    if (words.length === 0) continue;
    const piece = { start: words[0]!.start, end: words[words.length - 1]!.end, confidence: span.confidence };
    const quoted = quotes.some((q) => q.start <= piece.start && q.end >= piece.end);
    const loaded = words.some((t) => t.valence !== 0 || t.lists.some((list) => list === 'bias'));
    if (!quoted && words.length < MIN_SPLIT_PIECE_WORDS && !loaded) continue;
    pieces.push(piece);
  }
  return pieces;
}

export interface FramingOptions {
  /** The model naming the loaded words of a finding (default: the shipped one; evaluation passes a cross-fitted one). */
  markedWords?: MarkedWordScorer;
}

/** Findings for a text with the given sentence spans (PTC lines, or a Doc's sentences). */
export function detectInText(
  articleId: string,
  text: string,
  sentences: Span[],
  quotes: Quote[],
  models: PtcModels = loadPtcModels(),
  options: FramingOptions = {},
): FramingFinding[] {
  const view = buildArticleView(text, sentences, models.lexicons);
  const spans = models.tagger.tag(view).flatMap((span) => splitAtQuotes(view, span, quotes));
  return spans.map((span: TaggedSpan) => {
    const result = classifySpan(models, view, span, spans);
    const quotedBy = quotedByFor(span, quotes);
    const sentence = sentences.find((s) => s.start <= span.start && span.start < s.end) ?? span;
    const loaded: LoadedWords | null = LOADED_TECHNIQUES.includes(result.technique)
      ? loadedWords(text, sentence, span, options.markedWords ?? shippedMarkedWordScorer())
      : null;
    const triggers = loaded?.spans ?? [];
    return {
      article: articleId,
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
      technique: result.technique,
      score: Math.round(Math.sqrt(span.confidence * result.probability) * 1000) / 1000,
      reason: reasonFor(models, result, quotedBy, triggers.map((t) => text.slice(t.start, t.end)), listedWordsIn(view, span)),
      quotedBy,
      ...(triggers.length > 0 ? { triggers } : {}),
      ...(loaded ? { wordBias: Math.round(loaded.likeliest * 1000) / 1000 } : {}),
    };
  });
}

/**
 * Propaganda-technique findings for one article; spans index `doc.article.text`. Each carries the
 * sentence-bias probability of its sentence (memoised: `scoreArticle` scores the same sentences),
 * which the reader-facing listing uses (src/framing/listing.ts).
 */
export function detectFraming(doc: Doc, quotes: Quote[], options: FramingOptions = {}): FramingFinding[] {
  const text = doc.article.text;
  const sentences = doc.sentences.length > 0 ? doc.sentences : splitSentences(text);
  const own = quotes.filter((q) => q.article === doc.article.id);
  return detectInText(doc.article.id, text, sentences, own, loadPtcModels(), options).map((finding) => {
    const sentence = sentences.find((s) => s.start <= finding.start && finding.start < s.end);
    return sentence ? { ...finding, sentenceBias: sentenceBias(text.slice(sentence.start, sentence.end)) } : finding;
  });
}
