/** ingest() end to end over every kind of input: files, directories, JSONL, stdin, feeds, URLs. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { ingest } from '../../src/ingest/index.ts';
import { ATOM, RSS } from './feed-fixtures.ts';

const STORY = [
  'Calvo Bay (Dock Gazette) – The dockers of Port Veyra voted on Sunday to return to the cranes after two weeks on strike.',
  'Their union said the vote was close, and that talks with the terminal operator would resume on Monday morning.',
].join('\n\n');
const PAGE = `<!DOCTYPE html><html lang="en"><head><title>Cranes Turn Again</title><meta property="og:site_name" content="Veyra Wire"></head>
<body><article><h1>Cranes Turn Again</h1><p>The cranes of Port Veyra turned again on Monday for the first time in two weeks, as dockworkers returned to the quays after their union voted to end the strike.</p>
<p>Ships waiting outside the breakwater began to move in at dawn, the port authority said, and the backlog should be cleared within ten days.</p></article></body></html>`;

let dir = '';
const path = (...parts: string[]): string => join(dir, ...parts);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-ingest-'));
  writeFileSync(path('story.txt'), STORY);
  writeFileSync(path('page.html'), PAGE);
  writeFileSync(path('empty.txt'), '');
  writeFileSync(
    path('image.txt'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  );
  writeFileSync(
    path('latin.txt'),
    iconv.encode(
      'Señor Núñez, the harbour master of Port Veyra, said on Monday that the cranes would turn again “within the week”.',
      'windows-1252',
    ),
  );
  writeFileSync(path('nothing.html'), '<html><body><nav><a href="/">Home</a></nav></body></html>');
  writeFileSync(path('feed.rss'), RSS.replace(/<item>\s*<title>Governor[\s\S]*?<\/item>/, ''));
  writeFileSync(path('bad.xml'), '<rss><channel><item><title>Dockers</channel></rss>');
  writeFileSync(
    path('dump.jsonl'),
    [
      JSON.stringify({ text: STORY, source: 'Gazette Archive', published: '2026-03-01' }),
      '{"text": "unterminated',
      '',
      JSON.stringify({ html: PAGE, url: 'https://wire.example/cranes' }),
      JSON.stringify({ title: 'no body' }),
    ].join('\n'),
  );
  writeFileSync(path('page.html.gz'), gzipSync(PAGE));
  writeFileSync(path('bomb.txt.gz'), gzipSync(Buffer.alloc(1_000_000, 0x61)));
  mkdirSync(path('tree', 'b'), { recursive: true });
  writeFileSync(path('tree', 'b', 'two.txt'), STORY.replace('Sunday', 'Saturday'));
  writeFileSync(path('tree', 'a.txt'), STORY);
  writeFileSync(path('tree', 'notes.pdf'), 'ignored: not a supported extension');
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('a text file: one article, metadata from the text, origin the path', async () => {
  const { articles, failures } = await ingest([path('story.txt')]);
  assert.equal(failures.length, 0);
  assert.equal(articles.length, 1);
  assert.equal(articles[0]!.origin, path('story.txt'));
  assert.equal(articles[0]!.source, 'Dock Gazette');
});

test('the same text given twice is read twice, the later copy with a warning', async () => {
  const { articles } = await ingest([path('story.txt'), path('tree', 'a.txt')]);
  assert.equal(articles.length, 2);
  assert.equal(articles[0]!.id, articles[1]!.id);
  assert.deepEqual(articles[0]!.warnings, []);
  assert.deepEqual(articles[1]!.warnings, [`the same text as ${path('story.txt')}`]);
});

test('an HTML file goes through the HTML extractor', async () => {
  const { articles } = await ingest([path('page.html')]);
  assert.equal(articles[0]!.title, 'Cranes Turn Again');
  assert.equal(articles[0]!.source, 'Veyra Wire');
  assert.ok(articles[0]!.text.startsWith('The cranes of Port Veyra'));
});

test('--source overrides the outlet of every article', async () => {
  const { articles } = await ingest([path('story.txt'), path('page.html')], { source: 'My Outlet' });
  assert.deepEqual(
    articles.map((a) => [a.source, a.provenance.source]),
    [
      ['My Outlet', 'input'],
      ['My Outlet', 'input'],
    ],
  );
});

test('bad inputs each fail with their own code; good inputs still produce articles', async () => {
  const inputs = ['missing.txt', 'empty.txt', 'image.txt', 'nothing.html', 'bad.xml', 'story.txt'].map((n) =>
    path(n),
  );
  const { articles, failures } = await ingest(inputs);
  assert.equal(articles.length, 1);
  assert.deepEqual(
    failures.map((f) => [f.input, f.error.code]),
    [
      [path('missing.txt'), 'INPUT_NOT_FOUND'],
      [path('empty.txt'), 'INPUT_EMPTY'],
      [path('image.txt'), 'INPUT_BINARY'],
      [path('nothing.html'), 'NO_ARTICLE'],
      [path('bad.xml'), 'FEED_MALFORMED'],
    ],
  );
  for (const f of failures) assert.ok(f.error.toLine().startsWith(f.input), f.error.toLine());
});

test('a file over the size cap is INPUT_TOO_LARGE', async () => {
  const { failures } = await ingest([path('story.txt')], { maxBytes: 50 });
  assert.equal(failures[0]?.error.code, 'INPUT_TOO_LARGE');
  assert.match(failures[0]!.error.message, /cap/);
});

test('gzipped files are read as what they hold, the cap applied to the decompressed size', async () => {
  const { articles, failures } = await ingest([path('page.html.gz'), path('bomb.txt.gz')], {
    maxBytes: 100_000,
  });
  assert.equal(articles[0]?.title, 'Cranes Turn Again');
  assert.deepEqual(
    failures.map((f) => [f.input, f.error.code]),
    [[path('bomb.txt.gz'), 'INPUT_TOO_LARGE']],
  );
});

test('windows-1252 text is decoded, with a note', async () => {
  const { articles } = await ingest([path('latin.txt')]);
  assert.ok(articles[0]!.text.startsWith('Señor Núñez'));
  assert.match(articles[0]!.warnings.join('\n'), /windows-1252/);
});

test('a directory: supported files, recursively, in sorted order', async () => {
  const { articles, failures } = await ingest([path('tree')]);
  assert.equal(failures.length, 0);
  assert.deepEqual(
    articles.map((a) => a.origin),
    [path('tree', 'a.txt'), path('tree', 'b', 'two.txt')],
  );
});

test('JSONL: one article per line; a bad line is a failure naming file:line', async () => {
  const { articles, failures } = await ingest([path('dump.jsonl')]);
  assert.deepEqual(
    articles.map((a) => a.origin),
    [`${path('dump.jsonl')}:1`, `${path('dump.jsonl')}:4`],
  );
  assert.equal(articles[0]!.source, 'Gazette Archive');
  assert.equal(articles[0]!.published, '2026-03-01');
  assert.equal(articles[1]!.url, 'https://wire.example/cranes');
  assert.deepEqual(
    failures.map((f) => [f.input, f.error.code]),
    [
      [`${path('dump.jsonl')}:2`, 'JSONL_MALFORMED'],
      [`${path('dump.jsonl')}:5`, 'JSONL_MALFORMED'],
    ],
  );
});

test('a feed file with full content: one article per item, metadata from the feed', async () => {
  const { articles, failures } = await ingest([path('feed.rss')]);
  assert.equal(failures.length, 0);
  assert.equal(articles.length, 1);
  const [article] = articles;
  assert.equal(article!.origin, `${path('feed.rss')}#1`);
  assert.equal(article!.title, 'Dockers Vote to End Strike');
  assert.equal(article!.author, 'Rui Almada');
  assert.equal(article!.provenance.author, 'feed');
  assert.ok(article!.text.startsWith('The dockers of Port Veyra'));
});

test('stdin ("-") is read, with the size cap', async () => {
  const { articles } = await ingest(['-'], {}, { stdin: Readable.from([Buffer.from(STORY)]) });
  assert.equal(articles[0]!.origin, '-');
  const { failures } = await ingest(['-'], { maxBytes: 10 }, { stdin: Readable.from([Buffer.from(STORY)]) });
  assert.deepEqual(
    failures.map((f) => [f.input, f.error.code]),
    [['-', 'INPUT_TOO_LARGE']],
  );
});

describe('URLs (a local server, --allow-private)', () => {
  let server: Server;
  let base = '';
  const teaserRss = (): string => `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
    <item><title>Cranes Turn Again</title><link>${base}/page</link><description>The cranes turned again…</description></item>
    <item><title>Gone</title><link>${base}/missing</link><description>Short teaser.</description></item>
    <item><title>Teaser Content</title><link>${base}/page</link><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&lt;p&gt;The cranes turned again. Continue reading…&lt;/p&gt;</content:encoded></item>
  </channel></rss>`;

  before(async () => {
    server = createServer((req, res) => {
      const route = req.url ?? '/';
      if (route === '/page') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(PAGE);
      } else if (route === '/moved') {
        res.writeHead(301, { location: '/page' });
        res.end();
      } else if (route === '/rss') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(teaserRss());
      } else if (route === '/atom') {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(ATOM);
      } else if (route.startsWith('/delayed/')) {
        // /delayed/<ms>/<title>: the page arrives after <ms> milliseconds.
        const [, , ms, title] = route.split('/');
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(PAGE.replaceAll('Cranes Turn Again', decodeURIComponent(title!)));
        }, Number(ms));
      } else if (route === '/teasers') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const items = [
          ['300', 'First'],
          ['10', 'Second'],
          ['100', 'Third'],
        ].map(
          ([ms, title]) =>
            `<item><title>${title}</title><link>${base}/delayed/${ms}/${title}</link><description>Teaser.</description></item>`,
        );
        res.end(`<rss version="2.0"><channel><title>Wire</title>${items.join('')}</channel></rss>`);
      } else if (route === '/slow') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<p>first');
      } else if (route === '/big') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(`<p>${'word '.repeat(5000)}</p>`);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not here');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(() => {
    server.closeAllConnections();
    server.close();
  });

  test('an HTML page, directly and through a redirect', async () => {
    const { articles, failures } = await ingest([`${base}/page`, `${base}/moved`], { allowPrivate: true });
    assert.equal(failures.length, 0);
    assert.deepEqual(
      articles.map((a) => [a.origin, a.url, a.title]),
      [
        [`${base}/page`, `${base}/page`, 'Cranes Turn Again'],
        [`${base}/moved`, `${base}/page`, 'Cranes Turn Again'],
      ],
    );
  });

  test('a private address is refused without --allow-private', async () => {
    const { failures } = await ingest([`${base}/page`]);
    assert.equal(failures[0]?.error.code, 'URL_FORBIDDEN');
  });

  test("an RSS feed of teasers (in the summary or the content): each page is fetched; a dead link is that item's failure", async () => {
    const { articles, failures } = await ingest([`${base}/rss`], { allowPrivate: true });
    assert.deepEqual(
      articles.map((a) => a.origin),
      [`${base}/rss#1`, `${base}/rss#3`],
    );
    for (const article of articles)
      assert.ok(article.text.startsWith('The cranes of Port Veyra turned again'));
    assert.deepEqual(
      failures.map((f) => [f.input, f.error.code]),
      [[`${base}/rss#2`, 'URL_BAD_STATUS']],
    );
  });

  test('teaser pages are fetched side by side but the articles keep feed order', async () => {
    const { articles, failures } = await ingest([`${base}/teasers`], { allowPrivate: true });
    assert.equal(failures.length, 0);
    assert.deepEqual(
      articles.map((a) => [a.origin, a.title]),
      [
        [`${base}/teasers#1`, 'First'],
        [`${base}/teasers#2`, 'Second'],
        [`${base}/teasers#3`, 'Third'],
      ],
    );
  });

  test('an Atom feed served as application/xml uses its full content', async () => {
    const { articles } = await ingest([`${base}/atom`], { allowPrivate: true });
    assert.equal(articles.length, 1);
    assert.equal(articles[0]!.author, 'Lucía Ferrer');
    assert.ok(articles[0]!.text.startsWith('Cranes stood idle'));
  });

  test('slow, oversized, unreachable and invalid URLs fail with their own codes', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { failures } = await ingest(
      [`${base}/slow`, `${base}/big`, `http://127.0.0.1:${deadPort}/`, 'http://exa mple/'],
      {
        allowPrivate: true,
        timeoutMs: 300,
        maxBytes: 4096,
      },
    );
    assert.deepEqual(
      failures.map((f) => f.error.code),
      ['URL_TIMEOUT', 'INPUT_TOO_LARGE', 'URL_UNREACHABLE', 'URL_INVALID'],
    );
  });
});
