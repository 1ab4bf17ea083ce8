/**
 * The storage interface. SQLite (better-sqlite3) is the default backend; a PostgreSQL backend
 * can follow by implementing the same interface and passing the same shared test suite.
 */
import type { Article, Comparison, Story } from '../model/index.ts';

export interface StoredArticle {
  article: Article;
  /** sha256 of the cleaned text: the dedup key when there is no canonical URL. */
  contentHash: string;
  storedAt: string;
}

export interface ComparisonSummary {
  id: string;
  createdAt: string;
  articleIds: string[];
  titles: (string | null)[];
  /** The outlet of each article, when known. */
  sources: (string | null)[];
  /** The opening words of each article's text (see `leadOf`). */
  leads: string[];
  storyId: string | null;
}

export interface PutArticlesResult {
  /** Ids of the articles as stored (an existing id when deduplicated). */
  ids: string[];
  inserted: number;
  duplicates: number;
}

export interface PutComparisonResult {
  /** The comparison's id. */
  id: string;
  /** The compared articles as stored: `ids[i]` is the stored id of `comparison.articles[i]`. */
  articles: PutArticlesResult;
}

export interface Store {
  /** All-or-nothing: one transaction for the whole batch. Deduplicates by canonical URL and content hash. */
  putArticles(articles: Article[]): PutArticlesResult;
  getArticle(id: string): Article | null;
  listArticles(options?: { since?: string; limit?: number }): StoredArticle[];

  /**
   * Saves the report and links it to its articles by stored id: an article already stored
   * (same canonical URL or text) under another id is linked by that id.
   */
  putComparison(comparison: Comparison, storyId?: string | null): string;
  /**
   * Stores `comparison.articles` (deduplicated as putArticles does) and the comparison linked to
   * the ids they are stored under, all in one transaction: on error nothing is stored.
   */
  putComparisonWithArticles(comparison: Comparison, storyId?: string | null): PutComparisonResult;
  getComparison(id: string): Comparison | null;
  listComparisons(options?: { limit?: number }): ComparisonSummary[];

  /** Replaces the story's record and its membership in one transaction. */
  putStory(story: Story): void;
  getStory(id: string): Story | null;
  listStories(options?: { since?: string; limit?: number }): Story[];

  /** Feed polling state for conditional requests (ETag, Last-Modified) and backoff. */
  getFeedState(url: string): FeedState | null;
  putFeedState(state: FeedState): void;

  close(): void;
}

export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  lastPolled: string | null;
  failures: number;
  /** ISO time before which the feed is not polled again (backoff). */
  nextPoll: string | null;
}
