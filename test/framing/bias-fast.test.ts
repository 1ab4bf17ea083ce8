import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { markedWordProbabilitiesFast, sentenceBiasFast } from '../../src/framing/bias-fast.ts';
import { BIAS_DENSE_DIMENSIONS, compileLexicons, lexiconLookup } from '../../src/framing/bias-features.ts';
import { markedWordProbabilities } from '../../src/framing/bias-words.ts';
import { sentenceBiasByVector, shippedSentenceBiasModel, type SentenceBiasModel } from '../../src/framing/bias.ts';
import { addVectors, hashFeature, seededRandom, vectorize, wordTokens, type LoadedLogisticModel, type SparseVector } from '../../src/framing/linear.ts';

/** Written for this test: plain, loaded, quoted, repetitive and odd-token sentences. */
const SENTENCES = [
  'The harbour authority said on Tuesday that 14 berths would reopen next week.',
  'The so-called reform is a shameless giveaway to greedy bosses who despise ordinary dockers!',
  '"We will not be bullied," the union’s spokeswoman told reporters, claiming managers had lied.',
  'Port, port, port: the port council may realize the ports are the port’s problem.',
  "Don't the U.S. officials admit they can't manage a 3.5% rise?",
  'A constructor told the hearing that toString and valueOf are not words a dock uses.',
  '!',
  '',
];

function randomModel(bits: number, dense: number, seed: number): LoadedLogisticModel {
  const random = seededRandom(seed);
  return { bits, bias: random() - 0.5, weights: Float64Array.from({ length: (1 << bits) + dense }, () => 2 * random() - 1) };
}

describe('fast sentence-bias scoring', () => {
  test('gives the vector path’s probabilities with the shipped model', () => {
    const model = shippedSentenceBiasModel();
    for (const sentence of SENTENCES) {
      const fast = sentenceBiasFast(model, sentence);
      assert.ok(fast !== null);
      assert.ok(Math.abs(fast - sentenceBiasByVector(model, sentence)) < 1e-12, sentence);
    }
  });

  test('handles hash collisions the way the vector path does (tiny hash spaces collide often)', () => {
    const model: SentenceBiasModel = {
      model: randomModel(5, BIAS_DENSE_DIMENSIONS, 1),
      wordModel: randomModel(4, 100, 2),
      wordBias: new Map([['shameless', 0.6], ['greedy', 0.4], ['said', 0.01]]),
      lexicons: compileLexicons({
        bias: ['shameless', 'greedy'],
        hedges: ['may'],
        factives: ['realize'],
        assertives: ['claim'],
        implicatives: ['manage'],
        reportVerbs: ['say', 'tell'],
      }),
      threshold: 0.5,
    };
    for (const sentence of SENTENCES) {
      const fast = sentenceBiasFast(model, sentence);
      assert.ok(fast !== null);
      assert.ok(Math.abs(fast - sentenceBiasByVector(model, sentence)) < 1e-12, sentence);
    }
  });

  test('gives the marked-word model’s per-token probabilities (the trigger words read them)', () => {
    const model = shippedSentenceBiasModel();
    for (const sentence of SENTENCES) {
      const fast = markedWordProbabilitiesFast(model, sentence);
      const slow = markedWordProbabilities(model.wordModel, wordTokens(sentence), lexiconLookup(model.lexicons));
      assert.ok(fast !== null);
      assert.equal(fast.length, slow.length, sentence);
      fast.forEach((p, i) => assert.ok(Math.abs(p - slow[i]!) < 1e-12, `${sentence} token ${i}: ${p} vs ${slow[i]}`));
    }
  });

  test('words that name Object properties score like other words, not NaN', () => {
    const p = sentenceBiasByVector(shippedSentenceBiasModel(), SENTENCES[5]!);
    assert.ok(Number.isFinite(p) && p > 0 && p < 1);
  });
});

describe('sparse vectors', () => {
  test('vectorize sums colliding names in bag order and sorts buckets (4 bits: many collisions)', () => {
    const random = seededRandom(3);
    const bag = new Map<string, number>();
    for (let k = 0; k < 60; k++) bag.set(`f${k}`, k % 7 === 0 ? 0 : random() * 2 - 1);
    const expected = new Map<number, number>();
    for (const [name, value] of bag) {
      if (value === 0) continue;
      const index = hashFeature(name, 4);
      expected.set(index, (expected.get(index) ?? 0) + value);
    }
    const v = vectorize(bag, 4);
    assert.deepEqual([...v.indices], [...expected.keys()].sort((a, b) => a - b));
    v.indices.forEach((index, k) => assert.equal(v.values[k], expected.get(index)));
  });

  test('addVectors merges sorted vectors, adding shared indices', () => {
    const a: SparseVector = { indices: Uint32Array.from([1, 4, 9]), values: Float64Array.from([0.5, -1, 2]) };
    const b: SparseVector = { indices: Uint32Array.from([0, 4, 10]), values: Float64Array.from([3, 0.25, -2]) };
    const sum = addVectors(a, b);
    assert.deepEqual([...sum.indices], [0, 1, 4, 9, 10]);
    assert.deepEqual([...sum.values], [3, 0.5, -0.75, 2, -2]);
    assert.deepEqual([...addVectors(a, { indices: new Uint32Array(0), values: new Float64Array(0) }).values], [0.5, -1, 2]);
  });
});
