/**
 * Parallax as a library: the same functions the CLI and the server call.
 *
 *   const { articles } = await ingest(['a.html', 'https://…']);
 *   const comparison = compare(articles);
 *   console.log(renderTerminal(comparison, { color: false }));
 */
export type * from './model/index.ts';
export { ParallaxError, ERROR_CODES, httpStatus, type ErrorCode } from './errors.ts';
export { ingest, articleFromText, articleFromHtml, type IngestOptions, type IngestResult, type ArticleMeta } from './ingest/index.ts';
export { compare, type CompareOptions } from './compare/index.ts';
export { renderJson, renderTerminal, renderHtml } from './report/index.ts';
export { openStore, type Store } from './store/index.ts';
export { StoryClusterer } from './stories/index.ts';
