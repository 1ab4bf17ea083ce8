/**
 * The fictional example pair (examples/harbour-strike) against our gold
 * (test/fixtures/harbour-strike/actors.gold.json): precision and recall of actors and labels,
 * merges, and the same-surname guard. Floors are pinned: lower them only on purpose.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { normalizeWord } from '../../src/language/index.ts';
import type { Actor, Label } from '../../src/model/index.ts';
import { assertSpansSlice, runFiles } from './support.ts';

interface GoldActor {
  name: string;
  type: string;
  forms: string[];
  articles: string[];
}
interface GoldLabel {
  actor: string;
  article: string;
  text: string;
  quotedBy: string | null;
  polarity?: 'negative' | 'positive';
}
interface Gold {
  actors: GoldActor[];
  apart: [string, string][];
  labels: GoldLabel[];
}

/**
 * Measured 2026-11-26: actors P 1.00 R 1.00, merges 1.00, labels P 1.00 R 1.00. The gold came from
 * the example's README; correct items it lacked (the Dr./Gen./"opposition" titles, "the Herald" and
 * "U.S." as entities) were added after runs, so the figures flatter us: a regression floor, not a
 * benchmark. Floors sit below to allow small rule changes.
 */
const FLOORS = {
  actorPrecision: 0.85,
  actorRecall: 0.9,
  labelPrecision: 0.85,
  labelRecall: 0.85,
  merges: 0.9,
};

const ROOT = resolve(import.meta.dirname, '../..');
const gold = JSON.parse(
  readFileSync(resolve(ROOT, 'test/fixtures/harbour-strike/actors.gold.json'), 'utf8'),
) as Gold;
const run = runFiles([
  { id: 'herald', path: resolve(ROOT, 'examples/harbour-strike/harbour-herald.txt') },
  { id: 'press', path: resolve(ROOT, 'examples/harbour-strike/veyra-free-press.txt') },
]);
const textOf = new Map(run.docs.map((d) => [d.article.id, d.article.text]));
const forms = (a: Actor) => new Set([a.name, ...a.aliases].map(normalizeWord));
const predictedFor = (g: GoldActor) => run.actors.find((a) => forms(a).has(normalizeWord(g.name)));

export function scoreActors(): { precision: number; recall: number; merges: number } {
  const goldForms = new Set(gold.actors.flatMap((g) => g.forms.map(normalizeWord)));
  const correct = run.actors.filter((a) => [...forms(a)].some((f) => goldForms.has(f))).length;
  const found = gold.actors.filter((g) => {
    const actor = predictedFor(g);
    return (
      actor !== undefined &&
      actor.type === g.type &&
      g.articles.every((article) => actor.mentions.some((m) => m.article === article))
    );
  }).length;
  // a gold actor is merged right when every one of its forms written in the texts lands in one actor
  const merged = gold.actors.filter((g) => {
    const owners = new Set(
      run.actors
        .filter((a) =>
          a.mentions.some((m) => g.forms.includes((textOf.get(m.article) ?? '').slice(m.start, m.end))),
        )
        .map((a) => a.id),
    );
    return owners.size === 1;
  }).length;
  return {
    precision: correct / run.actors.length,
    recall: found / gold.actors.length,
    merges: merged / gold.actors.length,
  };
}

function labelMatches(g: GoldLabel, l: Label): boolean {
  if (l.article !== g.article) return false;
  const a = normalizeWord(l.text);
  const b = normalizeWord(g.text);
  if (!a.includes(b) && !b.includes(a)) return false;
  if (g.quotedBy === null) return l.quotedBy === null;
  return l.quotedBy !== null && normalizeWord(l.quotedBy).includes(normalizeWord(g.quotedBy));
}

export function scoreLabels(): { precision: number; recall: number } {
  let predicted = 0;
  let correct = 0;
  let found = 0;
  for (const g of gold.actors) {
    const actor = predictedFor(g);
    const goldLabels = gold.labels.filter((l) => l.actor === g.name);
    const labels = actor?.labels ?? [];
    predicted += labels.length;
    correct += labels.filter((l) => goldLabels.some((gl) => labelMatches(gl, l))).length;
    found += goldLabels.filter((gl) => labels.some((l) => labelMatches(gl, l))).length;
  }
  return { precision: predicted === 0 ? 0 : correct / predicted, recall: found / gold.labels.length };
}

test('actors of the harbour pair: precision, recall and merges above the pinned floors', () => {
  const score = scoreActors();
  assert.ok(score.precision >= FLOORS.actorPrecision, `actor precision ${score.precision.toFixed(2)}`);
  assert.ok(score.recall >= FLOORS.actorRecall, `actor recall ${score.recall.toFixed(2)}`);
  assert.ok(score.merges >= FLOORS.merges, `merges ${score.merges.toFixed(2)}`);
  assertSpansSlice(run, assert.fail);
});

test('the two Salases stay apart', () => {
  for (const [a, b] of gold.apart) {
    const first = run.actors.find((x) => forms(x).has(normalizeWord(a)));
    const second = run.actors.find((x) => forms(x).has(normalizeWord(b)));
    assert.ok(first && second);
    assert.notEqual(first.id, second.id);
  }
});

test('labels of the harbour pair: precision and recall above the pinned floors, polarity signs right', () => {
  const score = scoreLabels();
  assert.ok(score.precision >= FLOORS.labelPrecision, `label precision ${score.precision.toFixed(2)}`);
  assert.ok(score.recall >= FLOORS.labelRecall, `label recall ${score.recall.toFixed(2)}`);
  for (const g of gold.labels.filter((l) => l.polarity)) {
    const label = predictedFor(gold.actors.find((a) => a.name === g.actor)!)?.labels.find((l) =>
      labelMatches(g, l),
    );
    assert.ok(label, g.text);
    assert.equal(Math.sign(label.polarity), g.polarity === 'negative' ? -1 : 1, g.text);
  }
});

test('stance: the Free Press is hostile to the governor, the Herald not', () => {
  const governor = predictedFor(gold.actors[0])!;
  assert.ok((governor.stance.press ?? 0) < 0);
  assert.ok((governor.stance.press ?? 0) < (governor.stance.herald ?? 0));
});
