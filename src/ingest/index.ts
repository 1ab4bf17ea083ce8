/**
 * Ingest: whatever a user has → clean `Article`s with metadata and a record of what was removed.
 *
 *   1. each input is classified: `-` (stdin), an http(s) URL, or a path (a directory stands
 *      for its supported files, recursively, sorted);
 *   2. its reader decodes the bytes (src/ingest/decode.ts) and turns them into articles:
 *      text, HTML (src/ingest/html.ts), a feed (src/ingest/feed.ts, one article per item)
 *      or JSON lines (one per line);
 *   3. each article's text is cleaned (src/ingest/clean.ts) and its language detected;
 *   4. `--source` overrides the outlet.
 * A failing input (or feed item, or JSONL line) becomes one failure naming it; the others
 * still produce articles.
 */
import { ParallaxError } from '../errors.ts';
import {
  asParallaxError,
  expandPath,
  merge,
  readFileInput,
  readStdin,
  readUrl,
  type IngestResult,
} from './readers.ts';
import type { IngestOptions } from './types.ts';

export { articleFromCleanText, articleFromHtml, articleFromText, contentId, type ArticleMeta } from './article.ts';
export {
  cleanText,
  type CleanedText,
  type CleanOptions,
  type TextMetadata,
  type MetadataValue,
} from './clean.ts';
export { decodeBytes, type DecodedText } from './decode.ts';
export { parseFeed } from './feed.ts';
export { detectLanguage } from './language-id.ts';
export type { IngestFailure, IngestResult } from './readers.ts';
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  type IngestOptions,
  type Feed,
  type FeedItem,
} from './types.ts';

export interface IngestIo {
  /** Where `-` reads from; process.stdin by default (tests pass a stream). */
  stdin?: NodeJS.ReadableStream;
}

/** Reads every input; never throws for a bad input (it becomes a failure). */
export async function ingest(
  inputs: string[],
  options: IngestOptions = {},
  io: IngestIo = {},
): Promise<IngestResult> {
  const result: IngestResult = { articles: [], failures: [] };
  const units: string[] = [];
  for (const input of inputs) {
    if (input === '-' || isUrl(input)) {
      units.push(input);
      continue;
    }
    try {
      units.push(...(await expandPath(input)));
    } catch (error) {
      result.failures.push({ input, error: asParallaxError(error, input) });
    }
  }

  for (const [index, unit] of units.entries()) {
    try {
      merge(result, await readUnit(unit, options, io));
    } catch (error) {
      result.failures.push({ input: unit, error: asParallaxError(error, unit) });
    }
    options.onProgress?.(index + 1, units.length, unit);
  }

  // The same article given twice (two copies, a URL and its saved page) would agree with
  // itself on everything downstream: say so on the later copy.
  const firstById = new Map<string, string>();
  for (const article of result.articles) {
    const first = firstById.get(article.id);
    if (first) article.warnings.push(`the same text as ${first}`);
    else firstById.set(article.id, article.origin);
  }

  if (options.source) {
    for (const article of result.articles) {
      article.source = options.source;
      article.provenance.source = 'input';
    }
  }
  return result;
}

function readUnit(unit: string, options: IngestOptions, io: IngestIo): Promise<IngestResult> {
  if (unit === '-') return readStdin(io.stdin ?? process.stdin, options);
  if (isUrl(unit)) {
    try {
      new URL(unit);
    } catch {
      throw new ParallaxError('URL_INVALID', 'not a valid URL', unit);
    }
    return readUrl(unit, options);
  }
  return readFileInput(unit, options);
}

function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}
