import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderTerminal, TERMINAL_WIDTH } from '../../src/report/index.ts';
import { readComparisonFixture } from './fixture.ts';
import { beyondItem } from '../../src/report/summary.ts';

const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

test('plain output has the brief, the label table, voices and framing, and no escape codes', () => {
  const text = renderTerminal(readComparisonFixture(), { color: false });
  assert.ok(!text.includes(ESC));
  for (const heading of ['AGREED', 'DISPUTED', 'ONLY IN HARBOUR GAZETTE [1]', 'ONLY IN COASTAL DAILY WIRE [2]', 'HOW EACH OUTLET LABELS', 'VOICES', 'FRAMING']) {
    assert.ok(text.includes(heading), heading);
  }
  assert.match(text, /= Dockworkers stopped work at the Port of Calderra on Monday\. \[1,2\]/);
  assert.match(text, /Calderra Dockers Union +│ — +│ militant/);
  // the gazette quotes two speakers, the wire one
  assert.match(text, /\[1\] Harbour Gazette: own voice \d+% · Mara Velde \d+% \(labour\) · Tomas Ruhl \d+%/);
  assert.match(text, /Name Calling,Labeling 0\.82: "militant union"/);
});

test('a label from inside a quotation is marked with its speaker', () => {
  const c = readComparisonFixture();
  const union = c.actors.find((a) => a.id === 'dockers-union')!;
  union.labels.push({ article: 'gazette', text: 'stubborn', polarity: -0.6, kind: 'epithet', quotedBy: 'tomas-ruhl', start: 0, end: 8 });
  const text = renderTerminal(c, { color: false });
  assert.match(text, /"stubborn" \(Tomas Ruhl\)/);
});

test('colour only when asked, and every line fits the width, long brief items included', () => {
  const c = readComparisonFixture();
  c.brief.agreed[0].text = 'The harbour stopped. '.repeat(30) + 'Averyveryveryverylongwordthatcannotbebrokenanywherebyspaces'.repeat(3);
  const coloured = renderTerminal(c, { color: true });
  assert.match(coloured, ANSI);
  const plain = renderTerminal(c, { color: false });
  assert.equal(coloured.replace(ANSI, ''), plain);
  for (const line of plain.split('\n')) assert.ok(line.length <= TERMINAL_WIDTH, `too wide (${line.length}): ${line}`);
  assert.ok(plain.split('\n').filter((l) => l.includes('The harbour stopped.')).length >= 5);
});

test('an explanation is shown only for what it adds beyond the brief item', () => {
  const item = 'Union leader Mara Dunn was arrested on Wednesday. (one outlet reports more)';
  const restated = 'Coast Daily and Harbour Herald both report: Union leader Mara Dunn was arrested on Wednesday.';
  assert.equal(beyondItem(restated, item), null);
  assert.equal(beyondItem(`${restated} — Harbour Herald adds “damaging a crane”.`, item), 'Harbour Herald adds “damaging a crane”.');
  assert.equal(beyondItem(`${restated} — the article by Ana Ruiz adds “at dawn”.`, item), 'The article by Ana Ruiz adds “at dawn”.');
  assert.equal(beyondItem(`${restated} — portVeyra.news adds “at dawn”.`, item), 'portVeyra.news adds “at dawn”.');
  const only = 'Only Harbour Herald reports: Union leader Mara Dunn was arrested on Wednesday. — the other outlet does not report it.';
  assert.equal(beyondItem(only, item), null);
  assert.equal(beyondItem('Both report “inciting violence”.', item), 'Both report “inciting violence”.', 'a different wording is shown whole');
  const quoted = `Coast Daily and Harbour Herald may report the same thing in different words; compare Coast Daily: “Union leader Mara Dunn was arrested on Wednesday.” and Harbour Herald: “Police held a dock organiser.”`;
  assert.equal(beyondItem(quoted, item), quoted, 'the item quoted beside the other claim: shown whole');
  const dispute = 'The outlets disagree on the number of arrests: 40 (Coast Daily) vs 400 (Harbour Herald).';
  assert.equal(beyondItem(dispute, dispute), null, 'a disputed item is its explanation: not shown twice');
});
