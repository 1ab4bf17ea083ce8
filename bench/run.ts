/**
 * `npm run bench [name…]`: runs every `bench/*.bench.ts` (or those named) one after the other
 * and prints their figures. Each bench file default-exports `async () => BenchReport`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchReport {
  name: string;
  /** Figure name → value, e.g. `{ 'pages/s': 210, 'peak RSS MiB': 180 }`. */
  figures: Record<string, number | string>;
  notes?: string[];
}

const wanted = process.argv.slice(2);
const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

for (const file of files) {
  const module = (await import(pathToFileURL(join(dir, file)).href)) as { default: () => Promise<BenchReport> };
  const report = await module.default();
  console.log(`\n## ${report.name}`);
  for (const [key, value] of Object.entries(report.figures)) {
    console.log(`  ${key.padEnd(36)} ${typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 3 }) : value}`);
  }
  for (const note of report.notes ?? []) console.log(`  note: ${note}`);
}
