/**
 * Load check (not a test): starts the server on loopback, sends CONCURRENCY simultaneous
 * POST /api/compare requests with the fictional harbour-strike pair, and reports how many
 * were answered, latency, throughput and peak memory.
 *
 *   node --import tsx scripts/load-check.ts [--requests 100] [--store] [--workers N]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compare } from '../src/compare/index.ts';
import { createComparePool, startServer } from '../src/server/index.ts';
import { openStore } from '../src/store/index.ts';

/** How often memory is sampled while the requests run (ms): fine enough to catch the peak of a burst. */
const MEMORY_SAMPLE_MS = 10;

const { values } = parseArgs({ options: { requests: { type: 'string', default: '100' }, store: { type: 'boolean', default: false }, workers: { type: 'string', default: '0' } } });
const requests = Number(values.requests);
const examples = resolve(import.meta.dirname, '../examples/harbour-strike');
const body = JSON.stringify({
  articles: [
    { text: readFileSync(resolve(examples, 'harbour-herald.txt'), 'utf8'), source: 'Harbour Herald' },
    { text: readFileSync(resolve(examples, 'veyra-free-press.txt'), 'utf8'), source: 'Veyra Free Press' },
  ],
});

const store = openStore(':memory:');
const workers = Number(values.workers);
const pool = workers > 0 ? createComparePool(workers) : null;
const server = await startServer({ compare: pool ? pool.compare : compare, store, port: 0, host: '127.0.0.1' });
// one warm-up request so lazy resources (lexicons, vectors) load before the burst
await fetch(`${server.url}/api/compare`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
globalThis.gc?.();

const baseline = process.memoryUsage();
let peakRss = baseline.rss;
let peakHeap = baseline.heapUsed;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, MEMORY_SAMPLE_MS);

// how long GET /api/health takes while the burst runs: the event loop's responsiveness
const healthLatencies: number[] = [];
let bursting = true;
const healthProbe = (async () => {
  while (bursting) {
    const t0 = performance.now();
    await fetch(`${server.url}/api/health`).then((r) => r.text());
    healthLatencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 100));
  }
})();

const started = performance.now();
const results = await Promise.all(
  Array.from({ length: requests }, async () => {
    const t0 = performance.now();
    try {
      const response = await fetch(`${server.url}/api/compare${values.store ? '?store=1' : ''}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await response.text();
      const ok = response.status === 200 && (JSON.parse(text) as { schema?: string }).schema === 'parallax.report/1';
      return { status: response.status, ok, ms: performance.now() - t0 };
    } catch (error) {
      return { status: 0, ok: false, ms: performance.now() - t0, error: String(error) };
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
bursting = false;
await healthProbe;
clearInterval(sampler);
await server.close();
await pool?.close();
store.close();

const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const statuses: Record<string, number> = {};
for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
console.log(`requests       ${requests} concurrent POST /api/compare (${(body.length / 1024).toFixed(1)} KiB body)${values.store ? ' with ?store=1' : ''}, ${workers ? `${workers} compare worker(s)` : 'compare in the server thread'}`);
console.log(`answered       ${results.filter((r) => r.status !== 0).length}/${requests}, valid reports ${results.filter((r) => r.ok).length}, statuses ${JSON.stringify(statuses)}`);
console.log(`wall time      ${seconds.toFixed(2)} s (${(requests / seconds).toFixed(1)} req/s)`);
console.log(`latency        p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms, max ${latencies.at(-1)?.toFixed(0)} ms`);
console.log(`health probe   ${healthLatencies.length} GET /api/health during the burst, max ${Math.max(...healthLatencies).toFixed(0)} ms`);
console.log(`memory         rss ${mib(baseline.rss)} before, peak ${mib(peakRss)}; heap used ${mib(baseline.heapUsed)} before, peak ${mib(peakHeap)}`);
const failed = results.find((r) => !r.ok);
if (failed) {
  console.log(`first failure  ${JSON.stringify(failed)}`);
  process.exitCode = 1;
}
