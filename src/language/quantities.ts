/**
 * Quantities from tokens: money ("$49M" → 49,000,000 USD), percentages, ages ("60-year-old"),
 * durations ("13 years", "a 14-year prison sentence" → 14 year) and counts of things
 * ("43 people" → 43 person, "three soldiers" → 3 soldier). Bare numbers and years are not
 * quantities (years are dates, see dates.ts).
 */
import type { Quantity, QuantityKind, Token } from '../model/index.ts';
import { MONEY_SUFFIXES, readNumber } from './numbers.ts';

const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD',
  dollars: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  yen: 'JPY',
  bolivar: 'VES',
  bolivars: 'VES',
  peso: 'MXN',
  pesos: 'MXN',
  yuan: 'CNY',
  rouble: 'RUB',
  roubles: 'RUB',
  ruble: 'RUB',
  rubles: 'RUB',
  // "crowns" (krona, koruna, and fictional ones): no single ISO code, so the word is the unit
  crown: 'crown',
  crowns: 'crown',
};
const TIME_UNITS: Record<string, string> = {
  second: 'second',
  seconds: 'second',
  minute: 'minute',
  minutes: 'minute',
  hour: 'hour',
  hours: 'hour',
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
  decade: 'decade',
  decades: 'decade',
  century: 'century',
  centuries: 'century',
};
const MEASURE_UNITS: Record<string, string> = {
  km: 'km',
  kilometres: 'km',
  kilometers: 'km',
  kilometre: 'km',
  kilometer: 'km',
  mile: 'mile',
  miles: 'mile',
  m: 'm',
  metres: 'm',
  meters: 'm',
  kg: 'kg',
  kilograms: 'kg',
  tons: 'ton',
  tonnes: 'ton',
  ton: 'ton',
  tonne: 'ton',
  barrels: 'barrel',
  acres: 'acre',
  hectares: 'hectare',
  feet: 'foot',
  foot: 'foot',
};
/** Plural nouns whose singular is not their lemma's usual form for a count unit. */
const COUNT_UNITS: Record<string, string> = {
  people: 'person',
  persons: 'person',
  children: 'child',
  men: 'man',
  women: 'woman',
  police: 'police officer',
};
/** Number phrases followed by these are not counts of things: "one of", "two who". */
const NOT_COUNT_NOUNS = new Set([
  'percent',
  'per',
  'times',
  'time',
  'of',
  'one',
  'ones',
  'a.m.',
  'p.m.',
  'am',
  'pm',
  'self',
  'other',
  'others',
]);
const SCALE_WORDS = new Set(['million', 'billion', 'trillion', 'thousand']);

export function findQuantities(text: string, tokens: Token[]): Quantity[] {
  const found: Quantity[] = [];
  let i = 0;
  while (i < tokens.length) {
    const quantity = quantityAt(text, tokens, i);
    if (quantity) {
      found.push(quantity.quantity);
      i = quantity.next;
    } else i++;
  }
  return found;
}

function make(
  text: string,
  tokens: Token[],
  first: number,
  end: number,
  kind: QuantityKind,
  value: number,
  unit: string,
) {
  const start = tokens[first].start;
  const stop = tokens[end - 1].end;
  return { quantity: { start, end: stop, text: text.slice(start, stop), kind, value, unit }, next: end };
}

function quantityAt(text: string, tokens: Token[], i: number): { quantity: Quantity; next: number } | null {
  const token = tokens[i];
  // money with a symbol: "$49M", "$ 2.5 billion", "US$3"
  const currency = CURRENCY_SYMBOLS[token.text] ?? (/^US\$$/.test(token.text) ? 'USD' : undefined);
  if (currency) {
    const number = readNumber(tokens, i + 1);
    if (!number || tokens[i + 1].start !== token.end) return null;
    let value = number.value;
    let end = number.end;
    const suffix = tokens[end];
    if (suffix && suffix.start === tokens[end - 1].end && suffix.norm in MONEY_SUFFIXES) {
      value *= MONEY_SUFFIXES[suffix.norm];
      end++;
    }
    return make(text, tokens, i, end, 'money', value, currency);
  }
  const number = readNumber(tokens, i);
  if (!number) return null;
  // a bare "a" or "one" counts only with a unit right after it
  const { value } = number;
  let j = number.end;
  const hyphenated = tokens[j]?.text === '-' && tokens[j].start === tokens[j - 1].end;
  if (hyphenated) j++;
  const next = tokens[j];
  if (!next) return null;

  if (
    next.text === '%' ||
    next.norm === 'percent' ||
    (next.norm === 'per' && tokens[j + 1]?.norm === 'cent')
  ) {
    return make(text, tokens, i, next.norm === 'per' ? j + 2 : j + 1, 'percent', value, '%');
  }
  if (next.norm in CURRENCY_WORDS)
    return make(text, tokens, i, j + 1, 'money', value, CURRENCY_WORDS[next.norm]);
  if (next.norm in TIME_UNITS) {
    // "60-year-old", "60 years old": an age
    const after = tokens[j + 1];
    if (after && (after.norm === 'old' || (after.text === '-' && tokens[j + 2]?.norm === 'old'))) {
      return make(text, tokens, i, after.norm === 'old' ? j + 2 : j + 3, 'age', value, TIME_UNITS[next.norm]);
    }
    if (after?.norm === 'ago') return null; // a date, see dates.ts
    if (/^(?:a|an)$/.test(tokens[i].norm) && !hyphenated && value === 1 && number.end - number.first === 1)
      return null; // "a year" is not a stated figure
    return make(text, tokens, i, j + 1, 'duration', value, TIME_UNITS[next.norm]);
  }
  if (tokens[i - 1]?.norm === 'aged' && !hyphenated)
    return make(text, tokens, i - 1, number.end, 'age', value, 'year');
  if (next.norm in MEASURE_UNITS)
    return make(text, tokens, i, j + 1, 'measure', value, MEASURE_UNITS[next.norm]);
  if (hyphenated) return null;
  if (/^(?:a|an|one)$/.test(tokens[i].norm) && number.end - number.first === 1) return null;
  if (isYearLike(tokens[i], number.end - number.first)) return null;
  // counts: "43 people", "three soldiers", "1,500 striking dockers"
  let head = j;
  if (tokens[head]?.pos === 'ADJ' || tokens[head]?.pos === 'VERB') head++;
  const noun = tokens[head];
  if (!noun || noun.pos !== 'NOUN' || NOT_COUNT_NOUNS.has(noun.norm) || SCALE_WORDS.has(noun.norm))
    return null;
  const unit = COUNT_UNITS[noun.norm] ?? (value === 1 ? noun.norm : noun.lemma.toLowerCase());
  return make(text, tokens, i, head + 1, 'count', value, unit);
}

function isYearLike(token: Token, length: number): boolean {
  return length === 1 && /^(?:1[89]|20)\d\d$/.test(token.text);
}
