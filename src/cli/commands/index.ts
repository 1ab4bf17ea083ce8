/** Every subcommand of `parallax`, in the order `--help` lists them. */
import type { Command } from 'commander';
import { registerCompare } from './compare.ts';
import { registerEval } from './eval.ts';
import { registerIngest } from './ingest.ts';
import { registerList } from './list.ts';
import { registerServe } from './serve.ts';
import { registerStories } from './stories.ts';
import { registerWatch } from './watch.ts';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: RegisterCommand[] = [registerIngest, registerCompare, registerList, registerServe, registerEval, registerWatch, registerStories];
