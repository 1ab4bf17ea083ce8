import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ParallaxError } from '../errors.ts';

/** The dev compartment of a PolNeAR copy: texts and their brat attribution files. */
export function polnearDevDirs(dataPath: string): { textDir: string; annDir: string } {
  const textDir = join(dataPath, 'dev/text');
  const annDir = join(dataPath, 'dev/attributions');
  if (!existsSync(textDir) || !existsSync(annDir)) {
    throw new ParallaxError('DATA_MISSING', 'expected dev/text and dev/attributions (PolNeAR layout)', dataPath);
  }
  return { textDir, annDir };
}
