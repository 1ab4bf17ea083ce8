/**
 * `parallax ingest <inputs...>`: read files, directories, URLs, feeds, JSON lines or stdin and
 * print the articles (a summary each, or `--json`). Failures go to stderr, one line each.
 * Exit 0 when every input worked, 1 when some failed, 2 when all failed. `--store` saves the
 * articles that were read (failed inputs do not hold back the others) in one transaction.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { ingest, type IngestResult } from '../../ingest/index.ts';
import type { Article } from '../../model/index.ts';
import { openStore, resolveStorePath, type PutArticlesResult } from '../../store/index.ts';

/** Exit codes of this command (the same meaning as the CLI's EXIT). */
const EXIT_OK = 0;
const EXIT_PARTIAL = 1;
const EXIT_FAILURE = 2;

interface IngestCliOptions {
  json?: boolean;
  source?: string;
  allowPrivate?: boolean;
  maxBytes?: number;
  store?: boolean;
  db?: string;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'read articles (.txt, .html, URLs, RSS/Atom feeds, .jsonl, directories, - for stdin) and show them cleaned',
    )
    .argument('<inputs...>', 'files, directories, http(s) URLs, or - for stdin')
    .option('--json', 'print the articles as a JSON array (Article[])')
    .option('--source <name>', 'the outlet of every article (overrides what the input says)')
    .option('--allow-private', 'allow URLs on loopback, private and link-local addresses')
    .option('--max-bytes <n>', 'size cap for one input, in bytes', parseByteCount)
    .option('--store', 'save the articles in the store (deduplicated by canonical URL and text)')
    .option('--db <path>', 'the store file (default: PARALLAX_DB or the user data folder)')
    .action(async (inputs: string[], options: IngestCliOptions) => {
      const result = await ingest(inputs, {
        ...(options.source !== undefined && { source: options.source }),
        ...(options.allowPrivate !== undefined && { allowPrivate: options.allowPrivate }),
        ...(options.maxBytes !== undefined && { maxBytes: options.maxBytes }),
      });
      process.stdout.write(
        options.json ? `${JSON.stringify(result.articles, null, 2)}\n` : renderSummary(result.articles),
      );
      for (const failure of result.failures) process.stderr.write(`parallax: ${failure.error.toLine()}\n`);
      if (options.store && result.articles.length > 0) {
        const path = resolveStorePath(options.db);
        const stored = storeArticles(path, result.articles);
        // with --json, stdout stays the Article[] alone
        if (options.json) process.stderr.write(`parallax: ${renderStored(path, result.articles, stored)}`);
        else process.stdout.write(`\n${renderStored(path, result.articles, stored)}`);
      }
      process.exitCode = exitCode(result);
    });
}

export function exitCode(result: IngestResult): number {
  if (result.failures.length === 0) return EXIT_OK;
  return result.articles.length > 0 ? EXIT_PARTIAL : EXIT_FAILURE;
}

/** Saves the articles in one transaction: on a store error nothing is saved and the error propagates. */
function storeArticles(path: string, articles: Article[]): PutArticlesResult {
  const store = openStore(path);
  try {
    return store.putArticles(articles);
  } finally {
    store.close();
  }
}

/** What --store did: counts, then each duplicate that is stored under another id. */
export function renderStored(path: string, articles: Article[], stored: PutArticlesResult): string {
  const lines = [
    `stored in ${path}: ${stored.inserted} new, ${stored.duplicates} duplicate${stored.duplicates === 1 ? '' : 's'}`,
  ];
  articles.forEach((a, i) => {
    if (stored.ids[i] !== a.id) lines.push(`  ${a.id} is stored as ${stored.ids[i]}`);
  });
  return `${lines.join('\n')}\n`;
}

function parseByteCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError('expected a positive whole number of bytes');
  return n;
}

/** A few readable lines per article. */
export function renderSummary(articles: Article[]): string {
  return articles
    .map((a) => {
      const words = a.text.split(/\s+/).filter(Boolean).length;
      const removed = a.removed.length ? ` (${summariseRemovals(a)})` : '';
      const lines = [
        `${a.title ?? '(untitled)'}  [${a.id}]`,
        `  from      ${a.origin}`,
        `  source    ${withOrigin(a.source, a.provenance.source)}`,
        `  author    ${withOrigin(a.author, a.provenance.author)}`,
        `  published ${withOrigin(a.published, a.provenance.published)}`,
      ];
      if (a.place) lines.push(`  place     ${withOrigin(a.place, a.provenance.place)}`);
      lines.push(
        `  language  ${a.language}`,
        `  words     ${words}`,
        `  removed   ${a.removed.length}${removed}`,
      );
      for (const warning of a.warnings) lines.push(`  warning   ${warning}`);
      return `${lines.join('\n')}\n`;
    })
    .join('\n');
}

function withOrigin(value: string | null, origin: string | undefined): string {
  return value ? `${value}${origin ? ` (${origin})` : ''}` : '-';
}

function summariseRemovals(article: Article): string {
  const counts = new Map<string, number>();
  for (const r of article.removed) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => (n > 1 ? `${kind} ×${n}` : kind)).join(', ');
}
