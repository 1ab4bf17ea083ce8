import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sentenceBiasFast } from '../../src/framing/bias-fast.ts';
import { compileLexicons } from '../../src/framing/bias-features.ts';
import { sentenceBiasByVector, shippedSentenceBiasModel, type SentenceBiasModel } from '../../src/framing/bias.ts';
import { seededRandom, type LoadedLogisticModel } from '../../src/framing/linear.ts';

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
      model: randomModel(5, 100, 1),
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

  test('words that name Object properties score like other words, not NaN', () => {
    const p = sentenceBiasByVector(shippedSentenceBiasModel(), SENTENCES[5]!);
    assert.ok(Number.isFinite(p) && p > 0 && p < 1);
  });
});
