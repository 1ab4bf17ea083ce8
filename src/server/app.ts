/**
 * The HTTP API and the web UI on Hono. Thin: parse the request, call the library, answer.
 * Errors come from the shared catalogue and map to a status with `httpStatus`; every error
 * answer is `{ "error": { "code", "message" } }`.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { httpStatus, isParallaxError, ParallaxError, type ErrorCode } from '../errors.ts';
import type { Article, Comparison } from '../model/index.ts';
import { escapeHtml, renderComparisonView, renderHtml, renderJson } from '../report/index.ts';
import { summarizeStoredArticle, type Store } from '../store/index.ts';
import { articlesFromInputs, parseArticlesBody } from './input.ts';
import { openApiDocument } from './openapi.ts';
import { renderUiPage } from './ui.ts';

export type CompareArticles = (articles: Article[]) => Comparison | Promise<Comparison>;

export interface ServerOptions {
  /** The comparison pipeline (src/compare's `compare`). */
  compare: CompareArticles;
  /** Where `?store=1`, POST /api/articles and the lists read and write; null: no storage. */
  store?: Store | null;
  /** Let URL inputs reach loopback, private and link-local addresses (off by default: SSRF). */
  allowPrivate?: boolean;
  /** Largest accepted request body in bytes. */
  maxBodyBytes?: number;
  version?: string;
}

/** 8 MiB: room for several full HTML pages in one request, far below memory trouble. */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Rows a list answers with when no limit is given. */
const DEFAULT_LIST_LIMIT = 100;
/** The largest list a client may ask for in one call. */
const MAX_LIST_LIMIT = 1_000;

function errorBody(code: ErrorCode, message: string): { error: { code: ErrorCode; message: string } } {
  return { error: { code, message } };
}

function answerError(c: Context, error: ParallaxError): Response {
  const message = error.input ? `${error.input}: ${error.message}` : error.message;
  return c.json(errorBody(error.code, message), httpStatus(error.code) as 400);
}

async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new ParallaxError('INPUT_UNSUPPORTED', 'send the body as application/json');
  try {
    return await c.req.json();
  } catch (error) {
    if (isParallaxError(error)) throw error;
    throw new ParallaxError('BAD_REQUEST', 'the body is not valid JSON');
  }
}

function listLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIST_LIMIT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ParallaxError('BAD_REQUEST', 'limit must be a positive whole number', 'limit');
  return Math.min(n, MAX_LIST_LIMIT);
}

export function createApp(options: ServerOptions): Hono {
  const store = options.store ?? null;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const version = options.version ?? '0.1.0';
  const allowPrivate = options.allowPrivate ?? false;
  const app = new Hono();

  const requireStore = (): Store => {
    if (!store) throw new ParallaxError('STORE_ERROR', 'this server runs without a store');
    return store;
  };

  const limit = bodyLimit({
    maxSize: maxBodyBytes,
    onError: (c) => c.json(errorBody('BODY_TOO_LARGE', `the request body is larger than ${maxBodyBytes} bytes`), 413),
  });

  const runCompare = async (c: Context): Promise<Comparison> => {
    const body = parseArticlesBody(await readJson(c), 2);
    const articles = await articlesFromInputs(body.articles, { allowPrivate });
    const comparison = await options.compare(articles);
    if (c.req.query('store') === '1') {
      // one transaction: the compared articles (deduplicated) and the comparison linked to their stored ids
      requireStore().putComparisonWithArticles(comparison);
    }
    return comparison;
  };

  app.onError((error, c) => {
    if (isParallaxError(error)) return answerError(c, error);
    // the message of an unexpected error may carry internals: log it, answer generically
    console.error(error);
    return c.json(errorBody('INTERNAL', 'internal error'), 500);
  });
  app.notFound((c) => c.json(errorBody('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`), 404));

  app.get('/api/health', (c) => c.json({ status: 'ok', version, store: store !== null }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(version, maxBodyBytes)));

  app.post('/api/compare', limit, async (c) => {
    const comparison = await runCompare(c);
    return c.body(renderJson(comparison), 200, { 'content-type': 'application/json; charset=utf-8' });
  });

  app.post('/api/articles', limit, async (c) => {
    const s = requireStore();
    const body = parseArticlesBody(await readJson(c), 1);
    const articles = await articlesFromInputs(body.articles, { allowPrivate });
    return c.json(s.putArticles(articles), 201);
  });

  app.get('/api/articles', (c) => {
    const stored = requireStore().listArticles({ limit: listLimit(c.req.query('limit')), ...(c.req.query('since') && { since: c.req.query('since') }) });
    return c.json({ articles: stored.map(summarizeStoredArticle) });
  });

  app.get('/api/articles/:id', (c) => {
    const article = requireStore().getArticle(c.req.param('id'));
    if (!article) throw new ParallaxError('NOT_FOUND', 'no stored article with this id', c.req.param('id'));
    return c.json(article);
  });

  app.get('/api/comparisons', (c) => c.json({ comparisons: requireStore().listComparisons({ limit: listLimit(c.req.query('limit')) }) }));

  app.get('/api/comparisons/:id', (c) => {
    const comparison = requireStore().getComparison(c.req.param('id'));
    if (!comparison) throw new ParallaxError('NOT_FOUND', 'no stored comparison with this id', c.req.param('id'));
    return c.body(renderJson(comparison), 200, { 'content-type': 'application/json; charset=utf-8' });
  });

  app.get('/api/stories', (c) =>
    c.json({ stories: requireStore().listStories({ limit: listLimit(c.req.query('limit')), ...(c.req.query('since') && { since: c.req.query('since') }) }) }),
  );

  // ── web UI: server-rendered pages and one HTML fragment endpoint for the inline script ──
  app.get('/', (c) => {
    const comparisons = store ? store.listComparisons({ limit: 20 }) : [];
    const stories = store ? store.listStories({ limit: 20 }) : [];
    return c.html(renderUiPage({ comparisons, stories, maxBodyBytes }));
  });

  // browsers ask for it; no icon, and no 404 in their console
  app.get('/favicon.ico', (c) => c.body(null, 204));

  app.post('/ui/compare', limit, async (c) => c.html(renderComparisonView(await runCompare(c))));

  app.get('/comparisons/:id', (c) => {
    const comparison = store?.getComparison(c.req.param('id'));
    if (!comparison) return c.html('<!doctype html><title>Not found</title><p>No stored comparison with this id.</p>', 404);
    return c.html(renderHtml(comparison));
  });

  // a story's stored articles compared on the fly
  app.get('/stories/:id', async (c) => {
    const story = store?.getStory(c.req.param('id'));
    if (!story || !store) return c.html('<!doctype html><title>Not found</title><p>No stored story with this id.</p>', 404);
    const articles = story.articleIds.map((id) => store.getArticle(id)).filter((a): a is Article => a !== null);
    if (articles.length < 2) {
      return c.html(`<!doctype html><title>${escapeHtml(story.headline)}</title><p>This story has ${articles.length} stored article${articles.length === 1 ? '' : 's'}; a comparison needs two.</p>`, 422);
    }
    return c.html(renderHtml(await options.compare(articles)));
  });

  return app;
}
