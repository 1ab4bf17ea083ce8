/**
 * The request bodies of the API: validated by hand so every 400 names the field and says
 * how to fix it, then turned into Articles (text, HTML, or a URL through the safe fetcher).
 */
import { ParallaxError } from '../errors.ts';
import { articleFromHtml, articleFromText, ingest } from '../ingest/index.ts';
import type { Article } from '../model/index.ts';

/** One article of a request: exactly one of text, html or url, plus optional metadata. */
export interface ArticleInput {
  text?: string;
  html?: string;
  url?: string;
  source?: string;
  title?: string;
  author?: string;
  published?: string;
}

export interface ArticlesBody {
  articles: ArticleInput[];
}

/** Most articles one request may carry: a comparison of more than 20 outlets is unreadable and slow. */
export const MAX_ARTICLES_PER_REQUEST = 20;

const CONTENT_FIELDS = ['text', 'html', 'url'] as const;
const META_FIELDS = ['source', 'title', 'author', 'published'] as const;

const bad = (message: string, input: string | null = null): ParallaxError => new ParallaxError('BAD_REQUEST', message, input);

/** Checks the shape of `{ articles: [...] }`; throws BAD_REQUEST naming the first problem. */
export function parseArticlesBody(body: unknown, minArticles: number): ArticlesBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad('the body must be a JSON object: { "articles": [ … ] }');
  const articles = (body as { articles?: unknown }).articles;
  if (!Array.isArray(articles)) throw bad('"articles" must be an array of { text | html | url, source?, title?, author?, published? }', 'articles');
  if (articles.length > MAX_ARTICLES_PER_REQUEST) throw bad(`at most ${MAX_ARTICLES_PER_REQUEST} articles per request`, 'articles');
  if (articles.length < minArticles) {
    throw new ParallaxError('TOO_FEW_ARTICLES', `give at least ${minArticles} article${minArticles === 1 ? '' : 's'}`, 'articles');
  }
  return {
    articles: articles.map((item: unknown, i): ArticleInput => {
      const where = `articles[${i}]`;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) throw bad('each article must be an object', where);
      const record = item as Record<string, unknown>;
      const given = CONTENT_FIELDS.filter((f) => record[f] !== undefined && record[f] !== null);
      if (given.length !== 1) throw bad(`give exactly one of "text", "html" or "url" (got ${given.length ? given.join(', ') : 'none'})`, where);
      const out: ArticleInput = {};
      for (const field of [...CONTENT_FIELDS, ...META_FIELDS]) {
        const value = record[field];
        if (value === undefined || value === null) continue;
        if (typeof value !== 'string') throw bad(`"${field}" must be a string`, `${where}.${field}`);
        out[field] = value;
      }
      if (out.url !== undefined && !isHttpUrl(out.url)) throw new ParallaxError('URL_INVALID', 'give an absolute http or https URL', `${where}.url`);
      const content = out[given[0]] ?? '';
      if (content.trim() === '') throw new ParallaxError('INPUT_EMPTY', `"${given[0]}" is empty`, `${where}.${given[0]}`);
      return out;
    }),
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export interface ResolveOptions {
  allowPrivate: boolean;
}

/** Turns validated inputs into Articles, fetching URLs through the safe fetcher. */
export async function articlesFromInputs(inputs: ArticleInput[], options: ResolveOptions): Promise<Article[]> {
  return Promise.all(inputs.map((input, i) => articleFromInput(input, `articles[${i}]`, options)));
}

async function articleFromInput(input: ArticleInput, where: string, options: ResolveOptions): Promise<Article> {
  const meta = {
    origin: input.url ?? where,
    ...(input.source !== undefined && { source: input.source }),
    ...(input.title !== undefined && { title: input.title }),
    ...(input.author !== undefined && { author: input.author }),
    ...(input.published !== undefined && { published: input.published }),
  };
  try {
    if (input.text !== undefined) return articleFromText(input.text, meta);
    if (input.html !== undefined) return articleFromHtml(input.html, meta);
  } catch (error) {
    if (error instanceof ParallaxError) throw new ParallaxError(error.code, error.message, where, { cause: error });
    throw error;
  }
  const url = input.url ?? '';
  const result = await ingest([url], { allowPrivate: options.allowPrivate });
  const failure = result.failures[0];
  if (failure) throw new ParallaxError(failure.error.code, failure.error.message, `${where}.url ${url}`, { cause: failure.error });
  const article = result.articles[0];
  if (!article) throw new ParallaxError('NO_ARTICLE', 'no article found at this URL', `${where}.url ${url}`);
  // what the caller says about the article wins over what the page says
  for (const field of META_FIELDS) {
    const value = input[field];
    if (value !== undefined) {
      article[field] = value;
      article.provenance[field] = 'input';
    }
  }
  return article;
}
