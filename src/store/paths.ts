/** Where the store lives by default: the platform's user data folder, unless told otherwise. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const STORE_FILE = 'parallax.sqlite';

export interface StorePathContext {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
}

/** The data folder: %APPDATA% on Windows, Application Support on macOS, XDG_DATA_HOME elsewhere. */
export function userDataDir(ctx: StorePathContext): string {
  if (ctx.platform === 'win32') return join(ctx.env.APPDATA ?? join(ctx.home, 'AppData', 'Roaming'), 'parallax');
  if (ctx.platform === 'darwin') return join(ctx.home, 'Library', 'Application Support', 'parallax');
  return join(ctx.env.XDG_DATA_HOME || join(ctx.home, '.local', 'share'), 'parallax');
}

/** `--db PATH` first, then PARALLAX_DB, then the user data folder. */
export function resolveStorePath(explicit?: string | null, ctx: StorePathContext = { env: process.env, platform: process.platform, home: homedir() }): string {
  if (explicit) return explicit;
  if (ctx.env.PARALLAX_DB) return ctx.env.PARALLAX_DB;
  return join(userDataDir(ctx), STORE_FILE);
}
