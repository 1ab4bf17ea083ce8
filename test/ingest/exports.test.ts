import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ingestStage from '../../src/ingest/index.ts';

test('the ingest stage exports exactly its public surface', () => {
  assert.deepEqual(Object.keys(ingestStage).sort(), [
    'DEFAULT_MAX_BYTES',
    'DEFAULT_TIMEOUT_MS',
    'articleFromCleanText',
    'articleFromHtml',
    'articleFromText',
    'cleanText',
    'contentId',
    'decodeBytes',
    'detectLanguage',
    'ingest',
    'parseFeed',
  ]);
});
