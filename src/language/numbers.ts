/** Numbers written with digits or words, read from tokens: "43", "1,500", "three", "twenty-five", "1.5 million". */
import type { Token } from '../model/index.ts';

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};

const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/** Suffixes glued to money amounts: "$49M", "$2bn", "$3.5K". */
export const MONEY_SUFFIXES: Record<string, number> = {
  k: 1e3,
  m: 1e6,
  'm.': 1e6,
  mn: 1e6,
  b: 1e9,
  bn: 1e9,
  'b.': 1e9,
  tn: 1e12,
};

const DIGITS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;

export interface ParsedNumber {
  value: number;
  /** Index of the first token and one past the last. */
  first: number;
  end: number;
}

export function isNumberWord(norm: string): boolean {
  return norm in UNITS || norm in SCALES;
}

/** Read a number starting at token `i`, or null. "a dozen" and "a million" count as numbers. */
export function readNumber(tokens: Token[], i: number): ParsedNumber | null {
  const first = i;
  let value: number | null = null;
  let current = 0;
  let total = 0;
  let j = i;
  if (tokens[j]?.norm === 'a' && (tokens[j + 1]?.norm === 'dozen' || tokens[j + 1]?.norm in SCALES)) {
    current = 1;
    value = 1;
    j++;
  }
  while (j < tokens.length) {
    const token = tokens[j];
    if (DIGITS.test(token.text) && value === null) {
      current = Number(token.text.replace(/,/g, ''));
      value = current;
      j++;
      continue;
    }
    if (token.norm === 'dozen' && value !== null) {
      current *= 12;
      value = current;
      j++;
      continue;
    }
    if (
      token.norm in UNITS &&
      (value === null ||
        (current % 100 >= 20 && UNITS[token.norm] < 10) ||
        current % 1000 === 0 ||
        current >= 100)
    ) {
      if (value !== null && current % 10 !== 0 && UNITS[token.norm] < 100) break; // "three four" is two numbers
      current += UNITS[token.norm];
      value = current;
      j++;
      continue;
    }
    if (token.norm in SCALES && value !== null) {
      const scale = SCALES[token.norm];
      if (scale === 100) current *= 100;
      else {
        total += current * scale;
        current = 0;
      }
      value = total + current;
      j++;
      continue;
    }
    // "twenty-five": a tight hyphen between two number words
    if (
      token.text === '-' &&
      value !== null &&
      token.start === tokens[j - 1].end &&
      tokens[j + 1]?.norm in UNITS &&
      tokens[j + 1].start === token.end &&
      UNITS[tokens[j + 1].norm] < 10 &&
      current % 10 === 0 &&
      current >= 20
    ) {
      j++;
      continue;
    }
    if (token.norm === 'and' && value !== null && current >= 100 && tokens[j + 1]?.norm in UNITS) {
      j++;
      continue;
    }
    break;
  }
  if (value === null) return null;
  return { value: total + current, first, end: j };
}
