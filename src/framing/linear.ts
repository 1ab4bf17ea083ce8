/**
 * A small linear-model toolkit: a seeded random generator, a word tokenizer, feature hashing,
 * binary logistic regression trained with AdaGrad, stratified k-fold splits, binary metrics,
 * and a compact JSON form for shipped weights. Used by sentence bias and hyperpartisan models;
 * other framing models may reuse it.
 */

/** Feature name → value, before hashing. */
export type FeatureBag = Map<string, number>;

/** A sparse vector: strictly increasing indices with their values. */
export interface SparseVector {
  indices: Uint32Array;
  values: Float64Array;
}

export interface LogisticModel {
  /** Number of hash bits: the weight vector has 2^bits entries. */
  bits: number;
  bias: number;
  weights: Float64Array;
}

export interface TrainOptions {
  bits: number;
  epochs: number;
  /** L2 penalty per example update. */
  l2: number;
  learningRate: number;
  seed: number;
  /** Weight of positive examples relative to negatives (1 = none). */
  positiveWeight?: number;
  /** Dense features stored after the 2^bits hashed buckets (indices 2^bits …). */
  extraDims?: number;
  /**
   * Averaged SGD (Polyak averaging): when set, the returned weights are the mean of the weight
   * vectors after every update from this epoch (0-based) on, instead of the last ones.
   */
  averageFromEpoch?: number;
}

export interface BinaryMetrics {
  accuracy: number;
  precision: number;
  recall: number;
  /** F1 of the positive class. */
  f1: number;
  /** Mean of the F1 of both classes. */
  macroF1: number;
}

/** Mulberry32: a small, fast, seedable generator; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place with the given generator. */
export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[!?]/gu;

/**
 * Lower-cased word tokens (keeps "so-called", "don't", "U.S." whole) plus "!" and "?".
 * Training and run time both use this, so features match.
 */
export function wordTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) {
    const token = match[0].toLowerCase();
    tokens.push(token.includes('’') ? token.replace(/’/g, "'") : token);
  }
  return tokens;
}

/** The tokens of `wordTokens` with their offsets in `text` (end exclusive). */
export function wordTokenSpans(text: string): { token: string; start: number; end: number }[] {
  return [...text.matchAll(WORD_PATTERN)].map((match) => {
    const token = match[0].toLowerCase();
    return { token: token.includes('’') ? token.replace(/’/g, "'") : token, start: match.index, end: match.index + match[0].length };
  });
}

/** FNV-1a 32-bit hash of a feature name, reduced to `bits` bits. */
export function hashFeature(name: string, bits: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & ((1 << bits) - 1);
}

/** Adds `value` to a bag entry. */
export function addFeature(bag: FeatureBag, name: string, value = 1): void {
  bag.set(name, (bag.get(name) ?? 0) + value);
}

/** Hashes a bag into a sparse vector; colliding names add up (in the bag's order). */
export function vectorize(bag: FeatureBag, bits: number): SparseVector {
  // Sort (bucket, position) pairs packed into one float so a plain numeric sort orders them;
  // exact while bucket · 2^32 + position stays below 2^53, i.e. up to 2^21 buckets.
  if (bits > 21 || bag.size >= 2 ** 32) return vectorizeByMap(bag, bits);
  const values: number[] = [];
  const keys: number[] = [];
  for (const [name, value] of bag) {
    if (value === 0) continue;
    keys.push(hashFeature(name, bits) * 2 ** 32 + values.length);
    values.push(value);
  }
  const sorted = Float64Array.from(keys).sort();
  const indices: number[] = [];
  const merged: number[] = [];
  for (const key of sorted) {
    const index = Math.floor(key / 2 ** 32);
    const value = values[key - index * 2 ** 32]!;
    if (indices.length > 0 && indices[indices.length - 1] === index) merged[merged.length - 1]! += value;
    else {
      indices.push(index);
      merged.push(value);
    }
  }
  return { indices: Uint32Array.from(indices), values: Float64Array.from(merged) };
}

/** The general form of `vectorize`, for hash spaces too large to pack. */
function vectorizeByMap(bag: FeatureBag, bits: number): SparseVector {
  const merged = new Map<number, number>();
  for (const [name, value] of bag) {
    if (value === 0) continue;
    const index = hashFeature(name, bits);
    merged.set(index, (merged.get(index) ?? 0) + value);
  }
  const indices = Uint32Array.from([...merged.keys()].sort((a, b) => a - b));
  const values = Float64Array.from(indices, (i) => merged.get(i) ?? 0);
  return { indices, values };
}

/** Scales a vector to unit Euclidean length (a zero vector stays zero). */
export function normalizeL2(vector: SparseVector): SparseVector {
  let sum = 0;
  for (const v of vector.values) sum += v * v;
  if (sum === 0) return vector;
  const scale = 1 / Math.sqrt(sum);
  return { indices: vector.indices, values: vector.values.map((v) => v * scale) };
}

/** Appends dense values at indices `offset`, `offset + 1`, … (after the hashed buckets). */
export function appendDense(vector: SparseVector, dense: ArrayLike<number>, offset: number): SparseVector {
  const indices = new Uint32Array(vector.indices.length + dense.length);
  const values = new Float64Array(vector.values.length + dense.length);
  indices.set(vector.indices);
  values.set(vector.values);
  for (let k = 0; k < dense.length; k++) {
    indices[vector.indices.length + k] = offset + k;
    values[vector.values.length + k] = dense[k];
  }
  return { indices, values };
}

/** Adds two sparse vectors (entries with the same index add up): a merge of two sorted lists. */
export function addVectors(a: SparseVector, b: SparseVector): SparseVector {
  const indices = new Uint32Array(a.indices.length + b.indices.length);
  const values = new Float64Array(indices.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.indices.length || j < b.indices.length) {
    const ai = i < a.indices.length ? a.indices[i]! : Infinity;
    const bj = j < b.indices.length ? b.indices[j]! : Infinity;
    if (ai === bj) {
      indices[n] = ai;
      values[n++] = a.values[i++]! + b.values[j++]!;
    } else if (ai < bj) {
      indices[n] = ai;
      values[n++] = a.values[i++]!;
    } else {
      indices[n] = bj;
      values[n++] = b.values[j++]!;
    }
  }
  return { indices: indices.slice(0, n), values: values.slice(0, n) };
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function dot(weights: Float64Array | Map<number, number>, x: SparseVector): number {
  let sum = 0;
  if (weights instanceof Float64Array) {
    for (let k = 0; k < x.indices.length; k++) sum += weights[x.indices[k]] * x.values[k];
  } else {
    for (let k = 0; k < x.indices.length; k++) sum += (weights.get(x.indices[k]) ?? 0) * x.values[k];
  }
  return sum;
}

/**
 * Binary logistic regression by AdaGrad SGD with L2 applied to the weights an example touches.
 * Deterministic for a given seed (the example order is the only randomness).
 */
export function trainLogistic(examples: SparseVector[], labels: number[], options: TrainOptions): LogisticModel {
  const size = (1 << options.bits) + (options.extraDims ?? 0);
  const weights = new Float64Array(size);
  const squared = new Float64Array(size).fill(1e-8);
  let bias = 0;
  let biasSquared = 1e-8;
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  const positiveWeight = options.positiveWeight ?? 1;
  // Averaging: after T updates the mean of the weight vectors is w − (Σ_s (s − 1) Δ_s) / T, so
  // only the weights an update touches need bookkeeping (`shifted` holds the sum).
  const averageFrom = options.averageFromEpoch ?? Infinity;
  const shifted = Number.isFinite(averageFrom) ? new Float64Array(size) : null;
  let biasShifted = 0;
  let steps = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    const averaging = shifted !== null && epoch >= averageFrom;
    for (const i of order) {
      const x = examples[i];
      const y = labels[i];
      const p = sigmoid(dot(weights, x) + bias);
      const g = (p - y) * (y === 1 ? positiveWeight : 1);
      for (let k = 0; k < x.indices.length; k++) {
        const j = x.indices[k];
        const grad = g * x.values[k] + options.l2 * weights[j];
        squared[j] += grad * grad;
        const delta = (options.learningRate * grad) / Math.sqrt(squared[j]);
        weights[j] -= delta;
        if (averaging) shifted[j] -= steps * delta;
      }
      biasSquared += g * g;
      const biasDelta = (options.learningRate * g) / Math.sqrt(biasSquared);
      bias -= biasDelta;
      if (averaging) {
        biasShifted -= steps * biasDelta;
        steps++;
      }
    }
  }
  if (shifted && steps > 0) {
    for (let j = 0; j < size; j++) weights[j] -= shifted[j] / steps;
    bias -= biasShifted / steps;
  }
  return { bits: options.bits, bias, weights };
}

export function predictProbability(model: LogisticModel, x: SparseVector): number {
  return sigmoid(dot(model.weights, x) + model.bias);
}

/** A shipped model ready to score. */
export interface LoadedLogisticModel {
  bits: number;
  bias: number;
  weights: Map<number, number> | Float64Array;
}

/**
 * The dense shipped form: every hashed weight as a signed byte times `scale`, base64-encoded (at
 * 2^18 buckets, 256 KiB before base64); the few dense weights after the buckets stay floats,
 * because their inputs are large and byte rounding there would move the logit visibly. The
 * training scripts measure and print the shipped/full probability gap.
 */
export interface QuantizedLogisticModel {
  bits: number;
  bias: number;
  scale: number;
  /** base64 of Int8Array(2^bits). */
  weights: string;
  /** Weights of the dense features at indices 2^bits …, as floats. */
  dense: number[];
}

export function quantizeModel(model: LogisticModel): QuantizedLogisticModel {
  const size = 1 << model.bits;
  const hashed = model.weights.subarray(0, size);
  let max = 0;
  for (const w of hashed) max = Math.max(max, Math.abs(w));
  const scale = max === 0 ? 1 : max / 127;
  const bytes = Int8Array.from(hashed, (w) => Math.round(w / scale));
  return {
    bits: model.bits,
    bias: model.bias,
    scale,
    weights: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    dense: Array.from(model.weights.subarray(size), (w) => Math.round(w * 1e6) / 1e6),
  };
}

export function loadQuantizedModel(quantized: QuantizedLogisticModel): LoadedLogisticModel {
  const raw = Buffer.from(quantized.weights, 'base64');
  const bytes = new Int8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  const size = 1 << quantized.bits;
  if (bytes.length !== size) throw new RangeError(`quantized model has ${bytes.length} hashed weights, expected ${size}`);
  const weights = new Float64Array(size + quantized.dense.length);
  bytes.forEach((b, i) => (weights[i] = b * quantized.scale));
  weights.set(quantized.dense, size);
  return { bits: quantized.bits, bias: quantized.bias, weights };
}

/** The logit (before the sigmoid) of a shipped model. */
export function logitCompact(model: LoadedLogisticModel, x: SparseVector): number {
  return dot(model.weights, x) + model.bias;
}

export function predictCompact(model: LoadedLogisticModel, x: SparseVector): number {
  return sigmoid(logitCompact(model, x));
}

/**
 * Assigns each example a fold 0 … k-1 so that every fold has the same share of each label.
 * Examples are shuffled within their label with the seed, then dealt round-robin.
 */
export function stratifiedFolds(labels: number[], k: number, seed: number): number[] {
  const random = seededRandom(seed);
  const folds = new Array<number>(labels.length).fill(0);
  const byLabel = new Map<number, number[]>();
  labels.forEach((label, i) => byLabel.set(label, [...(byLabel.get(label) ?? []), i]));
  let next = 0;
  for (const label of [...byLabel.keys()].sort((a, b) => a - b)) {
    for (const i of shuffleInPlace(byLabel.get(label) ?? [], random)) folds[i] = next++ % k;
  }
  return folds;
}

/** Accuracy, precision/recall/F1 of class 1, and macro-F1 over both classes. */
export function binaryMetrics(gold: number[], predicted: number[]): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  gold.forEach((g, i) => {
    const p = predicted[i];
    if (g === 1 && p === 1) tp++;
    else if (g === 0 && p === 1) fp++;
    else if (g === 1 && p === 0) fn++;
    else tn++;
  });
  const f1Of = (t: number, falsePos: number, falseNeg: number): number =>
    t === 0 ? 0 : (2 * t) / (2 * t + falsePos + falseNeg);
  const f1 = f1Of(tp, fp, fn);
  const negativeF1 = f1Of(tn, fn, fp);
  return {
    accuracy: gold.length === 0 ? 0 : (tp + tn) / gold.length,
    precision: tp + fp === 0 ? 0 : tp / (tp + fp),
    recall: tp + fn === 0 ? 0 : tp / (tp + fn),
    f1,
    macroF1: (f1 + negativeF1) / 2,
  };
}
