/**
 * Readers for the training data of the sentence-bias model: BABE (`babe.csv`) and the word
 * lists of `../shared/data/lexicons/`. Used by `scripts/train/babe.ts` and `parallax eval babe`,
 * never at run time (the product reads the compiled lists in `resources/framing/`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParallaxError } from '../errors.ts';
import type { BiasLexicons } from './bias-features.ts';

export interface BabeSentence {
  text: string;
  outlet: string;
  /** Expert label: 1 biased, 0 not. */
  biased: number;
  /** The words the experts marked as biased (lower-cased). */
  biasedWords: string[];
}

/** Parses `;`-separated CSV with `"`-quoted fields and `""` escapes. */
export function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parses the Python-style list in `biased_words`: `['a', "b's"]`. */
export function parseWordList(value: string): string[] {
  const words: string[] = [];
  for (const match of value.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)) {
    const word = (match[1] ?? match[2] ?? '').replace(/\\(.)/g, '$1').trim().toLowerCase();
    if (word) words.push(word);
  }
  return words;
}

/** Reads `babe.csv` (a file, or a folder holding it). Skips rows without a label. */
export function readBabe(path: string): BabeSentence[] {
  const file = path.endsWith('.csv') ? path : join(path, 'babe.csv');
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ParallaxError('DATA_MISSING', 'cannot read the BABE file', file, { cause });
  }
  const [header, ...rows] = parseCsv(content);
  const column = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new ParallaxError('DATA_MISSING', `BABE file lacks the column ${name}`, file);
    return index;
  };
  const textCol = column('text');
  const outletCol = column('outlet');
  const labelCol = column('label_bias');
  const wordsCol = column('biased_words');
  const sentences: BabeSentence[] = [];
  for (const row of rows) {
    const label = row[labelCol];
    if (label !== 'Biased' && label !== 'Non-biased') continue;
    sentences.push({
      text: row[textCol].trim(),
      outlet: row[outletCol] ?? '',
      biased: label === 'Biased' ? 1 : 0,
      biasedWords: parseWordList(row[wordsCol] ?? ''),
    });
  }
  return sentences;
}

/** One word list per line, `#` comments skipped, lower-cased. */
function readWordList(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Reads the word lists of `../shared/data/lexicons/` into the form the features use. */
export function readLexicons(dir: string): BiasLexicons {
  return {
    bias: readWordList(join(dir, 'recasens-bias-lexicon.txt')),
    hedges: readWordList(join(dir, 'hedges_hyland2005.txt')),
    factives: readWordList(join(dir, 'factives_hooper1975.txt')),
    assertives: readWordList(join(dir, 'assertives_hooper1975.txt')),
    implicatives: readWordList(join(dir, 'implicatives_karttunen1971.txt')),
    reportVerbs: readWordList(join(dir, 'report_verbs.txt')),
  };
}
