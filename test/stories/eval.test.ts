import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayInUrl, measuredSpread, readRoundups, scoreStream, splitOf, type RoundupArticle } from '../../src/eval/stories.ts';
import { sharedPath, skipUnlessShared } from '../support/shared.ts';

const DATA = ['data', 'story-groups', 'allsides-roundups-2021a.jsonl'];

/**
 * Floors pinned below the measured figures (pairwise F1 0.912, B-cubed F1 0.962 on the held-out
 * half, 2026-11-26 evening); lower them only on purpose, with a note in docs/EVALUATION.md.
 */
const PAIRWISE_F1_FLOOR = 0.89;
const BCUBED_F1_FLOOR = 0.94;

test('story grouping on the held-out half of the roundups stays above its floor', skipUnlessShared(...DATA), () => {
  const articles = readRoundups(sharedPath(...DATA) as string).filter((a) => splitOf(a.story) === 'test');
  assert.ok(articles.length > 300);
  const scores = scoreStream(articles);
  assert.ok(scores.pairwise.f1 >= PAIRWISE_F1_FLOOR, `pairwise F1 ${scores.pairwise.f1.toFixed(3)}`);
  assert.ok(scores.bcubed.f1 >= BCUBED_F1_FLOOR, `B-cubed F1 ${scores.bcubed.f1.toFixed(3)}`);
});

test('the tune/test split is fixed and about even', () => {
  const halves = Array.from({ length: 1000 }, (_, i) => splitOf(String(6000 + i)));
  const tune = halves.filter((h) => h === 'tune').length;
  assert.ok(tune > 400 && tune < 600, `${tune} of 1000 in the tune half`);
  assert.equal(splitOf('6112'), splitOf('6112'));
});

test('the publication day is read from the usual address shapes, and nothing else', () => {
  assert.equal(dayInUrl('https://harbour-herald.example/news/2031/03/07/port-strike/'), '2031-03-07');
  assert.equal(dayInUrl('https://harbour-herald.example/news/2031/mar/7/port-strike/'), '2031-03-07');
  assert.equal(dayInUrl('https://coast-daily.example/politics/port-strike-20310307.html'), '2031-03-07');
  assert.equal(dayInUrl('https://coast-daily.example/politics/port-strike-ends'), null);
  assert.equal(dayInUrl('https://coast-daily.example/id/20319999'), null);
});

test('the measured spread: same-day share over pairs of one story with dated addresses, and the jitter that reproduces it', () => {
  const article = (id: string, story: string, url: string | null): RoundupArticle => ({ id, story, url, title: null, text: '', source: null, published: null });
  const articles = [
    article('1', 'a', 'https://x.example/2031/03/07/a'),
    article('2', 'a', 'https://y.example/2031/03/07/b'),
    article('3', 'b', 'https://x.example/2031/03/09/c'),
    article('4', 'b', 'https://y.example/2031/03/10/d'),
    article('5', 'b', null),
    article('6', 'c', 'https://z.example/2031/03/11/e'),
  ];
  // Pairs: (1,2) same day, (3,4) a day apart; 5 has no day, c has one dated article.
  assert.deepEqual(measuredSpread(articles), { pairs: 2, sameDay: 1, jitterHours: 12 });
  assert.equal(measuredSpread(articles.slice(0, 2)).jitterHours, 0);
});
