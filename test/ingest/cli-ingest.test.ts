/** `parallax ingest` as a user runs it: a child process, exit codes, stdout and stderr lines. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Article } from '../../src/model/index.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLE = join(ROOT, 'examples/harbour-strike/harbour-herald.txt');
let dir = '';

/** Runs `parallax ingest …` in a child process; async so the cases can run side by side. */
function run(
  args: string[],
  input?: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/parallax.js'), 'ingest', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
  writeFileSync(join(dir, 'empty.txt'), '');
});
after(() => rmSync(dir, { recursive: true, force: true }));

// Each case spawns the CLI (~2 s of start-up): run them concurrently.
describe('parallax ingest (child process)', { concurrency: true }, () => {
  test('all inputs read: exit 0, a readable summary, nothing on stderr', async () => {
    const { status, stdout, stderr } = await run([EXAMPLE]);
    assert.equal(status, 0, stderr);
    assert.equal(stderr, '');
    assert.match(stdout, /source +Harbour Herald \(dateline\)/);
    assert.match(stdout, /place +Port Veyra/);
    assert.match(stdout, /removed +4/);
  });

  test('--json prints Article[]; --source overrides the outlet; - reads stdin', async () => {
    const { status, stdout } = await run(
      ['--json', '--source', 'The Herald', EXAMPLE, '-'],
      'The dockers of Port Veyra voted on Sunday to return to the cranes after two weeks on strike.',
    );
    assert.equal(status, 0);
    const articles = JSON.parse(stdout) as Article[];
    assert.deepEqual(
      articles.map((a) => [a.origin, a.source]),
      [
        [EXAMPLE, 'The Herald'],
        ['-', 'The Herald'],
      ],
    );
  });

  test('some inputs fail: exit 1, one stderr line per failure naming the input', async () => {
    const missing = join(dir, 'missing.txt');
    const empty = join(dir, 'empty.txt');
    const { status, stdout, stderr } = await run([EXAMPLE, missing, empty]);
    assert.equal(status, 1);
    assert.match(stdout, /Harbour Herald/);
    assert.deepEqual(stderr.trim().split('\n'), [
      `parallax: ${missing}: no such file or directory`,
      `parallax: ${empty}: the input is empty`,
    ]);
  });

  test('every input fails: exit 2', async () => {
    const { status, stderr } = await run(['--max-bytes', '100', EXAMPLE]);
    assert.equal(status, 2);
    assert.match(stderr, /is 3\.9 KiB, over the 100 bytes cap/);
  });

  test('a bad option value is a usage error: exit 2', async () => {
    const { main } = await import('../../src/cli/main.ts');
    const write = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write; // commander prints the usage
    try {
      assert.equal(await main(['ingest', '--max-bytes', 'lots', EXAMPLE]), 2);
    } finally {
      process.stderr.write = write;
    }
  });
});
