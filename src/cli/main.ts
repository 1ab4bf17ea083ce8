/**
 * The `parallax` command: a thin face over the library. Each subcommand lives in
 * `./commands/<name>.ts` and registers itself on the program; this file wires them up
 * and turns errors into one-line messages and exit codes.
 */
import { Command, CommanderError } from 'commander';
import { isParallaxError } from '../errors.ts';
import { COMMANDS } from './commands/index.ts';

export const EXIT = {
  OK: 0,
  /** Some inputs failed; the others were still reported. */
  PARTIAL: 1,
  /** Wrong usage or a fatal error. */
  FAILURE: 2,
} as const;

export function buildProgram(): Command {
  const program = new Command('parallax')
    .description('See one news story from every side.')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  for (const register of COMMANDS) register(program);
  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.OK : EXIT.FAILURE;
    }
    if (isParallaxError(error)) {
      process.stderr.write(`parallax: ${error.toLine()}\n`);
      return EXIT.FAILURE;
    }
    process.stderr.write(`parallax: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.FAILURE;
  }
}
