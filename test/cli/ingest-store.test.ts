/** `parallax ingest --store`: the articles read are saved (deduplicated), in one transaction. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Article } from '../../src/model/index.ts';
import { openStore } from '../../src/store/index.ts';
import { renderStored } from '../../src/cli/commands/ingest.ts';
import { makeArticle } from '../store/store.cases.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLES = ['harbour-herald.txt', 'veyra-free-press.txt'].map((name) =>
  join(ROOT, 'examples/harbour-strike', name),
);
let dir = '';

/** Runs `parallax …` in a child process; async so the cases can run side by side. */
function parallax(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    // PARALLAX_DB points nowhere useful: every case must pass --db
    const env = { ...process.env, PARALLAX_DB: join(dir, 'not-this-one', 'x.sqlite') };
    const child = spawn(process.execPath, [join(ROOT, 'bin/parallax.js'), ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, stdout, stderr }));
    child.stdin.end();
  });
}

function storedIds(db: string): string[] {
  const store = openStore(db);
  try {
    return store
      .listArticles()
      .map((s) => s.article.id)
      .sort();
  } finally {
    store.close();
  }
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-ingest-store-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

// Each spawn costs a few seconds of start-up: the cases run concurrently.
describe('parallax ingest --store (child process)', { concurrency: true }, () => {
  test('stores the articles; list shows them; a second run reports duplicates', async () => {
    const db = join(dir, 'twice.sqlite');
    const first = await parallax(['ingest', '--store', '--db', db, ...EXAMPLES]);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stderr, '');
    assert.ok(first.stdout.endsWith(`\nstored in ${db}: 2 new, 0 duplicates\n`), first.stdout.slice(-200));

    // the second run only finds duplicates, so it may run beside the listing
    const [listed, second] = await Promise.all([
      parallax(['list', '--json', '--db', db]),
      parallax(['ingest', '--json', '--store', '--db', db, ...EXAMPLES]),
    ]);
    assert.equal(second.status, 0, second.stderr);
    const articles = JSON.parse(second.stdout) as Article[];
    assert.equal(articles.length, 2);
    assert.equal(second.stderr, `parallax: stored in ${db}: 0 new, 2 duplicates\n`);

    assert.equal(listed.status, 0, listed.stderr);
    const listing = JSON.parse(listed.stdout) as { articles: { id: string; source: string | null }[] };
    assert.deepEqual(listing.articles.map((a) => a.id).sort(), articles.map((a) => a.id).sort());
    assert.ok(listing.articles.some((a) => a.source === 'Harbour Herald'));
  });

  test('failed inputs do not hold back the good ones: exit 1, the good one stored', async () => {
    const db = join(dir, 'partial.sqlite');
    const missing = join(dir, 'missing.txt');
    const { status, stdout, stderr } = await parallax([
      'ingest',
      '--store',
      '--db',
      db,
      EXAMPLES[0],
      missing,
    ]);
    assert.equal(status, 1);
    assert.equal(stderr, `parallax: ${missing}: no such file or directory\n`);
    assert.match(stdout, /stored in .*: 1 new, 0 duplicates\n$/);
    assert.equal(storedIds(db).length, 1);
  });

  test('an error while writing stores nothing: exit 2 with the store error', async () => {
    const db = join(dir, 'failing.sqlite');
    openStore(db).close();
    // the store accepts one article, then the disk "fails": the first insert must be rolled back too
    const raw = new Database(db);
    raw.exec(
      "CREATE TRIGGER fail_second BEFORE INSERT ON articles WHEN (SELECT count(*) FROM articles) >= 1 BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END",
    );
    raw.close();
    const { status, stdout, stderr } = await parallax(['ingest', '--store', '--db', db, ...EXAMPLES]);
    assert.equal(status, 2);
    assert.match(
      stderr,
      /^parallax: .*failing\.sqlite: cannot store the articles: simulated write failure\n$/,
    );
    assert.doesNotMatch(stdout, /stored in/);
    assert.deepEqual(storedIds(db), []);
  });
});

test('the --store report names each article stored under another id', () => {
  const articles = [makeArticle('fresh', 'One.'), makeArticle('again', 'Two.')];
  assert.equal(
    renderStored('/tmp/p.sqlite', articles, { ids: ['fresh', 'earlier'], inserted: 1, duplicates: 1 }),
    'stored in /tmp/p.sqlite: 1 new, 1 duplicate\n  again is stored as earlier\n',
  );
});
