import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compare } from '../../src/compare/index.ts';
import { articleFromText } from '../../src/ingest/index.ts';
import { createApp } from '../../src/server/index.ts';
import { createComparePool } from '../../src/server/pool.ts';
import { assertValidReport } from '../support/report-schema.ts';

const EXAMPLES = resolve(import.meta.dirname, '../../examples/harbour-strike');
const articles = [
  articleFromText(readFileSync(resolve(EXAMPLES, 'harbour-herald.txt'), 'utf8'), { source: 'Harbour Herald' }),
  articleFromText(readFileSync(resolve(EXAMPLES, 'veyra-free-press.txt'), 'utf8'), { source: 'Veyra Free Press' }),
];

test('a worker pool compares like the library, queues when busy, and passes catalogue errors back', { timeout: 60_000 }, async () => {
  const pool = createComparePool(1);
  try {
    const now = new Date('2026-03-01T00:00:00Z');
    const [first, second, third] = await Promise.all([pool.compare(articles), pool.compare(articles), pool.compare([...articles].reverse())]);
    const local = compare(articles, { now });
    assert.deepEqual({ ...first, createdAt: '' }, { ...local, createdAt: '' });
    assert.deepEqual(second.claims, first.claims);
    assert.equal(third.articles[0].source, 'Veyra Free Press');
    await assert.rejects(pool.compare([articles[0]]), { name: 'ParallaxError', code: 'TOO_FEW_ARTICLES' });

    const app = createApp({ compare: pool.compare, store: null });
    const response = await app.request('/api/compare', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ articles: articles.map((a) => ({ text: a.text, source: a.source })) }),
    });
    assert.equal(response.status, 200);
    assertValidReport(await response.json());
  } finally {
    await pool.close();
  }
  await assert.rejects(pool.compare(articles), { code: 'INTERNAL' });
});
