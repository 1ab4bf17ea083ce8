import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, resolveStorePath, userDataDir } from '../../src/store/index.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { makeArticle, runStoreCases } from './store.cases.ts';

const dir = mkdtempSync(join(tmpdir(), 'parallax-store-'));
let n = 0;
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

runStoreCases('sqlite file', () => openStore(join(dir, `cases-${n++}.sqlite`)));
runStoreCases('sqlite memory', () => openStore(':memory:'));

test('a new file is created in WAL mode with every migration recorded, and reopening migrates nothing twice', () => {
  const path = join(dir, 'nested', 'deeper', 'wal.sqlite');
  const store = openStore(path);
  store.putArticles([makeArticle('w1', 'Some text.')]);
  store.close();
  const again = openStore(path);
  assert.equal(again.getArticle('w1')?.text, 'Some text.');
  again.close();
  const db = new Database(path, { readonly: true });
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  const versions = (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
  assert.deepEqual(versions, MIGRATIONS.map((m) => m.version));
  db.close();
});

test('a store that cannot be opened fails with STORE_ERROR', () => {
  const blocker = join(dir, 'a-file');
  openStore(blocker).close(); // a file where a folder is expected below
  assert.throws(() => openStore(join(blocker, 'x.sqlite')), { code: 'STORE_ERROR' });
});

test('the default path follows --db, then PARALLAX_DB, then the platform data folder', () => {
  const home = '/home/ana';
  assert.equal(resolveStorePath('/tmp/x.sqlite', { env: { PARALLAX_DB: '/env.sqlite' }, platform: 'linux', home }), '/tmp/x.sqlite');
  assert.equal(resolveStorePath(null, { env: { PARALLAX_DB: '/env.sqlite' }, platform: 'linux', home }), '/env.sqlite');
  assert.equal(resolveStorePath(undefined, { env: {}, platform: 'linux', home }), '/home/ana/.local/share/parallax/parallax.sqlite');
  assert.equal(userDataDir({ env: { XDG_DATA_HOME: '/data' }, platform: 'linux', home }), '/data/parallax');
  assert.equal(userDataDir({ env: {}, platform: 'darwin', home }), '/home/ana/Library/Application Support/parallax');
  assert.ok(userDataDir({ env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, platform: 'win32', home }).endsWith('parallax'));
  assert.ok(!existsSync('/home/ana/.local/share/parallax'), 'resolving a path creates nothing');
});
