/**
 * `npm run train [name…]`: regenerates every trained artifact in `resources/` from
 * `../shared/data/`. Each `scripts/train/<name>.ts` default-exports `async () => void`,
 * uses a fixed seed and writes its weights with their attribution.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const wanted = process.argv.slice(2);
const dir = join(import.meta.dirname, 'train');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

for (const file of files) {
  const started = Date.now();
  console.log(`training ${file} …`);
  const module = (await import(pathToFileURL(join(dir, file)).href)) as { default: () => Promise<void> };
  await module.default();
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
