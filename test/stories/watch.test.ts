import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openStore } from '../../src/store/index.ts';
import { FeedWatcher, parseOpml } from '../../src/stories/index.ts';

// Fictional reports, written for this test.
const STRIKE_1 = [
  'About 2,300 dock workers at Port Ostrava began an indefinite strike on Wednesday, demanding a nine percent pay rise after two years of frozen wages.',
  'The Ostrava Dockers Union said the cranes would stay idle until the port authority returned to the negotiating table with a written offer.',
  'Container ships were already queuing outside the harbour by the afternoon, and freight companies warned of delays to deliveries across the region.',
  'Port director Anneli Kask said the authority could not afford the demand and accused the union of holding the regional economy hostage.',
  'Union secretary Tomas Verhoef answered that dockers had worked through storms and the pandemic and deserved a fair share of record port profits.',
];
const STRIKE_2 = [
  'Ships lined up outside Port Ostrava on Wednesday as 2,300 dock workers stayed off the job in a strike over pay that shut every container berth.',
  'The Ostrava Dockers Union wants a nine percent raise, while the port authority called the demand unaffordable and offered three percent instead.',
  'Port director Anneli Kask told reporters the authority was ready to talk but would not negotiate while the cranes stood still.',
  'Freight forwarders said perishable cargo was at risk and asked the regional government to mediate before the weekend.',
  'Union secretary Tomas Verhoef said members had voted overwhelmingly for the walkout and would picket the gates day and night.',
];
const STRIKE_3 = [
  'The dock workers strike at Port Ostrava entered its second day on Thursday with no talks scheduled and more container ships waiting offshore.',
  'The Ostrava Dockers Union repeated its demand for a nine percent pay rise, and the port authority said some ships would be diverted to other harbours.',
  'Regional transport minister Ilse Brandt offered to mediate between the union and port director Anneli Kask.',
];

function rssItem(n: number, title: string, paragraphs: string[] | null, summary: string | null): string {
  const content = paragraphs ? `<content:encoded><![CDATA[${paragraphs.map((p) => `<p>${p}</p>`).join('')}]]></content:encoded>` : '';
  const description = summary ? `<description>${summary}</description>` : '';
  return `<item><title>${title}</title><link>${base}/news/${n}</link><guid>${base}/news/${n}</guid><pubDate>Wed, 14 Mar 2029 0${n}:00:00 GMT</pubDate>${description}${content}</item>`;
}

function rss(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Times</title><link>${base}/</link><description>News</description>${items.join('')}</channel></rss>`;
}

const BIN = join(import.meta.dirname, '../../bin/parallax.js');

/** Runs the real CLI in a child process (the server stays in this one). */
function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

let base = '';
let server: Server;
let feedVersion = 1;
const requests: { path: string; ifNoneMatch: string | undefined }[] = [];

function feedBody(): string {
  const items = [
    rssItem(1, 'Dock workers at Port Ostrava walk out over pay', STRIKE_1, null),
    rssItem(2, 'Port Ostrava strike leaves container ships waiting', STRIKE_2, null),
  ];
  // Version 2 adds a follow-up that carries only a teaser: its page must be fetched.
  if (feedVersion >= 2) items.push(rssItem(3, 'Port Ostrava strike enters second day', null, 'The strike goes on…'));
  return rss(items);
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  requests.push({ path: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] });
  if (req.url === '/feed.xml') {
    const etag = `"v${feedVersion}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
    res.end(feedBody());
    return;
  }
  if (req.url === '/news/3') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!DOCTYPE html><html><head><title>Port Ostrava strike enters second day</title></head><body><nav>Home | World</nav><article><h1>Port Ostrava strike enters second day</h1>${STRIKE_3.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
    );
    return;
  }
  if (req.url === '/broken.xml') {
    res.writeHead(500);
    res.end();
    return;
  }
  res.writeHead(404);
  res.end();
}

describe('watch', () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-watch-'));
    server = createServer(handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('polls with ETag: new items, then 304, then only the changed items', async () => {
    feedVersion = 1;
    const store = openStore(join(dir, 'lib.sqlite'));
    try {
      const watcher = new FeedWatcher(store, { allowPrivate: true, hostDelayMs: 0 });
      const first = await watcher.pollOnce([`${base}/feed.xml`]);
      assert.deepEqual(first.errors, []);
      assert.equal(first.newArticles, 2);
      assert.equal(first.newStories, 1, 'two reports of one strike make one story');
      const [story] = store.listStories();
      assert.equal(story.articleIds.length, 2);
      assert.deepEqual(story.sources, ['Harbour Times']);
      assert.equal(store.getFeedState(`${base}/feed.xml`)?.etag, '"v1"');

      const second = await watcher.pollOnce([`${base}/feed.xml`]);
      assert.equal(second.notModified, 1);
      assert.equal(second.newArticles, 0);
      assert.equal(requests.at(-1)?.ifNoneMatch, '"v1"');

      feedVersion = 2;
      const third = await watcher.pollOnce([`${base}/feed.xml`]);
      assert.deepEqual(third.errors, []);
      assert.equal(third.newArticles, 1);
      assert.equal(third.notModified, 0);
      assert.equal(third.updatedStories, 1, 'the follow-up joins the strike story');
      assert.ok(requests.some((r) => r.path === '/news/3'), 'the teaser item’s page was fetched');
      assert.equal(store.listStories()[0].articleIds.length, 3);
    } finally {
      store.close();
    }
  });

  test('a failing feed backs off and is skipped until its next poll', async () => {
    const store = openStore(join(dir, 'backoff.sqlite'));
    try {
      const now = new Date('2029-03-14T10:00:00Z');
      const watcher = new FeedWatcher(store, { allowPrivate: true, hostDelayMs: 0, now: () => now });
      const first = await watcher.pollOnce([`${base}/broken.xml`]);
      assert.equal(first.errors.length, 1);
      assert.equal(first.errors[0].error.code, 'URL_BAD_STATUS');
      const state = store.getFeedState(`${base}/broken.xml`);
      assert.equal(state?.failures, 1);
      assert.ok(state?.nextPoll && Date.parse(state.nextPoll) > now.getTime());
      const second = await watcher.pollOnce([`${base}/broken.xml`]);
      assert.equal(second.skipped, 1);
      assert.equal(second.polled, 0);
    } finally {
      store.close();
    }
  });

  test('parallax watch --once reads an OPML file, and parallax stories lists the story', async () => {
    feedVersion = 2;
    const opml = join(dir, 'feeds.opml');
    writeFileSync(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body><outline text="Ports"><outline text="Harbour Times" type="rss" xmlUrl="${base}/feed.xml"/></outline></body></opml>`,
    );
    const db = join(dir, 'cli.sqlite');
    const watch = await run(['watch', opml, '--once', '--allow-private', '--db', db]);
    assert.equal(watch.code, 0, watch.stderr);
    assert.match(watch.stdout, /1 feeds polled, 0 not modified, 0 backing off, 3 new articles \(0 duplicates\), 1 new stories/);
    const listed = await run(['stories', '--json', '--db', db]);
    assert.equal(listed.code, 0, listed.stderr);
    const stories = JSON.parse(listed.stdout) as { articleCount: number; headline: string; sources: string[] }[];
    assert.equal(stories.length, 1);
    assert.equal(stories[0].articleCount, 3);
    assert.match(stories[0].headline, /Port Ostrava/);
    const text = await run(['stories', '--db', db]);
    assert.match(text.stdout, /3 articles {2}.*Port Ostrava/);
  });

  test('OPML outlines nest; repeats are dropped', () => {
    const feeds = parseOpml(
      '<opml version="1.0"><body><outline text="A" xmlUrl="https://a.example/rss"/><outline text="Folder"><outline title="B" xmlUrl="https://b.example/atom"/><outline xmlUrl="https://a.example/rss"/></outline></body></opml>',
      'list.opml',
    );
    assert.deepEqual(feeds, [
      { url: 'https://a.example/rss', title: 'A' },
      { url: 'https://b.example/atom', title: 'B' },
    ]);
    assert.throws(() => parseOpml('<opml><body>', 'bad.opml'), { code: 'FEED_MALFORMED' });
  });
});
