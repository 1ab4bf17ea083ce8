/**
 * Span identification: which stretches of an article use a propaganda technique at all.
 * A first-order linear-chain CRF over tokens with BIO tags (I may only follow B or I), trained by
 * AdaGrad on the log-likelihood; decoding keeps tokens whose posterior P(B) + P(I) reaches a
 * threshold tuned for the task's character-overlap F1 (a structured perceptron was tried first
 * and could not trade precision for recall as smoothly).
 */
import type { Span } from '../model/index.ts';
import { countBucket, FUNCTION_WORDS, wordShape } from './features.ts';
import { seededRandom, shuffleInPlace } from './linear.ts';
import type { ArticleView, ViewSentence, ViewToken } from './features-article.ts';

export const TAGS = ['O', 'B', 'I'] as const;
const O = 0;
const B = 1;
const I = 2;
const START = 3;
const NUM_TAGS = 3;

export interface SpanModelWeights {
  /** feature → [O, B, I] weights. */
  features: Record<string, [number, number, number]>;
  /** transitions[prev][cur], prev 3 = sentence start. */
  transitions: number[][];
  /** Inside-probability threshold; tuned on held-out training articles for char-overlap F1. */
  threshold: number;
}

export interface TaggedSpan extends Span {
  /** Mean P(inside) over the span's tokens. */
  confidence: number;
}

// ───────────────────────────── features ─────────────────────────────

function valenceBucket(v: number): string {
  if (v <= -3) return 'neg3';
  if (v < 0) return 'neg';
  if (v >= 3) return 'pos3';
  if (v > 0) return 'pos';
  return '0';
}

function word(tokens: ViewToken[], i: number): string {
  if (i < 0) return '<s>';
  if (i >= tokens.length) return '</s>';
  return tokens[i]!.norm;
}

/** Sentence-wide features, computed once per sentence. */
export function sentenceFeatures(sentence: ViewSentence): string[] {
  const tokens = sentence.tokens;
  let biasWords = 0;
  let negative = 0;
  let exclaim = false;
  let question = false;
  let quoted = 0;
  for (const t of tokens) {
    if (t.lists.includes('bias')) biasWords++;
    if (t.valence < 0) negative++;
    if (t.text === '!') exclaim = true;
    if (t.text === '?') question = true;
    if (t.quoted) quoted++;
  }
  const features = [
    `slen=${countBucket(Math.ceil(tokens.length / 5))}`,
    `sbias=${countBucket(biasWords)}`,
    `sneg=${countBucket(negative)}`,
    `squote=${quoted === 0 ? 'none' : quoted === tokens.length ? 'all' : 'some'}`,
  ];
  if (exclaim) features.push('s!');
  if (question) features.push('s?');
  if (sentence.index === 0) features.push('title');
  return features;
}

/** The first features of a token, which depend on the token alone (its text, norm and stem). */
function ownFeatures(t: ViewToken): string[] {
  const w = t.norm;
  return ['bias', `w=${w}`, `st=${t.stem}`, `sh=${wordShape(t.text)}`, `p3=${w.slice(0, 3)}`, `s3=${w.slice(-3)}`, `s2=${w.slice(-2)}`];
}

/** Features of token `i` that depend on its neighbours and position; `tokenFeatures` lists them after `ownFeatures`. */
function contextFeatures(tokens: ViewToken[], i: number): string[] {
  const t = tokens[i]!;
  const w = t.norm;
  const f = [
    `w-1=${word(tokens, i - 1)}`,
    `w+1=${word(tokens, i + 1)}`,
    `w-2=${word(tokens, i - 2)}`,
    `w+2=${word(tokens, i + 2)}`,
    `w-1w=${word(tokens, i - 1)}|${w}`,
    `ww+1=${w}|${word(tokens, i + 1)}`,
    `val=${valenceBucket(t.valence)}`,
    `q=${t.quoted ? 1 : 0}`,
    `pos=${i === 0 ? 'first' : i === tokens.length - 1 ? 'last' : Math.min(4, Math.floor((5 * i) / tokens.length))}`,
  ];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev) f.push(`val-1=${valenceBucket(prev.valence)}`, `st-1=${prev.stem}`);
  if (next) f.push(`val+1=${valenceBucket(next.valence)}`, `st+1=${next.stem}`);
  for (const list of t.lists) f.push(`lex=${list}`, `lexq=${list}|${t.quoted ? 1 : 0}`);
  if (prev) for (const list of prev.lists) f.push(`lex-1=${list}`);
  if (next) for (const list of next.lists) f.push(`lex+1=${list}`);
  if (i > 0 && /^\p{Lu}/u.test(t.text)) f.push('cap-mid');
  return f;
}

/** Features of token `i` of a sentence (without the sentence-wide ones). */
export function tokenFeatures(tokens: ViewToken[], i: number): string[] {
  return [...ownFeatures(tokens[i]!), ...contextFeatures(tokens, i)];
}

/**
 * Distinct tokens whose weights a tagger remembers before it starts afresh (a few MB at most;
 * an article has a few hundred).
 */
const TOKEN_CACHE_SIZE = 50_000;

type Weights = [number, number, number];

/**
 * What one token contributes to emission scores. `own`: the sum of its `ownFeatures` weights
 * (they come first, so the running sum is the same float). The rest: the weights of the
 * features it sets as a token (valence, lexicon lists) or as a neighbour one or two places away.
 */
interface TokenWeights {
  own: Float64Array;
  asPrevious?: Weights;
  asNext?: Weights;
  asSecondPrevious?: Weights;
  asSecondNext?: Weights;
  valence?: Weights;
  valenceAsPrevious?: Weights;
  stemAsPrevious?: Weights;
  valenceAsNext?: Weights;
  stemAsNext?: Weights;
  /** lex= and lexq= of each list, in order, for an unquoted and a quoted occurrence. */
  listsUnquoted: (Weights | undefined)[];
  listsQuoted: (Weights | undefined)[];
  listsAsPrevious: (Weights | undefined)[];
  listsAsNext: (Weights | undefined)[];
  /** Starts with a capital letter (cap-mid when not sentence-initial). */
  capital: boolean;
}

// ───────────────────────────── model ─────────────────────────────

const NEG = -1e9;

/** Transition scores with the BIO constraint applied: I never follows O or the start. */
function constrained(transitions: number[][]): number[][] {
  return transitions.map((row, prev) => row.map((v, cur) => (cur === I && (prev === O || prev === START) ? NEG : v)));
}

function logSumExp(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) if (values[k]! > max) max = values[k]!;
  if (max === -Infinity) return max;
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += Math.exp(values[k]! - max);
  return max + Math.log(sum);
}

export interface Posteriors {
  /** marginal[i][tag] */
  marginal: Float64Array[];
  /** Forward/backward tables and log partition, reused by training for pair marginals. */
  alpha: Float64Array[];
  beta: Float64Array[];
  logZ: number;
}

/** Forward–backward over a linear chain of 3 tags. */
export function forwardBackward(emissions: ArrayLike<number>[], transitions: number[][]): Posteriors {
  const n = emissions.length;
  const alpha: Float64Array[] = [];
  const beta: Float64Array[] = new Array<Float64Array>(n);
  const tmp = new Float64Array(NUM_TAGS);
  for (let i = 0; i < n; i++) {
    const a = new Float64Array(NUM_TAGS);
    for (let cur = 0; cur < NUM_TAGS; cur++) {
      if (i === 0) a[cur] = transitions[START]![cur]! + emissions[0]![cur]!;
      else {
        for (let prev = 0; prev < NUM_TAGS; prev++) tmp[prev] = alpha[i - 1]![prev]! + transitions[prev]![cur]!;
        a[cur] = logSumExp(tmp) + emissions[i]![cur]!;
      }
    }
    alpha.push(a);
  }
  for (let i = n - 1; i >= 0; i--) {
    const b = new Float64Array(NUM_TAGS);
    if (i < n - 1) {
      for (let cur = 0; cur < NUM_TAGS; cur++) {
        for (let next = 0; next < NUM_TAGS; next++) tmp[next] = transitions[cur]![next]! + emissions[i + 1]![next]! + beta[i + 1]![next]!;
        b[cur] = logSumExp(tmp);
      }
    }
    beta[i] = b;
  }
  const logZ = logSumExp(alpha[n - 1]!);
  const marginal = alpha.map((a, i) => Float64Array.from(a, (v, t) => Math.exp(v + beta[i]![t]! - logZ)));
  return { marginal, alpha, beta, logZ };
}

/** The tagger in its trained, compact form. */
export class SpanTagger {
  private readonly weights: Map<string, [number, number, number]>;
  private readonly transitions: number[][];
  /** Per distinct token: its weights (see `TokenWeights`). */
  private readonly tokenCache = new Map<string, TokenWeights>();
  /** Weights of the sentence-boundary words as neighbours. */
  private readonly boundary: { previous?: Weights; next?: Weights; secondPrevious?: Weights; secondNext?: Weights };
  /** Weights of the fixed-vocabulary features: q=0/1, pos=first/last/0…4, cap-mid. */
  private readonly fixed: {
    unquoted?: Weights;
    quoted?: Weights;
    first?: Weights;
    last?: Weights;
    position: (Weights | undefined)[];
    capitalMid?: Weights;
  };
  /** A token is inside a span when P(B) + P(I) reaches this. */
  threshold: number;

  constructor(model: SpanModelWeights) {
    this.weights = new Map(Object.entries(model.features));
    this.transitions = constrained(model.transitions);
    this.threshold = model.threshold;
    this.boundary = {
      previous: this.weights.get('w-1=<s>'),
      next: this.weights.get('w+1=</s>'),
      secondPrevious: this.weights.get('w-2=<s>'),
      secondNext: this.weights.get('w+2=</s>'),
    };
    this.fixed = {
      unquoted: this.weights.get('q=0'),
      quoted: this.weights.get('q=1'),
      first: this.weights.get('pos=first'),
      last: this.weights.get('pos=last'),
      position: [0, 1, 2, 3, 4].map((k) => this.weights.get(`pos=${k}`)),
      capitalMid: this.weights.get('cap-mid'),
    };
  }

  /**
   * Emission scores [token][tag]: for each token, the weights of its features added in the
   * order `tokenFeatures` then `sentenceFeatures` list them (so the floats are the same). The
   * weights are looked up once per distinct token (`TokenWeights`) and once per sentence for
   * the sentence-wide features, not by building each feature name again at every position.
   */
  private emissions(sentence: ViewSentence): Float64Array[] {
    const shared = sentenceFeatures(sentence).map((name) => this.weights.get(name));
    const tokens = sentence.tokens;
    const records = tokens.map((t) => this.tokenWeights(t));
    const n = tokens.length;
    return tokens.map((t, i) => {
      const own = records[i]!;
      const prev = i > 0 ? records[i - 1]! : null;
      const next = i + 1 < n ? records[i + 1]! : null;
      const scores = new Float64Array(own.own);
      add(scores, prev ? prev.asPrevious : this.boundary.previous);
      add(scores, next ? next.asNext : this.boundary.next);
      add(scores, i > 1 ? records[i - 2]!.asSecondPrevious : this.boundary.secondPrevious);
      add(scores, i + 2 < n ? records[i + 2]!.asSecondNext : this.boundary.secondNext);
      add(scores, this.weights.get(`w-1w=${word(tokens, i - 1)}|${t.norm}`));
      add(scores, this.weights.get(`ww+1=${t.norm}|${word(tokens, i + 1)}`));
      add(scores, own.valence);
      add(scores, t.quoted ? this.fixed.quoted : this.fixed.unquoted);
      add(scores, i === 0 ? this.fixed.first : i === n - 1 ? this.fixed.last : this.fixed.position[Math.min(4, Math.floor((5 * i) / n))]);
      if (prev) {
        add(scores, prev.valenceAsPrevious);
        add(scores, prev.stemAsPrevious);
      }
      if (next) {
        add(scores, next.valenceAsNext);
        add(scores, next.stemAsNext);
      }
      for (const w of t.quoted ? own.listsQuoted : own.listsUnquoted) add(scores, w);
      if (prev) for (const w of prev.listsAsPrevious) add(scores, w);
      if (next) for (const w of next.listsAsNext) add(scores, w);
      if (i > 0 && own.capital) add(scores, this.fixed.capitalMid);
      for (const w of shared) add(scores, w);
      return scores;
    });
  }

  /** The weights one token brings to its own features and to its neighbours' (cached per token). */
  private tokenWeights(t: ViewToken): TokenWeights {
    const key = `${t.text}\u0000${t.norm}\u0000${t.stem}\u0000${t.valence}\u0000${t.lists.join('\u0000')}`;
    const known = this.tokenCache.get(key);
    if (known) return known;
    const own = new Float64Array(NUM_TAGS);
    for (const name of ownFeatures(t)) add(own, this.weights.get(name));
    const get = (name: string): Weights | undefined => this.weights.get(name);
    const valence = valenceBucket(t.valence);
    const record: TokenWeights = {
      own,
      asPrevious: get(`w-1=${t.norm}`),
      asNext: get(`w+1=${t.norm}`),
      asSecondPrevious: get(`w-2=${t.norm}`),
      asSecondNext: get(`w+2=${t.norm}`),
      valence: get(`val=${valence}`),
      valenceAsPrevious: get(`val-1=${valence}`),
      stemAsPrevious: get(`st-1=${t.stem}`),
      valenceAsNext: get(`val+1=${valence}`),
      stemAsNext: get(`st+1=${t.stem}`),
      listsUnquoted: t.lists.flatMap((list) => [get(`lex=${list}`), get(`lexq=${list}|0`)]),
      listsQuoted: t.lists.flatMap((list) => [get(`lex=${list}`), get(`lexq=${list}|1`)]),
      listsAsPrevious: t.lists.map((list) => get(`lex-1=${list}`)),
      listsAsNext: t.lists.map((list) => get(`lex+1=${list}`)),
      capital: /^\p{Lu}/u.test(t.text),
    };
    if (this.tokenCache.size >= TOKEN_CACHE_SIZE) this.tokenCache.clear();
    this.tokenCache.set(key, record);
    return record;
  }

  /** P(inside a span) for each token of the sentence. */
  insideProbabilities(sentence: ViewSentence): number[] {
    if (sentence.tokens.length === 0) return [];
    const { marginal } = forwardBackward(this.emissions(sentence), this.transitions);
    return marginal.map((m) => m[B]! + m[I]!);
  }

  tagSentence(sentence: ViewSentence): TaggedSpan[] {
    const spans = spansFromProbabilities(sentence.tokens, this.insideProbabilities(sentence), this.threshold);
    return spans.map((span) => withoutTrailingFunctionWords(sentence.tokens, span));
  }

  tag(view: ArticleView): TaggedSpan[] {
    return view.sentences.flatMap((s) => this.tagSentence(s));
  }
}

function add(scores: Float64Array, w: ArrayLike<number> | undefined): void {
  if (!w) return;
  scores[0] += w[0]!;
  scores[1] += w[1]!;
  scores[2] += w[2]!;
}

/** Runs of tokens whose inside probability reaches the threshold; punctuation at the edges dropped. */
export function spansFromProbabilities(tokens: ViewToken[], inside: number[], threshold: number): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  let open = -1;
  const closeAt = (endToken: number): void => {
    if (open < 0) return;
    let first = open;
    let last = endToken - 1;
    while (first <= last && isPunct(tokens[first]!)) first++;
    while (last >= first && isPunct(tokens[last]!)) last--;
    if (first <= last) {
      let sum = 0;
      for (let k = first; k <= last; k++) sum += inside[k]!;
      spans.push({ start: tokens[first]!.start, end: tokens[last]!.end, confidence: sum / (last - first + 1) });
    }
    open = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (inside[i]! >= threshold) {
      if (open < 0) open = i;
    } else closeAt(i);
  }
  closeAt(tokens.length);
  return spans;
}

/**
 * A stretch does not end on a function word ("Americans on" → "Americans"): a reader sees the
 * loaded words, not where the tagger's probability happened to fall. Leading ones stay: the
 * corpus's spans often start with them ("to smear …"), and cutting them lowered span F1 on the
 * training articles (0.761 → 0.756); cutting trailing ones leaves it (0.7614 → 0.7609).
 */
export function withoutTrailingFunctionWords(tokens: ViewToken[], span: TaggedSpan): TaggedSpan {
  let last = tokens.findLastIndex((t) => t.end <= span.end);
  const first = tokens.findIndex((t) => t.start >= span.start);
  while (last > first && (FUNCTION_WORDS.has(tokens[last]!.text.toLowerCase()) || isPunct(tokens[last]!))) last--;
  return last >= first && first >= 0 ? { ...span, end: tokens[last]!.end } : span;
}

function isPunct(token: ViewToken): boolean {
  return !/[\p{L}\p{N}]/u.test(token.text);
}

// ───────────────────────────── training ─────────────────────────────

export interface TaggerExample {
  sentence: ViewSentence;
  tags: number[];
}

/** Gold BIO tags for a sentence from (possibly overlapping) gold spans, merged first. */
export function goldTags(sentence: ViewSentence, spans: Span[]): number[] {
  const merged = mergeSpans(spans);
  return sentence.tokens.map((t, i) => {
    const span = merged.find((s) => t.start < s.end && t.end > s.start);
    if (!span) return O;
    const prev = sentence.tokens[i - 1];
    const prevInside = prev !== undefined && prev.start < span.end && prev.end > span.start;
    return prevInside ? I : B;
  });
}

/** Union of overlapping spans, sorted. */
export function mergeSpans<T extends Span>(spans: T[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  return merged;
}

export interface TrainTaggerOptions {
  epochs: number;
  seed: number;
  /** AdaGrad base learning rate. */
  learningRate: number;
  /** L2 penalty per feature, applied when the feature is touched. */
  l2: number;
  /** Features seen fewer times than this in training are not learned. */
  minCount: number;
  /** Drop features whose largest |weight| is below this, to keep the file small. */
  pruneBelow: number;
}

/** Linear-chain CRF trained by stochastic gradient on the log-likelihood, AdaGrad steps, L2. */
export function trainTagger(examples: TaggerExample[], options: TrainTaggerOptions): SpanModelWeights {
  const named = examples
    .filter((ex) => ex.sentence.tokens.length > 0)
    .map((ex) => {
      const shared = sentenceFeatures(ex.sentence);
      return { names: ex.sentence.tokens.map((_, i) => [...tokenFeatures(ex.sentence.tokens, i), ...shared]), gold: ex.tags };
    });
  const counts = new Map<string, number>();
  for (const ex of named) for (const names of ex.names) for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [name, n] of counts) if (n >= options.minCount) index.set(name, index.size);
  const encoded = named.map((ex) => ({
    ids: ex.names.map((names) => Int32Array.from(names.filter((name) => index.has(name)), (name) => index.get(name)!)),
    gold: ex.gold,
  }));
  const w = new Float64Array(index.size * NUM_TAGS);
  const g2 = new Float64Array(index.size * NUM_TAGS).fill(1e-8);
  const tw = new Float64Array(4 * NUM_TAGS);
  const tg2 = new Float64Array(4 * NUM_TAGS).fill(1e-8);
  const random = seededRandom(options.seed);
  const order = encoded.map((_, i) => i);
  const { learningRate: eta, l2 } = options;
  const step = (weights: Float64Array, sums: Float64Array, k: number, gradient: number): void => {
    const g = gradient + l2 * weights[k]!;
    sums[k] += g * g;
    weights[k] -= (eta * g) / Math.sqrt(sums[k]!);
  };

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const k of order) {
      const { ids, gold } = encoded[k]!;
      const transitions = constrained(
        Array.from({ length: 4 }, (_, p) => Array.from({ length: NUM_TAGS }, (_, t) => tw[p * NUM_TAGS + t]!)),
      );
      const emissions = ids.map((featureIds) => {
        const s = new Float64Array(NUM_TAGS);
        for (const id of featureIds) {
          const base = id * NUM_TAGS;
          s[0] += w[base]!;
          s[1] += w[base + 1]!;
          s[2] += w[base + 2]!;
        }
        return s;
      });
      const { marginal, alpha, beta, logZ } = forwardBackward(emissions, transitions);
      // Transition gradient: expected minus observed counts.
      const tGrad = new Float64Array(4 * NUM_TAGS);
      for (let i = 0; i < ids.length; i++) {
        const prevGold = i === 0 ? START : gold[i - 1]!;
        tGrad[prevGold * NUM_TAGS + gold[i]!] -= 1;
        if (i === 0) {
          for (let t = 0; t < NUM_TAGS; t++) tGrad[START * NUM_TAGS + t] += marginal[0]![t]!;
          continue;
        }
        for (let a = 0; a < NUM_TAGS; a++) {
          for (let b = 0; b < NUM_TAGS; b++) {
            const logP = alpha[i - 1]![a]! + transitions[a]![b]! + emissions[i]![b]! + beta[i]![b]! - logZ;
            if (logP > -50) tGrad[a * NUM_TAGS + b] += Math.exp(logP);
          }
        }
      }
      for (let i = 0; i < ids.length; i++) {
        const m = marginal[i]!;
        const g = gold[i]!;
        for (const id of ids[i]!) {
          const base = id * NUM_TAGS;
          for (let t = 0; t < NUM_TAGS; t++) step(w, g2, base + t, m[t]! - (t === g ? 1 : 0));
        }
      }
      for (let q = 0; q < tw.length; q++) if (tGrad[q] !== 0) step(tw, tg2, q, tGrad[q]!);
    }
  }

  const features: Record<string, [number, number, number]> = {};
  for (const [name, id] of index) {
    const base = id * NUM_TAGS;
    // Only differences between tags matter: centre on O, then prune and round.
    const dB = w[base + 1]! - w[base]!;
    const dI = w[base + 2]! - w[base]!;
    if (Math.max(Math.abs(dB), Math.abs(dI)) < options.pruneBelow) continue;
    features[name] = [0, round(dB), round(dI)];
  }
  const transitions = Array.from({ length: 4 }, (_, p) =>
    Array.from({ length: NUM_TAGS }, (_, t) => round(tw[p * NUM_TAGS + t]!)),
  );
  return { features, transitions, threshold: 0.5 };
}

/** Two decimals keep the file small; the rounding error is far below the weights' spread. */
function round(x: number): number {
  return Math.round(x * 100) / 100;
}
