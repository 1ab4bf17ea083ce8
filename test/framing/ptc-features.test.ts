import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quotationMask, splitSentences, stem, tokenizeWords } from '../../src/framing/features.ts';

test('tokens carry exact UTF-16 offsets, accents folded in norm', () => {
  const text = 'Mayor Zoë Brandt’s “reckless” plan — 3 days!';
  const tokens = tokenizeWords(text);
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.deepEqual(
    tokens.map((t) => t.norm),
    ['mayor', 'zoe', "brandt's", '“', 'reckless', '”', 'plan', '—', '3', 'days', '!'],
  );
});

test('quotation mask covers the quoted words only, never across paragraphs', () => {
  const text = 'The council called it "a shameful betrayal" on Monday.\n\n"Unclosed quote here\n\nNext paragraph.';
  const mask = quotationMask(text);
  const inside = (word: string): boolean => mask[text.indexOf(word)] === 1;
  assert.ok(inside('shameful'));
  assert.ok(!inside('council'));
  assert.ok(!inside('Monday'));
  assert.ok(!inside('Next'));
});

test('curly quotes and apostrophes: an apostrophe does not close a quotation', () => {
  const text = 'She said “the dockers’ union lied” and left.';
  const mask = quotationMask(text);
  assert.equal(mask[text.indexOf('lied')], 1);
  assert.equal(mask[text.indexOf('left')], 0);
});

test('stemmer ties inflections together', () => {
  assert.equal(stem('smears'), stem('smeared'));
  assert.equal(stem('smearing'), 'smear');
  assert.equal(stem('bus'), 'bus');
});

test('sentence split on lines and final punctuation', () => {
  const text = 'First one here. Second one! Third?\nA new line';
  const spans = splitSentences(text).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(spans, ['First one here.', 'Second one!', 'Third?', 'A new line']);
});
