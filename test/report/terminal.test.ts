import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderTerminal, TERMINAL_WIDTH } from '../../src/report/index.ts';
import { readComparisonFixture } from './fixture.ts';

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
