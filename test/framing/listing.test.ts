import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateLoaded, figuresAt } from '../../src/eval/loaded.ts';
import { inBiasedSentence, isListed, LISTED_MIN_SCORE } from '../../src/framing/listing.ts';
import type { Comparison, FramingFinding } from '../../src/model/index.ts';
import { topFindings } from '../../src/report/summary.ts';
import { sharedPath, skipUnlessShared } from '../support/shared.ts';

function finding(score: number, quotedBy: string | null = null): FramingFinding {
  return {
    article: 'a1',
    start: 0,
    end: 4,
    text: 'mobs',
    technique: 'Loaded_Language',
    score,
    reason: 'test',
    quotedBy,
  };
}

test('only findings at or above the listing cut are listed, own voice first', () => {
  const weak = finding(LISTED_MIN_SCORE - 0.01);
  const quoted = finding(0.9, 'the mayor');
  const own = finding(LISTED_MIN_SCORE);
  assert.equal(isListed(weak), false);
  const listed = topFindings({ framing: [weak, quoted, own] } as unknown as Comparison, 10);
  assert.deepEqual(listed, [own, quoted]);
});

test('figures at a cut count findings holding marked words and marked words inside findings', () => {
  const outcomes = [
    {
      biased: true,
      gated: true,
      findings: [
        { score: 0.8, hit: true },
        { score: 0.3, hit: false },
      ],
      marked: [0.8, -1],
    },
    { biased: false, gated: false, findings: [{ score: 0.5, hit: false }], marked: [] },
  ];
  const all = figuresAt(outcomes, 0);
  assert.equal(all.precision, 1 / 3);
  assert.equal(all.recall, 1 / 2);
  assert.equal(all.perBiasedSentence, 2);
  assert.equal(all.perUnbiasedSentence, 1);
  const cut = figuresAt(outcomes, 0.6);
  assert.equal(cut.precision, 1);
  assert.equal(cut.recall, 1 / 2);
  assert.equal(cut.perUnbiasedSentence, 0);
  const gated = figuresAt(outcomes, 0, true);
  assert.equal(gated.precision, 1 / 2, 'the ungated sentence lists nothing');
  assert.equal(gated.perUnbiasedSentence, 0);
});

test('findings in sentences the bias model calls biased are listed first; the others still listed', () => {
  const plain = { ...finding(0.9), start: 10, sentenceBias: 0.1 };
  const biased = { ...finding(0.5), start: 20, sentenceBias: 0.9 };
  assert.equal(inBiasedSentence(plain), false);
  assert.equal(inBiasedSentence(biased), true);
  assert.equal(inBiasedSentence(finding(0.9)), false, 'no probability: not known to be biased');
  const listed = topFindings({ framing: [plain, biased] } as unknown as Comparison, 10);
  assert.deepEqual(listed, [biased, plain]);
});

test(
  'eval loaded on 200 BABE sentences: biased sentences draw more findings',
  { ...skipUnlessShared('data', 'babe', 'babe.csv') },
  () => {
    const result = evaluateLoaded(sharedPath('data', 'babe')!, { limit: 200 });
    const m = result.metrics;
    assert.ok(m.findings_per_biased_sentence! > m.findings_per_unbiased_sentence!, JSON.stringify(m));
    assert.ok(m.precision! > 0.15 && m.recall! > 0.25, JSON.stringify(m));
    assert.ok(m.listed_per_unbiased_sentence! <= m.findings_per_unbiased_sentence!);
  },
);
