/**
 * `parallax serve [--port 8080] [--host 127.0.0.1] [--db PATH] [--allow-private]`: the HTTP
 * API and the web UI. Loopback by default: exposing it is a deliberate choice.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { compare } from '../../compare/index.ts';
import { createComparePool, DEFAULT_MAX_BODY_BYTES, startServer } from '../../server/index.ts';
import { openStore, resolveStorePath } from '../../store/index.ts';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
/**
 * Compare workers: one keeps the event loop free for health checks, the UI and lists while a
 * comparison runs; more use more cores at ~150 MB of loaded models each. 0 compares in-process.
 */
export const DEFAULT_WORKERS = 1;

interface ServeOptions {
  port: number;
  host: string;
  db?: string;
  allowPrivate?: boolean;
  maxBody: number;
  workers: number;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number 0–65535');
  return n;
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new InvalidArgumentError('expected a whole number of workers, 0–64');
  return n;
}

function parseBytes(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number of bytes');
  return n;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API and the web UI')
    .option('--port <n>', 'port to listen on', parsePort, DEFAULT_PORT)
    .option('--host <address>', 'address to listen on', DEFAULT_HOST)
    .option('--db <path>', 'the store file (default: PARALLAX_DB or the user data folder)')
    .option('--allow-private', 'let URL inputs reach loopback, private and link-local addresses')
    .option('--max-body <bytes>', 'largest request body accepted', parseBytes, DEFAULT_MAX_BODY_BYTES)
    .option('--workers <n>', 'worker threads that run comparisons (0: in the server thread)', parseWorkers, DEFAULT_WORKERS)
    .action(async (options: ServeOptions) => {
      const path = resolveStorePath(options.db);
      const store = openStore(path);
      const pool = options.workers > 0 ? createComparePool(options.workers) : null;
      const server = await startServer({ compare: pool ? pool.compare : compare, store, allowPrivate: Boolean(options.allowPrivate), maxBodyBytes: options.maxBody, port: options.port, host: options.host });
      process.stderr.write(`parallax: serving ${server.url} (store ${path})\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.stderr.write('parallax: shutting down\n');
          server
            .close()
            .then(() => pool?.close())
            .finally(() => {
              store.close();
              resolve();
            });
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
