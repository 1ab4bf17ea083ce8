import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOILERPLATE_RULES } from '../../src/ingest/clean.ts';

test('every boilerplate rule says why and matches its own examples', () => {
  assert.ok(BOILERPLATE_RULES.length >= 8);
  for (const rule of BOILERPLATE_RULES) {
    assert.ok(rule.why.length > 20, `${rule.id}: explain why`);
    assert.ok(rule.matches.length > 0, `${rule.id}: give examples`);
    for (const line of rule.matches) assert.match(line, rule.regex, `${rule.id} should match: ${line}`);
  }
});

test('no boilerplate rule matches a line another rule keeps as body', () => {
  for (const keeper of BOILERPLATE_RULES) {
    for (const line of keeper.keeps) {
      for (const rule of BOILERPLATE_RULES) {
        assert.doesNotMatch(line, rule.regex, `${rule.id} must not match ${keeper.id}'s body line: ${line}`);
      }
    }
  }
});
