import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comparisonLabel, leadOf, LEAD_CHARS } from '../../src/store/index.ts';

test('a lead is the opening on one line, cut at a word boundary with an ellipsis', () => {
  assert.equal(leadOf('  Ferries resumed.\n\nThe port reopened. '), 'Ferries resumed. The port reopened.');
  const long = 'The harbour strike in Port Veyra ended on Tuesday after twelve days, when the union accepted a revised offer from the port authority.';
  const lead = leadOf(long);
  assert.ok(lead.length <= LEAD_CHARS + 1, lead);
  assert.ok(lead.endsWith('…'), lead);
  assert.ok(long.startsWith(lead.slice(0, -1)), 'the lead is the text’s own opening');
  assert.doesNotMatch(lead, /\s…$/);
  assert.equal(leadOf(''), '');
});

test('a comparison is named by titles, then outlets, then opening words, then ids', () => {
  const label = comparisonLabel({
    id: 'c',
    createdAt: '2026-01-01T00:00:00Z',
    storyId: null,
    articleIds: ['a1', 'a2', 'a3', 'a4'],
    titles: ['Strike ends', null, null, null],
    sources: ['Harbour Herald', 'Coast Daily', null, null],
    leads: ['x', 'y', 'Dockers went back to work on Tuesday morning after the vote.', ''],
  });
  assert.equal(label, 'Strike ends · Coast Daily · “Dockers went back to work on Tuesday morning…” · a4');
});
