import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { markupText, type MarkupSpan } from '../../src/report/spans.ts';

const mark = (start: number, end: number, id: string, rank = 0): MarkupSpan => ({ start, end, rank, open: `<mark data-id="${id}">`, close: '</mark>' });

function parse(html: string): Document {
  return parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`).document;
}

/** The text each id covers, by concatenating its pieces. */
function covered(doc: Document, id: string): string {
  return [...doc.querySelectorAll(`[data-id="${id}"]`)].map((el) => directText(el)).join('');
}

/** Text of the element excluding nested pieces of the same id (pieces never nest in themselves). */
function directText(el: Element): string {
  return el.textContent ?? '';
}

test('crossing spans are split so tags nest, and each span still covers exactly its text', () => {
  const text = 'Alpha beta gamma delta epsilon';
  const spans = [mark(0, 16, 'a'), mark(6, 22, 'b'), mark(11, 30, 'c'), mark(6, 10, 'd', 1)];
  const html = markupText(text, spans);
  // tags balance in order
  const stack: string[] = [];
  for (const tag of html.match(/<\/?mark[^>]*>/g) ?? []) {
    if (tag.startsWith('</')) assert.ok(stack.pop(), 'close without open');
    else stack.push(tag);
  }
  assert.equal(stack.length, 0);
  const doc = parse(html);
  assert.equal(doc.getElementById('root')!.textContent, text);
  for (const s of spans) assert.equal(covered(doc, s.open.match(/"(.)"/)![1]), text.slice(s.start, s.end));
});

test('text is escaped once, empty and out-of-range spans are ignored', () => {
  const text = 'a <img src=x onerror=alert(1)> & "b"';
  const html = markupText(text, [mark(0, 1, 'x'), mark(3, 3, 'empty'), mark(5, 999, 'far')]);
  assert.ok(!html.includes('<img'));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;b&quot;'));
  assert.equal(parse(html).getElementById('root')!.textContent, text);
  assert.equal((html.match(/<mark/g) ?? []).length, 1);
});

test('a span inside another at equal extent is wrapped by the lower rank', () => {
  const html = markupText('word', [mark(0, 4, 'inner', 2), mark(0, 4, 'outer', 0)]);
  assert.equal(html, '<mark data-id="outer"><mark data-id="inner">word</mark></mark>');
});
