/**
 * Access to `../shared/` (seeds and datasets) for tests. Outside the team's workplace it is
 * absent: tests that need it call `skipUnlessShared` and are skipped with a printed reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const SHARED = resolve(import.meta.dirname, '../../../shared');

export const sharedAvailable = existsSync(SHARED);

/** Absolute path into ../shared, or null when ../shared is absent. */
export function sharedPath(...parts: string[]): string | null {
  const path = resolve(SHARED, ...parts);
  return existsSync(path) ? path : null;
}

/** Options for `test()`/`describe()`: skip, with the reason, when ../shared is missing. */
export function skipUnlessShared(...parts: string[]): { skip: string | false } {
  const path = resolve(SHARED, ...parts);
  return { skip: existsSync(path) ? false : `../shared/${parts.join('/')} is absent (outside the Parallax workplace)` };
}

export const SEED_TELESUR = '000_690ddd862bcdd4ee.txt';
export const SEED_BREITBART = '003_37f71a06054058b9.txt';

export function readSeed(name: string): string {
  return readFileSync(resolve(SHARED, 'seeds', name), 'utf8');
}
