/**
 * `parallax watch <feed-or-opml>... [--every 15m] [--once] [--db PATH] [--allow-private]`:
 * polls feeds into the store and groups new articles into stories; a summary line per run.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { openStore, resolveStorePath } from '../../store/index.ts';
import { FeedWatcher, formatSummary } from '../../stories/index.ts';

interface WatchCliOptions {
  every: number;
  once?: boolean;
  db?: string;
  allowPrivate?: boolean;
}

/** Default polling interval: news feeds change every few minutes; 15 is the common courtesy. */
const DEFAULT_EVERY = '15m';

export function parseInterval(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(s|m|h)$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError('expected a duration such as 90s, 15m or 1h');
  const ms = Number(match[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[match[2] as 's' | 'm' | 'h'];
  if (ms < 1000) throw new InvalidArgumentError('the interval must be at least 1s');
  return ms;
}

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description('poll RSS/Atom feeds (or OPML lists of them), store new articles and group them into stories')
    .argument('<feeds...>', 'feed URLs, OPML URLs or OPML files')
    .addOption(new Option('--every <duration>', 'time between polls (90s, 15m, 1h)').argParser(parseInterval).default(parseInterval(DEFAULT_EVERY), DEFAULT_EVERY))
    .option('--once', 'poll once and exit (for cron)')
    .option('--db <path>', 'the store file (default: PARALLAX_DB or the user data folder)')
    .option('--allow-private', 'allow feeds on loopback and private addresses')
    .action(async (feeds: string[], options: WatchCliOptions) => {
      const store = openStore(resolveStorePath(options.db));
      const watcher = new FeedWatcher(store, {
        allowPrivate: options.allowPrivate ?? false,
        onProgress: (line) => process.stderr.write(`${line}\n`),
      });
      let stopping = false;
      let wake: (() => void) | null = null;
      const stop = (): void => {
        stopping = true;
        wake?.();
      };
      process.once('SIGINT', stop);
      try {
        let failedRun = false;
        do {
          const summary = await watcher.pollOnce(feeds);
          for (const { error } of summary.errors) process.stderr.write(`parallax: ${error.toLine()}\n`);
          process.stdout.write(`${new Date().toISOString()} ${formatSummary(summary)}\n`);
          failedRun = summary.errors.length > 0 && summary.polled + summary.skipped === 0;
          if (options.once || stopping) break;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, options.every);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        } while (!stopping);
        // Some feeds failing is normal for a watcher; exit 1 only when nothing could be polled.
        if (failedRun) process.exitCode = 1;
      } finally {
        process.removeListener('SIGINT', stop);
        store.close();
      }
    });
}
