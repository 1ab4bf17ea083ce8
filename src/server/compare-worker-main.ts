/** Runs inside a compare worker: one comparison per message, the answer or the error back. */
import { parentPort } from 'node:worker_threads';
import { compare } from '../compare/index.ts';
import { isParallaxError } from '../errors.ts';
import type { WorkerReply, WorkerRequest } from './pool.ts';

parentPort?.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, comparison: compare(request.articles) };
  } catch (error) {
    reply = isParallaxError(error)
      ? { id: request.id, error: { code: error.code, message: error.message, input: error.input } }
      : { id: request.id, error: { code: 'INTERNAL', message: error instanceof Error ? (error.stack ?? error.message) : String(error), input: null } };
  }
  parentPort?.postMessage(reply);
});
