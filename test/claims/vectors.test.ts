import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cosine,
  rarityWeight,
  sentenceVector,
  wordRank,
  wordSimilarity,
  wordVector,
} from '../../src/language/vectors.ts';

test('word vectors: near words are closer than unrelated ones', () => {
  assert.ok(wordSimilarity('protest', 'demonstration') > 0.6);
  assert.ok(wordSimilarity('protest', 'demonstration') > wordSimilarity('protest', 'banana') + 0.3);
  assert.ok(wordSimilarity('Prison', 'jail') > 0.5, 'case-insensitive');
  assert.equal(wordSimilarity('protest', 'qxzvbl'), 0, 'unknown words have no similarity');
});

test('vectors are unit length after de-quantisation (int8 error under 1%)', () => {
  const v = wordVector('harbour') ?? wordVector('harbor');
  assert.ok(v);
  const norm = Math.hypot(...v);
  assert.ok(Math.abs(norm - 1) < 0.01, `norm ${norm}`);
});

test('rarity: function words weigh little, rare words much, unknown words most', () => {
  assert.equal(wordRank('the'), 0);
  assert.ok(rarityWeight('the') < 0.1);
  assert.ok(rarityWeight('arson') > rarityWeight('government'));
  assert.ok(rarityWeight('qxzvbl') >= rarityWeight('arson'));
});

test('sentence vectors: rarity-weighted, same topic scores higher', () => {
  const strike = sentenceVector(['dockworkers', 'ended', 'the', 'strike', 'at', 'the', 'port']);
  const walkout = sentenceVector(['harbour', 'workers', 'stopped', 'the', 'walkout']);
  const cake = sentenceVector(['she', 'baked', 'a', 'chocolate', 'cake', 'for', 'dessert']);
  assert.ok(cosine(strike, walkout) > cosine(strike, cake) + 0.1);
  assert.ok(sentenceVector(['qxzvbl']).every((x) => x === 0));
});
