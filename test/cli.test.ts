import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../src/cli/main.ts';

test('unknown eval task exits non-zero with a message naming it', async () => {
  const code = await main(['eval', 'no-such-task']);
  assert.equal(code, 2);
});
