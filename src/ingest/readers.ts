/**
 * One reader per kind of input. Each turns one input (a file, stdin, a URL, a feed, a JSONL
 * dump) into articles and per-item failures; a failure of the whole input is thrown as a
 * ParallaxError naming it.
 */
import type { Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { isParallaxError, ParallaxError } from '../errors.ts';
import type { Article } from '../model/index.ts';
import { articleFromHtml, articleFromText, type ArticleMeta } from './article.ts';
import { charsetOf, decodeBytes } from './decode.ts';
import { looksLikeFeed, parseFeed } from './feed.ts';
import { safeFetch } from './fetch.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, type FeedItem, type IngestOptions } from './types.ts';

export interface IngestFailure {
  input: string;
  error: ParallaxError;
}

export interface IngestResult {
  articles: Article[];
  failures: IngestFailure[];
}

export type InputKind = 'text' | 'html' | 'feed' | 'jsonl';

/** File extensions read from directories, and what they hold. */
export const EXTENSION_KINDS: Readonly<Record<string, InputKind>> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.rss': 'feed',
  '.atom': 'feed',
  '.xml': 'feed',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** Media types asked for when fetching a URL. */
const ACCEPTED_TYPES = [
  'text/html',
  'application/xhtml+xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'text/plain',
];

/**
 * A feed summary shorter than this is a teaser, and the item's page is fetched instead.
 * Teasers run one to three sentences (20–80 words); feeds that carry whole articles in
 * <description> carry hundreds of words.
 */
const TEASER_MAX_WORDS = 120;

/**
 * Feed item pages fetched at once. Browsers open ~6 connections per host; 4 stays polite to
 * one news site while cutting a 20-item feed of teasers from 20 round trips to 5.
 */
const FEED_FETCH_CONCURRENCY = 4;

const empty = (): IngestResult => ({ articles: [], failures: [] });

// ───────────────────────────── files and directories ─────────────────────────────

/** The files a path stands for: itself, or a directory's supported files (recursively, sorted). */
export async function expandPath(path: string): Promise<string[]> {
  const info = await statOrThrow(path);
  if (!info.isDirectory()) return [path];
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && kindOfPath(entry.name)) found.push(full);
    }
  };
  await walk(path);
  if (found.length === 0) {
    throw new ParallaxError(
      'INPUT_EMPTY',
      `the directory holds no supported files (${Object.keys(EXTENSION_KINDS).join(' ')}, also gzipped)`,
      path,
    );
  }
  return found;
}

async function statOrThrow(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new ParallaxError('INPUT_NOT_FOUND', 'no such file or directory', path);
    if (code === 'EACCES' || code === 'EPERM')
      throw new ParallaxError('INPUT_NOT_FOUND', 'cannot read the file: permission denied', path);
    throw new ParallaxError('INPUT_NOT_FOUND', `cannot read the file: ${(error as Error).message}`, path, {
      cause: error,
    });
  }
}

export async function readFileInput(path: string, options: IngestOptions): Promise<IngestResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const info = await statOrThrow(path);
  if (info.size > maxBytes) throw tooLarge(path, info.size, maxBytes);
  const raw = await readFile(path);
  const gzipped = GZIP.test(path);
  const bytes = gzipped ? gunzipCapped(raw, path, maxBytes) : raw;
  return readBytes(bytes, path, kindOfPath(path), null, options);
}

/** A gzip-compressed copy of a supported file ("page.html.gz") is read as that file. */
const GZIP = /\.gz$/i;

function kindOfPath(path: string): InputKind | null {
  return EXTENSION_KINDS[extname(path.replace(GZIP, '')).toLowerCase()] ?? null;
}

/** Decompresses with the size cap applied to the output, so a small bomb cannot fill memory. */
function gunzipCapped(bytes: Buffer, path: string, maxBytes: number): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw tooLarge(path, maxBytes + 1, maxBytes, true);
    throw new ParallaxError('INPUT_BINARY', `not valid gzip data: ${(error as Error).message}`, path);
  }
}

export async function readStdin(
  stream: NodeJS.ReadableStream,
  options: IngestOptions,
): Promise<IngestResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > maxBytes) throw tooLarge('-', size, maxBytes, true);
    chunks.push(buffer);
  }
  return readBytes(Buffer.concat(chunks), '-', null, null, options);
}

function tooLarge(input: string, size: number, maxBytes: number, atLeast = false): ParallaxError {
  return new ParallaxError(
    'INPUT_TOO_LARGE',
    `the input is ${atLeast ? 'more than ' : ''}${byteSize(size)}, over the ${byteSize(maxBytes)} cap (--max-bytes)`,
    input,
  );
}

function byteSize(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** Decoded bytes of any kind → articles. `kind` null means: sniff it from the content. */
async function readBytes(
  bytes: Buffer,
  origin: string,
  kind: InputKind | null,
  charset: string | null,
  options: IngestOptions,
  meta: ArticleMeta = {},
): Promise<IngestResult> {
  const decoded = decodeBytes(bytes, origin, charset);
  const warnings = decoded.note ? [decoded.note] : [];
  const text = decoded.text;
  const actual = kind === 'html' && looksLikeFeed(text) ? 'feed' : (kind ?? sniffKind(text));
  const articleMeta: ArticleMeta = { ...meta, origin, warnings: [...(meta.warnings ?? []), ...warnings] };
  switch (actual) {
    case 'text':
      return { articles: [articleFromText(text, articleMeta)], failures: [] };
    case 'html':
      return { articles: [articleFromHtml(text, articleMeta)], failures: [] };
    case 'feed':
      return readFeed(text, origin, options);
    case 'jsonl':
      return readJsonLines(text, origin, options);
  }
}

function sniffKind(text: string): InputKind {
  const head = text.trimStart().slice(0, 1024);
  if (head.startsWith('<')) {
    if (looksLikeFeed(head)) return 'feed';
    if (/<(!doctype html|html|head|body|article|p|div|main)[\s>]/i.test(head)) return 'html';
  }
  if (head.startsWith('{') && /^\s*\{.*\}\s*$/m.test(head.split('\n', 1)[0] ?? '')) return 'jsonl';
  return 'text';
}

// ───────────────────────────── URLs ─────────────────────────────

export async function readUrl(
  url: string,
  options: IngestOptions,
  meta: ArticleMeta = {},
  origin = url,
): Promise<IngestResult> {
  const resource = await safeFetch(url, {
    allowPrivate: options.allowPrivate ?? false,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    accept: ACCEPTED_TYPES,
  });
  const type = resource.contentType;
  const kind: InputKind | null =
    type === 'text/html' || type === 'application/xhtml+xml'
      ? 'html'
      : /(rss|atom|rdf)\+xml$|^(application|text)\/xml$/.test(type)
        ? 'feed'
        : type === 'text/plain'
          ? 'text'
          : null;
  return readBytes(
    resource.body,
    origin,
    kind,
    resource.charset ?? charsetOf(resource.headers['content-type']),
    options,
    {
      url: resource.finalUrl,
      ...meta,
    },
  );
}

// ───────────────────────────── feeds ─────────────────────────────

async function readFeed(xml: string, origin: string, options: IngestOptions): Promise<IngestResult> {
  const feed = parseFeed(xml, origin);
  const result = empty();
  if (feed.items.length === 0) {
    throw new ParallaxError('NO_ARTICLE', 'the feed has no items', origin);
  }
  // Items whose page must be fetched wait on the network: read a few at a time, keep feed order.
  const perItem = await mapWithLimit(feed.items, FEED_FETCH_CONCURRENCY, async (item, index) => {
    const itemOrigin = `${origin}#${index + 1}`;
    try {
      return await readFeedItem(item, itemOrigin, options);
    } catch (error) {
      return { articles: [], failures: [{ input: itemOrigin, error: asParallaxError(error, itemOrigin) }] };
    }
  });
  for (const part of perItem) merge(result, part);
  return result;
}

/** `map` with at most `limit` calls in flight; results in input order. */
async function mapWithLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Full content when the feed carries it; else the page; else, with a warning, the summary. */
async function readFeedItem(item: FeedItem, origin: string, options: IngestOptions): Promise<IngestResult> {
  const meta: ArticleMeta = {
    origin,
    title: item.title,
    author: item.author,
    published: item.published,
    url: item.url,
    provenance: 'feed',
  };
  // Full content, unless it is itself a teaser ("… Read more") and the page can be fetched.
  if (item.contentHtml && !(item.url && endsLikeTeaser(htmlToPlainText(item.contentHtml)))) {
    try {
      return { articles: [articleFromHtml(item.contentHtml, meta)], failures: [] };
    } catch (error) {
      // Too short to be an article: the page may have it.
      if (!item.url || !isParallaxError(error) || error.code !== 'NO_ARTICLE') throw error;
    }
  }
  const summary = item.summaryHtml ? htmlToPlainText(item.summaryHtml) : '';
  if (summary && !isTeaser(summary)) return { articles: [articleFromText(summary, meta)], failures: [] };
  if (item.url) return readUrl(item.url, options, meta, origin);
  if (summary) {
    return {
      articles: [
        articleFromText(summary, {
          ...meta,
          warnings: ['the feed item carries only a short summary and no link'],
        }),
      ],
      failures: [],
    };
  }
  throw new ParallaxError('NO_ARTICLE', 'the feed item has no content, summary or link', origin);
}

function isTeaser(summary: string): boolean {
  const words = summary.split(/\s+/).filter(Boolean).length;
  return words < TEASER_MAX_WORDS || endsLikeTeaser(summary);
}

/** "…", "[…]", "Read more", "Continue reading": the text goes on elsewhere. */
function endsLikeTeaser(text: string): boolean {
  return /(…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading)\W*$/i.test(text.trim());
}

/** A feed summary's HTML → text with paragraphs (summaries are fragments, not pages). */
function htmlToPlainText(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`) as unknown as {
    document: Document;
  };
  for (const br of Array.from(document.querySelectorAll('br'))) br.replaceWith('\n');
  const blocks = Array.from(document.querySelectorAll('p, li, h1, h2, h3, h4, blockquote'));
  const parts = blocks.length ? blocks.map((b) => b.textContent ?? '') : [document.body.textContent ?? ''];
  return parts
    .map((p) => p.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

// ───────────────────────────── JSON lines ─────────────────────────────

interface JsonLine {
  id?: string;
  url?: string;
  title?: string;
  text?: string;
  html?: string;
  source?: string;
  author?: string;
  published?: string;
}

const JSONL_FIELDS = ['id', 'url', 'title', 'text', 'html', 'source', 'author', 'published'] as const;

async function readJsonLines(content: string, origin: string, options: IngestOptions): Promise<IngestResult> {
  const result = empty();
  const lines = content.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const lineOrigin = `${origin}:${index + 1}`;
    try {
      const record = parseJsonLine(line, lineOrigin);
      const meta: ArticleMeta = { ...record, origin: lineOrigin, provenance: 'input' };
      if (record.html) result.articles.push(articleFromHtml(record.html, meta));
      else if (record.text) result.articles.push(articleFromText(record.text, meta));
      else if (record.url) merge(result, await readUrl(record.url, options, meta, lineOrigin));
      else throw new ParallaxError('JSONL_MALFORMED', 'the line has no "text", "html" or "url"', lineOrigin);
    } catch (error) {
      result.failures.push({ input: lineOrigin, error: asParallaxError(error, lineOrigin) });
    }
  }
  if (result.articles.length === 0 && result.failures.length === 0) {
    throw new ParallaxError('INPUT_EMPTY', 'the JSON-lines file has no lines', origin);
  }
  return result;
}

function parseJsonLine(line: string, origin: string): JsonLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new ParallaxError('JSONL_MALFORMED', `not valid JSON: ${(error as Error).message}`, origin);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ParallaxError('JSONL_MALFORMED', 'the line is not a JSON object', origin);
  }
  const record = value as Record<string, unknown>;
  const out: JsonLine = {};
  for (const field of JSONL_FIELDS) {
    const v = record[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string')
      throw new ParallaxError('JSONL_MALFORMED', `field "${field}" must be a string`, origin);
    out[field] = v;
  }
  return out;
}

// ───────────────────────────── helpers ─────────────────────────────

export function merge(into: IngestResult, from: IngestResult): void {
  into.articles.push(...from.articles);
  into.failures.push(...from.failures);
}

/** Unexpected errors still become one line naming the input. */
export function asParallaxError(error: unknown, input: string): ParallaxError {
  if (isParallaxError(error))
    return error.input ? error : new ParallaxError(error.code, error.message, input, { cause: error });
  return new ParallaxError(
    'INTERNAL',
    `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
    input,
    { cause: error },
  );
}
