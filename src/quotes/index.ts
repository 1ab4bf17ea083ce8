/**
 * Quotes: every direct quotation of an article with its cue and its speaker as written.
 *
 * 1. pair the quotation marks into passages (marks.ts), multi-paragraph quotes included;
 * 2. cut each paragraph into sentences, passages kept whole (attribution.ts `segmentsOf`);
 * 3. find each passage's cue and speaker around it (attribution.ts `attributePassage`);
 * 4. a passage without a cue continues the previous speaker when it follows that quote in the
 *    same paragraph or opens the next paragraph; a pronoun speaker ("he said") is resolved to
 *    the most recent named speaker or sentence subject;
 * 5. scare quotes — one or two words with no cue in their sentence — are skipped, not returned.
 *
 * `speaker` (the actor id) stays null: `attributeQuotes` in src/actors fills it.
 */
import type { Doc, Quote, Span } from '../model/index.ts';
import {
  attributePassage,
  cueBefore,
  namesIn,
  PRONOUNS,
  segmentsOf,
  speakerPhrase,
  type Attribution,
  type SpeakerGuess,
} from './attribution.ts';
import { findQuotedPassages, paragraphsOf, type Paragraph, type QuotedPassage } from './marks.ts';

export { findQuotedPassages, type QuotedPassage } from './marks.ts';
export { PHRASE_PREPOSITIONS, reportVerbLemma } from './lexicon.ts';
export {
  shareOfVoice,
  speakerSide,
  voiceScores,
  UNATTRIBUTED_KEY,
  type ShareOfVoice,
  type SpeakerVoice,
} from './voices.ts';

/**
 * A quote of this many words or fewer with no cue in its sentence is a scare quote
 * ("known as “guarimbas”"): the outlet's distance from a word, not a speaker's words. Skipped.
 */
export const SCARE_QUOTE_MAX_WORDS = 2;
/**
 * A passage with no cue and no previous speaker to continue is kept (speaker unknown) only from
 * this many words: shorter ones are mostly titles and named things ("the “Popular Will” party").
 */
export const UNATTRIBUTED_MIN_WORDS = 5;

interface Resolved {
  name: string;
  span: Span;
  at: number;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function segmentAt(segments: Paragraph[], offset: number): Paragraph | undefined {
  return segments.find((s) => offset >= s.start && offset < s.end) ?? segments.find((s) => offset <= s.end);
}

/** The named subject of each sentence outside quotes: antecedents for "he"/"she". */
function sentenceSubjects(text: string, segments: Paragraph[], passages: QuotedPassage[]): Resolved[] {
  const subjects: Resolved[] = [];
  for (const segment of segments) {
    const firstQuote = passages.find((q) => q.open >= segment.start && q.open < segment.end);
    if (firstQuote && firstQuote.open - segment.start < 3) continue; // starts with a quote: no subject of its own
    const limit = firstQuote ? firstQuote.open : segment.end;
    const names = namesIn(text, segment.start, limit);
    // "New York Post reporter Laura Italiano resigned": a name, a lower-case role, then the
    // person's name is one subject, and the person is whom "she" points back to.
    const between = names[1] ? text.slice(names[0]!.span.end, names[1].span.start) : '';
    const role =
      /^\s+(?:\p{Ll}+\s+){1,2}$/u.test(between) &&
      between.trim().split(/\s+/).every((w) => !/(?:ed|ly|s)$/.test(w) && !ROLE_STOP_WORDS.has(w));
    const name = role ? names[1] : names[0];
    if (name && name.span.start - segment.start < SUBJECT_MAX_OFFSET)
      subjects.push({ name: name.name, span: name.span, at: name.span.start });
  }
  return subjects;
}

/** Lower-case words that never make a role between two names ("Trump and Biden", "Paris to Rome"). */
const ROLE_STOP_WORDS = new Set(['and', 'or', 'but', 'that', 'who', 'which', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'the', 'a', 'an', 'said', 'told', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'did', 'had', 'got', 'met', 'led', 'left', 'won', 'lost', 'took', 'gave', 'saw', 'made', 'came', 'went', 'became', 'also', 'then', 'now', 'not']);

/** A name further into its sentence than this (characters) is not the sentence's subject. */
const SUBJECT_MAX_OFFSET = 40;

export function extractQuotes(doc: Doc): Quote[] {
  return quotesInText(doc.article.text, doc.article.id);
}

/** The same as `extractQuotes`, on bare text (the quote evaluation has no Doc). */
export function quotesInText(text: string, articleId: string): Quote[] {
  return findQuotes(text, articleId).map(
    ({ writtenSpeakerSpan: _written, cueAt: _cueAt, reportedSpan: _reported, ...quote }) => quote,
  );
}

/**
 * A quote plus the speaker's whole noun phrase as written beside the cue ("Campaign chair Paul
 * Manafort", "he"), before pronoun resolution: what attribution corpora annotate as the source.
 */
export interface FoundQuote extends Quote {
  writtenSpeakerSpan: Span | null;
  /** Offset of the cue this quote hangs on; two halves of "“A,” she said, “B.”" share it. */
  cueAt: number | null;
  /**
   * What the speaker is reported to have said, as attribution corpora mark it: the quote with
   * its marks, or for a partial quote after its verb the whole reported clause
   * ("said the plan was “reckless”" → "the plan was “reckless”").
   */
  reportedSpan: Span;
}

/** Quotes with the written speaker span kept: the evaluation scores that span. */
export function findQuotes(text: string, articleId: string): FoundQuote[] {
  const passages = findQuotedPassages(text);
  const paragraphs = paragraphsOf(text);
  const segments = paragraphs.flatMap((p) => segmentsOf(text, p, passages));
  const subjects = sentenceSubjects(text, segments, passages);
  const quotes: FoundQuote[] = [];
  let previous: {
    passage: QuotedPassage;
    attribution: Attribution | null;
    resolved: Resolved | null;
  } | null = null;
  let lastSpeaker: Resolved | null = null;

  for (const passage of passages) {
    const words = wordCount(text.slice(passage.start, passage.end));
    const openSegment = segmentAt(segments, passage.open);
    const closeSegment = segmentAt(segments, Math.max(passage.open, passage.close - 1));
    let attribution =
      openSegment && closeSegment
        ? attributePassage(text, passage, openSegment, closeSegment, passages)
        : null;
    let resolved: Resolved | null = null;

    // A block quote introduced by the paragraph before it: "Cruz continued:" ⏎ "“…”".
    if (!attribution && passage.opensParagraph && passage.paragraph > 0) {
      const intro = paragraphs[passage.paragraph - 1]!;
      if (/:\s*$/.test(text.slice(intro.start, intro.end))) {
        const introSegment =
          segments.filter((s) => s.start >= intro.start && s.end <= intro.end).at(-1) ?? intro;
        attribution = cueBefore(text, introSegment.start, intro.end, passages);
      }
    }
    if (
      !attribution &&
      previous?.resolved &&
      continuesPrevious(text, previous.passage, passage, paragraphs)
    ) {
      attribution = previous.attribution;
      resolved = previous.resolved;
    }
    if (!attribution) {
      if (words <= SCARE_QUOTE_MAX_WORDS || words < UNATTRIBUTED_MIN_WORDS) continue;
    } else if (!resolved && attribution.speaker) {
      resolved = resolveSpeaker(attribution.speaker, attribution.cueAt, lastSpeaker, subjects);
    }
    if (resolved) lastSpeaker = { ...resolved, at: attribution?.cueAt ?? passage.start };
    quotes.push({
      id: `${articleId}:q${quotes.length + 1}`,
      article: articleId,
      start: passage.start,
      end: passage.end,
      text: text.slice(passage.start, passage.end),
      speaker: null,
      speakerName: resolved?.name ?? attribution?.speaker?.name ?? null,
      speakerSpan: resolved?.span ?? attribution?.speaker?.span ?? null,
      cue: attribution?.cue ?? null,
      writtenSpeakerSpan: attribution?.speaker
        ? speakerPhrase(text, attribution.speaker.span, 0, attribution.cueAt)
        : null,
      cueAt: attribution?.cueAt ?? null,
      reportedSpan: reportedSpan(text, passage, attribution),
    });
    previous = { passage, attribution, resolved };
  }
  return quotes;
}

/** See `FoundQuote.reportedSpan`. */
function reportedSpan(text: string, passage: QuotedPassage, attribution: Attribution | null): Span {
  const end = Math.min(text.length, passage.close + 1);
  if (attribution && attribution.cueAt < passage.open && /^\p{L}/u.test(attribution.cue)) {
    const afterCue = attribution.cueAt + attribution.cue.length;
    const between = text.slice(afterCue, passage.open);
    // Only when the clause runs straight from the verb to the quote (no sentence break, no other quote).
    if (!/[.!?:;“”"]/.test(between) && between.length <= REPORTED_CLAUSE_MAX_CHARS) {
      const lead = /^\s*(?:that\s+)?/.exec(between)![0].length;
      return { start: afterCue + lead, end };
    }
  }
  return { start: passage.open, end };
}

/** Longest stretch between a verb and a partial quote still read as one reported clause. */
const REPORTED_CLAUSE_MAX_CHARS = 160;

/** Does `next` carry on the previous quote: same paragraph, or opening the following one? */
function continuesPrevious(
  text: string,
  before: QuotedPassage,
  next: QuotedPassage,
  paragraphs: Paragraph[],
): boolean {
  const paragraphOfClose = paragraphs.findIndex((p) => before.close >= p.start && before.close <= p.end);
  if (next.paragraph === paragraphOfClose) return true;
  return next.opensParagraph && next.paragraph === paragraphOfClose + 1;
}

/** Pronouns go to the most recent named speaker or sentence subject; names stay as written. */
function resolveSpeaker(
  guess: SpeakerGuess,
  cueAt: number,
  lastSpeaker: Resolved | null,
  subjects: Resolved[],
): Resolved | null {
  if (!guess.anaphoric) return { name: guess.name, span: guess.span, at: cueAt };
  if (!PRONOUNS.has(guess.name.toLowerCase())) return { name: guess.name, span: guess.span, at: cueAt };
  const subject = subjects.filter((s) => s.at < cueAt).at(-1) ?? null;
  const candidate = [subject, lastSpeaker]
    .filter((c): c is Resolved => c !== null && c.at < cueAt)
    .sort((a, b) => b.at - a.at)[0];
  return candidate
    ? { name: candidate.name, span: candidate.span, at: cueAt }
    : { name: guess.name, span: guess.span, at: cueAt };
}
