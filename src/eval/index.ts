/** The evaluation tasks behind `parallax eval`. Each task file scores one dataset. */
import type { EvalTask } from './types.ts';
import { extractionTask } from './extraction.ts';
import { storiesEval } from './stories.ts';
import { quotesEval } from './quotes.ts';
import { ptcTask } from './ptc.ts';
import { babeTask } from './babe.ts';
import { hyperpartisanTask } from './hyperpartisan.ts';
import { allsidesTask } from './allsides.ts';
import { entitiesEval } from './entities.ts';
import { loadedTask } from './loaded.ts';

export type { EvalResult, EvalTask } from './types.ts';
export { sharedDataDir } from './data.ts';

export const EVAL_TASKS: EvalTask[] = [extractionTask, storiesEval, quotesEval, ptcTask, babeTask, hyperpartisanTask, allsidesTask, entitiesEval, loadedTask];

export function findEvalTask(name: string): EvalTask | undefined {
  return EVAL_TASKS.find((task) => task.name === name);
}
