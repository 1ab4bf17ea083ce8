/**
 * Fast clustering features for one article: stemmed terms of the title and of the body,
 * capitalised-name terms and numbers. The language stage (`annotate`) is far too slow for a
 * stream of 100k articles, so stories use this light tokenizer and suffix stemmer instead.
 */

/** Raw term counts: term → how often it occurs. */
export type TermCounts = Map<string, number>;

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

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

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

function add(counts: TermCounts, term: string, by = 1): void {
  counts.set(term, (counts.get(term) ?? 0) + by);
}

const NUMBER = /^\d[\d,.]*$/;
const CAPITAL = /^\p{Lu}/u;
/** Anything but spaces and dashes between two words ends a name ("Biden, Harris" is two names). */
const NAME_BREAK = /[^\s\-–]/;

/**
 * One pass over a text: content-word stems into `terms`, and capitalised names and numbers
 * into `names`. A run of capitalised words is one name ("Supreme Court"); each word of a
 * longer run also counts alone, so "Joe Biden" meets "Biden". A capitalised stopword ("The",
 * "But") is not a name. (Also dropping a lone capitalised word that opens a sentence was tried:
 * lower pairwise F1 on the tune stream.)
 */
export function scanText(text: string, terms: TermCounts, names: TermCounts): void {
  let run: string[] = [];
  let lastEnd = 0;
  const flush = (): void => {
    if (run.length > 1) add(names, run.join(' '));
    for (const word of run) add(names, word);
    run = [];
  };
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const start = match.index;
    if (start > lastEnd + 1 || (start === lastEnd + 1 && text[lastEnd] !== ' ')) {
      if (NAME_BREAK.test(text.slice(lastEnd, start))) flush();
    }
    lastEnd = start + raw.length;
    const word = classify(raw);
    if (word === null) {
      flush();
      continue;
    }
    add(terms, word.term);
    if (word.name === null) flush();
    else if (word.number) {
      flush();
      add(names, word.name);
    } else run.push(word.name);
  }
  flush();
}

/** What one written word contributes: its term, and its name form when capitalised or a number. */
interface WordInfo {
  term: string;
  name: string | null;
  number: boolean;
}

/** Written words already classified: news repeats its vocabulary, and folding and stemming are the costly steps. */
const WORD_CACHE = new Map<string, WordInfo | null>();
/** Cache bound: a few MiB, far above the working vocabulary of a day of news. */
const WORD_CACHE_LIMIT = 200_000;

function classify(raw: string): WordInfo | null {
  let info = WORD_CACHE.get(raw);
  if (info !== undefined) return info;
  const folded = foldCase(raw);
  if (folded.length < 2 || STOPWORDS.has(folded)) info = null;
  // Years and amounts are strong event markers; single digits are not (length ≥ 2 above).
  else if (NUMBER.test(raw)) info = { term: folded, name: `#${folded.replace(/,/g, '')}`, number: true };
  else info = { term: /\d/.test(folded) ? folded : stem(folded), name: CAPITAL.test(raw) ? folded : null, number: false };
  if (WORD_CACHE.size >= WORD_CACHE_LIMIT) WORD_CACHE.clear();
  WORD_CACHE.set(raw, info);
  return info;
}

/** Content-word stems of a text. */
export function termsOf(text: string): TermCounts {
  const terms: TermCounts = new Map();
  scanText(text, terms, new Map());
  return terms;
}

/** Capitalised names and numbers of a text. */
export function namesOf(text: string): TermCounts {
  const names: TermCounts = new Map();
  scanText(text, new Map(), names);
  return names;
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
