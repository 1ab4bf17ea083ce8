/** The real articles the benchmarks run on: `content_original` of ../shared/data/allsides/*.jsonl.gz. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/** The first `limit` article texts of a gzipped AllSides JSON-lines file, streamed. */
export async function readAllSidesTexts(path: string, limit: number): Promise<string[]> {
  const texts: string[] = [];
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { content_original?: string };
    if (record.content_original) texts.push(record.content_original);
    if (texts.length >= limit) break;
  }
  lines.close();
  return texts;
}
