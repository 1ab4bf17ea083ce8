/**
 * Compiles the word lists the language stage's entity rules use:
 *   resources/language/names.json  { given, surnames, places, countries, organizations, roles, common }
 * - given names, surnames, places, organisations and role nouns ("Actor": leader, lawyer) from the lexicon of compromise
 *   (Spencer Kelly, MIT; the installed npm package), lower-cased and accent-folded;
 * - `common`: words written in lower case at least COMMON_LOWERCASE_SHARE of the times they
 *   appear mid-sentence in the AllSides training articles (../shared/data/allsides,
 *   content_original), the COMMON_WORDS most frequent — so "Storm Coverage" or "Government
 *   Shutdown" in Title Case is not taken for a person. Only words are kept, never text.
 * Deterministic: counts over a fixed file, ties broken alphabetically.
 */
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import nlp from 'compromise';
import { sharedDataDir } from '../../src/eval/data.ts';
import { normalizeWord } from '../../src/language/normalize.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** A word is common when at least this share of its mid-sentence uses are lower-case (names sit near 0). */
const COMMON_LOWERCASE_SHARE = 0.8;
/** Seen lower-case at least this often: rarer words tell too little. */
const COMMON_MIN_COUNT = 5;
/** Keep the most frequent ones: about the size of a learner's dictionary, ~100 KB of JSON. */
const COMMON_WORDS = 12_000;

/** Given names that are also English words, which compromise leaves out of its name tags (ours). */
const ADDED_GIVEN = [
  'bill',
  'will',
  'mark',
  'rose',
  'grace',
  'joy',
  'hope',
  'faith',
  'dawn',
  'frank',
  'jack',
  'bob',
  'rob',
  'pat',
  'ray',
  'sandy',
  'art',
  'chuck',
  'don',
  'drew',
  'gene',
  'guy',
  'hank',
  'herb',
  'jay',
  'mike',
  'nick',
  'rick',
  'ted',
  'tim',
  'tom',
  'victor',
  'vic',
  'max',
  'sue',
  'kim',
  'lee',
  'rusty',
  'woody',
  'angel',
  'mercedes',
  'dolores',
  'rocio',
  'consuelo',
  'pilar',
  'amparo',
  'luz',
  'paz',
  'cruz',
  'leopoldo',
  'giomar',
  'ramon',
  'ramón',
  'joaquin',
  'tomas',
  'lucia',
  'ines',
  'ignacio',
  'gonzalo',
  'rodrigo',
  'alvaro',
  'sergio',
  'andres',
  'julio',
  'cesar',
  'hector',
  'ruben',
  'agustin',
  'rafael',
  'raul',
  'rui',
  'joao',
  'goncalo',
  'thiago',
  'vinicius',
];

/** Nouns for people's roles that compromise does not tag as Actor (ours). */
const ADDED_ROLES = ['member', 'head', 'official', 'counsel', 'intern', 'spokesman', 'spokeswoman', 'spokesperson', 'chief', 'legislator', 'lawmaker', 'strongman', 'strongwoman', 'thug', 'leaker', 'candidate', 'nominee', 'rival', 'ally', 'critic', 'veteran', 'senator', 'congressman', 'congresswoman', 'dissident', 'opponent', 'supporter', 'commentator', 'correspondent', 'tycoon', 'mogul', 'billionaire', 'saboteur', 'agitator', 'tyrant', 'despot', 'autocrat', 'puppet', 'hero', 'traitor', 'coward', 'liar', 'thief', 'crook', 'fraud', 'operative', 'loyalist', 'hardliner', 'moderate', 'conservative', 'liberal', 'progressive', 'socialist', 'communist', 'fascist', 'extremist', 'radical', 'militant', 'rebel', 'insurgent', 'terrorist', 'protester', 'demonstrator', 'rioter', 'looter', 'activist', 'organiser', 'organizer'];

function lexiconWords(tags: RegExp): string[] {
  const lexicon = (
    nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }
  ).model().one.lexicon;
  return [
    ...new Set(
      Object.entries(lexicon)
        .filter(([, tag]) => tags.test(String(tag)))
        .map(([word]) => normalizeWord(word)),
    ),
  ]
    .filter((w) => /^\p{L}[\p{L} .&'-]*$/u.test(w) && w.length > 2)
    .sort();
}

async function commonWords(path: string): Promise<string[]> {
  const lower = new Map<string, number>();
  const upper = new Map<string, number>();
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const text = (JSON.parse(line) as { content_original?: string }).content_original ?? '';
    // words not at a sentence or paragraph start
    for (const match of text.matchAll(/(?<![.!?:"“\n]\s*)(?<=\s)(\p{L}[\p{L}'’-]*)/gu)) {
      const word = match[1];
      const key = normalizeWord(word);
      const map = /^\p{Lu}/u.test(word) ? upper : lower;
      map.set(key, (map.get(key) ?? 0) + 1);
    }
  }
  return [...lower.entries()]
    .filter(
      ([word, count]) =>
        count >= COMMON_MIN_COUNT && count / (count + (upper.get(word) ?? 0)) >= COMMON_LOWERCASE_SHARE,
    )
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, COMMON_WORDS)
    .map(([word]) => word)
    .sort();
}

export default async function trainNameLists(): Promise<void> {
  const data = sharedDataDir();
  if (!data) throw new Error('../shared/data is absent: set PARALLAX_DATA to the datasets folder');
  const lists = {
    source: 'scripts/train/name-lists.ts; see resources/language/README.md',
    given: [
      ...new Set([...lexiconWords(/FemaleName|MaleName|FirstName/), ...ADDED_GIVEN.map(normalizeWord)]),
    ].sort(),
    surnames: lexiconWords(/LastName/),
    places: lexiconWords(/Country|City|Region|Place/),
    countries: lexiconWords(/Country/),
    organizations: lexiconWords(/Organization|SportsTeam/),
    roles: [...new Set([...lexiconWords(/Actor/), ...ADDED_ROLES])].sort(),
    common: await commonWords(join(data, 'allsides', 'media-split-train-6000.jsonl.gz')),
  };
  mkdirSync(join(ROOT, 'resources', 'language'), { recursive: true });
  writeFileSync(join(ROOT, 'resources', 'language', 'names.json'), `${JSON.stringify(lists)}\n`);
  console.log(
    `  given ${lists.given.length}, roles ${lists.roles.length}, surnames ${lists.surnames.length}, places ${lists.places.length}, organizations ${lists.organizations.length}, common ${lists.common.length}`,
  );
}
