import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateLoaded, figuresAt } from '../../src/eval/loaded.ts';
import { holdsChargedWord, inBiasedSentence, isListed, LISTED_FIRST_MIN_WORD_BIAS, LISTED_MIN_SCORE, listingTier } from '../../src/framing/listing.ts';
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
        { score: 0.8, hit: true, wordBias: 0.6 },
        { score: 0.3, hit: false, wordBias: 0.1 },
        { score: 0.7, hit: false, wordBias: 0.05 },
      ],
      marked: [[0], []],
    },
    { biased: false, gated: false, findings: [{ score: 0.5, hit: false, wordBias: 0.9 }], marked: [] },
  ];
  const all = figuresAt(outcomes, 0);
  assert.equal(all.precision, 1 / 4);
  assert.equal(all.recall, 1 / 2);
  assert.equal(all.perBiasedSentence, 3);
  assert.equal(all.perUnbiasedSentence, 1);
  const cut = figuresAt(outcomes, 0.6);
  assert.equal(cut.precision, 1 / 2);
  assert.equal(cut.recall, 1 / 2);
  assert.equal(cut.perUnbiasedSentence, 0);
  const sentenceGate = figuresAt(outcomes, 0, 0);
  assert.equal(sentenceGate.precision, 1 / 3, 'the ungated sentence lists nothing');
  assert.equal(sentenceGate.perUnbiasedSentence, 0);
  const firstTier = figuresAt(outcomes, 0, 0.2);
  assert.equal(firstTier.precision, 1, 'only the finding with a charged word in a gated sentence');
  assert.equal(firstTier.recall, 1 / 2);
  assert.equal(figuresAt(outcomes, 0, 0.7).recall, 0, 'the marked word’s only finding is below the word cut');
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

test('a loaded finding with a charged word in a biased sentence comes first; one without a charged word drops a tier', () => {
  const charged = { ...finding(0.5), start: 10, sentenceBias: 0.9, wordBias: LISTED_FIRST_MIN_WORD_BIAS };
  const flat = { ...finding(0.9), start: 20, sentenceBias: 0.9, wordBias: LISTED_FIRST_MIN_WORD_BIAS - 0.01 };
  const otherTechnique = { ...finding(0.7), start: 30, technique: 'Doubt' as const, sentenceBias: 0.9 };
  assert.equal(holdsChargedWord(charged), true);
  assert.equal(holdsChargedWord(flat), false);
  assert.equal(holdsChargedWord(otherTechnique), true, 'no word bias (not a loaded technique): not held against it');
  assert.deepEqual([charged, flat, otherTechnique].map(listingTier), [2, 1, 2]);
  const listed = topFindings({ framing: [flat, charged, otherTechnique] } as unknown as Comparison, 10);
  assert.deepEqual(listed, [otherTechnique, charged, flat], 'same tier by score; the flat one last although it scores highest');
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
