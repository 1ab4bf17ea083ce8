/** `parallax stories [--since DATE] [--json] [--db PATH] [--limit N]`: the stored stories, newest first. */
import { InvalidArgumentError, type Command } from 'commander';
import type { Story } from '../../model/index.ts';
import { openStore, resolveStorePath } from '../../store/index.ts';

/** Stories listed unless --limit says otherwise: a screenful or two. */
const DEFAULT_LIMIT = 50;

interface StoriesCliOptions {
  since?: string;
  json?: boolean;
  db?: string;
  limit: number;
}

function parseSince(value: string): string {
  const time = Date.parse(value);
  if (!Number.isFinite(time)) throw new InvalidArgumentError('expected a date such as 2031-03-14 or 2031-03-14T09:00Z');
  return new Date(time).toISOString();
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

export function registerStories(program: Command): void {
  program
    .command('stories')
    .description('list the stories grouped from watched feeds: headline, outlets, article count')
    .option('--since <date>', 'only stories seen since this date', parseSince)
    .option('--json', 'print the stories as JSON')
    .option('--db <path>', 'the store file (default: PARALLAX_DB or the user data folder)')
    .option('--limit <n>', 'how many stories', parseLimit, DEFAULT_LIMIT)
    .action((options: StoriesCliOptions) => {
      const store = openStore(resolveStorePath(options.db));
      try {
        const stories = store.listStories({ since: options.since, limit: options.limit });
        process.stdout.write(options.json ? `${JSON.stringify(stories.map(storyJson), null, 2)}\n` : renderStories(stories));
      } finally {
        store.close();
      }
    });
}

function storyJson(story: Story): Story & { articleCount: number } {
  return { ...story, articleCount: story.articleIds.length };
}

function renderStories(stories: Story[]): string {
  if (stories.length === 0) return 'no stories yet: run parallax watch <feed> first\n';
  const lines: string[] = [];
  for (const story of stories) {
    const when = (story.lastSeen ?? story.firstSeen ?? '').slice(0, 16).replace('T', ' ');
    const count = story.articleIds.length;
    lines.push(`${story.id}  ${when || '-'}  ${count} article${count === 1 ? '' : 's'}  ${story.headline || '(no headline)'}`);
    if (story.sources.length > 0) lines.push(`    ${story.sources.join(', ')}`);
  }
  lines.push('', 'compare one: parallax compare --story <id>');
  return `${lines.join('\n')}\n`;
}
