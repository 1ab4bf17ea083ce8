/**
 * A small pool of worker threads that run `compare`, so the server's event loop keeps
 * answering (health, UI, lists) while comparisons — pure CPU work — run on other cores.
 * Requests queue when every worker is busy.
 */
import { Worker } from 'node:worker_threads';
import { ParallaxError, type ErrorCode } from '../errors.ts';
import type { Article, Comparison } from '../model/index.ts';

export interface WorkerRequest {
  id: number;
  articles: Article[];
}

export type WorkerReply =
  | { id: number; comparison: Comparison }
  | { id: number; error: { code: ErrorCode; message: string; input: string | null } };

export interface ComparePool {
  compare(articles: Article[]): Promise<Comparison>;
  close(): Promise<void>;
}

interface Pending {
  resolve: (c: Comparison) => void;
  reject: (e: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  busy: Pending & { id: number } | null;
}

const WORKER_URL = new URL('./compare-worker.js', import.meta.url);

export function createComparePool(size: number): ComparePool {
  if (!Number.isInteger(size) || size < 1) throw new ParallaxError('BAD_REQUEST', 'a compare pool needs at least one worker');
  const queue: (WorkerRequest & Pending)[] = [];
  const workers: PoolWorker[] = [];
  let nextId = 1;
  let closed = false;

  const dispatch = (): void => {
    for (const slot of workers) {
      if (slot.busy || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.busy = job;
      slot.worker.ref(); // a job in flight keeps the process alive; an idle worker does not
      slot.worker.postMessage({ id: job.id, articles: job.articles } satisfies WorkerRequest);
    }
  };

  const spawn = (): PoolWorker => {
    const slot: PoolWorker = { worker: new Worker(WORKER_URL), busy: null };
    slot.worker.unref();
    slot.worker.on('message', (reply: WorkerReply) => {
      const job = slot.busy;
      slot.busy = null;
      slot.worker.unref();
      if (job && job.id === reply.id) {
        if ('comparison' in reply) job.resolve(reply.comparison);
        else job.reject(new ParallaxError(reply.error.code, reply.error.message, reply.error.input));
      }
      dispatch();
    });
    // a worker that dies takes its job down with it; a fresh one takes its place
    slot.worker.on('error', (error) => {
      slot.busy?.reject(new ParallaxError('INTERNAL', `compare worker failed: ${error.message}`));
      slot.busy = null;
    });
    slot.worker.on('exit', () => {
      const index = workers.indexOf(slot);
      if (index >= 0) workers.splice(index, 1);
      slot.busy?.reject(new ParallaxError('INTERNAL', 'compare worker exited'));
      if (!closed) {
        workers.push(spawn());
        dispatch();
      }
    });
    return slot;
  };

  for (let i = 0; i < size; i++) workers.push(spawn());

  return {
    compare(articles) {
      if (closed) return Promise.reject(new ParallaxError('INTERNAL', 'the compare pool is closed'));
      return new Promise<Comparison>((resolve, reject) => {
        queue.push({ id: nextId++, articles, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new ParallaxError('INTERNAL', 'the compare pool is closed'));
      await Promise.all(workers.map((slot) => slot.worker.terminate()));
    },
  };
}
