/**
 * Storage behind one interface (`Store`, see ./types.ts). SQLite is the default backend; the
 * file defaults to the platform's user data folder, overridden by `--db` or PARALLAX_DB.
 */
import { leadOf } from './lead.ts';
import { openSqliteStore } from './sqlite.ts';
import { resolveStorePath } from './paths.ts';
import type { ComparisonSummary, Store, StoredArticle } from './types.ts';

export type { Store, StoredArticle, ComparisonSummary, PutArticlesResult, PutComparisonResult, FeedState } from './types.ts';
export { resolveStorePath, userDataDir, STORE_FILE } from './paths.ts';
export { contentHash } from './sqlite.ts';
export { leadOf, LEAD_CHARS } from './lead.ts';

/** Opens the store at `path` (or the default path), creating it and migrating its schema. */
export function openStore(path?: string): Store {
  return openSqliteStore(resolveStorePath(path));
}

/** One stored article in a listing: its metadata without the text. */
export interface StoredArticleSummary {
  id: string;
  source: string | null;
  title: string | null;
  published: string | null;
  canonicalUrl: string | null;
  storedAt: string;
  contentHash: string;
  words: number;
  /** The text's opening words (at most LEAD_CHARS characters): a name for an article without a title. */
  lead: string;
}

/** A stored comparison named by its articles: each one's title, else its outlet, else its opening words, else its id. */
export function comparisonLabel(c: ComparisonSummary): string {
  return c.articleIds.map((id, i) => c.titles[i] ?? c.sources[i] ?? (c.leads[i] ? `“${leadOf(c.leads[i], COMPARISON_LEAD_CHARS)}”` : id)).join(' · ');
}

/** A comparison names several articles on one line: shorter leads. */
const COMPARISON_LEAD_CHARS = 48;

export function summarizeStoredArticle({ article, storedAt, contentHash }: StoredArticle): StoredArticleSummary {
  return {
    id: article.id,
    source: article.source,
    title: article.title,
    published: article.published,
    canonicalUrl: article.canonicalUrl,
    storedAt,
    contentHash,
    words: article.text.match(/\S+/g)?.length ?? 0,
    lead: leadOf(article.text),
  };
}
