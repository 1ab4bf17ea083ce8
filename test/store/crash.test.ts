import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/index.ts';

/** Articles in the batch that gets killed: large enough to spill pages into the WAL well before commit. */
const BIG_BATCH = 40_000;
/** Kill once the uncommitted batch has put this much into the WAL: proof we are mid-write. */
const WAL_GROWTH_BEFORE_KILL = 2 * 1024 * 1024;

function walSize(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

test('a writer killed (SIGKILL) in the middle of a batch leaves no half batch', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-crash-'));
  const path = join(dir, 'crash.sqlite');
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'crash-writer.ts'), path, String(BIG_BATCH)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
    await new Promise<void>((begun, failed) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('begin')) begun();
      });
      child.on('exit', () => failed(new Error(`writer exited before the batch began: ${output}`)));
    });
    const walAtBegin = walSize(path);
    while (walSize(path) < walAtBegin + WAL_GROWTH_BEFORE_KILL && !output.includes('done')) {
      await new Promise((r) => setTimeout(r, 2));
    }
    child.kill('SIGKILL');
    const signal = await exited;
    assert.ok(!output.includes('done'), 'the batch finished before the kill: raise BIG_BATCH');
    assert.equal(signal, 'SIGKILL');
    assert.ok(walSize(path) > walAtBegin, 'the kill came mid-write, with uncommitted pages in the WAL');

    const store = openStore(path);
    const ids = store.listArticles({ limit: BIG_BATCH + 100 }).map((s) => s.article.id);
    store.close();
    assert.equal(ids.length, 10);
    assert.ok(ids.every((id) => id.startsWith('small-')));
    const db = new Database(path);
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
