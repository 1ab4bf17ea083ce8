import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCompare, type CompareCommandIo } from '../../src/cli/commands/compare.ts';
import { ingest } from '../../src/ingest/index.ts';
import { openStore } from '../../src/store/index.ts';
import { assertValidReport } from '../support/report-schema.ts';
import { compareDouble } from '../server/compare-double.ts';

const TEXTS = [
  'Lanmore ferry crews stopped work on Friday over unpaid overtime. The operator said talks would resume on Monday.',
  'A ferry strike stranded hundreds of travellers at Lanmore on Friday. Crews want overtime paid, their union said.',
  'Island ferries sat idle at Lanmore on Friday as crews walked out. Travellers slept in the terminal.',
];

function fixture() {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-compare-'));
  const files = TEXTS.map((text, i) => {
    const path = join(dir, `article-${i}.txt`);
    writeFileSync(path, text);
    return path;
  });
  let out = '';
  let err = '';
  const io: CompareCommandIo = {
    compare: compareDouble,
    ingest,
    openStore,
    stdout: { write: (t: string) => (out += t), isTTY: false },
    stderr: { write: (t: string) => (err += t), isTTY: false },
    env: {},
  };
  return { dir, files, io, out: () => out, err: () => err, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('parallax compare', () => {
  test('prints the plain terminal summary when stdout is not a terminal', async () => {
    const f = fixture();
    try {
      assert.equal(await runCompare(f.files.slice(0, 2), {}, f.io), 0);
      assert.match(f.out(), /^PARALLAX · 2 articles/);
      assert.ok(!f.out().includes('\x1b['));
      assert.equal(f.err(), '');
    } finally {
      f.cleanup();
    }
  });

  test('--json prints a valid report; --html writes a page', async () => {
    const f = fixture();
    try {
      const html = join(f.dir, 'out.html');
      assert.equal(await runCompare(f.files, { json: true, html, source: 'Wire' }, f.io), 0);
      const report = JSON.parse(f.out()) as { articles: { source: string }[] };
      assertValidReport(report);
      assert.deepEqual(report.articles.map((a) => a.source), ['Wire', 'Wire', 'Wire']);
      assert.match(readFileSync(html, 'utf8'), /^<!doctype html>/);
      assert.match(f.err(), /wrote .*out\.html/);
    } finally {
      f.cleanup();
    }
  });

  test('a failed input is reported on one line and exits 1; the others are still compared', async () => {
    const f = fixture();
    try {
      const missing = join(f.dir, 'missing.txt');
      assert.equal(await runCompare([...f.files.slice(0, 2), missing], { json: true }, f.io), 1);
      assert.equal(f.err().trim().split('\n').length, 1);
      assert.match(f.err(), /^parallax: .*missing\.txt: /);
      assertValidReport(JSON.parse(f.out()));
    } finally {
      f.cleanup();
    }
  });

  test('fewer than two usable articles is a clear error', async () => {
    const f = fixture();
    try {
      await assert.rejects(runCompare([f.files[0], join(f.dir, 'nope.txt')], {}, f.io), { code: 'TOO_FEW_ARTICLES', message: /at least two usable articles to compare, got 1 \(1 input failed\)/ });
      await assert.rejects(runCompare([], {}, f.io), { code: 'TOO_FEW_ARTICLES' });
    } finally {
      f.cleanup();
    }
  });

  test('--store saves; --story compares a stored story\'s articles', async () => {
    const f = fixture();
    try {
      const db = join(f.dir, 'store.sqlite');
      assert.equal(await runCompare(f.files.slice(0, 2), { store: true, db, json: true }, f.io), 0);
      const store = openStore(db);
      const ids = store.listArticles().map((s) => s.article.id);
      assert.equal(ids.length, 2);
      assert.equal(store.listComparisons().length, 1);
      store.putStory({ id: 'ferry', headline: 'Ferry strike', articleIds: ids, sources: [], firstSeen: null, lastSeen: null });
      store.close();
      const g = fixture();
      try {
        assert.equal(await runCompare([g.files[2]], { story: 'ferry', db, json: true }, g.io), 0);
        assert.equal((JSON.parse(g.out()) as { articles: unknown[] }).articles.length, 3);
        await assert.rejects(runCompare([], { story: 'no-such', db }, g.io), { code: 'NOT_FOUND' });
      } finally {
        g.cleanup();
      }
    } finally {
      f.cleanup();
    }
  });

  test('progress goes to stderr from five inputs on', async () => {
    const f = fixture();
    try {
      const more = [...f.files, ...f.files.map((p) => p.replace('.txt', '-copy.txt'))];
      more.slice(3).forEach((p, i) => writeFileSync(p, `${TEXTS[i]} Copy ${i}.`));
      await runCompare(more, { json: true }, f.io);
      assert.match(f.err(), /reading 6\/6 /);
    } finally {
      f.cleanup();
    }
  });
});

describe('parallax compare colour', () => {
  test('ANSI colour on a terminal, none with NO_COLOR', async () => {
    const tty = fixture();
    try {
      tty.io.stdout.isTTY = true;
      await runCompare(tty.files.slice(0, 2), {}, tty.io);
      assert.ok(tty.out().includes('\x1b['));
      const noColor = fixture();
      noColor.io.stdout.isTTY = true;
      noColor.io.env = { NO_COLOR: '1' };
      await runCompare(noColor.files.slice(0, 2), {}, noColor.io);
      assert.ok(!noColor.out().includes('\x1b['));
      noColor.cleanup();
    } finally {
      tty.cleanup();
    }
  });
});
