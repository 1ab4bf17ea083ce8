import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderJson } from '../../src/report/index.ts';
import { assertValidReport } from '../support/report-schema.ts';
import { readComparisonFixture } from './fixture.ts';

test('renderJson emits the parallax.report/1 contract, schema first', () => {
  const json = renderJson(readComparisonFixture());
  assert.ok(json.endsWith('}\n'));
  const report = JSON.parse(json) as Record<string, unknown>;
  assert.equal(Object.keys(report)[0], 'schema');
  assert.equal(report.schema, 'parallax.report/1');
  assertValidReport(report);
});

test('assertValidReport rejects a missing key, a bad kind and a span that does not slice to its text', () => {
  const noBrief = JSON.parse(renderJson(readComparisonFixture())) as Record<string, unknown>;
  delete noBrief.brief;
  assert.throws(() => assertValidReport(noBrief), /brief/);

  const badKind = readComparisonFixture();
  (badKind.alignments[0] as { kind: string }).kind = 'maybe';
  assert.throws(() => assertValidReport(JSON.parse(renderJson(badKind))), /schema/);

  const shifted = readComparisonFixture();
  shifted.claims[0].start += 1;
  assert.throws(() => assertValidReport(JSON.parse(renderJson(shifted))), /slice/);

  const outside = readComparisonFixture();
  outside.quotes[0].end = 10_000;
  assert.throws(() => assertValidReport(JSON.parse(renderJson(outside))), /outside/);

  const dangling = readComparisonFixture();
  dangling.brief.agreed[0].alignment = 'nope';
  assert.throws(() => assertValidReport(JSON.parse(renderJson(dangling))), /unknown alignment/);
});

test('keys added to the Comparison later are kept, after the documented ones', () => {
  const c = { ...readComparisonFixture(), extraFigure: 3 };
  const report = JSON.parse(renderJson(c)) as Record<string, unknown>;
  assert.equal(report.extraFigure, 3);
  assert.deepEqual(Object.keys(report).slice(0, 3), ['schema', 'id', 'createdAt']);
  assert.equal(Object.keys(report).at(-1), 'extraFigure');
});
