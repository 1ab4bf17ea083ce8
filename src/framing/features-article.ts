/**
 * One article prepared for the framing models: sentences, their tokens, which tokens sit
 * inside quotation marks, lexicon memberships and valence. Built the same way for training
 * (PTC text) and detection (an annotated Doc), so the models see the same features.
 */
import type { Span } from '../model/index.ts';
import { quotationMask, stem, tokenizeWords, type WordToken } from './features.ts';
import type { Lexicons } from './lexicon.ts';

export interface ViewToken extends WordToken {
  stem: string;
  quoted: boolean;
  lists: string[];
  valence: number;
}

export interface ViewSentence extends Span {
  index: number;
  tokens: ViewToken[];
}

export interface ArticleView {
  text: string;
  sentences: ViewSentence[];
  /** How often each normalised word occurs in the article. */
  wordCounts: Map<string, number>;
  /** The article's normalised text (lower-cased, accent-folded), for repetition counts. */
  normText: string;
}

const NO_LISTS: string[] = [];

export function buildArticleView(text: string, sentenceSpans: Span[], lexicons: Lexicons): ArticleView {
  const mask = quotationMask(text);
  const wordCounts = new Map<string, number>();
  const sentences: ViewSentence[] = sentenceSpans.map((span, index) => {
    const tokens = tokenizeWords(text, span.start, span.end).map((t): ViewToken => {
      wordCounts.set(t.norm, (wordCounts.get(t.norm) ?? 0) + 1);
      // Fields written out rather than spread: the spread made this the detector's slowest line.
      return {
        start: t.start,
        end: t.end,
        text: t.text,
        norm: t.norm,
        stem: stem(t.norm),
        quoted: mask[t.start] === 1,
        lists: lexicons.membership.get(t.norm) ?? NO_LISTS,
        valence: lexicons.valence(t.norm),
      };
    });
    return { start: span.start, end: span.end, index, tokens };
  });
  return { text, sentences, wordCounts, normText: text.toLowerCase() };
}

/** Count non-overlapping occurrences of `needle` in `haystack`. */
export function countOccurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}
