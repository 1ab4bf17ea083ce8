/**
 * Technique classification: which of the 14 SemEval-2020 task 11 techniques a span uses.
 * A linear model (the weight average of a multinomial and a one-vs-rest logistic regression)
 * over the span's words, stems, bigrams and character n-grams, its context, how often and
 * whether earlier it occurs in the article, lexicon memberships, shape and word vectors.
 */
import type { Span, Technique } from '../model/index.ts';
import { countBucket } from './features.ts';
import { countOccurrences, type ArticleView, type ViewSentence, type ViewToken } from './features-article.ts';
import { sentenceVector, DIMENSIONS } from '../language/vectors.ts';
import { seededRandom, shuffleInPlace } from './linear.ts';

export const TECHNIQUES: Technique[] = [
  'Loaded_Language',
  'Name_Calling,Labeling',
  'Repetition',
  'Exaggeration,Minimisation',
  'Doubt',
  'Appeal_to_fear-prejudice',
  'Flag-Waving',
  'Causal_Oversimplification',
  'Slogans',
  'Appeal_to_Authority',
  'Black-and-White_Fallacy',
  'Thought-terminating_Cliches',
  'Whataboutism,Straw_Men,Red_Herring',
  'Bandwagon,Reductio_ad_hitlerum',
];

/** Words of context taken on each side of the span. */
const CONTEXT_WORDS = 3;
/**
 * Length of each word-vector block (span, sentence); the sparse blocks have length 1. Chosen by
 * 5-fold CV on training spans: 1 → 0.5861, 2 → 0.5880, 3 → 0.5919, 5 → 0.5861.
 */
const VECTOR_BLOCK_LENGTH = 3;
/** A span covering at least this share of its sentence's tokens counts as a whole sentence. */
const WHOLE_SENTENCE_SHARE = 0.8;

export interface TechniqueModelWeights {
  classes: Technique[];
  /** feature → one weight per class. */
  features: Record<string, number[]>;
  bias: number[];
}

function sentenceOf(view: ArticleView, span: Span): ViewSentence | undefined {
  let lo = 0;
  let hi = view.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = view.sentences[mid]!;
    if (span.start < s.start) hi = mid - 1;
    else if (span.start >= s.end) lo = mid + 1;
    else return s;
  }
  return view.sentences[Math.max(0, Math.min(lo, view.sentences.length - 1))];
}

/** Tokens of the view inside `span` (all sentences it touches), plus left and right context. */
function spanTokens(view: ArticleView, span: Span): { inside: ViewToken[]; left: ViewToken[]; right: ViewToken[]; sentence: ViewSentence | undefined } {
  const sentence = sentenceOf(view, span);
  const inside: ViewToken[] = [];
  const left: ViewToken[] = [];
  const right: ViewToken[] = [];
  const from = sentence ? sentence.index : 0;
  for (let k = from; k < view.sentences.length; k++) {
    const s = view.sentences[k]!;
    if (s.start >= span.end && k !== from) break;
    for (const t of s.tokens) {
      if (t.end <= span.start) {
        if (k === from) left.push(t);
      } else if (t.start >= span.end) {
        if (k === from || right.length < CONTEXT_WORDS) right.push(t);
      } else inside.push(t);
    }
  }
  return { inside, left, right, sentence };
}

/**
 * Named features of a span, for the classifier and for the reader-facing reason. `siblings` are
 * the other spans found in the same article (gold spans in the TC task, the tagger's at run time):
 * the same wording found again is a Repetition cue, nesting tells a word from its sentence.
 */
export function techniqueFeatures(view: ArticleView, span: Span, siblings: readonly Span[] = []): string[] {
  const { inside, left, right, sentence } = spanTokens(view, span);
  const f: string[] = ['bias'];
  const own = view.normText.slice(span.start, span.end).trim();
  let sameText = 0;
  for (const other of siblings) {
    if (other.start === span.start && other.end === span.end) continue;
    if (view.normText.slice(other.start, other.end).trim() === own) sameText++;
    if (other.start <= span.start && other.end >= span.end) f.push('nested-in-span');
    else if (other.start >= span.start && other.end <= span.end) f.push('contains-span');
  }
  f.push(`same-spans=${countBucket(sameText)}`);
  const words = inside.map((t) => t.norm);
  for (const t of inside) {
    f.push(`u=${t.norm}`, `s=${t.stem}`);
    for (const list of t.lists) f.push(`lex=${list}`);
  }
  for (let i = 0; i + 1 < words.length; i++) f.push(`b=${words[i]}|${words[i + 1]}`);
  if (words.length) f.push(`first=${words[0]}`, `last=${words[words.length - 1]}`);
  const lower = view.text.slice(span.start, span.end).toLowerCase();
  const padded = ` ${lower} `;
  for (let n = 3; n <= 4; n++) for (let i = 0; i + n <= padded.length; i++) f.push(`c${n}=${padded.slice(i, i + n)}`);
  f.push(`len=${countBucket(words.length)}`, `clen=${countBucket(Math.ceil(lower.length / 10))}`);
  if (sentence && inside.length >= WHOLE_SENTENCE_SHARE * sentence.tokens.length) f.push('whole-sentence');
  if (sentence?.index === 0) f.push('title');
  f.push(`rep=${countBucket(countOccurrences(view.normText, lower.trim()))}`);
  // An earlier occurrence of the same wording: the repeated use, not the first, is what
  // annotators mark as Repetition (train split: 69 % of Repetition spans, 5 % of Loaded_Language).
  const before = countOccurrences(view.normText.slice(0, span.start), lower.trim());
  f.push(`rep-before=${countBucket(before)}`);
  if (before === 0 && countOccurrences(view.normText.slice(span.end), lower.trim()) > 0) f.push('rep-first');
  let maxContentRepeat = 0;
  for (const t of inside) if (t.norm.length > 3) maxContentRepeat = Math.max(maxContentRepeat, view.wordCounts.get(t.norm) ?? 0);
  f.push(`wrep=${countBucket(maxContentRepeat)}`);
  const valence = inside.reduce((sum, t) => sum + t.valence, 0);
  f.push(`val=${valence <= -3 ? 'neg3' : valence < 0 ? 'neg' : valence >= 3 ? 'pos3' : valence > 0 ? 'pos' : '0'}`);
  if (inside.some((t) => t.quoted)) f.push('quoted');
  if (lower.includes('!')) f.push('has!');
  if (lower.includes('?')) f.push('has?');
  const capitalised = inside.filter((t) => /^\p{Lu}/u.test(t.text)).length;
  if (inside.length > 1 && capitalised === inside.length) f.push('all-capitalised');
  if (/\p{Lu}{3,}/u.test(view.text.slice(span.start, span.end))) f.push('has-caps');
  for (const t of left.slice(-CONTEXT_WORDS)) f.push(`L=${t.norm}`);
  for (const t of right.slice(0, CONTEXT_WORDS)) f.push(`R=${t.norm}`);
  if (left.length) f.push(`L1=${left[left.length - 1]!.norm}`);
  if (right.length) f.push(`R1=${right[0]!.norm}`);
  if (sentence) for (const t of sentence.tokens) if (t.end <= span.start || t.start >= span.end) f.push(`ctx=${t.stem}`);
  return f;
}

/** Feature groups whose members are scaled to unit length together, like a TF-IDF block. */
const GROUP_OF: Record<string, string> = { u: 'words', s: 'words', b: 'words', first: 'words', last: 'words', c3: 'chars', c4: 'chars', L: 'context', R: 'context', L1: 'context', R1: 'context', ctx: 'sentence', lex: 'lex' };

/**
 * Dense features: the unit-length rarity-weighted word-vector mean of the span, then of its
 * sentence (src/language/vectors.ts), so unseen but similar words still count.
 */
export function techniqueVectors(view: ArticleView, span: Span): Float32Array {
  const { inside, sentence } = spanTokens(view, span);
  const out = new Float32Array(2 * DIMENSIONS);
  const put = (words: string[], offset: number): void => {
    const v = sentenceVector(words);
    let norm = 0;
    for (let d = 0; d < DIMENSIONS; d++) norm += v[d]! * v[d]!;
    if (norm === 0) return;
    const scale = VECTOR_BLOCK_LENGTH / Math.sqrt(norm);
    for (let d = 0; d < DIMENSIONS; d++) out[offset + d] = v[d]! * scale;
  };
  put(inside.map((t) => t.norm), 0);
  put((sentence?.tokens ?? []).map((t) => t.norm), DIMENSIONS);
  return out;
}

/** Distinct features with their values: 1 for flags, 1/sqrt(group size) inside a group, then dense `v<d>`. */
export function featureValues(names: string[], dense: Float32Array | null = null): Map<string, number> {
  const distinct = [...new Set(names)];
  const groupSizes = new Map<string, number>();
  const groups = distinct.map((name) => {
    const group = GROUP_OF[name.slice(0, name.indexOf('='))];
    if (group) groupSizes.set(group, (groupSizes.get(group) ?? 0) + 1);
    return group;
  });
  const values = new Map(distinct.map((name, i) => [name, groups[i] ? 1 / Math.sqrt(groupSizes.get(groups[i])!) : 1]));
  if (dense) for (let d = 0; d < dense.length; d++) if (dense[d] !== 0) values.set(`v${d}`, dense[d]!);
  return values;
}

export interface TechniqueScores {
  /** Probability per class, in `TECHNIQUES` order of the model's `classes`. */
  probabilities: number[];
  classes: Technique[];
}

/** The name `featureValues` gives dense feature d. */
const DENSE_NAME = /^v\d+$/;

export class TechniqueClassifier {
  private readonly weights: Map<string, number[]>;
  readonly classes: Technique[];
  private readonly bias: number[];
  /** Weights of the dense features `v0`, `v1`, … looked up once, not by name per span. */
  private readonly denseWeights: (number[] | undefined)[] = [];

  constructor(model: TechniqueModelWeights) {
    this.weights = new Map(Object.entries(model.features));
    this.classes = model.classes;
    this.bias = model.bias;
  }

  probabilities(features: string[], dense: Float32Array | null = null): number[] {
    const scores = [...this.bias];
    const named = featureValues(features);
    // A named feature spelled like a dense one would change the order values add up in: rare, so slow path.
    if (dense && [...named.keys()].some((name) => DENSE_NAME.test(name))) return this.probabilitiesByName(features, dense);
    for (const [name, value] of named) {
      const w = this.weights.get(name);
      if (!w) continue;
      for (let c = 0; c < scores.length; c++) scores[c] += value * w[c]!;
    }
    // Dense values after the named ones, in index order: the order `featureValues` lists them.
    if (dense) {
      for (let d = this.denseWeights.length; d < dense.length; d++) this.denseWeights.push(this.weights.get(`v${d}`));
      for (let d = 0; d < dense.length; d++) {
        const value = dense[d]!;
        const w = this.denseWeights[d];
        if (value === 0 || !w) continue;
        for (let c = 0; c < scores.length; c++) scores[c] += value * w[c]!;
      }
    }
    return softmax(scores);
  }

  /** The reference form: every feature, named and dense, looked up by name. */
  private probabilitiesByName(features: string[], dense: Float32Array | null): number[] {
    const scores = [...this.bias];
    for (const [name, value] of featureValues(features, dense)) {
      const w = this.weights.get(name);
      if (!w) continue;
      for (let c = 0; c < scores.length; c++) scores[c] += value * w[c]!;
    }
    return softmax(scores);
  }

  /** The features that pushed most toward class `c`, strongest first. */
  strongestFeatures(features: string[], c: number, limit: number): string[] {
    return [...new Set(features)]
      .map((name) => ({ name, w: this.weights.get(name)?.[c] ?? 0 }))
      .filter((x) => x.w > 0)
      .sort((a, b) => b.w - a.w)
      .slice(0, limit)
      .map((x) => x.name);
  }
}

export function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/**
 * How the class scores are trained: `softmax` is multinomial logistic regression; `one-vs-rest`
 * fits each class against the rest with its own sigmoid (rare classes are not crowded out by the
 * common ones in the normaliser).
 */
export type ClassifierLoss = 'softmax' | 'one-vs-rest';

export interface TrainClassifierOptions {
  epochs: number;
  seed: number;
  learningRate: number;
  l2: number;
  /** Features seen fewer times than this in training are dropped. */
  minCount: number;
  pruneBelow: number;
  /**
   * Models trained (each with the same seed) and averaged weight by weight into one. Averaging the
   * weights averages their scores, so the ensemble ships and runs as a single linear model.
   */
  losses: ClassifierLoss[];
}

interface EncodedExample {
  ids: Int32Array;
  values: Float64Array;
  y: number;
}

/**
 * One linear model by AdaGrad with L2 applied to touched weights. Returns the mean of the weights
 * after every epoch (Polyak averaging), which is steadier than the last epoch's weights
 * (5-fold CV on training spans 0.5999 → 0.6034).
 */
function trainLinearScores(encoded: EncodedExample[], features: number, K: number, loss: ClassifierLoss, options: TrainClassifierOptions): { w: Float64Array; bias: Float64Array } {
  const w = new Float64Array(features * K);
  const g2 = new Float64Array(features * K).fill(1e-8);
  const bias = new Float64Array(K);
  const bg2 = new Float64Array(K).fill(1e-8);
  const sumW = new Float64Array(features * K);
  const sumBias = new Float64Array(K);
  const random = seededRandom(options.seed);
  const order = encoded.map((_, i) => i);
  const { learningRate: eta, l2 } = options;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const k of order) {
      const { ids, values, y } = encoded[k]!;
      if (y < 0) continue;
      const scores = Array.from(bias);
      for (let j = 0; j < ids.length; j++) for (let c = 0; c < K; c++) scores[c] += values[j]! * w[ids[j]! * K + c]!;
      const p = loss === 'softmax' ? softmax(scores) : scores.map(sigmoid);
      for (let c = 0; c < K; c++) {
        const grad = p[c]! - (c === y ? 1 : 0);
        bg2[c] += grad * grad;
        bias[c] -= (eta * grad) / Math.sqrt(bg2[c]!);
        for (let j = 0; j < ids.length; j++) {
          const q = ids[j]! * K + c;
          const g = grad * values[j]! + l2 * w[q]!;
          g2[q] += g * g;
          w[q] -= (eta * g) / Math.sqrt(g2[q]!);
        }
      }
    }
    for (let q = 0; q < w.length; q++) sumW[q] += w[q]!;
    for (let c = 0; c < K; c++) sumBias[c] += bias[c]!;
  }
  const epochs = Math.max(1, options.epochs);
  return { w: sumW.map((x) => x / epochs), bias: sumBias.map((x) => x / epochs) };
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Linear technique classifier: the weight average of one model per loss in `options.losses`. */
export function trainTechniqueClassifier(
  examples: { features: string[]; dense?: Float32Array | null; label: Technique }[],
  options: TrainClassifierOptions,
): TechniqueModelWeights {
  const classes = TECHNIQUES;
  const K = classes.length;
  const counts = new Map<string, number>();
  for (const ex of examples) for (const f of new Set(ex.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [name, n] of counts) if (n >= options.minCount) index.set(name, index.size);
  for (let d = 0; d < 2 * DIMENSIONS; d++) index.set(`v${d}`, index.size);
  const encoded: EncodedExample[] = examples.map((ex) => {
    const kept = [...featureValues(ex.features, ex.dense ?? null)].filter(([name]) => index.has(name));
    return {
      ids: Int32Array.from(kept, ([name]) => index.get(name)!),
      values: Float64Array.from(kept, ([, value]) => value),
      y: classes.indexOf(ex.label),
    };
  });
  const w = new Float64Array(index.size * K);
  const bias = new Float64Array(K);
  for (const loss of options.losses) {
    const model = trainLinearScores(encoded, index.size, K, loss, options);
    for (let q = 0; q < w.length; q++) w[q] += model.w[q]! / options.losses.length;
    for (let c = 0; c < K; c++) bias[c] += model.bias[c]! / options.losses.length;
  }
  const features: Record<string, number[]> = {};
  for (const [name, id] of index) {
    const row = Array.from(w.subarray(id * K, id * K + K));
    if (Math.max(...row.map(Math.abs)) < options.pruneBelow) continue;
    features[name] = row.map(quantise);
  }
  return { classes, features, bias: Array.from(bias, quantise) };
}

/** Two decimals: the rounding error (≤ 0.005 per weight) is far below the weights' spread (median 0.28). */
function quantise(x: number): number {
  return Math.round(x * 100) / 100;
}
