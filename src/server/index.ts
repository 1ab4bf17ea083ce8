/**
 * The HTTP face of Parallax: `createApp` (a Hono app, testable in-process with `app.request()`)
 * and `startServer` (listens on a socket with @hono/node-server).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type ServerOptions } from './app.ts';

export { createApp, DEFAULT_MAX_BODY_BYTES, type CompareArticles, type ServerOptions } from './app.ts';
export { MAX_ARTICLES_PER_REQUEST, parseArticlesBody, type ArticleInput, type ArticlesBody } from './input.ts';
export { openApiDocument } from './openapi.ts';
export { createComparePool, type ComparePool } from './pool.ts';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts listening; port 0 picks a free port (tests). Resolves once the socket is bound. */
export function startServer(options: ServerOptions & { port: number; host: string }): Promise<RunningServer> {
  const app = createApp(options);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((done, failed) => server.close((error) => (error ? failed(error) : done()))),
      });
    });
    server.once('error', reject);
  });
}
