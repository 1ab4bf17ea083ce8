/**
 * `parallax list [--json] [--db PATH] [--limit N]`: what the store holds: articles,
 * comparisons and stories, newest first.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { comparisonLabel, openStore, resolveStorePath, summarizeStoredArticle, type Store } from '../../store/index.ts';

/** Rows per kind unless --limit says otherwise: a screenful. */
const DEFAULT_LIMIT = 50;

interface ListOptions {
  json?: boolean;
  db?: string;
  limit: number;
}

export function registerList(program: Command): void {
  program
    .command('list')
    .description('show the stored articles, comparisons and stories')
    .option('--json', 'print one JSON object { articles, comparisons, stories }')
    .option('--db <path>', 'the store file (default: PARALLAX_DB or the user data folder)')
    .option('--limit <n>', 'rows of each kind', parsePositive, DEFAULT_LIMIT)
    .action((options: ListOptions) => {
      const store = openStore(resolveStorePath(options.db));
      try {
        process.stdout.write(options.json ? `${JSON.stringify(listing(store, options.limit), null, 2)}\n` : renderListing(store, options.limit, resolveStorePath(options.db)));
      } finally {
        store.close();
      }
    });
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

export function listing(store: Store, limit: number) {
  return {
    articles: store.listArticles({ limit }).map(summarizeStoredArticle),
    comparisons: store.listComparisons({ limit }),
    stories: store.listStories({ limit }),
  };
}

function renderListing(store: Store, limit: number, path: string): string {
  const { articles, comparisons, stories } = listing(store, limit);
  const lines = [`store ${path}`, '', `ARTICLES (${articles.length}${articles.length === limit ? '+' : ''})`];
  if (articles.length === 0) lines.push('  (none)');
  for (const a of articles) lines.push(`  ${a.id}  ${a.storedAt.slice(0, 16).replace('T', ' ')}  ${a.source ?? '-'} — ${a.title ?? `“${a.lead}”`}`);
  lines.push('', `COMPARISONS (${comparisons.length}${comparisons.length === limit ? '+' : ''})`);
  if (comparisons.length === 0) lines.push('  (none)');
  for (const c of comparisons) lines.push(`  ${c.id}  ${c.createdAt.slice(0, 16).replace('T', ' ')}  ${comparisonLabel(c)}`);
  lines.push('', `STORIES (${stories.length}${stories.length === limit ? '+' : ''})`);
  if (stories.length === 0) lines.push('  (none)');
  for (const s of stories) lines.push(`  ${s.id}  ${s.headline}  (${s.articleIds.length} articles: ${s.sources.join(', ')})`);
  return `${lines.join('\n')}\n`;
}
