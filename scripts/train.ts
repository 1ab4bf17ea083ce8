/**
 * `npm run train [name…]`: regenerates every trained artifact in `resources/` from
 * `../shared/data/`. Each `scripts/train/<name>.ts` default-exports `async () => void`,
 * uses a fixed seed and writes its weights with their attribution.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Artifacts that later scripts read come first: word vectors (read by the sentence-bias,
 * hyperpartisan, leaning and PTC models), word lists (read by the language stage). The rest
 * run in alphabetical order.
 */
const FIRST = ['embeddings', 'quote-lexicons', 'name-lists', 'actor-polarity'];

const wanted = process.argv.slice(2);
const dir = join(import.meta.dirname, 'train');
const rank = (f: string): number => {
  const i = FIRST.indexOf(f.replace(/\.ts$/, ''));
  return i < 0 ? FIRST.length : i;
};
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

for (const file of files) {
  const started = Date.now();
  console.log(`training ${file} …`);
  const module = (await import(pathToFileURL(join(dir, file)).href)) as { default: () => Promise<void> };
  await module.default();
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
