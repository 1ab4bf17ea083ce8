/**
 * `parallax eval entities`: how many *named* speakers of PolNeAR (dev) our entity rules find,
 * beside compromise's people()+organizations() on the same texts — the measurement behind the
 * language stage's choice of its own rules over compromise for entities.
 *
 * Gold: every attribution Source span that holds a name (a capitalised word that is not a
 * sentence-initial function word: "The New York Post", "Sen. Cruz", "Trump"; not "he", "a
 * source"). A source is found when a person or organisation entity overlaps it. PolNeAR marks
 * sources, not all entities, so this is a recall figure only; precision is not measurable here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { annotate } from '../language/index.ts';
import type { Article, Span } from '../model/index.ts';
import type { EvalResult, EvalTask } from './types.ts';
import { articleFromCleanText } from '../ingest/index.ts';
import { polnearDevDirs } from './polnear.ts';

/** Capitalised first words that name nobody. */
const FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'his',
  'her',
  'their',
  'its',
  'this',
  'that',
  'these',
  'those',
  'one',
  'some',
  'many',
  'most',
  'others',
  'another',
  'both',
  'each',
  'all',
  'several',
  'our',
]);

interface CompromiseMatch {
  offset: { start: number; length: number };
}
type CompromiseView = { json(options: { offset: boolean }): CompromiseMatch[] };
type CompromiseDoc = { people(): CompromiseView; organizations(): CompromiseView };

function namedSources(text: string, ann: string): Span[] {
  const sources: Span[] = [];
  for (const line of ann.split('\n')) {
    const [id, body] = line.split('\t');
    if (!id?.startsWith('T') || !body?.startsWith('Source ')) continue;
    const offsets = body
      .slice('Source '.length)
      .split(';')
      .map((part) => part.trim().split(' ').map(Number));
    const start = Math.min(...offsets.map((o) => o[0]));
    const end = Math.max(...offsets.map((o) => o[1]));
    if (isNamed(text, start, end)) sources.push({ start, end });
  }
  return sources;
}

function isNamed(text: string, start: number, end: number): boolean {
  const atSentenceStart = start === 0 || /[.!?"“”:\n]\s*$/.test(text.slice(Math.max(0, start - 3), start));
  const words = [...text.slice(start, end).matchAll(/\p{L}[\p{L}.'’-]*/gu)];
  return words.some(
    (m, i) => /^\p{Lu}/u.test(m[0]) && !FUNCTION_WORDS.has(m[0].toLowerCase()) && (i > 0 || !atSentenceStart),
  );
}

function articleOf(id: string, text: string): Article {
  return articleFromCleanText(text, { id });
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const round = (x: number): number => Math.round(x * 1000) / 1000;

export const entitiesEval: EvalTask = {
  name: 'entities',
  description:
    'Named speakers of PolNeAR (dev) found as person/organisation entities: ours vs compromise (recall)',
  defaultData: 'polnear',
  async run(dataPath: string): Promise<EvalResult> {
    const started = Date.now();
    const { textDir, annDir } = polnearDevDirs(dataPath);
    const seen = new Set<string>();
    let gold = 0;
    let oursFound = 0;
    let oursPersonOrgFound = 0;
    let compromiseFound = 0;
    let oursMs = 0;
    let compromiseMs = 0;
    for (const annFile of readdirSync(annDir)
      .filter((f) => f.endsWith('.ann'))
      .sort()) {
      const base = annFile.replace(/_[0-9a-f]{4}\.ann$/, '');
      if (seen.has(base)) continue; // several annotators: the first file only
      const textFile = join(textDir, `${base}.txt`);
      if (!existsSync(textFile)) continue;
      seen.add(base);
      const text = readFileSync(textFile, 'utf8');
      const sources = namedSources(text, readFileSync(join(annDir, annFile), 'utf8'));
      gold += sources.length;

      let t = performance.now();
      const entities = annotate(articleOf(base, text)).entities;
      oursMs += performance.now() - t;
      const personOrg = entities.filter((e) => e.type === 'person' || e.type === 'organization');
      oursFound += sources.filter((s) => entities.some((e) => overlaps(e, s))).length;
      oursPersonOrgFound += sources.filter((s) => personOrg.some((e) => overlaps(e, s))).length;

      t = performance.now();
      const doc = (nlp as unknown as (text: string) => CompromiseDoc)(text);
      const found = [
        ...doc.people().json({ offset: true }),
        ...doc.organizations().json({ offset: true }),
      ].map((m) => ({ start: m.offset.start, end: m.offset.start + m.offset.length }));
      compromiseMs += performance.now() - t;
      compromiseFound += sources.filter((s) => found.some((e) => overlaps(e, s))).length;
    }
    return {
      task: 'entities',
      data: dataPath,
      metrics: {
        recall_person_org: round(oursPersonOrgFound / gold),
        recall_any_entity: round(oursFound / gold),
        compromise_recall_people_orgs: round(compromiseFound / gold),
        ms_per_article: round(oursMs / seen.size),
        compromise_ms_per_article: round(compromiseMs / seen.size),
        named_sources: gold,
      },
      reference: {},
      count: seen.size,
      notes: [
        'Gold = PolNeAR dev attribution sources that contain a name; recall only (PolNeAR does not mark every entity).',
        'No published figure exists for this measure; compromise (people()+organizations()) on the same texts is the baseline.',
        'ms_per_article includes tokenisation, POS, quantities and dates (all of annotate), compromise its whole parse.',
      ],
      seconds: (Date.now() - started) / 1000,
    };
  },
};
