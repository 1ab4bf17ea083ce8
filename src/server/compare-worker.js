// Entry of a compare worker thread: load TypeScript through tsx, then the worker's code.
// Plain JavaScript because a worker does not inherit the parent's module hooks.
import { register } from 'tsx/esm/api';

register();
await import('./compare-worker-main.ts');
