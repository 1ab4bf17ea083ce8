import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compare } from '../../src/compare/index.ts';
import { articleFromText } from '../../src/ingest/index.ts';
import { renderJson } from '../../src/report/index.ts';
import { assertValidReport } from '../support/report-schema.ts';
import { readSeed, SEED_BREITBART, SEED_TELESUR, skipUnlessShared } from '../support/shared.ts';
import { ParallaxError } from '../../src/errors.ts';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/harbour-strike');
const NOW = new Date('2026-01-01T00:00:00Z');

function example(name: string) {
  return articleFromText(readFileSync(resolve(EXAMPLE, name), 'utf8'), { origin: name });
}

test('the example pair compares into a valid report whose every span slices to its evidence', () => {
  const comparison = compare([example('harbour-herald.txt'), example('veyra-free-press.txt')], { now: NOW });
  assertValidReport(JSON.parse(renderJson(comparison)));
  assert.equal(comparison.articles.length, 2);
  for (const kind of ['agreed', 'conflict', 'unique'] as const) {
    assert.ok(comparison.alignments.some((a) => a.kind === kind), `some ${kind} alignment`);
  }
  assert.ok(comparison.quotes.length > 0 && comparison.framing.length > 0 && comparison.actors.length > 0);
});

test('the same input gives the same report', () => {
  const articles = [example('harbour-herald.txt'), example('veyra-free-press.txt')];
  assert.equal(renderJson(compare(articles, { now: NOW })), renderJson(compare(articles, { now: NOW })));
});

test('fewer than two different articles is a clear error', () => {
  const one = example('harbour-herald.txt');
  assert.throws(() => compare([one]), (e: unknown) => e instanceof ParallaxError && e.code === 'TOO_FEW_ARTICLES');
  assert.throws(() => compare([one, { ...one }]), (e: unknown) => e instanceof ParallaxError && /same text/.test(e.message));
});

test('the seed pair: a valid report with conflicts, labels, quotes and framing from both sides', skipUnlessShared('seeds'), () => {
  const articles = [SEED_TELESUR, SEED_BREITBART].map((name) => articleFromText(readSeed(name), { origin: name }));
  const comparison = compare(articles, { now: NOW });
  assertValidReport(JSON.parse(renderJson(comparison)));
  const [a, b] = comparison.articles.map((x) => x.id);
  const conflict = comparison.alignments.find(
    (x) => x.kind === 'conflict' && x.articles.includes(a) && x.articles.includes(b),
  );
  assert.ok(conflict, 'at least one conflict between the two outlets');
  assert.ok(comparison.brief.disputed.length > 0, 'the brief lists what is disputed');
  assert.ok(comparison.brief.onlyIn[a]?.length && comparison.brief.onlyIn[b]?.length, 'each side has facts of its own');
  assert.ok(comparison.quotes.some((q) => q.article === a) && comparison.quotes.some((q) => q.article === b));
});
