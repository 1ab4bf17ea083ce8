/**
 * Feed watching: poll RSS/Atom feeds (and OPML lists of them), turn new items into articles,
 * store them, and put each new article into a story.
 *
 *   1. a feed whose backoff time (`nextPoll`) lies ahead is skipped;
 *   2. the feed is fetched with If-None-Match / If-Modified-Since from its stored state; a 304
 *      means nothing new; requests to one host are spaced by a minimum delay (politeness);
 *   3. each item → an article: the feed's full content when it has it, else the item's page,
 *      else its summary; the store deduplicates by canonical URL and content hash;
 *   4. each newly stored article joins or starts a story, which is saved with its article ids;
 *   5. a failure doubles the feed's backoff (capped); a success clears it.
 *
 * The store is reached only through the interface type (src/store/types.ts, erased at run
 * time): the CLI opens the store and passes it in.
 */
import { readFile } from 'node:fs/promises';
import { ParallaxError, isParallaxError } from '../errors.ts';
import { articleFromHtml, parseFeed } from '../ingest/index.ts';
import { ACCEPT_FEED, ACCEPT_HTML, safeFetch } from '../ingest/fetch.ts';
import type { FeedItem } from '../ingest/types.ts';
import type { Article } from '../model/index.ts';
import type { FeedState, Store } from '../store/types.ts';
import { StoryClusterer, DEFAULT_WINDOW_HOURS } from './cluster.ts';
import { looksLikeOpml, parseOpml } from './opml.ts';

/** One request to a host at most this often: well-behaved crawlers wait about a second. */
export const DEFAULT_HOST_DELAY_MS = 1000;
/** First backoff after a failure; it doubles with each further failure. */
export const BACKOFF_BASE_MS = 5 * 60 * 1000;
/** Backoff cap: a broken feed is still tried about once a day. */
export const BACKOFF_MAX_MS = 24 * 3600 * 1000;
/** Stories restored from the store at start: enough to cover the clustering window of a busy intake. */
const RESTORE_LIMIT = 5000;
/** A feed summary shorter than this is a teaser, not the article (as the ingest feed reader judges). */
const TEASER_MAX_WORDS = 120;

export interface WatchOptions {
  allowPrivate?: boolean;
  /** Minimum delay between two requests to one host. */
  hostDelayMs?: number;
  timeoutMs?: number;
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
  /** Progress lines (the CLI writes them to stderr). */
  onProgress?: (line: string) => void;
}

export interface PollSummary {
  /** Feeds fetched this run (OPML lists expanded). */
  polled: number;
  notModified: number;
  /** Feeds left alone because their backoff has not run out. */
  skipped: number;
  newArticles: number;
  duplicates: number;
  newStories: number;
  updatedStories: number;
  errors: { input: string; error: ParallaxError }[];
}

export function formatSummary(summary: PollSummary): string {
  return (
    `watch: ${summary.polled} feeds polled, ${summary.notModified} not modified, ${summary.skipped} backing off, ` +
    `${summary.newArticles} new articles (${summary.duplicates} duplicates), ` +
    `${summary.newStories} new stories, ${summary.updatedStories} updated, ${summary.errors.length} errors`
  );
}

/** Watches feeds into a store; keeps its clusterer between polls of one process. */
export class FeedWatcher {
  private readonly clusterer = new StoryClusterer();
  private readonly lastRequest = new Map<string, number>();
  /** Item links already stored by this process: a changed feed does not refetch their pages. */
  private readonly seenItems = new Set<string>();
  private restored = false;
  private readonly options: Required<Omit<WatchOptions, 'timeoutMs'>> & { timeoutMs?: number };

  constructor(
    private readonly store: Store,
    options: WatchOptions = {},
  ) {
    this.options = {
      allowPrivate: options.allowPrivate ?? false,
      hostDelayMs: options.hostDelayMs ?? DEFAULT_HOST_DELAY_MS,
      timeoutMs: options.timeoutMs,
      now: options.now ?? (() => new Date()),
      onProgress: options.onProgress ?? (() => {}),
    };
  }

  /** Polls every input once: feed URLs, OPML URLs, or OPML files. */
  async pollOnce(inputs: string[]): Promise<PollSummary> {
    const summary: PollSummary = { polled: 0, notModified: 0, skipped: 0, newArticles: 0, duplicates: 0, newStories: 0, updatedStories: 0, errors: [] };
    if (!this.restored) this.restore();
    const feeds: string[] = [];
    for (const input of inputs) {
      try {
        feeds.push(...(await this.expand(input)));
      } catch (error) {
        summary.errors.push({ input, error: asError(error, input) });
      }
    }
    const touched = new Map<string, boolean>();
    for (const [n, url] of [...new Set(feeds)].entries()) {
      this.options.onProgress(`[${n + 1}/${feeds.length}] ${url}`);
      await this.pollFeed(url, summary, touched, true);
    }
    for (const [storyId, isNew] of touched) {
      const story = this.clusterer.getStory(storyId);
      if (!story) continue;
      this.store.putStory(story);
      if (isNew) summary.newStories += 1;
      else summary.updatedStories += 1;
    }
    return summary;
  }

  /** Puts the stories of the clustering window back into the clusterer, oldest first. */
  private restore(): void {
    this.restored = true;
    const since = new Date(this.options.now().getTime() - DEFAULT_WINDOW_HOURS * 3600 * 1000).toISOString();
    const stories = this.store.listStories({ since, limit: RESTORE_LIMIT }).reverse();
    for (const story of stories) {
      const articles = story.articleIds.map((id) => this.store.getArticle(id)).filter((a): a is Article => a !== null);
      this.clusterer.restore(story, articles.map((a) => this.clusterInput(a)));
    }
  }

  /** An OPML file or a URL: local files must be OPML; URLs are sorted out when fetched. */
  private async expand(input: string): Promise<string[]> {
    if (/^https?:\/\//i.test(input)) return [input];
    let text: string;
    try {
      text = await readFile(input, 'utf8');
    } catch (error) {
      throw new ParallaxError('INPUT_NOT_FOUND', 'cannot read the file', input, { cause: error });
    }
    if (!looksLikeOpml(text)) throw new ParallaxError('INPUT_UNSUPPORTED', 'a local file must be an OPML list of feeds; give feeds as URLs', input);
    return parseOpml(text, input).map((feed) => feed.url);
  }

  private async pollFeed(url: string, summary: PollSummary, touched: Map<string, boolean>, expandOpml: boolean): Promise<void> {
    const now = this.options.now();
    const state: FeedState = this.store.getFeedState(url) ?? { url, etag: null, lastModified: null, lastPolled: null, failures: 0, nextPoll: null };
    if (state.nextPoll && Date.parse(state.nextPoll) > now.getTime()) {
      summary.skipped += 1;
      return;
    }
    summary.polled += 1;
    try {
      const headers: Record<string, string> = {};
      if (state.etag) headers['if-none-match'] = state.etag;
      if (state.lastModified) headers['if-modified-since'] = state.lastModified;
      const response = await this.fetch(url, { headers, accept: [...ACCEPT_FEED, 'text/x-opml', 'text/x-opml+xml'], allowNotModified: true });
      if (response.status === 304) {
        summary.notModified += 1;
      } else {
        const xml = response.body.toString('utf8');
        if (looksLikeOpml(xml)) {
          if (!expandOpml) throw new ParallaxError('FEED_MALFORMED', 'an OPML list inside an OPML list is not followed', url);
          summary.polled -= 1;
          for (const feed of parseOpml(xml, url)) await this.pollFeed(feed.url, summary, touched, false);
          return;
        }
        const feed = parseFeed(xml, url);
        for (const [index, item] of feed.items.entries()) {
          const origin = `${url}#${index + 1}`;
          if (item.url && this.seenItems.has(item.url)) {
            summary.duplicates += 1;
            continue;
          }
          try {
            this.take(await this.itemArticle(item, origin, feed.title), summary, touched);
            if (item.url) this.seenItems.add(item.url);
          } catch (error) {
            summary.errors.push({ input: origin, error: asError(error, origin) });
          }
        }
      }
      this.store.putFeedState({
        url,
        etag: response.headers.etag ?? state.etag,
        lastModified: response.headers['last-modified'] ?? state.lastModified,
        lastPolled: now.toISOString(),
        failures: 0,
        nextPoll: null,
      });
    } catch (error) {
      const failures = state.failures + 1;
      const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (failures - 1));
      this.store.putFeedState({ ...state, lastPolled: now.toISOString(), failures, nextPoll: new Date(now.getTime() + delay).toISOString() });
      summary.errors.push({ input: url, error: asError(error, url) });
    }
  }

  /** Stores the article; a new one joins or starts a story. */
  private take(article: Article, summary: PollSummary, touched: Map<string, boolean>): void {
    const stored = this.store.putArticles([article]);
    if (stored.inserted === 0) {
      summary.duplicates += 1;
      return;
    }
    summary.newArticles += 1;
    const assignment = this.clusterer.add(this.clusterInput({ ...article, id: stored.ids[0] }));
    touched.set(assignment.storyId, (touched.get(assignment.storyId) ?? false) || assignment.isNew);
  }

  private clusterInput(article: Article): { id: string; title: string | null; text: string; source: string | null; published: string | null } {
    return { id: article.id, title: article.title, text: article.text, source: article.source, published: article.published ?? this.options.now().toISOString() };
  }

  /**
   * The feed's full content unless it is itself a teaser ("… Read more"); else the item's page;
   * else a summary long enough to be the article; else, with a warning, whatever text there is.
   */
  private async itemArticle(item: FeedItem, origin: string, feedTitle: string | null): Promise<Article> {
    const meta = { origin, title: item.title, author: item.author, published: item.published, url: item.url, source: feedTitle, provenance: 'feed' as const };
    const content = item.contentHtml ? orNull(() => articleFromHtml(item.contentHtml as string, meta)) : null;
    if (content && !(item.url && endsLikeTeaser(content.text))) return content;
    const summary = item.summaryHtml ? orNull(() => articleFromHtml(item.summaryHtml as string, meta)) : null;
    if (summary && wordCount(summary.text) >= TEASER_MAX_WORDS && !endsLikeTeaser(summary.text)) return summary;
    if (item.url) {
      try {
        const page = await this.fetch(item.url, { accept: ACCEPT_HTML });
        return articleFromHtml(page.body.toString('utf8'), meta);
      } catch (error) {
        const fallback = content ?? summary;
        if (!fallback) throw error;
        return { ...fallback, warnings: [...fallback.warnings, `the item page could not be read (${asError(error, item.url).message}); the feed text is used`] };
      }
    }
    const short = content ?? summary;
    if (short) return { ...short, warnings: [...short.warnings, 'the feed item carries only a short text and no link'] };
    throw new ParallaxError('NO_ARTICLE', 'the feed item has no content, summary or link', origin);
  }

  /** safeFetch behind the per-host delay. */
  private async fetch(url: string, options: { headers?: Record<string, string>; accept: string[]; allowNotModified?: boolean }) {
    const host = new URL(url).host;
    const wait = (this.lastRequest.get(host) ?? -Infinity) + this.options.hostDelayMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    try {
      return await safeFetch(url, { ...options, allowPrivate: this.options.allowPrivate, timeoutMs: this.options.timeoutMs });
    } finally {
      this.lastRequest.set(host, Date.now());
    }
  }
}

/** The article, or null when the fragment holds none (NO_ARTICLE); other errors propagate. */
function orNull(read: () => Article): Article | null {
  try {
    return read();
  } catch (error) {
    if (isParallaxError(error) && error.code === 'NO_ARTICLE') return null;
    throw error;
  }
}

/** "…", "[…]", "Read more", "Continue reading": the text goes on elsewhere. */
function endsLikeTeaser(text: string): boolean {
  return /(…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading)\W*$/i.test(text.trim());
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function asError(error: unknown, input: string): ParallaxError {
  if (isParallaxError(error)) return error;
  return new ParallaxError('INTERNAL', error instanceof Error ? error.message : String(error), input, { cause: error });
}
