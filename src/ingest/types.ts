/** Contracts between the ingest readers, the safe fetcher and the feed parser. */

export interface IngestOptions {
  /** Overrides the outlet of every article (`--source NAME`). */
  source?: string;
  /** Allow requests to loopback, private, link-local and metadata addresses. */
  allowPrivate?: boolean;
  /** Cap on one input's size in bytes (files, responses, stdin). */
  maxBytes?: number;
  /** Timeout for one HTTP request, in milliseconds. */
  timeoutMs?: number;
  /** Progress callback for long runs (many inputs, a feed). */
  onProgress?: (done: number, total: number, input: string) => void;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024; // 10 MiB: far above any article page, well below memory trouble
export const DEFAULT_TIMEOUT_MS = 15_000; // 15 s: slow news sites answer in a few seconds
export const DEFAULT_MAX_REDIRECTS = 5; // browsers allow ~20; news pages need 1–2

/** What the safe fetcher returns. */
export interface FetchedResource {
  /** The URL asked for. */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  status: number;
  /** Lower-cased media type without parameters, e.g. "text/html". */
  contentType: string;
  /** The charset parameter of Content-Type, when given. */
  charset: string | null;
  body: Buffer;
  headers: Record<string, string>;
}

/** One item of an RSS or Atom feed. */
export interface FeedItem {
  title: string | null;
  url: string | null;
  author: string | null;
  published: string | null;
  /** Full content (HTML) when the feed carries it (content:encoded, atom:content). */
  contentHtml: string | null;
  /** The summary/description, which is often only a teaser. */
  summaryHtml: string | null;
}

export interface Feed {
  title: string | null;
  url: string | null;
  items: FeedItem[];
}
