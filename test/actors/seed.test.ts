/** The seed pair (../shared/seeds): the actor checks of issue 3. Skipped outside the workplace. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_BREITBART, SEED_TELESUR, readSeed, skipUnlessShared } from '../support/shared.ts';
import { actorNamed, assertSpansSlice, mentionTexts, runActors, type Run } from './support.ts';

const TELESUR = 'telesur';
const BREITBART = 'breitbart';
let cached: Run | null = null;
function run(): Run {
  cached ??= runActors([
    { id: TELESUR, text: readSeed(SEED_TELESUR) },
    { id: BREITBART, text: readSeed(SEED_BREITBART) },
  ]);
  return cached;
}

const options = skipUnlessShared('seeds', SEED_TELESUR);

test('one Leopoldo López across both articles, Padrino López apart', options, () => {
  const r = run();
  const lopez = r.actors.filter((a) => a.type === 'person' && /leopoldo/.test(a.id));
  assert.equal(lopez.length, 1);
  const leopoldo = lopez[0];
  assert.equal(leopoldo.name, 'Leopoldo López');
  assert.deepEqual([...new Set(leopoldo.mentions.map((m) => m.article))].sort(), [BREITBART, TELESUR]);
  const padrino = actorNamed(r, 'Vladimir Padrino López');
  assert.ok(padrino);
  assert.notEqual(padrino.id, leopoldo.id);
  assert.ok(
    !mentionTexts(r, padrino).includes('López'),
    'a bare López before Padrino is named belongs to Leopoldo',
  );
  assert.ok(padrino.labels.some((l) => l.text === 'Minister of Defense'));
});

test(
  'Maduro: "President" in teleSUR, "dictator" in the other, "illegitimate president" quoted',
  options,
  () => {
    const r = run();
    const maduro = r.actors.filter((a) => /maduro/.test(a.id));
    assert.equal(maduro.length, 1, maduro.map((a) => a.name).join(', '));
    const labels = maduro[0].labels;
    assert.ok(labels.some((l) => l.article === TELESUR && l.text === 'President' && l.quotedBy === null));
    assert.ok(
      labels.some(
        (l) => l.article === BREITBART && l.text === 'dictator' && l.quotedBy === null && l.polarity < 0,
      ),
    );
    const illegitimate = labels.find((l) => l.article === BREITBART && /illegitimate president/.test(l.text));
    assert.ok(illegitimate, JSON.stringify(labels));
    assert.match(illegitimate.quotedBy ?? '', /Flores Ortiz/);
    assert.ok((maduro[0].stance[BREITBART] ?? 0) < (maduro[0].stance[TELESUR] ?? 0));
  },
);

test('the other named actors are found, and every span slices', options, () => {
  const r = run();
  for (const [name, type] of [
    ['Giomar Alexander Flores Ortiz', 'person'],
    ['Ángel Vivas', 'person'],
    ['Henrique Capriles', 'person'],
    ['Lilian Tintori', 'person'],
    ['Popular Will', 'organization'],
    ['National Assembly', 'organization'],
    ['Bolivarian National Guard', 'organization'],
  ] as const) {
    const actor = actorNamed(r, name);
    assert.ok(actor, `${name} not found`);
    assert.equal(actor.type, type, name);
  }
  assert.ok(actorNamed(r, 'Flores Ortiz'), 'the short form joins the full name');
  assert.ok(actorNamed(r, 'GNB')?.name === 'Bolivarian National Guard');
  assert.ok(actorNamed(r, 'Vivas')?.name === 'Ángel Vivas');
  assert.ok(actorNamed(r, 'Lilian Tintori')?.mentions.some((m) => m.article === TELESUR));
  assertSpansSlice(r, assert.fail);
});
