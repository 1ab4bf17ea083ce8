/**
 * The claim stages on whole article pairs: the fictional harbour-strike pair scored against its
 * gold file with pinned precision/recall floors (lower a floor only on purpose), and the seed pair
 * (skipped outside the Parallax workplace).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import type { Alignment, Claim, Quote } from '../../src/model/index.ts';
import { readSeed, SEED_BREITBART, SEED_TELESUR, skipUnlessShared } from '../support/shared.ts';
import { analyse, type Analysis } from './analyse.ts';

const ROOT = resolve(import.meta.dirname, '../..');

interface GoldPair {
  what: string;
  herald: string;
  freePress: string | string[];
}
interface Gold {
  conflicts: GoldPair[];
  agreed: GoldPair[];
  unique: { herald: string[]; freePress: string[] };
  quotes: {
    herald: { speaker: string | null; text: string }[];
    freePress: { speaker: string | null; text: string }[];
  };
}

/**
 * Floors pinned at or a little under the figures measured when the gold file was written:
 * conflicts P 0.80 R 1.00 (the berths 4 vs 9 was a false conflict; since RESUMPTION_WORDS in
 * src/claims/align.ts, P 1.00 and unique R 0.86), agreed P 0.86 R 0.86 (Atlantic
 * Meridian's diversion is wrongly agreed with the Calvo Bay dockers; "the strike ended on
 * Tuesday" sits in the duration conflict instead), unique R 0.79, quotes P 1.00 R 1.00.
 * Raise them when the figures rise; lower them only on purpose.
 */
const FLOORS = {
  conflictPrecision: 0.95,
  conflictRecall: 0.9,
  agreedPrecision: 0.7,
  agreedRecall: 0.8,
  uniqueRecall: 0.8,
  quotePrecision: 0.9,
  quoteRecall: 0.9,
};

function includesAny(text: string, snippets: string | string[]): boolean {
  return (Array.isArray(snippets) ? snippets : [snippets]).some((s) => text.includes(s));
}

function pairScores(
  r: Analysis,
  kind: Alignment['kind'],
  gold: GoldPair[],
  herald: string,
  freePress: string,
): { precision: number; recall: number; missed: string[]; wrong: string[] } {
  const byId = new Map(r.claims.map((c) => [c.id, c]));
  const predicted = r.alignments.filter((a) => a.kind === kind);
  const matches = (a: Alignment, g: GoldPair): boolean => {
    const claims = a.claims.map((id) => byId.get(id)).filter((c): c is Claim => c !== undefined);
    return (
      claims.some((c) => c.article === herald && c.text.includes(g.herald)) &&
      claims.some((c) => c.article === freePress && includesAny(c.text, g.freePress))
    );
  };
  const found = gold.filter((g) => predicted.some((a) => matches(a, g)));
  const right = predicted.filter((a) => gold.some((g) => matches(a, g)));
  return {
    precision: predicted.length ? right.length / predicted.length : 0,
    recall: found.length / gold.length,
    missed: gold.filter((g) => !found.includes(g)).map((g) => g.what),
    wrong: predicted.filter((a) => !right.includes(a)).map((a) => a.explanation),
  };
}

describe('harbour-strike pair against its gold file', () => {
  const gold = JSON.parse(
    readFileSync(resolve(ROOT, 'test/fixtures/harbour-strike/claims.gold.json'), 'utf8'),
  ) as Gold;
  const r = analyse(
    ['harbour-herald.txt', 'veyra-free-press.txt'].map((f) =>
      readFileSync(resolve(ROOT, 'examples/harbour-strike', f), 'utf8'),
    ),
    ['Harbour Herald', 'Veyra Free Press'],
  );
  const [herald, freePress] = r.docs.map((d) => d.article.id) as [string, string];

  test('every claim span slices to its text', () => {
    const texts = new Map(r.docs.map((d) => [d.article.id, d.article.text]));
    for (const c of r.claims) assert.equal(texts.get(c.article)!.slice(c.start, c.end), c.text);
    for (const q of r.quotes) assert.equal(texts.get(q.article)!.slice(q.start, q.end), q.text);
  });

  test('conflicts: precision and recall floors', (t) => {
    const s = pairScores(r, 'conflict', gold.conflicts, herald, freePress);
    t.diagnostic(`conflict precision ${s.precision.toFixed(2)} recall ${s.recall.toFixed(2)}`);
    assert.ok(
      s.recall >= FLOORS.conflictRecall,
      `conflict recall ${s.recall}; missed ${s.missed.join('; ')}`,
    );
    assert.ok(
      s.precision >= FLOORS.conflictPrecision,
      `conflict precision ${s.precision}; wrong: ${s.wrong.join(' | ')}`,
    );
  });

  test('agreements: precision and recall floors', (t) => {
    const s = pairScores(r, 'agreed', gold.agreed, herald, freePress);
    t.diagnostic(`agreed precision ${s.precision.toFixed(2)} recall ${s.recall.toFixed(2)}`);
    assert.ok(s.recall >= FLOORS.agreedRecall, `agreed recall ${s.recall}; missed ${s.missed.join('; ')}`);
    assert.ok(
      s.precision >= FLOORS.agreedPrecision,
      `agreed precision ${s.precision}; wrong: ${s.wrong.join(' | ')}`,
    );
  });

  test('facts only one side reports are unique', (t) => {
    const uniqueClaims = new Set(r.alignments.filter((a) => a.kind === 'unique').flatMap((a) => a.claims));
    const items = [
      ...gold.unique.herald.map((s) => [herald, s] as const),
      ...gold.unique.freePress.map((s) => [freePress, s] as const),
    ];
    const found = items.filter(([article, snippet]) =>
      r.claims.some((c) => c.article === article && c.text.includes(snippet) && uniqueClaims.has(c.id)),
    );
    const recall = found.length / items.length;
    t.diagnostic(`unique recall ${recall.toFixed(2)}`);
    assert.ok(
      recall >= FLOORS.uniqueRecall,
      `unique recall ${recall}; missed ${items
        .filter((i) => !found.includes(i))
        .map((i) => i[1])
        .join('; ')}`,
    );
  });

  test('quotes and speakers: precision and recall floors', (t) => {
    const goldQuotes = [
      ...gold.quotes.herald.map((q) => ({ ...q, article: herald })),
      ...gold.quotes.freePress.map((q) => ({ ...q, article: freePress })),
    ];
    const speakerOk = (q: Quote, speaker: string | null): boolean => {
      if (speaker === null) return true;
      const actorName = r.actors.find((a) => a.id === q.speaker)?.name ?? '';
      return (
        (q.speakerName ?? '').includes(speaker) ||
        actorName
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .includes(speaker.normalize('NFD').replace(/\p{M}/gu, ''))
      );
    };
    const matches = (q: Quote, g: (typeof goldQuotes)[number]): boolean =>
      q.article === g.article && q.text.startsWith(g.text) && speakerOk(q, g.speaker);
    const recall = goldQuotes.filter((g) => r.quotes.some((q) => matches(q, g))).length / goldQuotes.length;
    const precision = r.quotes.filter((q) => goldQuotes.some((g) => matches(q, g))).length / r.quotes.length;
    t.diagnostic(`quote precision ${precision.toFixed(2)} recall ${recall.toFixed(2)}`);
    assert.ok(recall >= FLOORS.quoteRecall, `quote recall ${recall}`);
    assert.ok(precision >= FLOORS.quotePrecision, `quote precision ${precision}`);
  });

  test('the brief leads with what matters', () => {
    assert.ok(r.brief.disputed.length > 0 && r.brief.agreed.length > 0);
    assert.ok(r.brief.onlyIn[herald]!.length > 0 && r.brief.onlyIn[freePress]!.length > 0);
    assert.ok(r.brief.disputed.some((item) => /12 days/.test(item.text) && /two weeks/.test(item.text)));
  });
});

describe('seed pair', skipUnlessShared('seeds', SEED_TELESUR), () => {
  const r = analyse([readSeed(SEED_TELESUR), readSeed(SEED_BREITBART)], [
    undefined,
    undefined,
  ] as unknown as string[]);
  const [telesur, other] = r.docs.map((d) => d.article.id) as [string, string];
  const claimsOf = (a: Alignment): Claim[] => a.claims.map((id) => r.claims.find((c) => c.id === id)!);
  const conflictWith = (left: RegExp, right: RegExp): Alignment | undefined =>
    r.alignments.find(
      (a) =>
        a.kind === 'conflict' &&
        claimsOf(a).some((c) => c.article === telesur && left.test(c.text)) &&
        claimsOf(a).some((c) => c.article === other && right.test(c.text)),
    );
  const uniqueIn = (article: string, pattern: RegExp): boolean =>
    r.alignments.some(
      (a) => a.kind === 'unique' && claimsOf(a).some((c) => c.article === article && pattern.test(c.text)),
    );

  test('every span slices to its text', () => {
    const texts = new Map(r.docs.map((d) => [d.article.id, d.article.text]));
    for (const c of r.claims) assert.equal(texts.get(c.article)!.slice(c.start, c.end), c.text);
    for (const q of r.quotes) assert.equal(texts.get(q.article)!.slice(q.start, q.end), q.text);
  });

  test('the prison term conflicts: 13 years vs 14-year', () => {
    const conflict = conflictWith(/13 years/, /14-year/);
    assert.ok(
      conflict,
      r.alignments
        .filter((a) => a.kind === 'conflict')
        .map((a) => a.explanation)
        .join('\n'),
    );
    assert.match(conflict.explanation, /13 years/);
    assert.match(conflict.explanation, /L[oó]pez’s sentence/, 'names whose sentence it is');
  });

  test('violent protests with 43 deaths vs peaceful protests', () => {
    assert.ok(conflictWith(/43 people/, /peaceful/));
  });

  test('partial agreement: inciting violence vs arson and inciting violence', () => {
    const agreed = r.alignments.find(
      (a) =>
        a.kind === 'agreed' &&
        claimsOf(a).some((c) => c.article === telesur && /inciting violence/.test(c.text)) &&
        claimsOf(a).some((c) => c.article === other && /arson and inciting violence/.test(c.text)),
    );
    assert.ok(agreed);
    assert.equal(agreed.partial, true);
    assert.match(agreed.explanation, /arson/);
  });

  test('unique to the first: the 2002 coup attempt, Tintori meeting Trump', () => {
    assert.ok(uniqueIn(telesur, /coup against Chavez in 2002/));
    assert.ok(uniqueIn(telesur, /Trump/));
  });

  test('an agreement between claims worded apart quotes both (the sergeant’s video is not López’s call)', () => {
    const loose = r.alignments.find(
      (a) =>
        a.kind === 'agreed' &&
        claimsOf(a).some((c) => c.article === other && /sergeant/i.test(c.text)) &&
        claimsOf(a).some((c) => c.article === telesur && /L[oó]pez/.test(c.text)),
    );
    // Either the two are not joined at all, or the reader sees both claims to judge.
    if (loose) {
      assert.match(loose.explanation, /in different words; compare/);
      assert.match(loose.explanation, /sergeant/i);
      assert.match(loose.explanation, /L[oó]pez/);
    }
    assert.match(r.alignments.find((a) => a.kind === 'agreed' && /arson/.test(a.explanation))!.explanation, /both report/, 'a close agreement still says so');
  });

  test('unique to the second: soldiers fleeing to Colombia, the tanks, General Vivas', () => {
    assert.ok(uniqueIn(other, /fled to Colombia/));
    assert.ok(uniqueIn(other, /tanks/));
    assert.ok(uniqueIn(other, /Vivas/));
  });
});
