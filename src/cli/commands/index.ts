/** Every subcommand of `parallax`, in the order `--help` lists them. */
import type { Command } from 'commander';
import { registerEval } from './eval.ts';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: RegisterCommand[] = [registerEval];
