/**
 * Fast clustering features for one article: stemmed terms of the title and of the body,
 * capitalised-name terms and numbers. The language stage (`annotate`) is far too slow for a
 * stream of 100k articles, so stories use this light tokenizer and suffix stemmer instead.
 */

/**
 * Term ids: every term and name is interned once to a small integer, so that vectors, document
 * frequencies and the index key on numbers (array slots, cheap hashing) instead of strings.
 * Shared by every clusterer of the process: an id is only a name for a string.
 */
const TERM_IDS = new Map<string, number>();
const TERM_TEXTS: string[] = [];

/** The id of a term, interning it on first sight. */
export function termId(term: string): number {
  let id = TERM_IDS.get(term);
  if (id === undefined) {
    id = TERM_TEXTS.length;
    TERM_TEXTS.push(term);
    TERM_IDS.set(term, id);
  }
  return id;
}

/** The term an id stands for. */
export function termText(id: number): string {
  return TERM_TEXTS[id];
}

/** How many term ids exist: every id is below it. */
export function termIdCount(): number {
  return TERM_TEXTS.length;
}

/** Raw term counts: term id → how often it occurs. */
export type TermCounts = Map<number, number>;

export interface ArticleFeatures {
  /** Stemmed content words of the title. */
  title: TermCounts;
  /** Stemmed content words of the body (the title not included). */
  body: TermCounts;
  /** Capitalised names ("biden", "supreme court") and numbers ("52", "2030"), lower-cased. */
  names: TermCounts;
}

/**
 * How many body characters are read: news puts the event in its lead, and the model was fitted
 * on the roundups' leads (at most 673 characters, median 563), so a longer body would give
 * vectors of another shape than those it learnt from; it also bounds the work per article.
 */
export const MAX_BODY_CHARS = 700;

// A short English function-word list (our own), plus newsroom filler that says nothing about the event.
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my myself no ' +
    'nor not now of off on once only or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'said says say saying told tell according also new one two would could may might must shall us ' +
    'mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week ' +
    'year years day days time last first many much even still like get got make made back well since ' +
    'than them they went go going around however though although around per via inc amp'
  ).split(/\s+/),
);

/** A letter or digit: where words start and end (inside a word ' ’ . - may also occur, see scanText). */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Per BMP code unit: 0 not yet known, 1 letter or digit, 2 not (the Unicode test is costly, the answer never changes). */
const WORD_UNIT = new Uint8Array(0x10000);

/** Lower-case and strip accents, so "Nicolás" and "Nicolas" meet. */
export function foldCase(word: string): string {
  let folded = word.toLowerCase();
  // Most news words are ASCII: skip the Unicode normalisation for them.
  if (NON_ASCII.test(folded)) folded = folded.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (folded.endsWith("'s") || folded.endsWith('’s')) folded = folded.slice(0, -2);
  return folded.includes("'") || folded.includes('’') || folded.includes('.') ? folded.replace(/['’.]/g, '') : folded;
}

const NON_ASCII = /[^ -~\s]/;

/**
 * A light English suffix stemmer (a subset of Porter step 1 and 2) good enough to meet
 * "strikes/striking/struck-free" variants; it never needs to produce real words.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  for (const suffix of ['ational', 'ization', 'fulness', 'iveness', 'ement', 'ment', 'ation', 'ing', 'edly', 'ed', 'ly', 'er', 'ion']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 4) w = `${w.slice(0, -1)}i`;
  // Undouble a final consonant left by -ing/-ed ("stopped" → "stop").
  if (w.length > 4 && w[w.length - 1] === w[w.length - 2] && !/[aeiouslz]/.test(w[w.length - 1])) w = w.slice(0, -1);
  return w;
}

function add(counts: TermCounts, term: number, by = 1): void {
  counts.set(term, (counts.get(term) ?? 0) + by);
}

const NUMBER = /^\d[\d,.]*$/;
const CAPITAL = /^\p{Lu}/u;

/** How many UTF-16 units the letter or digit at `i` takes (2 for an astral one), 0 if it is neither. */
function wordCharWidth(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 128) return (unit >= 48 && unit <= 57) || (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122) ? 1 : 0;
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let known = WORD_UNIT[unit];
  if (known === 0) WORD_UNIT[unit] = known = LETTER_OR_DIGIT.test(String.fromCharCode(unit)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

/** Inside a word: an apostrophe (straight or curly), a full stop or a hyphen ("U.S.", "O'Neill", "well-known"). */
function isWordJoiner(unit: number): boolean {
  return unit === 39 || unit === 0x2019 || unit === 46 || unit === 45;
}

/** What `\s` matches in a JavaScript regular expression. */
function isSpace(unit: number): boolean {
  return (
    unit === 32 ||
    (unit >= 9 && unit <= 13) ||
    unit === 0xa0 ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x3000 ||
    unit === 0xfeff
  );
}

/** Anything but spaces and dashes between two words ends a name ("Biden, Harris" is two names). */
function hasNameBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit !== 45 && unit !== 0x2013 && !isSpace(unit)) return true;
  }
  return false;
}

/**
 * One pass over a text: content-word stems into `terms`, and capitalised names and numbers
 * into `names`. A word starts and ends with a letter or digit and may hold ' ’ . - inside. A
 * run of capitalised words is one name ("Supreme Court"); each word of a longer run also
 * counts alone, so "Joe Biden" meets "Biden". A capitalised stopword ("The", "But") is not a
 * name. (Also dropping a lone capitalised word that opens a sentence was tried: lower pairwise
 * F1 on the tune stream.) Hand-written rather than a Unicode regex: it is the hottest loop of
 * the stream.
 */
export function scanText(text: string, terms: TermCounts, names: TermCounts): void {
  // The current run of capitalised words: run[0 … runLength) (a counter: resizing arrays is slow).
  const run = RUN;
  let runLength = 0;
  const flush = (): void => {
    if (runLength > 1) {
      let joined = run[0].name as string;
      for (let k = 1; k < runLength; k++) joined += ` ${run[k].name as string}`;
      add(names, termId(joined));
    }
    for (let k = 0; k < runLength; k++) add(names, run[k].nameId);
    runLength = 0;
  };
  const length = text.length;
  let lastEnd = 0;
  let i = 0;
  while (i < length) {
    const width = wordCharWidth(text, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    let end = start + width;
    let j = end;
    // FNV-1a over the word's UTF-16 units as they are read (the memo's key); `hash` holds it up to `end`.
    let rolling = 0x811c9dc5;
    for (let k = start; k < end; k++) rolling = Math.imul(rolling ^ text.charCodeAt(k), 16777619);
    let hash = rolling;
    while (j < length) {
      const unit = text.charCodeAt(j);
      const next = wordCharWidth(text, j);
      if (next > 0) {
        rolling = Math.imul(rolling ^ unit, 16777619);
        if (next === 2) rolling = Math.imul(rolling ^ text.charCodeAt(j + 1), 16777619);
        end = j += next;
        hash = rolling;
      } else if (isWordJoiner(unit)) {
        rolling = Math.imul(rolling ^ unit, 16777619);
        j++;
      } else break;
    }
    i = end;
    if (start > lastEnd + 1 || (start === lastEnd + 1 && text.charCodeAt(lastEnd) !== 32)) {
      if (hasNameBreak(text, lastEnd, start)) flush();
    }
    lastEnd = end;
    const word = classifyAt(text, start, end, hash);
    if (word === null) {
      flush();
      continue;
    }
    add(terms, word.term);
    if (word.name === null) flush();
    else if (word.number) {
      flush();
      add(names, word.nameId);
    } else run[runLength++] = word;
  }
  flush();
}

/** What one written word contributes: its term, and its name form when capitalised or a number. */
interface WordInfo {
  term: number;
  name: string | null;
  /** termId(name), or -1 without a name. */
  nameId: number;
  number: boolean;
}

/**
 * Written words already classified, as an open-addressing table keyed by the word's characters
 * where they stand in the text (no substring is made for a word seen before): news repeats its
 * vocabulary, and folding and stemming are the costly steps. Linear probing; cleared when half
 * full (2^17 words, a few MiB, far above the working vocabulary of a day of news).
 */
const WORD_CACHE_BITS = 18;
const WORD_CACHE_MASK = (1 << WORD_CACHE_BITS) - 1;
const WORD_CACHE_LIMIT = 1 << (WORD_CACHE_BITS - 1);
// Filled by push: `new Array(2 ** 18)` would be a slow dictionary-mode array in V8.
const wordCacheKeys: (string | null)[] = [];
const wordCacheInfos: (WordInfo | null)[] = [];
for (let i = 0; i <= WORD_CACHE_MASK; i++) {
  wordCacheKeys.push(null);
  wordCacheInfos.push(null);
}
let wordCacheFill = 0;

/** Scratch for scanText's name runs (scanText never re-enters). */
const RUN: WordInfo[] = [];

/** The classification of text[start, end) (`hash`: FNV-1a of its units), from the cache when the word was seen before. */
function classifyAt(text: string, start: number, end: number, hash: number): WordInfo | null {
  const length = end - start;
  let slot = hash & WORD_CACHE_MASK;
  for (let key = wordCacheKeys[slot]; key !== null; key = wordCacheKeys[slot]) {
    if (key.length === length) {
      let k = 0;
      while (k < length && key.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === length) return wordCacheInfos[slot];
    }
    slot = (slot + 1) & WORD_CACHE_MASK;
  }
  const raw = text.slice(start, end);
  const info = classify(raw);
  if (wordCacheFill >= WORD_CACHE_LIMIT) {
    wordCacheKeys.fill(null);
    wordCacheInfos.fill(null);
    wordCacheFill = 0;
    slot = hash & WORD_CACHE_MASK;
  }
  wordCacheKeys[slot] = raw;
  wordCacheInfos[slot] = info;
  wordCacheFill++;
  return info;
}

function wordInfo(term: string, name: string | null, number: boolean): WordInfo {
  return { term: termId(term), name, nameId: name === null ? -1 : termId(name), number };
}

function classify(raw: string): WordInfo | null {
  const folded = foldCase(raw);
  if (folded.length < 2 || STOPWORDS.has(folded)) return null;
  // Years and amounts are strong event markers; single digits are not (length ≥ 2 above).
  if (NUMBER.test(raw)) return wordInfo(folded, `#${folded.replace(/,/g, '')}`, true);
  return wordInfo(/\d/.test(folded) ? folded : stem(folded), CAPITAL.test(raw) ? folded : null, false);
}

function byText(counts: TermCounts): Map<string, number> {
  return new Map([...counts].map(([id, count]) => [termText(id), count]));
}

/** Content-word stems of a text. */
export function termsOf(text: string): Map<string, number> {
  const terms: TermCounts = new Map();
  scanText(text, terms, new Map());
  return byText(terms);
}

/** Capitalised names and numbers of a text. */
export function namesOf(text: string): Map<string, number> {
  const names: TermCounts = new Map();
  scanText(text, new Map(), names);
  return byText(names);
}

export interface FeatureInput {
  title: string | null;
  text: string;
}

export function articleFeatures(article: FeatureInput): ArticleFeatures {
  const body = article.text.length > MAX_BODY_CHARS ? article.text.slice(0, MAX_BODY_CHARS) : article.text;
  const features: ArticleFeatures = { title: new Map(), body: new Map(), names: new Map() };
  scanText(body, features.body, features.names);
  scanText(article.title ?? '', features.title, features.names);
  return features;
}
