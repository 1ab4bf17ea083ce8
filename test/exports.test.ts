import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as parallax from '../src/index.ts';

// The public surface is a promise to users: adding a name is a decision, so is removing one.
test('the package exports exactly its documented runtime names', () => {
  assert.deepEqual(Object.keys(parallax).sort(), [
    'ERROR_CODES',
    'ParallaxError',
    'StoryClusterer',
    'articleFromHtml',
    'articleFromText',
    'compare',
    'httpStatus',
    'ingest',
    'openStore',
    'renderHtml',
    'renderJson',
    'renderTerminal',
  ]);
});
