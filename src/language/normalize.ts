/** Matching forms of words: lower-cased, accent-folded, typographic apostrophes made plain. */

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;

/** "Nicolás" → "Nicolas", "López’s" → "Lopez's". Keeps case. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(APOSTROPHES, "'").normalize('NFC');
}

/** The matching form of a word or name: accent-folded and lower-cased. */
export function normalizeWord(text: string): string {
  return foldAccents(text).toLowerCase();
}

/** A stable id from a name: "Nicolás Maduro" → "nicolas-maduro". */
export function slugify(text: string): string {
  return normalizeWord(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
