import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeFeed, parseFeed } from '../../src/ingest/feed.ts';

export const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Dock Gazette</title>
  <link>https://gazette.example/</link>
  <item>
    <title>Dockers Vote to End Strike</title>
    <link>https://gazette.example/dockers-vote</link>
    <dc:creator>Rui Almada</dc:creator>
    <pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate>
    <description>Dockers voted to return &amp; talks resume.</description>
    <content:encoded><![CDATA[<p>The dockers of Port Veyra voted on Sunday to return to the cranes after two weeks on strike, ending the longest stoppage in the harbour for a decade.</p><p>“We are back because our children must eat,” said one crane operator, who asked not to be named.</p>]]></content:encoded>
  </item>
  <item>
    <title>Governor Signs Port Bill</title>
    <guid isPermaLink="true">https://gazette.example/port-bill</guid>
    <description>The governor signed the bill on Thursday…</description>
  </item>
</channel>
</rss>`;

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Veyra Wire</title>
  <link rel="self" href="https://wire.example/feed.atom"/>
  <link rel="alternate" href="https://wire.example/"/>
  <entry>
    <title>Cranes Idle for a Second Week</title>
    <link rel="alternate" href="https://wire.example/cranes"/>
    <author><name>Lucía Ferrer</name></author>
    <published>2026-03-01T08:00:00Z</published>
    <summary>Cranes stood idle.</summary>
    <content type="html">&lt;p&gt;Cranes stood idle in Port Veyra for a second week on Monday as the dockworkers' strike went on, with twenty-two ships waiting at anchor outside the breakwater.&lt;/p&gt;</content>
  </entry>
</feed>`;

test('RSS items keep full content apart from the summary', () => {
  const feed = parseFeed(RSS, 'feed.xml');
  assert.equal(feed.title, 'Dock Gazette');
  assert.equal(feed.url, 'https://gazette.example/');
  assert.equal(feed.items.length, 2);
  const [full, teaser] = feed.items;
  assert.equal(full!.title, 'Dockers Vote to End Strike');
  assert.equal(full!.url, 'https://gazette.example/dockers-vote');
  assert.equal(full!.author, 'Rui Almada');
  assert.equal(full!.published, '2026-03-03T10:00:00.000Z');
  assert.equal(full!.summaryHtml, 'Dockers voted to return & talks resume.');
  assert.match(full!.contentHtml ?? '', /^<p>The dockers of Port Veyra/);
  assert.equal(teaser!.contentHtml, null);
  assert.equal(teaser!.url, 'https://gazette.example/port-bill');
});

test('Atom entries: alternate link, author name, html content', () => {
  const feed = parseFeed(ATOM, 'feed.atom');
  assert.equal(feed.title, 'Veyra Wire');
  assert.equal(feed.url, 'https://wire.example/');
  const [entry] = feed.items;
  assert.equal(entry!.url, 'https://wire.example/cranes');
  assert.equal(entry!.author, 'Lucía Ferrer');
  assert.equal(entry!.published, '2026-03-01T08:00:00.000Z');
  assert.match(entry!.contentHtml ?? '', /^<p>Cranes stood idle/);
  assert.equal(entry!.summaryHtml, 'Cranes stood idle.');
});

test('a malformed feed is FEED_MALFORMED, naming the input', () => {
  assert.throws(() => parseFeed('<rss><channel><item><title>Dockers</channel></rss>', 'bad.xml'), { code: 'FEED_MALFORMED', input: 'bad.xml' });
  assert.throws(() => parseFeed('<html><body>not a feed</body></html>', 'page.xml'), { code: 'FEED_MALFORMED' });
});

test('feed roots are recognised behind a prolog and comments', () => {
  assert.ok(looksLikeFeed(RSS));
  assert.ok(looksLikeFeed(ATOM));
  assert.ok(looksLikeFeed('<?xml version="1.0"?>\n<!-- x -->\n<rdf:RDF xmlns:rdf="x"></rdf:RDF>'));
  assert.ok(!looksLikeFeed('<!DOCTYPE html><html></html>'));
});
