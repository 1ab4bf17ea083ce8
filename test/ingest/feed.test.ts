import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeFeed, parseFeed } from '../../src/ingest/feed.ts';
import { ATOM, RSS } from './feed-fixtures.ts';

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
  assert.throws(() => parseFeed('<rss><channel><item><title>Dockers</channel></rss>', 'bad.xml'), {
    code: 'FEED_MALFORMED',
    input: 'bad.xml',
  });
  assert.throws(() => parseFeed('<html><body>not a feed</body></html>', 'page.xml'), {
    code: 'FEED_MALFORMED',
  });
});

test('feed roots are recognised behind a prolog and comments', () => {
  assert.ok(looksLikeFeed(RSS));
  assert.ok(looksLikeFeed(ATOM));
  assert.ok(looksLikeFeed('<?xml version="1.0"?>\n<!-- x -->\n<rdf:RDF xmlns:rdf="x"></rdf:RDF>'));
  assert.ok(!looksLikeFeed('<!DOCTYPE html><html></html>'));
});

test('Atom content is read by its type: xhtml markup, escaped html, CDATA, plain text', () => {
  const entry = (content: string): string => `<entry><title>T</title>${content}</entry>`;
  const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>${[
    entry(
      '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Cranes &amp; quays</p></div></content>',
    ),
    entry('<content type="html">&lt;p&gt;Tear gas &amp;amp; smoke&lt;/p&gt;</content>'),
    entry('<content type="html"><![CDATA[<p>The march</p>]]></content>'),
    entry('<content>Ships at anchor &lt; 30\n\nSecond paragraph</content>'),
  ].join('')}</feed>`;
  assert.deepEqual(
    parseFeed(xml, 'w.atom').items.map((i) => i.contentHtml),
    [
      '<div xmlns="http://www.w3.org/1999/xhtml"><p>Cranes &amp; quays</p></div>',
      '<p>Tear gas &amp; smoke</p>',
      '<p>The march</p>',
      '<p>Ships at anchor &lt; 30</p><p>Second paragraph</p>',
    ],
  );
});
