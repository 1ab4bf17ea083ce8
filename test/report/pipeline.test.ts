/**
 * The renderers and the API over the real pipeline (src/compare) on the fictional
 * harbour-strike pair in examples/: every output is checked against the contract.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { compare } from '../../src/compare/index.ts';
import { articleFromText } from '../../src/ingest/index.ts';
import { renderHtml, renderJson, renderTerminal, TERMINAL_WIDTH } from '../../src/report/index.ts';
import { createApp } from '../../src/server/index.ts';
import { openStore } from '../../src/store/index.ts';
import { assertValidReport } from '../support/report-schema.ts';

const EXAMPLES = resolve(import.meta.dirname, '../../examples/harbour-strike');
const PAIR = [
  ['Harbour Herald', readFileSync(resolve(EXAMPLES, 'harbour-herald.txt'), 'utf8')],
  ['Veyra Free Press', readFileSync(resolve(EXAMPLES, 'veyra-free-press.txt'), 'utf8')],
] as const;

test('JSON, terminal and HTML of a real comparison keep the contract', () => {
  const c = compare(PAIR.map(([source, text]) => articleFromText(text, { source })));
  assertValidReport(JSON.parse(renderJson(c)));

  const terminal = renderTerminal(c, { color: false });
  for (const line of terminal.split('\n')) assert.ok(line.length <= TERMINAL_WIDTH, `too wide: ${line}`);
  assert.match(terminal, /\[1\] Harbour Herald/);

  const { document } = parseHTML(renderHtml(c));
  for (const a of c.articles) assert.equal(document.querySelector(`article[data-article="${a.id}"] .px-article-body`)?.textContent, a.text);
  for (const claim of c.claims) {
    const pieces = [...document.querySelectorAll(`.px-article [data-claim="${claim.id}"]`)];
    assert.equal(pieces.map((p) => p.textContent).join(''), claim.text, claim.id);
  }
  const briefItems = c.brief.agreed.length + c.brief.disputed.length + Object.values(c.brief.onlyIn).flat().length;
  assert.equal(document.querySelectorAll('.px-brief [data-focus-alignment]').length, briefItems);
});

test('POST /api/compare through the real pipeline answers a valid report and stores it', async () => {
  const store = openStore(':memory:');
  const app = createApp({ compare, store });
  const response = await app.request('/api/compare?store=1', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ articles: PAIR.map(([source, text]) => ({ text, source })) }),
  });
  assert.equal(response.status, 200);
  const report = (await response.json()) as { id: string };
  assertValidReport(report);
  assert.deepEqual(JSON.parse(await (await app.request(`/api/comparisons/${report.id}`)).text()), report);
  store.close();
});
