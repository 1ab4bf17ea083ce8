/** Hand-made Comparison fixtures (test/fixtures/report/*.json, see generate.ts there). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Comparison } from '../../src/model/index.ts';

/** A fresh copy each call, so tests may change it. */
export function readComparisonFixture(name = 'harbour'): Comparison {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, `../fixtures/report/${name}.json`), 'utf8')) as Comparison;
}
