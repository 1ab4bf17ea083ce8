import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { openStore } from '../../src/store/index.ts';
import { makeArticle } from './store.cases.ts';
import { readComparisonFixture } from '../report/fixture.ts';

async function capture(run: () => Promise<number>): Promise<{ code: number; out: string }> {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    const code = await run();
    return { code, out };
  } finally {
    process.stdout.write = write;
    process.exitCode = undefined;
  }
}

test('parallax list shows stored articles, comparisons and stories, as text and --json', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-list-'));
  const db = join(dir, 'list.sqlite');
  try {
    const store = openStore(db);
    store.putArticles([makeArticle('art-1', 'The bridge reopened after repairs.'), { ...makeArticle('art-2', 'Ferries ran late all week on the north route.'), title: null }]);
    store.putComparison(readComparisonFixture());
    store.putStory({ id: 'story-9', headline: 'Bridge reopens', articleIds: ['art-1'], sources: ['Test Outlet'], firstSeen: null, lastSeen: '2026-01-01T00:00:00Z' });
    store.close();

    const text = await capture(() => main(['list', '--db', db]));
    assert.equal(text.code, 0);
    assert.match(text.out, /ARTICLES \(2\)\n/);
    assert.match(text.out, /\n {2}art-1 .* Test Outlet — Title art-1\n/);
    assert.match(text.out, /\n {2}art-2 .* — “Ferries ran late all week on the north route\.”\n/, 'an untitled article shows its opening words');
    assert.match(text.out, /COMPARISONS \(1\)\n {2}cmp-harbour .*Dockworkers strike at Calderra port · Militant union shuts port/);
    assert.match(text.out, /STORIES \(1\)\n {2}story-9 {2}Bridge reopens/);

    const json = await capture(() => main(['list', '--db', db, '--json']));
    const parsed = JSON.parse(json.out) as { articles: { id: string }[]; comparisons: { id: string }[]; stories: { id: string }[] };
    assert.deepEqual(parsed.articles.map((a) => a.id).sort(), ['art-1', 'art-2']);
    assert.deepEqual([parsed.comparisons[0].id, parsed.stories[0].id], ['cmp-harbour', 'story-9']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
