/**
 * Run-time scoring of the sentence-bias model without building feature vectors. It computes the
 * same logit as `predictCompact(model, sentenceFeatureVector(...))`: a dot product is linear, so
 * the sum of the weights each feature name hashes to (times its value) equals the dot with the
 * merged sparse vector, up to float rounding. What depends on a token alone (hashes of the word
 * and its character n-grams, its word vector, the marked-word model's logit without context) is
 * worked out once per distinct token and kept. Training keeps the vector path;
 * test/framing/bias-fast.test.ts checks that both give the same probabilities.
 */
import { cachedWordVector, WORD_VECTOR_DIMENSIONS } from './bias-embedding.ts';
import { CHAR_NGRAM_MAX, CHAR_NGRAM_MIN, denseOffset, lexiconHits, signalBag, signalOffset, SIGNAL_HASH_BITS, WORD_VECTOR_SCALE, type BiasLexicons, type CompiledLexicons } from './bias-features.ts';
import { afinnValence, MARKABLE, WORD_MODEL_CHAR_VALUE, WORD_MODEL_NEIGHBOUR_VALUE, WORD_MODEL_VECTOR_SCALE } from './bias-words.ts';
import type { SentenceBiasModel } from './bias.ts';
import { hashFeature, sigmoid, wordTokens, type LoadedLogisticModel } from './linear.ts';

/** A local copy: an imported binding is read through a getter when run through tsx, once per loop step. */
const DIMENSIONS = WORD_VECTOR_DIMENSIONS;

/** Tokens whose in-word character n-grams the sentence model uses: letters only. */
const LETTERS_ONLY = /^\p{L}+$/u;

/**
 * Distinct tokens (and distinct feature names) remembered per model before the memory is
 * cleared: a few MB at most, while a long article adds only a few thousand.
 */
const TOKEN_CACHE_SIZE = 50_000;
const NAME_CACHE_SIZE = 400_000;

/** What the two models need of one token, independent of its sentence. */
interface TokenFacts {
  /** Ids (see `Scorer.names`) of `w:<token>` and, for letter-only tokens, its distinct `c:<n-gram>` names. */
  lexicalIds: number[];
  /** The lexicons the token alone is in (no multi-word phrases), as `lexiconHits` names them. */
  ownHits: (keyof BiasLexicons)[];
  /** Word-model logit of the token's own features (word, n-grams, valence, vector), bias excluded; NaN when not markable. */
  ownLogit: number;
  /** Word-model buckets of `p:<token>` and `n:<token>` (this token as a neighbour's context). */
  asPrevious: number;
  asNext: number;
}

interface Scorer {
  sentence: Float64Array;
  sentenceBits: number;
  word: Float64Array;
  wordBits: number;
  wordModel: LoadedLogisticModel;
  /** Word-model buckets of the sentence-boundary neighbours and of each lexicon's `lex:` feature. */
  start: number;
  end: number;
  lexicon: Map<string, number>;
  lexicons: CompiledLexicons;
  /** First words of the lexicons' multi-word phrases: only there can a hit need the next tokens. */
  phraseStarts: Set<string>;
  tokens: Map<string, TokenFacts>;
  /**
   * Lexical feature names as small ids, so a sentence's distinct names are found with an array
   * of stamps rather than a set of strings: name → id, id → sentence-model bucket, id → the
   * number of the sentence that last used it.
   */
  names: Map<string, number>;
  bucketOf: number[];
  lastSeen: number[];
  sentenceNumber: number;
}

const scorers = new WeakMap<LoadedLogisticModel, Scorer>();

function scorerFor(model: SentenceBiasModel): Scorer | null {
  const known = scorers.get(model.model);
  if (known && known.wordModel === model.wordModel && known.lexicons === model.lexicons) return known;
  const sentence = model.model.weights;
  const word = model.wordModel.weights;
  // Map-backed weights (never shipped) take the vector path.
  if (!(sentence instanceof Float64Array) || !(word instanceof Float64Array)) return null;
  const wordBits = model.wordModel.bits;
  const scorer: Scorer = {
    sentence,
    sentenceBits: model.model.bits,
    word,
    wordBits,
    wordModel: model.wordModel,
    start: hashFeature('p:<s>', wordBits),
    end: hashFeature('n:</s>', wordBits),
    lexicon: new Map(model.lexicons.sets.map(([name]) => [name, hashFeature(`lex:${name}`, wordBits)])),
    lexicons: model.lexicons,
    phraseStarts: new Set(model.lexicons.sets.flatMap(([, phrases]) => [...phrases].filter((p) => p.includes(' ')).map((p) => p.split(' ')[0]!))),
    tokens: new Map(),
    names: new Map(),
    bucketOf: [],
    lastSeen: [],
    sentenceNumber: 0,
  };
  scorers.set(model.model, scorer);
  return scorer;
}

function nameId(scorer: Scorer, name: string): number {
  let id = scorer.names.get(name);
  if (id === undefined) {
    id = scorer.names.size;
    scorer.names.set(name, id);
    scorer.bucketOf.push(hashFeature(name, scorer.sentenceBits));
    scorer.lastSeen.push(-1);
  }
  return id;
}

/** Forgets tokens and names; only between sentences, since facts hold name ids. */
function trimMemory(scorer: Scorer): void {
  if (scorer.tokens.size < TOKEN_CACHE_SIZE && scorer.names.size < NAME_CACHE_SIZE) return;
  scorer.tokens.clear();
  scorer.names.clear();
  scorer.bucketOf = [];
  scorer.lastSeen = [];
}

function factsOf(scorer: Scorer, token: string): TokenFacts {
  const known = scorer.tokens.get(token);
  if (known) return known;
  const { word, wordBits } = scorer;
  const wordName = `w:${token}`;
  const padded = `<${token}>`;
  const grams = new Set<string>();
  for (let n = CHAR_NGRAM_MIN; n <= CHAR_NGRAM_MAX; n++) {
    for (let k = 0; k + n <= padded.length; k++) grams.add(`c:${padded.slice(k, k + n)}`);
  }
  const lexicalIds = [nameId(scorer, wordName)];
  if (LETTERS_ONLY.test(token)) for (const gram of grams) lexicalIds.push(nameId(scorer, gram));

  let ownLogit = Number.NaN;
  if (MARKABLE.test(token)) {
    // The features of bias-words.ts `tokenVector` that do not depend on the neighbours.
    ownLogit = word[hashFeature(wordName, wordBits)]!;
    for (const gram of grams) ownLogit += word[hashFeature(gram, wordBits)]! * WORD_MODEL_CHAR_VALUE;
    const valence = afinnValence(token);
    if (valence !== undefined) ownLogit += word[hashFeature(`afinn:${Math.max(-3, Math.min(3, valence))}`, wordBits)]!;
    const vector = cachedWordVector(token);
    if (!vector) ownLogit += word[hashFeature('oov', wordBits)]!;
    else {
      const offset = 1 << wordBits;
      for (let d = 0; d < DIMENSIONS; d++) ownLogit += word[offset + d]! * (vector[d]! * WORD_MODEL_VECTOR_SCALE);
    }
  }

  const facts: TokenFacts = {
    lexicalIds,
    ownHits: lexiconHits([token], 0, scorer.lexicons),
    ownLogit,
    asPrevious: hashFeature(`p:${token}`, wordBits),
    asNext: hashFeature(`n:${token}`, wordBits),
  };
  scorer.tokens.set(token, facts);
  return facts;
}

/** The marked-word model over a sentence's tokens: each markable token's own logit plus its neighbours and lexicon hits. */
function markedOf(scorer: Scorer, model: SentenceBiasModel, tokens: string[]): { facts: TokenFacts[]; hits: (keyof BiasLexicons)[][]; marked: number[] } {
  const facts = tokens.map((token) => factsOf(scorer, token));
  const hits: (keyof BiasLexicons)[][] = tokens.map((token, i) =>
    scorer.phraseStarts.has(token) ? lexiconHits(tokens, i, model.lexicons) : facts[i]!.ownHits,
  );
  const marked = facts.map((f, i) => {
    if (Number.isNaN(f.ownLogit)) return 0;
    let z = f.ownLogit;
    z += scorer.word[i > 0 ? facts[i - 1]!.asPrevious : scorer.start]! * WORD_MODEL_NEIGHBOUR_VALUE;
    z += scorer.word[i + 1 < facts.length ? facts[i + 1]!.asNext : scorer.end]! * WORD_MODEL_NEIGHBOUR_VALUE;
    for (const name of hits[i]!) z += scorer.word[scorer.lexicon.get(name)!]!;
    return sigmoid(z + scorer.wordModel.bias);
  });
  return { facts, hits, marked };
}

/**
 * Probability that experts would mark each of `wordTokens(text)` as biased (0 for tokens that
 * cannot be marked): what `markedWordProbabilities` gives, computed faster. Null when the model's
 * weights are not in the shipped dense form.
 */
export function markedWordProbabilitiesFast(model: SentenceBiasModel, text: string): number[] | null {
  const scorer = scorerFor(model);
  if (!scorer) return null;
  trimMemory(scorer);
  return markedOf(scorer, model, wordTokens(text)).marked;
}

/**
 * Probability 0 … 1 that the sentence is biased: the value the vector path gives, computed
 * faster. Null when the model's weights are not in the shipped dense form.
 */
export function sentenceBiasFast(model: SentenceBiasModel, text: string): number | null {
  const scorer = scorerFor(model);
  if (!scorer) return null;
  trimMemory(scorer);
  const tokens = wordTokens(text);
  const { facts, hits, marked } = markedOf(scorer, model, tokens);

  // Lexical block: distinct names (binary), scaled to unit length after colliding names merge.
  const { sentence, sentenceBits } = scorer;
  const stamp = ++scorer.sentenceNumber;
  const buckets: number[] = [];
  let lexical = 0;
  const add = (id: number): void => {
    if (scorer.lastSeen[id] === stamp) return;
    scorer.lastSeen[id] = stamp;
    const bucket = scorer.bucketOf[id]!;
    buckets.push(bucket);
    lexical += sentence[bucket]!;
  };
  facts.forEach((f, i) => {
    for (const id of f.lexicalIds) add(id);
    add(nameId(scorer, `b:${i === 0 ? '<s>' : tokens[i - 1]}_${tokens[i]}`));
  });
  const sorted = Uint32Array.from(buckets).sort();
  let squares = 0;
  for (let k = 0; k < sorted.length; ) {
    let run = 1;
    while (k + run < sorted.length && sorted[k + run] === sorted[k]) run++;
    squares += run * run;
    k += run;
  }
  let z = squares === 0 ? 0 : lexical * (1 / Math.sqrt(squares));

  // Signals: the same bag the vector path builds, dotted directly.
  const signals = signalBag(text, tokens, { lexicons: model.lexicons, wordBias: model.wordBias, markedProbabilities: marked, hits });
  const signalStart = signalOffset(sentenceBits);
  for (const [name, value] of signals) if (value !== 0) z += sentence[signalStart + hashFeature(name, SIGNAL_HASH_BITS)]! * value;

  // Dense block: the scaled mean word vector (unknown tokens count as zero).
  if (tokens.length > 0) {
    const mean = new Float64Array(DIMENSIONS);
    for (const token of tokens) {
      const vector = cachedWordVector(token);
      if (!vector) continue;
      for (let d = 0; d < DIMENSIONS; d++) mean[d] += vector[d]!;
    }
    const offset = denseOffset(sentenceBits);
    for (let d = 0; d < DIMENSIONS; d++) z += sentence[offset + d]! * ((mean[d]! / tokens.length) * WORD_VECTOR_SCALE);
  }
  return sigmoid(z + model.model.bias);
}
