import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ParallaxError } from '../../errors.ts';
import { EVAL_TASKS, findEvalTask, sharedDataDir, type EvalResult } from '../../eval/index.ts';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description(`score Parallax on a dataset (${EVAL_TASKS.map((t) => t.name).join(', ') || 'no tasks yet'})`)
    .argument('<task>', 'which evaluation to run')
    .option('--data <path>', 'dataset path (defaults to the shared data folder)')
    .option('--json', 'print the result as JSON')
    .action(async (taskName: string, options: { data?: string; json?: boolean }) => {
      const task = findEvalTask(taskName);
      if (!task) {
        throw new ParallaxError(
          'BAD_REQUEST',
          `unknown eval task; choose one of: ${EVAL_TASKS.map((t) => t.name).join(', ')}`,
          taskName,
        );
      }
      const shared = sharedDataDir();
      const dataPath = options.data ?? (shared ? join(shared, task.defaultData) : null);
      if (!dataPath || !existsSync(dataPath)) {
        throw new ParallaxError(
          'DATA_MISSING',
          `dataset not found; pass --data PATH or set PARALLAX_DATA to the shared data folder`,
          dataPath ?? task.defaultData,
        );
      }
      const result = await task.run(dataPath);
      process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatEval(result));
    });
}

function formatEval(result: EvalResult): string {
  const lines = [`${result.task} on ${result.data} (${result.count} items, ${result.seconds.toFixed(1)} s)`];
  for (const [name, value] of Object.entries(result.metrics)) {
    const ref = result.reference[name];
    lines.push(`  ${name.padEnd(28)} ${value.toFixed(4)}${ref === undefined ? '' : `   (reference ${ref.toFixed(4)})`}`);
  }
  const extraRefs = Object.entries(result.reference).filter(([k]) => !(k in result.metrics));
  for (const [name, value] of extraRefs) lines.push(`  ${name.padEnd(28)} reference ${value.toFixed(4)}`);
  for (const note of result.notes) lines.push(`  note: ${note}`);
  return `${lines.join('\n')}\n`;
}
