/**
 * Pairs quotation marks into quoted passages. Curly marks say which way they face; straight
 * marks alternate within a paragraph. A passage whose paragraph ends before its closing mark
 * continues when the next paragraph opens with a mark (the newspaper convention for a quote
 * running over several paragraphs); otherwise it ends with its paragraph.
 */

export interface QuotedPassage {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the paragraph end when the mark is missing. */
  close: number;
  /** Content without the marks, trimmed of spaces and a trailing comma. */
  start: number;
  end: number;
  /** Paragraph index of the opening mark. */
  paragraph: number;
  /** True when the opening mark is the first character of its paragraph. */
  opensParagraph: boolean;
  multiParagraph: boolean;
}

export interface Paragraph {
  start: number;
  end: number;
}

const OPENERS = new Set(['“', '„', '«']);
const CLOSERS = new Set(['”', '»']);
const STRAIGHT = '"';

export function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const pattern = /[^\n]+/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].trim()) paragraphs.push({ start: match.index, end: match.index + match[0].length });
  }
  return paragraphs;
}

function isMark(ch: string): boolean {
  return OPENERS.has(ch) || CLOSERS.has(ch) || ch === STRAIGHT;
}

/**
 * Two apostrophes standing for a straight double mark (''…'', typewriter style in older
 * newswire text; the ingest stage maps them, but text may reach the quote finder raw).
 */
function isDoubledApostrophe(text: string, i: number): boolean {
  return text[i] === "'" && text[i + 1] === "'" && text[i - 1] !== "'" && text[i + 2] !== "'";
}

/** Does this mark open a quote, given whether one is open already? */
function opens(text: string, i: number, openNow: boolean): boolean {
  const ch = text[i]!;
  if (OPENERS.has(ch)) return true;
  if (CLOSERS.has(ch)) {
    // A "”" used as an opener by careless typesetting: nothing open, word right after, space before.
    return !openNow && /[\p{L}\p{N}]/u.test(text[i + 1] ?? '') && /\s|^$/.test(text[i - 1] ?? '');
  }
  return !openNow;
}

/**
 * Single curly marks (‘…’, the primary marks of British style): the opener is unambiguous; the
 * closer is also the apostrophe, so a passage is taken only when a ’ follows before the paragraph
 * ends with no letter right after it and the words inside number at least SINGLE_MIN_WORDS
 * ("the dockers’ union" never opened). Read only outside double-marked passages (quotes within
 * quotes stay part of their quote).
 */
const SINGLE_MIN_WORDS = 3;

function singleQuotedPassages(text: string, paragraphs: Paragraph[], doubles: QuotedPassage[]): QuotedPassage[] {
  const found: QuotedPassage[] = [];
  paragraphs.forEach(({ start, end }, p) => {
    for (let i = start; i < end; i++) {
      if (text[i] !== '‘' || /[\p{L}\p{N}]/u.test(text[i - 1] ?? '')) continue;
      if (doubles.some((d) => i > d.open && i < d.close)) continue;
      let close = -1;
      for (let j = i + 1; j < end; j++) {
        if (text[j] === '‘') break;
        if (text[j] === '’' && !/[\p{L}\p{N}]/u.test(text[j + 1] ?? '')) {
          close = j;
          break;
        }
      }
      if (close < 0) continue;
      const inner = text.slice(i + 1, close);
      if (inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length < SINGLE_MIN_WORDS) continue;
      let first = start;
      while (first < end && /\s/.test(text[first]!)) first++;
      found.push(makePassage(text, { open: i, paragraph: p, opensParagraph: i === first, multi: false }, close));
      i = close;
    }
  });
  return found;
}

export function findQuotedPassages(text: string): QuotedPassage[] {
  const doubles = findDoubleQuotedPassages(text);
  const singles = singleQuotedPassages(text, paragraphsOf(text), doubles);
  return singles.length === 0 ? doubles : [...doubles, ...singles].sort((a, b) => a.open - b.open);
}

function findDoubleQuotedPassages(text: string): QuotedPassage[] {
  const paragraphs = paragraphsOf(text);
  const passages: QuotedPassage[] = [];
  let pending: { open: number; paragraph: number; opensParagraph: boolean; multi: boolean } | null = null;

  for (let p = 0; p < paragraphs.length; p++) {
    const { start, end } = paragraphs[p]!;
    let first = start;
    while (first < end && /\s/.test(text[first]!)) first++;
    if (pending) {
      if (isMark(text[first]!) && opens(text, first, false)) {
        pending.multi = true; // continues; this paragraph's opening mark is consumed
        first++;
      } else if (isDoubledApostrophe(text, first)) {
        pending.multi = true;
        first += 2;
      } else {
        passages.push(makePassage(text, pending, paragraphs[p - 1]!.end));
        pending = null;
      }
    }
    const scanFrom: number = pending ? first : start;
    for (let i = scanFrom; i < end; i++) {
      const ch = text[i]!;
      if (isDoubledApostrophe(text, i)) {
        // like a straight mark: the passage opens after the pair and closes before it
        if (pending) {
          passages.push(makePassage(text, pending, i));
          pending = null;
        } else pending = { open: i + 1, paragraph: p, opensParagraph: i === first, multi: false };
        i++;
        continue;
      }
      if (!isMark(ch)) continue;
      if (pending && !opens(text, i, true)) {
        passages.push(makePassage(text, pending, i));
        pending = null;
      } else if (!pending && opens(text, i, false)) {
        pending = { open: i, paragraph: p, opensParagraph: i === first, multi: false };
      }
    }
  }
  if (pending) passages.push(makePassage(text, pending, paragraphs.at(-1)!.end));
  return passages.filter((q) => q.end > q.start);
}

function makePassage(
  text: string,
  pending: { open: number; paragraph: number; opensParagraph: boolean; multi: boolean },
  close: number,
): QuotedPassage {
  let start = pending.open + 1;
  let end = close;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  return {
    open: pending.open,
    close,
    start,
    end,
    paragraph: pending.paragraph,
    opensParagraph: pending.opensParagraph,
    multiParagraph: pending.multi,
  };
}
