/**
 * Word lists for quote attribution, loaded once from resources/ (compiled by
 * `npm run train quote-lexicons` from the Recasens et al. 2013 reporting-verb list).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const RESOURCE = resolve(import.meta.dirname, '../../resources/quotes/report-verbs.json');

let reportVerbForms: Map<string, string> | null = null;

/** Inflected reporting-verb form (lower case) → lemma: "said" → "say". */
export function reportVerbs(): Map<string, string> {
  if (!reportVerbForms) {
    const parsed = JSON.parse(readFileSync(RESOURCE, 'utf8')) as { forms: Record<string, string> };
    reportVerbForms = new Map(Object.entries(parsed.forms));
  }
  return reportVerbForms;
}

export function reportVerbLemma(word: string): string | null {
  return reportVerbs().get(word.toLowerCase()) ?? null;
}

/** Capitalised words that start sentences or name times, never a speaker. */
export const NOT_NAMES = new Set(
  (
    'the a an in on at to of for from by with but and or so as if when while since after before during ' +
    'he she they it we i you his her their its our my your this that these those there here then ' +
    'however meanwhile also according speaking asked earlier later last next yesterday today tomorrow ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december mr mrs ms dr'
  ).split(' '),
);

/** Abbreviated titles: part of a name before it, and never the end of a sentence. */
const TITLE_ABBREVIATIONS = [
  'mr',
  'mrs',
  'ms',
  'dr',
  'sgt',
  'gen',
  'col',
  'lt',
  'capt',
  'gov',
  'sen',
  'rep',
  'prof',
  'rev',
];

/** Titles kept as part of a name when capitalised before it ("Sgt. Ortiz", "President Maduro"). */
export const NAME_TITLES = new Set([
  ...TITLE_ABBREVIATIONS,
  'president',
  'general',
  'sergeant',
  'minister',
  'senator',
]);

export const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);

/** Prepositions that may stand inside a speaker phrase ("his latest posts on Twitter", "a spokesman for the ministry"). */
export const PHRASE_PREPOSITIONS = new Set(['of', 'in', 'on', 'at', 'with', 'by', 'for', 'from']);

/** Abbreviations whose period does not end a sentence. */
export const ABBREVIATIONS = new Set([
  ...TITLE_ABBREVIATIONS,
  'st',
  'jr',
  'sr',
  'vs',
  'no',
  'inc',
  'corp',
  'co',
  'ltd',
  'u.s',
  'u.k',
  'u.n',
  'e.g',
  'i.e',
  'jan',
  'feb',
  'aug',
  'sept',
  'oct',
  'nov',
  'dec',
  'mt',
  'ft',
]);

/** Words that make a reporting-verb form a noun ("the state", "a report"). */
export const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'its',
  'their',
  'our',
  'this',
  'that',
  'these',
  'those',
  'whose',
  'my',
  'your',
  'no',
  'any',
  'every',
  'each',
]);
