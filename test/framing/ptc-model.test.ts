import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluatePtc } from '../../src/eval/ptc.ts';
import { loadPtcModels } from '../../src/framing/index.ts';
import { TECHNIQUES } from '../../src/framing/techniques.ts';
import { sharedPath, skipUnlessShared } from '../support/shared.ts';

/** Dev articles scored here: a few seconds, enough for a floor that catches a broken model. */
const SUBSET = 20;
/**
 * Floors on that subset, pinned a little under what the committed weights reach on it
 * (2026-11-26: span F1 0.372, technique micro-F1 0.615; the whole dev split is in
 * docs/EVALUATION.md). Lower only on purpose, after retraining.
 */
const SPAN_F1_FLOOR = 0.35;
const TECHNIQUE_F1_FLOOR = 0.58;

test('the trained PTC resources load and cover the 14 techniques', () => {
  const models = loadPtcModels();
  assert.deepEqual([...models.classifier.classes].sort(), [...TECHNIQUES].sort());
  assert.ok(models.tagger.threshold > 0 && models.tagger.threshold < 1);
});

test('the committed weights reproduce the dev figures on a subset', { ...skipUnlessShared('data', 'ptc', 'dev') }, () => {
  const result = evaluatePtc(sharedPath('data', 'ptc', 'dev')!, { limit: SUBSET });
  assert.equal(result.count, SUBSET);
  assert.ok(result.metrics.span_f1! >= SPAN_F1_FLOOR, `span F1 ${result.metrics.span_f1}`);
  assert.ok(result.metrics.technique_micro_f1! >= TECHNIQUE_F1_FLOOR, `technique micro-F1 ${result.metrics.technique_micro_f1}`);
});
