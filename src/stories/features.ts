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

/** How many body characters are read: news puts the event in the opening paragraphs, and it bounds work per article. */
export const MAX_BODY_CHARS = 4000;

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
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']s$/, '')
    .replace(/[’'.]/g, '');
}

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

/** Content-word stems of a text. */
export function termsOf(text: string, into: TermCounts = new Map()): TermCounts {
  for (const match of text.matchAll(WORD)) {
    const folded = foldCase(match[0]);
    if (folded.length < 2 || STOPWORDS.has(folded)) continue;
    add(into, /\d/.test(folded) ? folded : stem(folded));
  }
  return into;
}

/**
 * Capitalised names and numbers. A run of capitalised words is one name ("Supreme Court");
 * each word of a longer run also counts alone, so "Joe Biden" meets "Biden". A capitalised
 * stopword at a sentence start ("The", "But") is not a name.
 */
export function namesOf(text: string, into: TermCounts = new Map()): TermCounts {
  let run: string[] = [];
  let lastEnd = 0;
  const flush = (): void => {
    if (run.length > 1) add(into, run.join(' '));
    for (const word of run) add(into, word);
    run = [];
  };
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const start = match.index;
    const between = text.slice(lastEnd, start);
    lastEnd = start + raw.length;
    if (/[^\s]/.test(between.replace(/[-–]/g, ''))) flush();
    const folded = foldCase(raw);
    if (/^\d[\d,.]*$/.test(raw)) {
      flush();
      // Years and amounts are strong event markers; "1" or "2" are not.
      if (folded.length >= 2) add(into, `#${folded.replace(/,/g, '')}`);
      continue;
    }
    const capital = /^\p{Lu}/u.test(raw);
    if (!capital || STOPWORDS.has(folded) || folded.length < 2) {
      flush();
      continue;
    }
    run.push(folded);
  }
  flush();
  return into;
}

export interface FeatureInput {
  title: string | null;
  text: string;
}

export function articleFeatures(article: FeatureInput): ArticleFeatures {
  const title = article.title ?? '';
  const body = article.text.length > MAX_BODY_CHARS ? article.text.slice(0, MAX_BODY_CHARS) : article.text;
  const names = namesOf(body);
  namesOf(title, names);
  return { title: termsOf(title), body: termsOf(body), names };
}
