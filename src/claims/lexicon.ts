/**
 * Word lists of the claim stage: hedges (Hyland 2005, compiled into resources/claims/ by
 * `npm run train quote-lexicons`) and antonym pairs for opposite characterisations (ours).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Token } from '../model/index.ts';

const HEDGES_FILE = resolve(import.meta.dirname, '../../resources/claims/hedges.json');

/** Hedges news writing uses that Hyland's academic list lacks (ours). */
const NEWS_HEDGES = [
  'allegedly',
  'reportedly',
  'purportedly',
  'supposedly',
  'alleged',
  'so-called',
  'unconfirmed',
];
/** Verbs that hedge only before "to"/"that" ("appears to be"), not "appear before a magistrate". */
const RAISING_HEDGES = new Set(['appear', 'appears', 'appeared', 'seem', 'seems', 'tend', 'tends']);
/** Approximators that are hedges only before a number ("about 300"), prepositions otherwise. */
const NUMBER_HEDGES = new Set(['about', 'around', 'approximately', 'roughly', 'almost']);

let single: Set<string> | null = null;
let multi: string[][] | null = null;

function load(): void {
  if (single && multi) return;
  const { hedges } = JSON.parse(readFileSync(HEDGES_FILE, 'utf8')) as { hedges: string[] };
  const all = [...hedges, ...NEWS_HEDGES];
  single = new Set(all.filter((h) => !h.includes(' ')));
  multi = all.filter((h) => h.includes(' ')).map((h) => h.split(' '));
}

/** The first hedge in the tokens, as written, or null. */
export function hedgeOf(tokens: Token[]): string | null {
  load();
  for (let i = 0; i < tokens.length; i++) {
    const norm = tokens[i]!.norm;
    if (single!.has(norm)) {
      if (NUMBER_HEDGES.has(norm) && tokens[i + 1]?.pos !== 'NUM') continue;
      if (RAISING_HEDGES.has(norm) && tokens[i + 1]?.norm !== 'to' && tokens[i + 1]?.norm !== 'that')
        continue;
      return tokens[i]!.text;
    }
    for (const phrase of multi!) {
      if (phrase.every((word, k) => tokens[i + k]?.norm === word)) return phrase.join(' ');
    }
  }
  return null;
}

/**
 * Opposite characterisations of one event or group: a claim using a word of one side and an
 * aligned claim using a word of the other conflict ("violent protests" / "peaceful protests").
 */
export const ANTONYM_GROUPS: [string[], string[]][] = [
  [
    [
      'violent',
      'violently',
      'violence',
      'riot',
      'riots',
      'rioting',
      'rioted',
      'rioters',
      'stormed',
      'clashes',
      'disorder',
      'chaos',
      'chaotic',
    ],
    ['peaceful', 'peacefully', 'calm', 'orderly', 'nonviolent', 'non-violent', 'unarmed'],
  ],
  [
    ['guilty', 'convicted'],
    ['innocent', 'acquitted'],
  ],
  [
    ['legal', 'lawful', 'legitimate', 'constitutional'],
    ['illegal', 'unlawful', 'illegitimate', 'unconstitutional'],
  ],
];

/**
 * Opposite outcomes (up/down, accepted/rejected, won/lost): in news they as often describe two
 * different facts of one story ("initial claims fell" / "continuing claims increased") as one
 * fact told two ways, so they count only between near-identical claims.
 */
export const OUTCOME_ANTONYM_GROUPS: [string[], string[]][] = [
  [
    ['increase', 'increased', 'rose', 'risen', 'rise', 'rising', 'grew', 'higher'],
    ['decrease', 'decreased', 'fell', 'fallen', 'fall', 'falling', 'dropped', 'declined', 'lower'],
  ],
  [
    ['accepted', 'approved', 'agreed'],
    ['rejected', 'refused', 'denied'],
  ],
  [
    ['won', 'victory'],
    ['lost', 'defeat'],
  ],
  [
    ['success', 'successful'],
    ['failure', 'failed'],
  ],
];
