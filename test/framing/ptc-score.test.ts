import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreSpanIdentification, scoreTechniques } from '../../src/framing/spans-score.ts';
import { mergeSpans } from '../../src/framing/spans.ts';

test('span identification: exact match scores 1', () => {
  const spans = new Map([['a', [{ start: 0, end: 10 }]]]);
  assert.deepEqual(scoreSpanIdentification(spans, spans), { precision: 1, recall: 1, f1: 1 });
});

test('span identification: partial overlap credits the overlapping characters', () => {
  // Predicted [0,10), gold [5,25): overlap 5 → precision 5/10, recall 5/20.
  const r = scoreSpanIdentification(new Map([['a', [{ start: 0, end: 10 }]]]), new Map([['a', [{ start: 5, end: 25 }]]]));
  assert.equal(r.precision, 0.5);
  assert.equal(r.recall, 0.25);
  assert.ok(Math.abs(r.f1 - 1 / 3) < 1e-12);
});

test('span identification: overlapping predictions are merged before scoring', () => {
  // [0,6) and [4,10) merge into [0,10): one predicted span, fully inside gold [0,20).
  const r = scoreSpanIdentification(
    new Map([['a', [{ start: 0, end: 6 }, { start: 4, end: 10 }]]]),
    new Map([['a', [{ start: 0, end: 20 }]]]),
  );
  assert.equal(r.precision, 1);
  assert.equal(r.recall, 0.5);
});

test('span identification: spans of other articles never overlap', () => {
  const r = scoreSpanIdentification(new Map([['a', [{ start: 0, end: 10 }]]]), new Map([['b', [{ start: 0, end: 10 }]]]));
  assert.deepEqual(r, { precision: 0, recall: 0, f1: 0 });
});

test('span identification: one prediction covering two gold spans earns recall for both', () => {
  const r = scoreSpanIdentification(
    new Map([['a', [{ start: 0, end: 20 }]]]),
    new Map([['a', [{ start: 0, end: 5 }, { start: 10, end: 20 }]]]),
  );
  assert.equal(r.recall, 1);
  assert.equal(r.precision, 0.75);
});

test('technique micro-F1 is the share of gold spans labelled right', () => {
  assert.equal(scoreTechniques(['Doubt', 'Slogans', 'Doubt', 'Repetition'], ['Doubt', 'Slogans', 'Repetition', 'Repetition']), 0.75);
  assert.throws(() => scoreTechniques(['Doubt'], []));
});

test('mergeSpans joins overlaps and keeps touching spans apart', () => {
  assert.deepEqual(mergeSpans([{ start: 5, end: 9 }, { start: 0, end: 6 }, { start: 9, end: 12 }]), [
    { start: 0, end: 9 },
    { start: 9, end: 12 },
  ]);
});
