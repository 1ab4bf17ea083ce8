/**
 * Generic token features shared by the framing models: a tokenizer whose offsets are UTF-16
 * offsets into the text, word shapes, a light stemmer and a quotation mask. Nothing here is
 * specific to one dataset, so the same functions serve training and detection.
 */
import type { Span } from '../model/index.ts';

/** Function words (and quote and punctuation marks): never a trigger alone, never a finding's last word. */
export const FUNCTION_WORDS = new Set(
  'a an the of in on at to for from by with and or but is are was were be been it its this that these those he she they we you i his her their our your my as than then so if not no do does did has have had will would can could may might must shall should who whom which what when where why how there here about into over after before up down out off , . ; : " \' ( ) “ ” ‘ ’ -'.split(' '),
);

export interface WordToken extends Span {
  text: string;
  /** Lower-cased, accent-folded, curly apostrophes straightened. */
  norm: string;
}

/** Words (letters/digits with inner apostrophes or hyphens) and single punctuation marks. */
const TOKEN_PATTERN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

export function normalizeWord(word: string): string {
  // Most words are plain ASCII: skip the Unicode decomposition for them.
  if (!/[^ -~]/.test(word)) return word.toLowerCase();
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/’/g, "'");
}

/** Tokens of `text.slice(start, end)`, with offsets into the whole `text`. */
export function tokenizeWords(text: string, start = 0, end = text.length): WordToken[] {
  const tokens: WordToken[] = [];
  const slice = text.slice(start, end);
  for (const match of slice.matchAll(TOKEN_PATTERN)) {
    const s = start + (match.index ?? 0);
    tokens.push({ start: s, end: s + match[0].length, text: match[0], norm: normalizeWord(match[0]) });
  }
  return tokens;
}

/** "Maduro" → "Xx", "2017" → "d", "U.S" → "X.X", "coup-mongering" → "x-x". */
export function wordShape(word: string): string {
  return word
    .replace(/\p{Lu}+/gu, 'X')
    .replace(/\p{Ll}+/gu, 'x')
    .replace(/\p{N}+/gu, 'd')
    .slice(0, 6);
}

const STEM_SUFFIXES = ['ational', 'ization', 'fulness', 'ousness', 'iveness', 'ments', 'ment', 'ness', 'ings', 'ing', 'edly', 'ed', 'ies', 'ly', 'es', 's'];
/** Minimum stem length left after stripping a suffix, so "bus" stays "bus". */
const MIN_STEM = 3;

/** A crude suffix stripper: enough to tie "smears", "smeared", "smearing" together. */
export function stem(norm: string): string {
  for (const suffix of STEM_SUFFIXES) {
    if (norm.length - suffix.length >= MIN_STEM && norm.endsWith(suffix)) return norm.slice(0, -suffix.length);
  }
  return norm;
}

const OPENING_QUOTES = new Set(['“', '«', '„', '‘']);
const CLOSING_QUOTES = new Set(['”', '»', '’']);
/** A quotation left open longer than this (characters) is treated as a stray mark. */
const MAX_QUOTE_LENGTH = 1200;

/**
 * For each character of `text`, whether it sits between quotation marks. Straight double
 * quotes toggle; curly/guillemet quotes open and close; quotes never cross a paragraph break.
 * A single right quote counts as closing only when it is not an apostrophe inside a word.
 */
export function quotationMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let openAt = -1;
  const close = (endExclusive: number): void => {
    if (openAt >= 0 && endExclusive - openAt <= MAX_QUOTE_LENGTH) mask.fill(1, openAt, endExclusive);
    openAt = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n' && text[i + 1] === '\n') {
      openAt = -1;
      continue;
    }
    if (ch === '"') {
      if (openAt < 0) openAt = i + 1;
      else close(i);
    } else if (ch === '“' || ch === '«' || ch === '„') {
      openAt = i + 1;
    } else if (ch === '”' || ch === '»') {
      close(i);
    } else if (ch === '‘' && openAt < 0 && !/[\p{L}\p{N}]/u.test(text[i - 1] ?? ' ')) {
      openAt = i + 1;
    } else if (ch === '’' && openAt >= 0 && text[openAt - 1] === '‘' && !/[\p{L}]/u.test(text[i + 1] ?? ' ')) {
      close(i);
    }
  }
  return mask;
}

export function isQuoteMark(ch: string): boolean {
  return ch === '"' || OPENING_QUOTES.has(ch) || CLOSING_QUOTES.has(ch);
}

/** Sentence spans for plain text: line breaks and sentence-final punctuation. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const pattern = /[^\n]+/g;
  for (const line of text.matchAll(pattern)) {
    const lineStart = line.index ?? 0;
    const lineText = line[0];
    let from = 0;
    for (const boundary of lineText.matchAll(/[.!?]["”’)]?\s+(?=["“‘(]?\p{Lu})/gu)) {
      const to = (boundary.index ?? 0) + boundary[0].trimEnd().length;
      pushTrimmed(spans, text, lineStart + from, lineStart + to);
      from = (boundary.index ?? 0) + boundary[0].length;
    }
    pushTrimmed(spans, text, lineStart + from, lineStart + lineText.length);
  }
  return spans;
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
}

/** Bucket a count so a linear model sees "0", "1", "2-3", "4-7", "8+". */
export function countBucket(n: number): string {
  if (n <= 1) return String(n);
  if (n <= 3) return '2-3';
  if (n <= 7) return '4-7';
  return '8+';
}
