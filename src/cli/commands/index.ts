/** Every subcommand of `parallax`, in the order `--help` lists them. */
import type { Command } from 'commander';
import { registerEval } from './eval.ts';
import { registerIngest } from './ingest.ts';
import { registerList } from './list.ts';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: RegisterCommand[] = [registerIngest, registerList, registerEval];
