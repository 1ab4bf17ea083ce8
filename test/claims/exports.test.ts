import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as claims from '../../src/claims/index.ts';
import * as quotes from '../../src/quotes/index.ts';

// The public surfaces of the two stages: change them on purpose, and this test with them.
test('claims exports', () => {
  assert.deepEqual(Object.keys(claims).sort(), [
    'AGREE_MIN_SCORE',
    'BRIEF_LIMITS',
    'CLOSE_PAIR_MIN_SCORE',
    'CONFLICT_MIN_SCORE',
    'MIN_CLAIM_WORDS',
    'QUOTED_SHARE_MAX',
    'alignClaims',
    'buildBrief',
    'extractClaims',
  ]);
});

test('quotes exports', () => {
  assert.deepEqual(Object.keys(quotes).sort(), [
    'PHRASE_PREPOSITIONS',
    'SCARE_QUOTE_MAX_WORDS',
    'UNATTRIBUTED_KEY',
    'UNATTRIBUTED_MIN_WORDS',
    'extractQuotes',
    'findQuotedPassages',
    'findQuotes',
    'quotesInText',
    'reportVerbLemma',
    'shareOfVoice',
    'speakerSide',
    'voiceScores',
  ]);
});
