/**
 * Compiles the word lists the quote and claim stages use from `../shared/data/lexicons/`:
 *   resources/quotes/report-verbs.json  reporting verbs (Recasens et al. 2013) with their inflected forms
 *   resources/claims/hedges.json         hedges (Hyland 2005)
 * Short word lists are facts about language; the attribution goes in resources/<stage>/README.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sharedDataDir } from '../../src/eval/data.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Irregular past forms of reporting verbs (the list holds lemmas). */
const IRREGULAR: Record<string, string[]> = {
  say: ['said'],
  tell: ['told'],
  write: ['wrote', 'written'],
  speak: ['spoke', 'spoken'],
  swear: ['swore', 'sworn'],
  forbid: ['forbade', 'forbidden'],
  forecast: ['forecast'],
  foretell: ['foretold'],
  forget: ['forgot', 'forgotten'],
  hear: ['heard'],
  feel: ['felt'],
  find: ['found'],
  mean: ['meant'],
  read: ['read'],
  see: ['saw', 'seen'],
  sing: ['sang', 'sung'],
  spread: ['spread'],
  teach: ['taught'],
  think: ['thought'],
  learn: ['learned', 'learnt'],
};

/** Verbs news writing uses to introduce speech that the Recasens list lacks (ours). */
const ADDED_VERBS = [
  'tweet',
  'post',
  'call',
  'insist',
  'recount',
  'testify',
  'acknowledge',
  'shout',
  'chant',
  'exclaim',
  'whisper',
  'scream',
  'vow',
  'speak',
  'continue',
  'echo',
  'quip',
  'joke',
  // speech acts news writing uses as quote verbs ("…,” she lamented / he blasted)
  'lament',
  'thank',
  'tout',
  'mock',
  'characterize',
  'applaud',
  'condemn',
  'decry',
  'proclaim',
  'retort',
  'scoff',
  'fume',
  'muse',
  'gush',
  'blast',
  'hail',
  'rip',
  'bash',
  'yell',
  'holler',
  'snap',
  'sneer',
  'bellow',
];

function readList(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith('#'));
}

/** Stressed final syllables that double their consonant: admit → admitted. */
const DOUBLING = new Set([
  'admit',
  'refer',
  'prefer',
  'rebut',
  'commit',
  'regret',
  'omit',
  'submit',
  'deter',
]);

function inflect(lemma: string): string[] {
  const forms = new Set([lemma]);
  // "qu" is a consonant here: quip → quipped.
  const doubles = DOUBLING.has(lemma) || /^(?:qu|[^aeiou])*[aeiou][bdgmnprt]$/.test(lemma);
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  if (/(s|sh|ch|x|z)$/.test(lemma)) forms.add(`${lemma}es`);
  else if (/[^aeiou]y$/.test(lemma)) forms.add(`${lemma.slice(0, -1)}ies`);
  else forms.add(`${lemma}s`);
  if (/[^aeiou]y$/.test(lemma)) forms.add(`${lemma.slice(0, -1)}ied`);
  else if (lemma.endsWith('e')) forms.add(`${lemma}d`);
  else if (doubles) forms.add(`${lemma}${lemma.at(-1)}ed`);
  else forms.add(`${lemma}ed`);
  if (doubles) forms.add(`${lemma}${lemma.at(-1)}ing`);
  else forms.add(`${lemma.endsWith('ee') ? lemma : stem}ing`);
  for (const irregular of IRREGULAR[lemma] ?? []) forms.add(irregular);
  if (IRREGULAR[lemma]) forms.delete(lemma.endsWith('e') ? `${lemma}d` : `${lemma}ed`);
  return [...forms];
}

export default async function compileQuoteLexicons(): Promise<void> {
  const data = sharedDataDir();
  if (!data) throw new Error('../shared/data is absent: cannot compile the lexicons');
  const lexicons = join(data, 'lexicons');
  // "spoke" and "told" appear as forms in the source list; "point out" is a phrasal verb we keep as "point".
  const lemmas = new Set<string>();
  for (const entry of [...readList(join(lexicons, 'report_verbs.txt')), ...ADDED_VERBS]) {
    if (entry === 'spoke') lemmas.add('speak');
    else if (entry === 'told') lemmas.add('tell');
    else lemmas.add(entry.split(' ')[0]!);
  }
  const verbs: Record<string, string> = {};
  for (const lemma of [...lemmas].sort()) for (const form of inflect(lemma)) verbs[form] ??= lemma;
  mkdirSync(join(ROOT, 'resources/quotes'), { recursive: true });
  writeFileSync(
    join(ROOT, 'resources/quotes/report-verbs.json'),
    `${JSON.stringify({ source: 'Recasens et al. 2013 report_verbs.txt (+ a few added news verbs)', forms: verbs }, null, 0)}\n`,
  );
  const hedges = readList(join(lexicons, 'hedges_hyland2005.txt'));
  mkdirSync(join(ROOT, 'resources/claims'), { recursive: true });
  writeFileSync(
    join(ROOT, 'resources/claims/hedges.json'),
    `${JSON.stringify({ source: 'Hyland 2005 hedges (hedges_hyland2005.txt)', hedges: [...new Set(hedges)].sort() }, null, 0)}\n`,
  );
}
