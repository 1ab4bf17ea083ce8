import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The shared data folder: `PARALLAX_DATA`, else `../shared/data` beside the working directory
 * or beside this checkout. Null when absent (outside the team's workplace).
 */
export function sharedDataDir(): string | null {
  const candidates = [
    process.env.PARALLAX_DATA,
    resolve(process.cwd(), '../shared/data'),
    resolve(import.meta.dirname, '../../../shared/data'),
  ].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p)) ?? null;
}
