import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadedWords, MAX_TRIGGERS } from '../../src/framing/triggers.ts';

const loadedWordSpans = (...args: Parameters<typeof loadedWords>) => loadedWords(...args).spans;

const sentence = (text: string) => ({ start: 0, end: text.length });
const words = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('loadedWordSpans: the charged words of a loaded stretch', () => {
  test('names the insult, not the neutral words around it', () => {
    const text = 'The mayor sent his thugs to the harbour office on Tuesday.';
    const span = { start: text.indexOf('his'), end: text.indexOf(' on Tuesday') };
    const found = words(text, loadedWordSpans(text, sentence(text), span));
    assert.equal(found[0], 'thugs', JSON.stringify(found));
  });

  test('the likeliest word is always named; never a function word, never a word outside the span, each word once', () => {
    const text = 'Critics called the plan a shameful, shameful sham, and the rest of the council agreed.';
    const span = { start: 0, end: text.indexOf(', and') };
    const spans = loadedWordSpans(text, sentence(text), span);
    assert.ok(spans.length >= 1 && spans.length <= MAX_TRIGGERS, JSON.stringify(spans));
    const found = words(text, spans);
    for (const s of spans) assert.ok(s.start >= span.start && s.end <= span.end);
    assert.equal(new Set(found.map((w) => w.toLowerCase())).size, found.length, JSON.stringify(found));
    for (const w of found) assert.ok(!['the', 'a', 'of'].includes(w.toLowerCase()), w);
    assert.ok(found.includes('shameful') || found.includes('sham'), JSON.stringify(found));
  });

  test('a span of function words only names nothing', () => {
    const text = 'It was what it was.';
    assert.deepEqual(loadedWordSpans(text, sentence(text), { start: 0, end: 6 }), []);
  });

  test('offsets hold inside a longer text (the sentence does not start at 0)', () => {
    const text = 'The ferry left at noon. Then the councillor called the union leaders parasites.';
    const start = text.indexOf('Then');
    const span = { start: text.indexOf('called'), end: text.length - 1 };
    const found = words(text, loadedWordSpans(text, { start, end: text.length }, span));
    assert.ok(found.includes('parasites'), JSON.stringify(found));
  });
});
