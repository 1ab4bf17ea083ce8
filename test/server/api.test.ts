import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { createApp } from '../../src/server/index.ts';
import { openStore } from '../../src/store/index.ts';
import { assertValidReport } from '../support/report-schema.ts';
import { compareDouble } from './compare-double.ts';

const ONE = 'Ferry crews at Lanmore stopped work on Friday over unpaid overtime. The operator said talks would resume.';
const TWO = 'A ferry strike stranded hundreds of travellers at Lanmore on Friday. Crews want overtime paid, their union said.';

function setup(options: { maxBodyBytes?: number } = {}) {
  const store = openStore(':memory:');
  const app = createApp({ compare: compareDouble, store, ...options });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { app, store, post };
}

async function expectError(response: Response, status: number, code: string): Promise<string> {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, code);
  assert.ok(body.error.message.length > 0);
  return body.error.message;
}

describe('HTTP API', () => {
  test('GET /api/health and the OpenAPI document', async () => {
    const { app } = setup();
    const health = await app.request('/api/health');
    assert.deepEqual(await health.json(), { status: 'ok', version: '0.1.0', store: true });
    const doc = (await (await app.request('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/api/compare', '/api/articles', '/api/comparisons/{id}', '/api/health', '/api/stories']) assert.ok(doc.paths[path], path);
  });

  test('POST /api/compare answers with a valid report; ?store=1 saves it for GET /api/comparisons/:id', async () => {
    const { app, post } = setup();
    const response = await post('/api/compare?store=1', { articles: [{ text: ONE, source: 'Lanmore Post' }, { text: TWO, source: 'Island Radio', title: 'Ferries stop' }] });
    assert.equal(response.status, 200);
    const report = (await response.json()) as { id: string; articles: { source: string; title: string | null }[] };
    assertValidReport(report);
    assert.deepEqual(report.articles.map((a) => a.source), ['Lanmore Post', 'Island Radio']);
    assert.equal(report.articles[1].title, 'Ferries stop');

    const stored = await app.request(`/api/comparisons/${report.id}`);
    assert.equal(stored.status, 200);
    assert.deepEqual(await stored.json(), report);
    const list = (await (await app.request('/api/comparisons')).json()) as { comparisons: { id: string }[] };
    assert.deepEqual(list.comparisons.map((c) => c.id), [report.id]);
    const articles = (await (await app.request('/api/articles')).json()) as { articles: { source: string; words: number }[] };
    assert.equal(articles.articles.length, 2);
    assert.ok(articles.articles.every((a) => a.words > 5));
  });

  test('without ?store=1 nothing is saved', async () => {
    const { app, post } = setup();
    assert.equal((await post('/api/compare', { articles: [{ text: ONE }, { text: TWO }] })).status, 200);
    assert.deepEqual(await (await app.request('/api/comparisons')).json(), { comparisons: [] });
  });

  test('HTML inputs are extracted', async () => {
    const { post } = setup();
    const html = `<html><head><title>Ferry strike</title></head><body><article><h1>Ferry strike</h1><p>${ONE}</p><p>${TWO}</p></article></body></html>`;
    const response = await post('/api/compare', { articles: [{ html }, { text: TWO }] });
    assert.equal(response.status, 200);
    const report = (await response.json()) as { articles: { text: string }[] };
    assertValidReport(report);
    assert.ok(report.articles[0].text.includes('unpaid overtime'));
    assert.ok(!report.articles[0].text.includes('<p>'));
  });

  test('bad bodies get clear 4xx answers', async () => {
    const { post, app } = setup();
    await expectError(await post('/api/compare', '{"articles": [', {}), 400, 'BAD_REQUEST');
    await expectError(await app.request('/api/compare', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' }), 415, 'INPUT_UNSUPPORTED');
    await expectError(await post('/api/compare', [1, 2]), 400, 'BAD_REQUEST');
    await expectError(await post('/api/compare', { items: [] }), 400, 'BAD_REQUEST');
    await expectError(await post('/api/compare', { articles: [{ text: ONE }] }), 422, 'TOO_FEW_ARTICLES');
    const both = await expectError(await post('/api/compare', { articles: [{ text: ONE, url: 'https://example.invalid/' }, { text: TWO }] }), 400, 'BAD_REQUEST');
    assert.match(both, /articles\[0\].*exactly one of/);
    await expectError(await post('/api/compare', { articles: [{ source: 'x' }, { text: TWO }] }), 400, 'BAD_REQUEST');
    await expectError(await post('/api/compare', { articles: [{ text: 42 }, { text: TWO }] }), 400, 'BAD_REQUEST');
    await expectError(await post('/api/compare', { articles: [{ text: '   ' }, { text: TWO }] }), 422, 'INPUT_EMPTY');
    await expectError(await post('/api/compare', { articles: Array.from({ length: 21 }, () => ({ text: ONE })) }), 400, 'BAD_REQUEST');
    await expectError(await post('/api/compare', { articles: [{ url: 'not a url' }, { text: TWO }] }), 400, 'URL_INVALID');
    await expectError(await post('/api/compare', { articles: [{ url: 'file:///etc/passwd' }, { text: TWO }] }), 400, 'URL_INVALID');
  });

  test('oversized bodies get 413, with or without a Content-Length', async () => {
    const { app, post } = setup({ maxBodyBytes: 2_000 });
    const big = { articles: [{ text: ONE.repeat(30) }, { text: TWO }] };
    await expectError(await post('/api/compare', big), 413, 'BODY_TOO_LARGE');
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify(big)));
        controller.close();
      },
    });
    const chunked = await app.request('/api/compare', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    await expectError(chunked, 413, 'BODY_TOO_LARGE');
    assert.equal((await post('/api/compare', { articles: [{ text: ONE }, { text: TWO }] })).status, 200);
  });

  test('URLs on private, loopback and metadata addresses are refused', async () => {
    const { post } = setup();
    for (const url of ['http://127.0.0.1:9/article', 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.8/news', 'http://[::1]/x']) {
      const message = await expectError(await post('/api/compare', { articles: [{ url }, { text: TWO }] }), 403, 'URL_FORBIDDEN');
      assert.match(message, /articles\[0\]\.url/);
    }
  });

  test('unknown ids and routes answer 404 in JSON', async () => {
    const { app } = setup();
    await expectError(await app.request('/api/comparisons/nope'), 404, 'NOT_FOUND');
    await expectError(await app.request('/api/articles/nope'), 404, 'NOT_FOUND');
    await expectError(await app.request('/api/nothing-here'), 404, 'NOT_FOUND');
    await expectError(await app.request('/api/articles?limit=zero'), 400, 'BAD_REQUEST');
  });

  test('POST /api/articles stores and deduplicates; GET /api/articles/:id returns the article', async () => {
    const { app, post } = setup();
    const first = await post('/api/articles', { articles: [{ text: ONE, source: 'Lanmore Post' }] });
    assert.equal(first.status, 201);
    const stored = (await first.json()) as { ids: string[]; inserted: number; duplicates: number };
    assert.equal(stored.inserted, 1);
    const again = (await (await post('/api/articles', { articles: [{ text: ONE }] })).json()) as { ids: string[]; duplicates: number };
    assert.deepEqual(again.ids, stored.ids);
    assert.equal(again.duplicates, 1);
    const article = (await (await app.request(`/api/articles/${stored.ids[0]}`)).json()) as { source: string; text: string };
    assert.equal(article.source, 'Lanmore Post');
    assert.ok(article.text.startsWith('Ferry crews'));
  });

  test('GET /api/stories lists the stories in the store', async () => {
    const { app, store } = setup();
    store.putStory({ id: 's1', headline: 'Ferry strike at Lanmore', articleIds: ['a', 'b'], sources: ['Lanmore Post', 'Island Radio'], firstSeen: '2026-02-01T00:00:00Z', lastSeen: '2026-02-02T00:00:00Z' });
    const body = (await (await app.request('/api/stories')).json()) as { stories: { id: string; articleIds: string[] }[] };
    assert.deepEqual(body.stories.map((s) => [s.id, s.articleIds]), [['s1', ['a', 'b']]]);
  });

  test('an unexpected failure answers 500 INTERNAL without internals', async () => {
    const app = createApp({
      compare: () => {
        throw new Error('secret path /etc/x');
      },
      store: null,
    });
    const original = console.error;
    console.error = () => {};
    try {
      const response = await app.request('/api/compare', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ articles: [{ text: ONE }, { text: TWO }] }) });
      const message = await expectError(response, 500, 'INTERNAL');
      assert.doesNotMatch(message, /secret/);
    } finally {
      console.error = original;
    }
  });
});

describe('web UI routes', () => {
  test('GET / serves the form, the stored comparisons and stories, with no outside resources', async () => {
    const { app, post } = setup();
    await post('/api/compare?store=1', { articles: [{ text: ONE, title: 'Crews <stop>' }, { text: TWO }] });
    const response = await app.request('/');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<form id="compare-form"/);
    assert.equal(parseHTML(html).document.querySelectorAll('#slots [data-slot]').length, 2);
    assert.match(html, /href="\/comparisons\/cmp-/);
    assert.ok(html.includes('Crews &lt;stop&gt;'));
    assert.doesNotMatch(html, /(src|href)\s*=\s*["']?(https?:)?\/\//i);
  });

  test('POST /ui/compare answers the report view; article markup is escaped', async () => {
    const { post } = setup();
    const response = await post('/ui/compare', { articles: [{ text: `${ONE} <img src=x onerror=alert(1)>` }, { text: TWO }] });
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /^<section class="px-report"/);
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });

  test('GET /comparisons/:id renders a stored comparison as the full page', async () => {
    const { app, post } = setup();
    const report = (await (await post('/api/compare?store=1', { articles: [{ text: ONE }, { text: TWO }] })).json()) as { id: string };
    const page = await app.request(`/comparisons/${report.id}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /^<!doctype html>[\s\S]*class="px-report"/);
    assert.equal((await app.request('/comparisons/missing')).status, 404);
  });
});

describe('story pages', () => {
  test('GET /stories/:id compares the story\'s stored articles; too few or unknown answer 422/404', async () => {
    const { app, store, post } = setup();
    const stored = (await (await post('/api/articles', { articles: [{ text: ONE }, { text: TWO }] })).json()) as { ids: string[] };
    store.putStory({ id: 'ferry', headline: 'Ferry strike', articleIds: stored.ids, sources: [], firstSeen: null, lastSeen: null });
    store.putStory({ id: 'thin', headline: 'Thin <story>', articleIds: [stored.ids[0]], sources: [], firstSeen: null, lastSeen: null });
    const page = await app.request('/stories/ferry');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.equal(parseHTML(html).document.querySelectorAll('.px-article').length, 2);
    const thin = await app.request('/stories/thin');
    assert.equal(thin.status, 422);
    assert.ok((await thin.text()).includes('Thin &lt;story&gt;'));
    assert.equal((await app.request('/stories/none')).status, 404);
    assert.match(await (await app.request('/')).text(), /href="\/stories\/ferry"/);
  });
});

describe('URL inputs', () => {
  test('a URL is fetched through the safe fetcher when the server allows private addresses', async () => {
    const { createServer } = await import('node:http');
    const page = `<!doctype html><html lang="en"><head><title>Ferries stop at Lanmore</title></head><body><article><h1>Ferries stop at Lanmore</h1><p>${ONE}</p><p>${TWO}</p></article></body></html>`;
    const site = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const { port } = site.address() as { port: number };
    try {
      const app = createApp({ compare: compareDouble, store: null, allowPrivate: true });
      const response = await app.request('/api/compare', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ articles: [{ url: `http://127.0.0.1:${port}/ferries`, source: 'Lanmore Post' }, { text: TWO }] }),
      });
      assert.equal(response.status, 200);
      const report = (await response.json()) as { articles: { source: string; text: string; url: string | null }[] };
      assertValidReport(report);
      assert.equal(report.articles[0].source, 'Lanmore Post');
      assert.ok(report.articles[0].text.includes('unpaid overtime'));
      // the same URL on a server that keeps the default policy is refused
      const strict = createApp({ compare: compareDouble, store: null });
      const refused = await strict.request('/api/compare', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ articles: [{ url: `http://127.0.0.1:${port}/ferries` }, { text: TWO }] }),
      });
      await expectError(refused, 403, 'URL_FORBIDDEN');
    } finally {
      site.close();
    }
  });
});
