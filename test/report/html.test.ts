import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { renderHtml } from '../../src/report/index.ts';
import { readComparisonFixture } from './fixture.ts';
import type { Comparison } from '../../src/model/index.ts';

function render(c: Comparison): { html: string; document: Document } {
  const html = renderHtml(c);
  return { html, document: parseHTML(html).document };
}

function column(document: Document, articleId: string): Element {
  const body = document.querySelector(`article[data-article="${articleId}"] .px-article-body`);
  assert.ok(body, `column for ${articleId}`);
  return body;
}

test('the page is self-contained: no outside scripts, styles, fonts or images', () => {
  const { html, document } = render(readComparisonFixture());
  assert.match(html, /^<!doctype html>/);
  assert.equal(document.querySelectorAll('script[src], link, img, iframe, object, embed').length, 0);
  assert.equal(document.querySelectorAll('script').length, 1);
  assert.equal(document.querySelectorAll('style').length, 1);
  assert.doesNotMatch(html, /(src|href)\s*=\s*["']?(https?:)?\/\//i);
  assert.doesNotMatch(html, /@import|@font-face|url\(/i);
  assert.ok(document.querySelector('meta[http-equiv="Content-Security-Policy"]'));
  for (const bad of ['undefined', 'NaN', '[object Object]']) assert.ok(!html.includes(bad), bad);
  assert.match(html, /@media print/);
});

test('brief on top: one button per brief item, pointing at its alignment, before the articles', () => {
  const c = readComparisonFixture();
  const { html, document } = render(c);
  const buttons = [...document.querySelectorAll('.px-brief [data-focus-alignment]')];
  assert.deepEqual(buttons.map((b) => b.getAttribute('data-focus-alignment')), ['a1', 'a2', 'a3', 'a4']);
  assert.match(buttons[0].textContent ?? '', /Dockworkers stopped work/);
  assert.ok(html.indexOf('class="px-brief"') < html.indexOf('class="px-articles"'));
  assert.equal(document.querySelector('.px-brief-unique h3')?.textContent, 'Only in Harbour Gazette');
});

test('each column holds exactly its article text, and every claim, quote and finding is marked over its span', () => {
  const c = readComparisonFixture();
  const { document } = render(c);
  for (const a of c.articles) assert.equal(column(document, a.id).textContent, a.text);
  const kinds: Record<string, string> = { c1: 'agreed', c4: 'agreed', c2: 'conflict', c5: 'conflict', c3: 'unique', c6: 'unique' };
  for (const claim of c.claims) {
    const pieces = [...column(document, claim.article).querySelectorAll(`[data-claim="${claim.id}"]`)];
    assert.ok(pieces.length > 0, claim.id);
    assert.equal(pieces.map((p) => p.textContent).join(''), claim.text);
    assert.ok(pieces[0].classList.contains(`px-k-${kinds[claim.id]}`), `${claim.id} coloured ${kinds[claim.id]}`);
  }
  for (const q of c.quotes) assert.equal(document.querySelector(`[data-quote="${q.id}"]`)?.textContent, q.text);
  c.framing.forEach((f, i) => assert.equal(document.querySelector(`.px-article [data-frame="${i}"]`)?.textContent, f.text));
  const militant = column(document, 'wire').querySelector('.px-label.px-pol-neg');
  assert.equal(militant?.textContent, 'militant');
});

test('legend toggles every layer; the label table, the voice chart and score charts are there', () => {
  const { document } = render(readComparisonFixture());
  const layers = [...document.querySelectorAll('.px-legend input[data-layer]')].map((i) => i.getAttribute('data-layer'));
  assert.deepEqual(layers, ['agreed', 'conflict', 'unique', 'quotes', 'actors', 'labels', 'framing']);
  const rows = [...document.querySelectorAll('.px-labels tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent?.trim()));
  assert.deepEqual(rows.find((r) => r[0] === 'Calderra Dockers Union'), ['Calderra Dockers Union', '—', 'militant']);
  assert.equal(document.querySelectorAll('.px-voices svg rect').length, 5); // 2 + 1 speakers, 2 own-voice bars
  assert.equal(document.querySelectorAll('.px-scores svg').length, 3);
  assert.equal(document.querySelectorAll('.px-framing [data-focus-frame]').length, 4);
});

test('article text and metadata are escaped: markup in an article is shown, never run', () => {
  const c = readComparisonFixture();
  const evil = '<img src=x onerror=alert(1)>';
  const a = c.articles[0];
  a.text += `\n\nA reader wrote ${evil} in the comments.`;
  a.title = '</script><script>alert(2)</script>';
  a.source = '"><svg onload=alert(3)>';
  c.brief.agreed[0].text = '<b>bold</b> & more';
  c.warnings.push('<iframe src=//evil>');
  const { html, document } = render(c);
  assert.equal(document.querySelectorAll('img, iframe').length, 0);
  assert.equal(document.querySelectorAll('script').length, 1);
  assert.equal(document.querySelectorAll('svg[onload], [onerror], [onload]').length, 0);
  assert.ok(column(document, a.id).textContent?.includes(evil));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.equal(document.querySelector('.px-article .px-title')?.textContent, a.title);
  assert.match(document.querySelector('.px-brief-agreed button')?.textContent ?? '', /^<b>bold<\/b> & more/);
});

test('overlapping spans of different layers nest without breaking the markup', () => {
  const c = readComparisonFixture();
  // a finding that starts inside one claim and ends inside the next sentence's claim
  const text = c.articles[0].text;
  const start = text.indexOf('job on Monday');
  const end = text.indexOf('The Calderra') + 'The Calderra'.length;
  c.framing.push({ article: 'gazette', start, end, text: text.slice(start, end), technique: 'Doubt', score: 0.5, reason: 'test', quotedBy: null });
  const { document } = render(c);
  assert.equal(column(document, 'gazette').textContent, text);
  const pieces = [...document.querySelectorAll(`.px-article [data-frame="${c.framing.length - 1}"]`)];
  assert.ok(pieces.length >= 2, 'split into pieces');
  assert.equal(pieces.map((p) => p.textContent).join(''), text.slice(start, end));
});

test('a listed finding shows its trigger words in bold, and its text unchanged', () => {
  const c = readComparisonFixture();
  const finding = c.framing.find((f) => f.technique === 'Loaded_Language' || f.technique === 'Name_Calling,Labeling');
  assert.ok(finding, 'fixture has a loaded finding');
  const words = finding.text.split(/\s+/);
  const last = words[words.length - 1]!;
  const at = finding.end - last.length;
  const { document } = render({ ...c, framing: c.framing.map((f) => (f === finding ? { ...f, score: 0.99, triggers: [{ start: at, end: finding.end }] } : f)) });
  const item = [...document.querySelectorAll('.px-finding .px-frame')].find((el) => el.textContent === finding.text);
  assert.ok(item, 'finding listed with its text');
  assert.equal(item.querySelector('strong.px-trigger')?.textContent, last);
});

test('a claim agreed only in other words is marked apart and says so', () => {
  const c = readComparisonFixture();
  const agreed = c.alignments.find((a) => a.kind === 'agreed')!;
  agreed.wordedApart = true;
  const { document } = render(c);
  const marks = agreed.claims.map((id) => document.querySelector(`mark[data-claim="${id}"]`));
  for (const mark of marks) {
    assert.ok(mark?.classList.contains('px-loose'), mark?.outerHTML);
    assert.match(mark!.getAttribute('title') ?? '', /^Agreed, worded differently: /);
  }
  const firm = render(readComparisonFixture()).document.querySelector(`mark[data-claim="${agreed.claims[0]}"]`);
  assert.ok(firm && !firm.classList.contains('px-loose'));
});
