/**
 * The cases every Store backend must pass (SQLite today; a PostgreSQL backend runs the same
 * file). `runStoreCases(name, open)` registers them; `open` returns a fresh, empty store.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, Story } from '../../src/model/index.ts';
import { leadOf, type Store } from '../../src/store/index.ts';
import { readComparisonFixture } from '../report/fixture.ts';

export function makeArticle(id: string, text: string, canonicalUrl: string | null = null): Article {
  return {
    id,
    origin: `${id}.txt`,
    source: 'Test Outlet',
    title: `Title ${id}`,
    author: null,
    published: '2026-01-05',
    language: 'en',
    url: canonicalUrl,
    canonicalUrl,
    place: null,
    text,
    removed: [],
    provenance: {},
    warnings: [],
  };
}

export function runStoreCases(name: string, open: () => Store): void {
  const withStore = (fn: (store: Store) => void) => () => {
    const store = open();
    try {
      fn(store);
    } finally {
      store.close();
    }
  };

  describe(`store cases: ${name}`, () => {
    test(
      'stores articles and reads them back whole',
      withStore((store) => {
        const a = makeArticle('a1', 'The ferry left the harbour at dawn.');
        const result = store.putArticles([a]);
        assert.deepEqual(result, { ids: ['a1'], inserted: 1, duplicates: 0 });
        assert.deepEqual(store.getArticle('a1'), a);
        assert.equal(store.getArticle('missing'), null);
        const listed = store.listArticles();
        assert.equal(listed.length, 1);
        assert.match(listed[0].contentHash, /^[0-9a-f]{64}$/);
        assert.ok(!Number.isNaN(Date.parse(listed[0].storedAt)));
      }),
    );

    test(
      'deduplicates by canonical URL and by content hash, within a batch and across batches',
      withStore((store) => {
        const first = store.putArticles([
          makeArticle('x1', 'Fishermen protested the new quota.', 'https://news.invalid/quota'),
          makeArticle('x2', 'Fishermen protested the new quota, an update.', 'https://news.invalid/quota'),
          makeArticle('x3', 'Fishermen protested the new quota.'),
          makeArticle('x4', 'A different story about lighthouses.'),
        ]);
        assert.deepEqual(first, { ids: ['x1', 'x1', 'x1', 'x4'], inserted: 2, duplicates: 2 });
        const second = store.putArticles([makeArticle('y1', 'A different story about lighthouses.')]);
        assert.deepEqual(second, { ids: ['x4'], inserted: 0, duplicates: 1 });
        assert.equal(store.listArticles().length, 2);
      }),
    );

    test(
      'an id reused for other content keeps both articles',
      withStore((store) => {
        store.putArticles([makeArticle('same', 'First version of the text.')]);
        const result = store.putArticles([makeArticle('same', 'Second, edited version of the text.')]);
        assert.equal(result.inserted, 1);
        assert.notEqual(result.ids[0], 'same');
        assert.equal(store.getArticle(result.ids[0])?.text, 'Second, edited version of the text.');
        assert.equal(store.getArticle('same')?.text, 'First version of the text.');
      }),
    );

    test(
      'lists articles newest first with since and limit',
      withStore((store) => {
        store.putArticles([makeArticle('old', 'Old text.')]);
        const cut = new Date(Date.now() + 1).toISOString();
        const wait = Date.now() + 5;
        while (Date.now() < wait) {
          // let the clock move past the cut
        }
        store.putArticles([makeArticle('new1', 'New text one.'), makeArticle('new2', 'New text two.')]);
        assert.deepEqual(store.listArticles({ since: cut }).map((s) => s.article.id).sort(), ['new1', 'new2']);
        assert.equal(store.listArticles({ limit: 1 }).length, 1);
        assert.equal(store.listArticles().at(-1)?.article.id, 'old');
      }),
    );

    test(
      'stores comparisons with their article links and a story id',
      withStore((store) => {
        const c = readComparisonFixture();
        assert.equal(store.putComparison(c, 'story-1'), c.id);
        assert.deepEqual(store.getComparison(c.id), c);
        assert.equal(store.getComparison('nope'), null);
        const [summary] = store.listComparisons();
        // The articles themselves were not stored: no outlet or opening words to show.
        assert.deepEqual(summary, {
          id: c.id,
          createdAt: c.createdAt,
          storyId: 'story-1',
          articleIds: ['gazette', 'wire'],
          titles: [c.articles[0].title, c.articles[1].title],
          sources: [null, null],
          leads: ['', ''],
        });
        // saving again replaces, never duplicates
        c.warnings.push('second save');
        store.putComparison(c);
        assert.equal(store.listComparisons().length, 1);
        assert.deepEqual(store.getComparison(c.id)?.warnings, ['second save']);
        assert.equal(store.listComparisons()[0].storyId, null);
      }),
    );

    test(
      'a compared article already stored under another id is linked by its stored id, never dangling',
      withStore((store) => {
        const c = readComparisonFixture();
        const [gazette, wire] = c.articles;
        // stored earlier under other ids: the gazette by its text, the wire by its canonical URL
        const stored = store.putArticles([
          { ...gazette, id: 'gazette-earlier' },
          makeArticle('wire-earlier', 'An earlier draft of the wire story.', 'https://wire.invalid/harbour'),
        ]);
        assert.deepEqual(stored.ids, ['gazette-earlier', 'wire-earlier']);
        c.articles[1] = { ...wire, canonicalUrl: 'https://wire.invalid/harbour' };

        const saved = store.putComparisonWithArticles(c, 'story-2');
        assert.deepEqual(saved, { id: c.id, articles: { ids: ['gazette-earlier', 'wire-earlier'], inserted: 0, duplicates: 2 } });
        const [summary] = store.listComparisons();
        assert.deepEqual(summary.articleIds, ['gazette-earlier', 'wire-earlier']);
        assert.equal(summary.storyId, 'story-2');
        for (const id of summary.articleIds) assert.notEqual(store.getArticle(id), null, `link ${id} dangles`);
        assert.equal(store.listArticles().length, 2);

        // the two-call way (putArticles, then putComparison) links the stored ids too
        store.putArticles(c.articles);
        store.putComparison(c);
        assert.deepEqual(store.listComparisons()[0].articleIds, ['gazette-earlier', 'wire-earlier']);
      }),
    );

    test(
      'putComparisonWithArticles stores new articles and the comparison together, or nothing at all',
      withStore((store) => {
        const c = readComparisonFixture();
        const saved = store.putComparisonWithArticles(c);
        assert.deepEqual(saved.articles, { ids: ['gazette', 'wire'], inserted: 2, duplicates: 0 });
        assert.deepEqual(store.getComparison(c.id), c);
        assert.deepEqual(store.getArticle('wire'), c.articles[1]);
        // with its articles stored, the listing knows their outlets and opening words
        const [summary] = store.listComparisons();
        assert.deepEqual(summary?.sources, c.articles.map((a) => a.source));
        assert.deepEqual(summary?.leads, c.articles.map((a) => leadOf(a.text)));

        // a comparison that cannot be written (not serialisable) leaves its articles unstored as well
        const broken = readComparisonFixture();
        broken.id = 'cmp-broken';
        broken.articles = [makeArticle('lonely', 'A text nobody has stored before.')];
        (broken.warnings as unknown[]).push(1n);
        assert.throws(() => store.putComparisonWithArticles(broken));
        assert.equal(store.getArticle('lonely'), null);
        assert.equal(store.getComparison('cmp-broken'), null);
        assert.equal(store.listArticles().length, 2);
      }),
    );

    test(
      'stories: putStory replaces the record and its membership',
      withStore((store) => {
        const story: Story = { id: 's1', headline: 'Harbour strike', articleIds: ['a', 'b'], sources: ['One', 'Two'], firstSeen: '2026-01-01T00:00:00Z', lastSeen: '2026-01-02T00:00:00Z' };
        store.putStory(story);
        assert.deepEqual(store.getStory('s1'), story);
        const grown = { ...story, articleIds: ['c', 'a', 'b'], lastSeen: '2026-01-03T00:00:00Z' };
        store.putStory(grown);
        assert.deepEqual(store.getStory('s1'), grown);
        store.putStory({ id: 's0', headline: 'Older', articleIds: ['z'], sources: [], firstSeen: null, lastSeen: '2025-12-01T00:00:00Z' });
        assert.deepEqual(store.listStories().map((s) => s.id), ['s1', 's0']);
        assert.deepEqual(store.listStories({ since: '2026-01-01' }).map((s) => s.id), ['s1']);
        assert.equal(store.listStories({ limit: 1 }).length, 1);
        assert.equal(store.getStory('missing'), null);
      }),
    );

    test(
      'feed state round-trips and updates in place',
      withStore((store) => {
        assert.equal(store.getFeedState('https://feed.invalid/rss'), null);
        const state = { url: 'https://feed.invalid/rss', etag: 'W/"1"', lastModified: null, lastPolled: '2026-01-01T00:00:00Z', failures: 0, nextPoll: null };
        store.putFeedState(state);
        assert.deepEqual(store.getFeedState(state.url), state);
        store.putFeedState({ ...state, failures: 3, nextPoll: '2026-01-01T01:00:00Z' });
        assert.equal(store.getFeedState(state.url)?.failures, 3);
      }),
    );
  });
}
