/**
 * Browser test of the web UI and the standalone HTML report, in Debian's chromium driven by
 * playwright-core. Screenshots go to test-output/ (gitignored).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { compare } from '../src/compare/index.ts';
import { renderHtml } from '../src/report/index.ts';
import { startServer, type RunningServer } from '../src/server/index.ts';
import { openStore, type Store } from '../src/store/index.ts';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '..');
const OUTPUT = resolve(ROOT, 'test-output');
const EXAMPLES = resolve(ROOT, 'examples/harbour-strike');
const EXAMPLE_FILES = [
  ['Harbour Herald', 'harbour-herald.txt'],
  ['Veyra Free Press', 'veyra-free-press.txt'],
] as const;

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install chromium)`;

let browser: Browser;
let server: RunningServer;
let store: Store;

before(async () => {
  if (skip) return;
  mkdirSync(OUTPUT, { recursive: true });
  store = openStore(':memory:');
  server = await startServer({ compare, store, port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});

after(async () => {
  await browser?.close();
  await server?.close();
  store?.close();
});

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { page, errors };
}

/** True when the element's box lies (at least partly) inside its scrolling column's box. */
function visibleInColumn(page: Page, selector: string): Promise<boolean[]> {
  return page.$$eval(selector, (marks) => {
    const seen = new Set<Element>();
    const out: boolean[] = [];
    for (const mark of marks) {
      const column = mark.closest('.px-article-body');
      if (!column || seen.has(column)) continue;
      seen.add(column);
      const m = mark.getBoundingClientRect();
      const c = column.getBoundingClientRect();
      out.push(m.bottom > c.top && m.top < c.bottom);
    }
    return out;
  });
}

test('paste two articles, compare, see the brief and highlights, click a finding to reach its evidence', { skip, timeout: 60_000 }, async () => {
  const { page, errors } = await newPage();
  await page.goto(server.url);
  assert.equal(await page.title(), 'Parallax');
  const slots = page.locator('[data-slot]');
  for (const [i, [source, file]] of EXAMPLE_FILES.entries()) {
    await slots.nth(i).locator('[name=source]').fill(source);
    await slots.nth(i).locator('textarea').fill(readFileSync(resolve(EXAMPLES, file), 'utf8'));
  }
  await page.check('#save');
  await page.click('#run');
  await page.waitForSelector('#result .px-report', { timeout: 30_000 });

  // the brief and both articles with highlighted evidence
  const findings = page.locator('#result .px-brief [data-focus-alignment]');
  assert.ok((await findings.count()) > 0, 'the brief lists findings');
  const columns = page.locator('#result .px-article');
  assert.equal(await columns.count(), 2);
  for (let i = 0; i < 2; i++) assert.ok((await columns.nth(i).locator('mark').count()) > 0, `column ${i + 1} has highlights`);
  assert.match((await page.textContent('#status')) ?? '', /Done/);

  // a finding that spans both articles when there is one (agreed or disputed), else the first
  const shared = page.locator('#result .px-brief-agreed [data-focus-alignment], #result .px-brief-conflict [data-focus-alignment]');
  const target = (await shared.count()) > 0 ? shared.first() : findings.first();
  const alignment = await target.getAttribute('data-focus-alignment');
  await target.click();
  await page.waitForTimeout(400);
  assert.ok(await target.evaluate((el) => el.classList.contains('px-active')));
  const focused = await page.$$eval('#result .px-focus', (marks) => marks.map((m) => (m.getAttribute('data-al') ?? '').split(' ')));
  assert.ok(focused.length > 0, 'the evidence is highlighted');
  assert.ok(focused.every((ids) => alignment !== null && ids.includes(alignment)));
  const visible = await visibleInColumn(page, '#result .px-focus');
  assert.ok(visible.length > 0 && visible.every(Boolean), 'each column scrolled its evidence into view');
  await page.screenshot({ path: resolve(OUTPUT, 'ui-compare.png'), fullPage: false });

  // clicking an aligned claim in the first article shows its counterpart in the second
  // (no named helpers inside: the function is sent to the browser as text)
  const counterpart = await page.$$eval('#result .px-article', (articles) => {
    const second = new Set([...articles[1].querySelectorAll('[data-al]')].flatMap((m) => (m.getAttribute('data-al') ?? '').split(' ')));
    return [...articles[0].querySelectorAll('[data-al]')].findIndex((m) => (m.getAttribute('data-al') ?? '').split(' ').some((id) => id !== '' && second.has(id)));
  });
  if (counterpart >= 0) {
    await page.locator('#result .px-article').first().locator('[data-al]').nth(counterpart).click();
    await page.waitForTimeout(300);
    assert.ok((await page.locator('#result .px-article').nth(1).locator('.px-focus').count()) > 0, 'the counterpart is highlighted');
    const shown = await visibleInColumn(page, '#result .px-article:nth-child(2) .px-focus');
    assert.ok(shown.every(Boolean), 'and scrolled into view');
  }

  // the legend hides a layer
  await page.uncheck('#result .px-legend input[data-layer="framing"]');
  assert.ok(await page.$eval('#result .px-report', (r) => r.classList.contains('px-hide-framing')));

  // saved: the stored comparison is listed after a reload and opens as a full page
  await page.reload();
  const link = page.locator('#stored-comparisons a').first();
  assert.ok((await link.count()) === 1, 'the saved comparison is listed');
  await link.click();
  await page.waitForSelector('.px-report');
  await page.screenshot({ path: resolve(OUTPUT, 'ui-stored-report.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the UI says what is wrong when fewer than two articles are given', { skip, timeout: 30_000 }, async () => {
  const { page } = await newPage();
  await page.goto(server.url);
  await page.locator('[data-slot] textarea').first().fill('Only one short article about a harbour.');
  await page.click('#run');
  await page.waitForSelector('#status.ui-error');
  assert.match((await page.textContent('#status')) ?? '', /at least two/);
  assert.equal(await page.locator('#result .px-report').count(), 0);
  await page.close();
});

test('dropping files on an article slot fills it and adds a slot per extra file', { skip, timeout: 30_000 }, async () => {
  const { page, errors } = await newPage();
  await page.goto(server.url);
  const texts = EXAMPLE_FILES.map(([, file]) => readFileSync(resolve(EXAMPLES, file), 'utf8'));
  const names = EXAMPLE_FILES.map(([, file]) => file);
  const dataTransfer = await page.evaluateHandle(
    ([contents, fileNames]) => {
      const dt = new DataTransfer();
      contents.forEach((text, i) => dt.items.add(new File([text], fileNames[i], { type: 'text/plain' })));
      return dt;
    },
    [texts, names] as const,
  );
  await page.dispatchEvent('[data-slot] textarea', 'drop', { dataTransfer });
  await page.waitForFunction(() => document.querySelectorAll('[data-slot]').length === 3 && (document.querySelectorAll('[data-slot] textarea')[2] as HTMLTextAreaElement).value.length > 0);
  const slots = page.locator('[data-slot]');
  assert.equal(await slots.nth(0).locator('textarea').inputValue(), texts[0]);
  assert.equal(await slots.nth(0).locator('[name=source]').inputValue(), 'harbour-herald');
  assert.equal(await slots.nth(2).locator('textarea').inputValue(), texts[1]);
  assert.equal(await slots.nth(2).locator('legend').textContent(), 'Article 3');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the standalone HTML report works offline: no requests, a script that runs, markup in text shown as text', { skip, timeout: 30_000 }, async () => {
  const articles = (await import('../src/ingest/index.ts')).articleFromText;
  const texts = EXAMPLE_FILES.map(([source, file]) => articles(readFileSync(resolve(EXAMPLES, file), 'utf8'), { source }));
  texts[0].text += '\n\nA reader wrote <img src=x onerror="document.title=\'pwned\'"> here.';
  const path = resolve(OUTPUT, 'report.html');
  writeFileSync(path, renderHtml(compare(texts)));
  const { page, errors } = await newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`file://${path}`);
  assert.deepEqual(requests, [`file://${path}`]);
  assert.notEqual(await page.title(), 'pwned');
  assert.equal(await page.locator('img').count(), 0);
  assert.ok(((await page.textContent('.px-article')) ?? '').includes('<img src=x onerror='));
  const finding = page.locator('.px-brief [data-focus-alignment]').first();
  if ((await finding.count()) > 0) {
    await finding.click();
    await page.waitForTimeout(300);
    assert.ok((await page.locator('.px-focus').count()) > 0);
  }
  await page.screenshot({ path: resolve(OUTPUT, 'report.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.$eval('.px-legend', (el) => getComputedStyle(el).display), 'none');
  assert.deepEqual(errors, []);
  await page.close();
});
