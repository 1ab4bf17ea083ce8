/** Golden checks of the fictional example pair (examples/harbour-strike, gold in its README). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { articleFromText } from '../../src/ingest/article.ts';

const dir = resolve(import.meta.dirname, '../../examples/harbour-strike');
const read = (name: string): string => readFileSync(resolve(dir, name), 'utf8');

test('Harbour Herald: dateline place and outlet, boilerplate removed', () => {
  const article = articleFromText(read('harbour-herald.txt'), { origin: 'harbour-herald.txt' });
  assert.equal(article.source, 'Harbour Herald');
  assert.equal(article.place, 'Port Veyra');
  assert.equal(article.title, null);
  assert.ok(article.text.startsWith('A strike by dockworkers'));
  assert.deepEqual(article.removed.map((r) => r.kind).sort(), [
    'comments',
    'dateline',
    'promo',
    'syndication',
  ]);
  assert.doesNotMatch(article.text, /Exclusive:|originally ran on|Comments are closed/);
  assert.match(article.text, /Gen\. Tomás Salas Ibarra/);
});

test('Veyra Free Press: headline title, footer author, cut-off paragraph kept once', () => {
  const article = articleFromText(read('veyra-free-press.txt'), { origin: 'veyra-free-press.txt' });
  assert.equal(article.title, 'Dockworkers End Two-Week Strike as Riot Police Break Up Peaceful March');
  assert.equal(article.provenance.title, 'first-line');
  assert.equal(article.author, 'Marta Quiroga');
  assert.equal(article.source, null);
  assert.deepEqual(article.removed.map((r) => r.kind).sort(), [
    'byline-footer',
    'promo',
    'promo',
    'title',
    'truncated-duplicate',
  ]);
  assert.equal(article.text.split('Workers at Port Veyra earn on average').length - 1, 1);
  assert.match(article.text, /eleven colleagues dismissed after a forklift accident/);
  assert.doesNotMatch(article.text, /RELATED:|Share this|Follow Marta/);
});
