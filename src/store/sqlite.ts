/**
 * The SQLite backend (better-sqlite3): WAL journal, foreign keys, migrations on open, and one
 * transaction per batch so a crash never leaves half a batch behind.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ParallaxError } from '../errors.ts';
import type { Article, Comparison, Story } from '../model/index.ts';
import { leadOf } from './lead.ts';
import { MIGRATIONS } from './migrations.ts';
import type { ComparisonSummary, FeedState, PutArticlesResult, PutComparisonResult, Store, StoredArticle } from './types.ts';

/** How long a writer waits for another process's lock before failing (ms): feeds and a server may share a file. */
const BUSY_TIMEOUT_MS = 5_000;
/** Default page size of the list calls when no limit is given. */
const DEFAULT_LIST_LIMIT = 1_000;

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

interface ArticleRow {
  id: string;
  content_hash: string;
  stored_at: string;
  json: string;
}

interface StoryRow {
  id: string;
  headline: string;
  sources: string;
  first_seen: string | null;
  last_seen: string | null;
}

interface FeedRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  last_polled: string | null;
  failures: number;
  next_poll: string | null;
}

function storeError(message: string, path: string, cause: unknown): ParallaxError {
  return new ParallaxError('STORE_ERROR', `${message}: ${cause instanceof Error ? cause.message : String(cause)}`, path, { cause });
}

/** Opens (creating when needed) the SQLite store at `path`; ":memory:" for a throwaway store. */
export function openSqliteStore(path: string): Store {
  let db: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // WAL with synchronous=NORMAL is durable against process crashes (the case we test); FULL adds power-loss safety at a cost
    db.pragma('synchronous = NORMAL');
    migrate(db);
  } catch (error) {
    throw storeError('cannot open the store', path, error);
  }
  return new SqliteStore(db, path);
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
}

class SqliteStore implements Store {
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
  ) {
    this.statements = {
      articleByUrl: db.prepare('SELECT id FROM articles WHERE canonical_url = ?'),
      articleByHash: db.prepare('SELECT id FROM articles WHERE content_hash = ?'),
      articleById: db.prepare('SELECT id, content_hash, stored_at, json FROM articles WHERE id = ?'),
      insertArticle: db.prepare(
        'INSERT INTO articles (id, canonical_url, content_hash, source, title, published, stored_at, json) VALUES (@id, @canonicalUrl, @hash, @source, @title, @published, @storedAt, @json)',
      ),
      listArticles: db.prepare('SELECT id, content_hash, stored_at, json FROM articles WHERE stored_at >= ? ORDER BY stored_at DESC, rowid DESC LIMIT ?'),
      upsertComparison: db.prepare(
        'INSERT INTO comparisons (id, created_at, story_id, report) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, story_id = excluded.story_id, report = excluded.report',
      ),
      clearComparisonArticles: db.prepare('DELETE FROM comparison_articles WHERE comparison_id = ?'),
      insertComparisonArticle: db.prepare('INSERT INTO comparison_articles (comparison_id, position, article_id, title) VALUES (?, ?, ?, ?)'),
      comparisonById: db.prepare('SELECT report FROM comparisons WHERE id = ?'),
      listComparisons: db.prepare('SELECT id, created_at, story_id FROM comparisons ORDER BY created_at DESC, rowid DESC LIMIT ?'),
      comparisonArticles: db.prepare(
        "SELECT ca.article_id, ca.title, a.source, substr(json_extract(a.json, '$.text'), 1, 200) AS opening FROM comparison_articles ca LEFT JOIN articles a ON a.id = ca.article_id WHERE ca.comparison_id = ? ORDER BY ca.position",
      ),
      upsertStory: db.prepare(
        'INSERT INTO stories (id, headline, sources, first_seen, last_seen) VALUES (@id, @headline, @sources, @firstSeen, @lastSeen) ON CONFLICT (id) DO UPDATE SET headline = excluded.headline, sources = excluded.sources, first_seen = excluded.first_seen, last_seen = excluded.last_seen',
      ),
      clearStoryArticles: db.prepare('DELETE FROM story_articles WHERE story_id = ?'),
      insertStoryArticle: db.prepare('INSERT INTO story_articles (story_id, position, article_id) VALUES (?, ?, ?)'),
      storyById: db.prepare('SELECT id, headline, sources, first_seen, last_seen FROM stories WHERE id = ?'),
      storyArticles: db.prepare('SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY position'),
      listStories: db.prepare(
        "SELECT id, headline, sources, first_seen, last_seen FROM stories WHERE coalesce(last_seen, '') >= ? ORDER BY last_seen IS NULL, last_seen DESC, rowid DESC LIMIT ?",
      ),
      feedByUrl: db.prepare('SELECT url, etag, last_modified, last_polled, failures, next_poll FROM feed_state WHERE url = ?'),
      upsertFeed: db.prepare(
        'INSERT INTO feed_state (url, etag, last_modified, last_polled, failures, next_poll) VALUES (@url, @etag, @lastModified, @lastPolled, @failures, @nextPoll) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_polled = excluded.last_polled, failures = excluded.failures, next_poll = excluded.next_poll',
      ),
    };
  }

  private run<T>(what: string, work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof ParallaxError) throw error;
      throw storeError(what, this.path, error);
    }
  }

  /** The id an article is stored under already (same canonical URL, else same text), or null. */
  private storedIdOf(article: Article, hash: string): string | null {
    const s = this.statements;
    const existing =
      (article.canonicalUrl ? (s.articleByUrl.get(article.canonicalUrl) as { id: string } | undefined) : undefined) ??
      (s.articleByHash.get(hash) as { id: string } | undefined);
    return existing?.id ?? null;
  }

  /** The body of putArticles; the caller runs it inside a transaction. */
  private insertArticles(items: Article[]): PutArticlesResult {
    const s = this.statements;
    const ids: string[] = [];
    let inserted = 0;
    let duplicates = 0;
    const storedAt = new Date().toISOString();
    for (const article of items) {
      const hash = contentHash(article.text);
      const existing = this.storedIdOf(article, hash);
      if (existing !== null) {
        ids.push(existing);
        duplicates++;
        continue;
      }
      // the same id with other content (an edited article): keep both, the new one under a suffixed id
      const id = s.articleById.get(article.id) ? `${article.id}-${hash.slice(0, 8)}` : article.id;
      const stored = id === article.id ? article : { ...article, id };
      s.insertArticle.run({
        id,
        canonicalUrl: article.canonicalUrl,
        hash,
        source: article.source,
        title: article.title,
        published: article.published,
        storedAt,
        json: JSON.stringify(stored),
      });
      ids.push(id);
      inserted++;
    }
    return { ids, inserted, duplicates };
  }

  /** The body of putComparison: `articleIds[i]` is the stored id of `comparison.articles[i]`. */
  private writeComparison(comparison: Comparison, storyId: string | null, articleIds: string[]): void {
    const s = this.statements;
    s.upsertComparison.run(comparison.id, comparison.createdAt, storyId, JSON.stringify(comparison));
    s.clearComparisonArticles.run(comparison.id);
    comparison.articles.forEach((a, i) => s.insertComparisonArticle.run(comparison.id, i, articleIds[i], a.title));
  }

  putArticles(articles: Article[]): PutArticlesResult {
    const batch = this.db.transaction((items: Article[]) => this.insertArticles(items));
    return this.run('cannot store the articles', () => batch.immediate(articles));
  }

  getArticle(id: string): Article | null {
    const row = this.run('cannot read an article', () => this.statements.articleById.get(id) as ArticleRow | undefined);
    return row ? (JSON.parse(row.json) as Article) : null;
  }

  listArticles(options: { since?: string; limit?: number } = {}): StoredArticle[] {
    const rows = this.run('cannot list articles', () => this.statements.listArticles.all(options.since ?? '', options.limit ?? DEFAULT_LIST_LIMIT) as ArticleRow[]);
    return rows.map((r) => ({ article: JSON.parse(r.json) as Article, contentHash: r.content_hash, storedAt: r.stored_at }));
  }

  putComparison(comparison: Comparison, storyId: string | null = null): string {
    const write = this.db.transaction(() => {
      // an article stored earlier under another id (deduplicated) is linked by its stored id, never by a dangling one
      const articleIds = comparison.articles.map((a) => this.storedIdOf(a, contentHash(a.text)) ?? a.id);
      this.writeComparison(comparison, storyId, articleIds);
    });
    this.run('cannot store the comparison', () => write.immediate());
    return comparison.id;
  }

  putComparisonWithArticles(comparison: Comparison, storyId: string | null = null): PutComparisonResult {
    const write = this.db.transaction((): PutComparisonResult => {
      const articles = this.insertArticles(comparison.articles);
      this.writeComparison(comparison, storyId, articles.ids);
      return { id: comparison.id, articles };
    });
    return this.run('cannot store the comparison and its articles', () => write.immediate());
  }

  getComparison(id: string): Comparison | null {
    const row = this.run('cannot read a comparison', () => this.statements.comparisonById.get(id) as { report: string } | undefined);
    return row ? (JSON.parse(row.report) as Comparison) : null;
  }

  listComparisons(options: { limit?: number } = {}): ComparisonSummary[] {
    return this.run('cannot list comparisons', () => {
      const rows = this.statements.listComparisons.all(options.limit ?? DEFAULT_LIST_LIMIT) as { id: string; created_at: string; story_id: string | null }[];
      return rows.map((r) => {
        const members = this.statements.comparisonArticles.all(r.id) as { article_id: string; title: string | null; source: string | null; opening: string | null }[];
        return {
          id: r.id,
          createdAt: r.created_at,
          storyId: r.story_id,
          articleIds: members.map((m) => m.article_id),
          titles: members.map((m) => m.title),
          sources: members.map((m) => m.source),
          leads: members.map((m) => leadOf(m.opening ?? '')),
        };
      });
    });
  }

  putStory(story: Story): void {
    const s = this.statements;
    const write = this.db.transaction(() => {
      s.upsertStory.run({ id: story.id, headline: story.headline, sources: JSON.stringify(story.sources), firstSeen: story.firstSeen, lastSeen: story.lastSeen });
      s.clearStoryArticles.run(story.id);
      story.articleIds.forEach((articleId, i) => s.insertStoryArticle.run(story.id, i, articleId));
    });
    this.run('cannot store the story', () => write.immediate());
  }

  private storyFromRow(row: StoryRow): Story {
    const articleIds = (this.statements.storyArticles.all(row.id) as { article_id: string }[]).map((r) => r.article_id);
    return { id: row.id, headline: row.headline, articleIds, sources: JSON.parse(row.sources) as string[], firstSeen: row.first_seen, lastSeen: row.last_seen };
  }

  getStory(id: string): Story | null {
    return this.run('cannot read a story', () => {
      const row = this.statements.storyById.get(id) as StoryRow | undefined;
      return row ? this.storyFromRow(row) : null;
    });
  }

  listStories(options: { since?: string; limit?: number } = {}): Story[] {
    return this.run('cannot list stories', () =>
      (this.statements.listStories.all(options.since ?? '', options.limit ?? DEFAULT_LIST_LIMIT) as StoryRow[]).map((row) => this.storyFromRow(row)),
    );
  }

  getFeedState(url: string): FeedState | null {
    const row = this.run('cannot read feed state', () => this.statements.feedByUrl.get(url) as FeedRow | undefined);
    return row ? { url: row.url, etag: row.etag, lastModified: row.last_modified, lastPolled: row.last_polled, failures: row.failures, nextPoll: row.next_poll } : null;
  }

  putFeedState(state: FeedState): void {
    this.run('cannot store feed state', () =>
      this.statements.upsertFeed.run({ url: state.url, etag: state.etag, lastModified: state.lastModified, lastPolled: state.lastPolled, failures: state.failures, nextPoll: state.nextPoll }),
    );
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
