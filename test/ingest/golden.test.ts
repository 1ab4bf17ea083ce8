/** Golden fixtures: each test/ingest/fixtures/<slug>/input.* must give its expected.json. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureArticle } from './fixtures/read.ts';

const dir = join(import.meta.dirname, 'fixtures');
const slugs = readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

for (const slug of slugs) {
  test(`golden: ${slug} (regenerate with node --import tsx test/ingest/fixtures/regenerate.ts)`, () => {
    const expected = JSON.parse(readFileSync(join(dir, slug, 'expected.json'), 'utf8')) as unknown;
    assert.deepEqual(fixtureArticle(join(dir, slug)), expected);
  });
}

test('there are golden fixtures', () => assert.ok(slugs.length >= 3));
