/** The OpenAPI 3.1 document served at /api/openapi.json; the report schema is referenced by URL. */
import { MAX_ARTICLES_PER_REQUEST } from './input.ts';

const error = {
  description: 'An error from the shared catalogue (src/errors.ts)',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

export function openApiDocument(version: string, maxBodyBytes: number): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parallax API',
      version,
      description: `Compare news articles about one event. Request bodies are limited to ${maxBodyBytes} bytes and ${MAX_ARTICLES_PER_REQUEST} articles. URL inputs are fetched by a safe fetcher that refuses private network addresses unless the server was started with --allow-private.`,
    },
    paths: {
      '/api/health': {
        get: {
          summary: 'Liveness and configuration',
          responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } } } },
        },
      },
      '/api/compare': {
        post: {
          summary: 'Compare two or more articles',
          parameters: [{ name: 'store', in: 'query', required: false, description: '1 to also save the articles and the report', schema: { type: 'string', enum: ['0', '1'] } }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ArticlesRequest' } } } },
          responses: {
            '200': { description: 'The report (schema parallax.report/1)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Report' } } } },
            '400': error,
            '403': error,
            '413': error,
            '415': error,
            '422': error,
            '502': error,
            '504': error,
          },
        },
      },
      '/api/articles': {
        get: {
          summary: 'Stored articles, newest first',
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1 } },
            { name: 'since', in: 'query', description: 'ISO time: stored at or after', schema: { type: 'string' } },
          ],
          responses: { '200': { description: 'Summaries', content: { 'application/json': { schema: { $ref: '#/components/schemas/ArticleList' } } } } },
        },
        post: {
          summary: 'Ingest and store articles (deduplicated by canonical URL and content hash)',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ArticlesRequest' } } } },
          responses: { '201': { description: 'Stored', content: { 'application/json': { schema: { $ref: '#/components/schemas/PutArticlesResult' } } } }, '400': error, '403': error, '413': error, '422': error },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One stored article',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The article', content: { 'application/json': { schema: { type: 'object' } } } }, '404': error },
        },
      },
      '/api/comparisons': {
        get: {
          summary: 'Stored comparisons, newest first',
          responses: { '200': { description: 'Summaries', content: { 'application/json': { schema: { type: 'object', properties: { comparisons: { type: 'array', items: { $ref: '#/components/schemas/ComparisonSummary' } } } } } } } },
        },
      },
      '/api/comparisons/{id}': {
        get: {
          summary: 'One stored report',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The report', content: { 'application/json': { schema: { $ref: '#/components/schemas/Report' } } } }, '404': error },
        },
      },
      '/api/stories': {
        get: {
          summary: 'Stories (groups of articles about one event), most recent first',
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1 } },
            { name: 'since', in: 'query', schema: { type: 'string' } },
          ],
          responses: { '200': { description: 'Stories', content: { 'application/json': { schema: { type: 'object', properties: { stories: { type: 'array', items: { $ref: '#/components/schemas/Story' } } } } } } } },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
        },
        Health: { type: 'object', required: ['status'], properties: { status: { const: 'ok' }, version: { type: 'string' }, store: { type: 'boolean' } } },
        ArticleInput: {
          type: 'object',
          description: 'Exactly one of text, html or url.',
          oneOf: [{ required: ['text'] }, { required: ['html'] }, { required: ['url'] }],
          properties: {
            text: { type: 'string' },
            html: { type: 'string' },
            url: { type: 'string', format: 'uri' },
            source: { type: 'string' },
            title: { type: 'string' },
            author: { type: 'string' },
            published: { type: 'string' },
          },
        },
        ArticlesRequest: {
          type: 'object',
          required: ['articles'],
          properties: { articles: { type: 'array', maxItems: MAX_ARTICLES_PER_REQUEST, items: { $ref: '#/components/schemas/ArticleInput' } } },
        },
        PutArticlesResult: {
          type: 'object',
          properties: { ids: { type: 'array', items: { type: 'string' } }, inserted: { type: 'integer' }, duplicates: { type: 'integer' } },
        },
        ArticleList: {
          type: 'object',
          properties: {
            articles: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string' },
                  source: { type: ['string', 'null'] },
                  title: { type: ['string', 'null'] },
                  published: { type: ['string', 'null'] },
                  canonicalUrl: { type: ['string', 'null'] },
                  storedAt: { type: 'string' },
                  contentHash: { type: 'string' },
                  words: { type: 'integer' },
                  lead: { type: 'string', description: 'the opening words of the text, for articles without a title' },
                },
              },
            },
          },
        },
        ComparisonSummary: {
          type: 'object',
          properties: { id: { type: 'string' }, createdAt: { type: 'string' }, articleIds: { type: 'array', items: { type: 'string' } }, titles: { type: 'array', items: { type: ['string', 'null'] } }, sources: { type: 'array', items: { type: ['string', 'null'] } }, leads: { type: 'array', items: { type: 'string' } }, storyId: { type: ['string', 'null'] } },
        },
        Story: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            headline: { type: 'string' },
            articleIds: { type: 'array', items: { type: 'string' } },
            sources: { type: 'array', items: { type: 'string' } },
            firstSeen: { type: ['string', 'null'] },
            lastSeen: { type: ['string', 'null'] },
          },
        },
        Report: {
          description: 'The comparison report; its full JSON Schema is schema/report.schema.json in the Parallax repository.',
          type: 'object',
          required: ['schema', 'articles', 'actors', 'claims', 'alignments', 'quotes', 'framing', 'scores', 'brief'],
          properties: { schema: { const: 'parallax.report/1' } },
        },
      },
    },
  };
}
