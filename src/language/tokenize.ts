/**
 * Tokens and sentences from wink-nlp (English lite model), with spans rebuilt exactly:
 * wink keeps each token's preceding whitespace, so summing lengths gives UTF-16 offsets
 * into the very string it was given. Whitespace tokens are dropped.
 */
import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { PartOfSpeech, Sentence, Token } from '../model/index.ts';
import { normalizeWord } from './normalize.ts';

// only sentence boundaries and POS (lemmas follow from POS): wink's own NER, negation and
// sentiment passes would more than double the time and we do not use them (measured: 29 → 12 ms/article)
const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

/** Title abbreviations after which a sentence never ends when a capitalised word follows. */
const NON_FINAL_ABBREVIATIONS = new Set([
  'gen.',
  'lt.',
  'col.',
  'maj.',
  'capt.',
  'cpt.',
  'sgt.',
  'cpl.',
  'adm.',
  'cmdr.',
  'gov.',
  'sen.',
  'rep.',
  'dr.',
  'mr.',
  'mrs.',
  'ms.',
  'prof.',
  'st.',
  'rev.',
  'hon.',
  'pres.',
  'supt.',
  'insp.',
  'det.',
  'jr.',
  'sr.',
  'no.',
  'vs.',
  'gen',
]);

/** Characters that close a quotation: a sentence starting with one belongs to the previous one. */
const CLOSING_QUOTES = /^[\u201d\u2019"'»)\]]/;

const POS_TAGS = new Set<PartOfSpeech>([
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SYM',
  'VERB',
  'X',
  'SPACE',
]);

/** How far (UTF-16 units) a token may be found from where wink's spacing says it is. */
const REALIGN_WINDOW = 8;

export interface Tokenized {
  tokens: Token[];
  sentences: Sentence[];
}

export function tokenize(text: string): Tokenized {
  const doc = nlp.readDoc(text);
  // wink's typings disagree with some of its own `its` helpers; every one used here yields strings
  const column = (itsFunction: unknown): string[] =>
    doc.tokens().out(itsFunction as ItsFunction<string>) as string[];
  const values = column(its.value);
  const spaces = column(its.precedingSpaces);
  const tags = column(its.pos);
  const lemmas = column(its.lemma);

  // wink token index → our token index (whitespace tokens are dropped)
  const ourIndex: number[] = new Array<number>(values.length);
  const tokens: Token[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i].length;
    const value = values[i];
    ourIndex[i] = tokens.length;
    if (value.trim() === '') {
      offset += value.length;
      continue;
    }
    // wink rebuilds the text exactly, except around a few separators (U+2028 …): re-anchor
    // the token on the text when the running offset slipped, and drop it if it cannot be found
    if (!text.startsWith(value, offset)) {
      const found = text.indexOf(value, Math.max(0, offset - REALIGN_WINDOW));
      if (found < 0 || Math.abs(found - offset) > REALIGN_WINDOW) continue;
      offset = found;
    }
    const start = offset;
    offset += value.length;
    const pos = POS_TAGS.has(tags[i] as PartOfSpeech) ? (tags[i] as PartOfSpeech) : 'X';
    tokens.push({
      start,
      end: offset,
      text: value,
      norm: normalizeWord(value),
      lemma: lemmas[i] ?? value.toLowerCase(),
      pos,
    });
  }

  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentences: Sentence[] = [];
  for (const [first, last] of spans) {
    // wink reports one sentence even for an empty text, with no tokens behind it
    if (first >= values.length || last < first) continue;
    const firstToken = ourIndex[first];
    const endToken = last + 1 < values.length ? ourIndex[last + 1] : tokens.length;
    if (!(endToken > firstToken) || firstToken >= tokens.length) continue; // whitespace only
    sentences.push({ start: tokens[firstToken].start, end: tokens[endToken - 1].end, firstToken, endToken });
  }
  return { tokens, sentences: repairSentences(text, tokens, sentences) };
}

/** Merge splits wink makes after a title abbreviation, and closing quotes left alone. */
function repairSentences(text: string, tokens: Token[], sentences: Sentence[]): Sentence[] {
  const repaired: Sentence[] = [];
  for (const sentence of sentences) {
    const previous = repaired[repaired.length - 1];
    if (
      previous &&
      !text.slice(previous.end, sentence.start).includes('\n') &&
      shouldJoin(tokens, previous, sentence)
    ) {
      previous.end = sentence.end;
      previous.endToken = sentence.endToken;
      continue;
    }
    repaired.push({ ...sentence });
  }
  return repaired;
}

function shouldJoin(tokens: Token[], previous: Sentence, next: Sentence): boolean {
  const lastOfPrevious = tokens[previous.endToken - 1];
  const firstOfNext = tokens[next.firstToken];
  if (NON_FINAL_ABBREVIATIONS.has(lastOfPrevious.norm)) return true;
  // "Sen. Perdue (R-Ga.) and …": news sentences never open in lower case, so this was no boundary
  if (/^\p{Ll}/u.test(firstOfNext.text)) return true;
  // a sentence that is only closing punctuation, e.g. `rebel. ”`
  const onlyClosers = tokens.slice(next.firstToken, next.endToken).every((t) => t.pos === 'PUNCT');
  if (onlyClosers) return true;
  return (
    CLOSING_QUOTES.test(firstOfNext.text) &&
    firstOfNext.pos === 'PUNCT' &&
    next.endToken - next.firstToken <= 2
  );
}
