/**
 * Dates from tokens: years ("2015", "since 2009"), months with or without day and year
 * ("in October", "May 3, 2017"), weekdays ("on Monday") and relative phrases ("last month",
 * "yesterday", "two years ago"). Phrases without a year are resolved against the article's
 * publication date when known (`relative: true`); a month alone without one is "--10"
 * (ISO 8601 month without year), and relative phrases without one are left out.
 */
import type { DateMention, Token } from '../model/index.ts';
import { readNumber } from './numbers.ts';

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  'jan.': 1,
  'feb.': 2,
  'mar.': 3,
  'apr.': 4,
  'jun.': 6,
  'jul.': 7,
  'aug.': 8,
  'sep.': 9,
  'sept.': 9,
  'oct.': 10,
  'nov.': 11,
  'dec.': 12,
};
const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};
/** Words before "May"/"March" that make it a month rather than a verb. */
const MONTH_CUES = new Set([
  'in',
  'since',
  'until',
  'by',
  'last',
  'this',
  'next',
  'early',
  'late',
  'mid',
  'of',
  'from',
  'through',
  'during',
  'on',
  'before',
  'after',
]);
const YEAR = /^(?:1[5-9]|20)\d\d$/;

interface Day {
  year: number;
  month: number;
  day: number;
}

function parsePublished(published: string | null): Day | null {
  const match = published?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (d: Day): string => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
const isoMonth = (year: number, month: number): string => `${year}-${pad(month)}`;

function shiftDays(d: Day, days: number): Day {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function shiftMonths(d: Day, months: number): { year: number; month: number } {
  const index = d.year * 12 + (d.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function findDates(text: string, tokens: Token[], published: string | null): DateMention[] {
  const anchor = parsePublished(published);
  const found: DateMention[] = [];
  const add = (first: number, end: number, value: string, relative: boolean): number => {
    const start = tokens[first].start;
    const stop = tokens[end - 1].end;
    found.push({ start, end: stop, text: text.slice(start, stop), value, relative });
    return end;
  };
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    const norm = token.norm;
    const previous = tokens[i - 1]?.norm ?? '';
    // months: "October", "October 5", "October 5, 2017", "5 October 2017", "May 2017"
    if (norm in MONTHS && /^\p{Lu}/u.test(token.text)) {
      const month = MONTHS[norm];
      let end = i + 1;
      let day: number | null = null;
      let year: number | null = null;
      if (/^\d{1,2}$/.test(tokens[end]?.text ?? '') && Number(tokens[end].text) <= 31) {
        day = Number(tokens[end].text);
        end++;
        if (tokens[end]?.text === ',' && YEAR.test(tokens[end + 1]?.text ?? '')) end++;
      } else if (/^\d{1,2}$/.test(tokens[i - 1]?.text ?? '') && Number(tokens[i - 1].text) <= 31) {
        day = Number(tokens[i - 1].text);
      }
      if (YEAR.test(tokens[end]?.text ?? '')) {
        year = Number(tokens[end].text);
        end++;
      }
      const ambiguous =
        (norm === 'may' || norm === 'march') && day === null && year === null && !MONTH_CUES.has(previous);
      if (!ambiguous) {
        const first =
          day !== null &&
          end === i + 1 + (year !== null ? 1 : 0) &&
          tokens[i - 1] &&
          /^\d{1,2}$/.test(tokens[i - 1].text)
            ? i - 1
            : i;
        if (year !== null) {
          i = add(first, end, day !== null ? iso({ year, month, day }) : isoMonth(year, month), false);
          continue;
        }
        if (anchor) {
          // a month named without a year is the latest such month not after publication
          const resolvedYear = month > anchor.month ? anchor.year - 1 : anchor.year;
          i = add(
            first,
            end,
            day !== null ? iso({ year: resolvedYear, month, day }) : isoMonth(resolvedYear, month),
            true,
          );
          continue;
        }
        i = add(first, end, day !== null ? `--${pad(month)}-${pad(day)}` : `--${pad(month)}`, false);
        continue;
      }
    }
    if (
      YEAR.test(token.text) &&
      token.pos === 'NUM' &&
      !/^[$€£]$/.test(tokens[i - 1]?.text ?? '') &&
      tokens[i + 1]?.text !== '%'
    ) {
      i = add(i, i + 1, token.text, false);
      continue;
    }
    if (!anchor) {
      i++;
      continue;
    }
    if (norm in WEEKDAYS && /^\p{Lu}/u.test(token.text)) {
      // news convention: a bare weekday is the most recent one on or before publication
      const weekday = WEEKDAYS[norm];
      const anchorWeekday = new Date(Date.UTC(anchor.year, anchor.month - 1, anchor.day)).getUTCDay();
      let back = (anchorWeekday - weekday + 7) % 7;
      const first = previous === 'last' ? i - 1 : i;
      if (previous === 'last' && back === 0) back = 7;
      i = add(first, i + 1, iso(shiftDays(anchor, -back)), true);
      continue;
    }
    if (norm === 'yesterday' || norm === 'today' || norm === 'tomorrow') {
      const shift = norm === 'yesterday' ? -1 : norm === 'today' ? 0 : 1;
      i = add(i, i + 1, iso(shiftDays(anchor, shift)), true);
      continue;
    }
    if ((norm === 'last' || norm === 'this' || norm === 'next') && tokens[i + 1]) {
      const unit = tokens[i + 1].norm;
      const step = norm === 'last' ? -1 : norm === 'this' ? 0 : 1;
      if (unit === 'month') {
        const m = shiftMonths(anchor, step);
        i = add(i, i + 2, isoMonth(m.year, m.month), true);
        continue;
      }
      if (unit === 'year') {
        i = add(i, i + 2, String(anchor.year + step), true);
        continue;
      }
      if (unit === 'week') {
        i = add(i, i + 2, iso(shiftDays(anchor, 7 * step)), true);
        continue;
      }
    }
    // "two years ago", "three months ago"
    const number = readNumber(tokens, i);
    if (number && tokens[number.end + 1]?.norm === 'ago') {
      const unit = tokens[number.end].lemma.toLowerCase();
      const n = number.value;
      const value =
        unit === 'year'
          ? String(anchor.year - n)
          : unit === 'month'
            ? isoMonth(shiftMonths(anchor, -n).year, shiftMonths(anchor, -n).month)
            : unit === 'day'
              ? iso(shiftDays(anchor, -n))
              : unit === 'week'
                ? iso(shiftDays(anchor, -7 * n))
                : null;
      if (value) {
        i = add(i, number.end + 2, value, true);
        continue;
      }
    }
    i++;
  }
  return found;
}
