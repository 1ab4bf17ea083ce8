/**
 * `parallax compare <inputs...>`: ingest the inputs (and a stored story's articles), compare
 * them, and print the terminal summary, `--json`, and/or write `--html FILE`. Failed inputs
 * are reported one line each on stderr and make the exit code 1; fewer than two usable
 * articles is an error.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { compare } from '../../compare/index.ts';
import { ParallaxError } from '../../errors.ts';
import { ingest, type IngestOptions, type IngestResult } from '../../ingest/index.ts';
import type { Article, Comparison } from '../../model/index.ts';
import { renderHtml, renderJson, renderTerminal } from '../../report/index.ts';
import { openStore, resolveStorePath, type Store } from '../../store/index.ts';

/** From this many inputs on, progress is shown on stderr: below it the run is instant. */
export const PROGRESS_MIN_INPUTS = 5;

export interface CompareCliOptions {
  json?: boolean;
  html?: string;
  store?: boolean;
  db?: string;
  source?: string;
  allowPrivate?: boolean;
  story?: string;
}

/** What the command needs from outside; tests pass their own streams. */
export interface CompareCommandIo {
  compare: (articles: Article[]) => Comparison | Promise<Comparison>;
  ingest: (inputs: string[], options: IngestOptions) => Promise<IngestResult>;
  openStore: (path: string) => Store;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('compare articles about one event: agreed, disputed and missing facts, labels, voices, framing')
    .argument('[inputs...]', 'files, directories, http(s) URLs, feeds, .jsonl, or - for stdin')
    .option('--json', 'print the report as JSON (schema parallax.report/1)')
    .option('--html <file>', 'write a self-contained HTML report to FILE')
    .option('--store', 'save the articles and the comparison in the store')
    .option('--db <path>', 'the store file (default: PARALLAX_DB or the user data folder)')
    .option('--source <name>', 'the outlet of every input article')
    .option('--allow-private', 'allow URLs on loopback, private and link-local addresses')
    .option('--story <id>', "add a stored story's articles to the comparison")
    .action(async (inputs: string[], options: CompareCliOptions) => {
      process.exitCode = await runCompare(inputs, options, {
        compare,
        ingest,
        openStore,
        stdout: process.stdout,
        stderr: process.stderr,
        env: process.env,
      });
    });
}

/** The command's work; returns the exit code (0 all good, 1 some inputs failed). */
export async function runCompare(inputs: string[], options: CompareCliOptions, io: CompareCommandIo): Promise<number> {
  if (inputs.length === 0 && !options.story) throw new ParallaxError('TOO_FEW_ARTICLES', 'give two or more articles to compare (files, URLs, - for stdin) or --story ID');
  let store: Store | null = null;
  const needStore = options.store || options.story !== undefined;
  try {
    if (needStore) store = io.openStore(resolveStorePath(options.db, { env: io.env, platform: process.platform, home: io.env.HOME ?? '' }));
    const articles: Article[] = [];
    if (options.story !== undefined && store) {
      const story = store.getStory(options.story);
      if (!story) throw new ParallaxError('NOT_FOUND', 'no stored story with this id', options.story);
      for (const id of story.articleIds) {
        const article = store.getArticle(id);
        if (article) articles.push(article);
        else io.stderr.write(`parallax: ${id}: article of story ${story.id} is not in the store\n`);
      }
    }
    const result: IngestResult = inputs.length
      ? await io.ingest(inputs, {
          ...(options.source !== undefined && { source: options.source }),
          ...(options.allowPrivate && { allowPrivate: true }),
          onProgress: progressReporter(io.stderr),
        })
      : { articles: [], failures: [] };
    articles.push(...result.articles);
    for (const failure of result.failures) io.stderr.write(`parallax: ${failure.error.toLine()}\n`);
    if (articles.length < 2) {
      throw new ParallaxError(
        'TOO_FEW_ARTICLES',
        `need at least two usable articles to compare, got ${articles.length}${result.failures.length ? ` (${result.failures.length} input${result.failures.length === 1 ? '' : 's'} failed)` : ''}`,
      );
    }

    const comparison = await io.compare(articles);
    if (options.store && store) {
      // one transaction: the compared articles (deduplicated) and the comparison linked to their stored ids
      store.putComparisonWithArticles(comparison, options.story ?? null);
      io.stderr.write(`parallax: saved comparison ${comparison.id}\n`);
    }
    if (options.html) {
      try {
        writeFileSync(options.html, renderHtml(comparison));
      } catch (error) {
        throw new ParallaxError('INTERNAL', `cannot write the HTML report: ${error instanceof Error ? error.message : String(error)}`, options.html);
      }
      io.stderr.write(`parallax: wrote ${options.html}\n`);
    }
    if (options.json) io.stdout.write(renderJson(comparison));
    else io.stdout.write(renderTerminal(comparison, { color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR }));
    return result.failures.length ? 1 : 0;
  } finally {
    store?.close();
  }
}

function progressReporter(stderr: CompareCommandIo['stderr']): (done: number, total: number, input: string) => void {
  return (done, total, input) => {
    if (total < PROGRESS_MIN_INPUTS) return;
    if (stderr.isTTY) {
      stderr.write(`\r\x1b[2Kreading ${done}/${total} ${input.slice(-60)}${done === total ? '\n' : ''}`);
    } else {
      stderr.write(`reading ${done}/${total} ${input}\n`);
    }
  };
}
