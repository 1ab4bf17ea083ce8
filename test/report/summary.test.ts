import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Comparison, Label } from '../../src/model/index.ts';
import { labelTable } from '../../src/report/summary.ts';
import { readComparisonFixture } from './fixture.ts';

/** The fixture with one article's text replaced and one actor's labels set to spans of it. */
function withLabels(text: string, labels: Array<Pick<Label, 'text' | 'kind'> & { quotedBy?: string }>): Comparison {
  const c = readComparisonFixture();
  const article = c.articles[0]!;
  article.text = text;
  const actor = c.actors[0]!;
  let from = 0;
  actor.labels = labels.map((l) => {
    const start = text.indexOf(l.text, from);
    assert.ok(start >= 0, l.text);
    from = start + l.text.length;
    return { article: article.id, text: l.text, start, end: start + l.text.length, polarity: -0.5, kind: l.kind, quotedBy: l.quotedBy ?? null };
  });
  return c;
}

test('an attributive label reads with the words that tie it to its actor', () => {
  const c = withLabels(
    'Governor Ruhl’s riot police cleared the quay. Dockers marched against the Ruhl administration. Later his cabinet met. The regime said nothing.',
    [
      { text: 'riot police', kind: 'attributive' },
      { text: 'administration', kind: 'attributive' },
      { text: 'cabinet', kind: 'attributive' },
      { text: 'regime', kind: 'attributive' },
    ],
  );
  const cell = labelTable(c)[0]!.cells[c.articles[0]!.id]!.map((l) => l.text);
  assert.deepEqual(cell, ['Governor Ruhl’s riot police', 'the Ruhl administration', 'his cabinet', 'the regime']);
});

test('a label whose words lie inside another of the same cell is shown once, in its fuller wording', () => {
  const c = withLabels('The veteran union leader spoke first. Later the veteran Calderra union leader left. The union leader smiled.', [
    { text: 'veteran union leader', kind: 'epithet' },
    { text: 'veteran Calderra union leader', kind: 'epithet' },
    { text: 'union leader', kind: 'epithet' },
  ]);
  const cell = labelTable(c)[0]!.cells[c.articles[0]!.id]!.map((l) => l.text);
  assert.deepEqual(cell, ['veteran Calderra union leader']);
});

test('the same words said by a speaker stay apart from the outlet’s own', () => {
  const c = withLabels('The union leader spoke. “The union leader lies,” a rival said.', [
    { text: 'union leader', kind: 'epithet' },
    { text: 'union leader', kind: 'epithet', quotedBy: 'tomas-ruhl' },
  ]);
  const cell = labelTable(c)[0]!.cells[c.articles[0]!.id]!;
  assert.deepEqual(cell.map((l) => [l.text, l.quotedBy]), [['union leader', null], ['union leader', 'tomas-ruhl']]);
});

test('a bare courtesy title is house style and stays out of the table', () => {
  const c = withLabels('Mr. Ruhl and the veteran Ruhl spoke.', [
    { text: 'Mr.', kind: 'title' },
    { text: 'veteran', kind: 'epithet' },
  ]);
  const cell = labelTable(c)[0]!.cells[c.articles[0]!.id]!.map((l) => l.text);
  assert.deepEqual(cell, ['veteran']);
});

test('an actor whose only label is a courtesy title has no row', () => {
  const c = withLabels('Mr. Ruhl spoke.', [{ text: 'Mr.', kind: 'title' }]);
  assert.ok(!labelTable(c).some((row) => row.actor === c.actors[0]!.id));
});
