/**
 * The second stage of the hyperpartisan model: a small logistic regression over the n-gram
 * model's logit and a few article signals (bias, style, length), standardised. Trained on
 * out-of-fold logits, so it learns how far to trust the n-grams on articles they did not see,
 * and lets length and style count, which the n-grams drown once they fit the training set.
 */
import { sigmoid } from './linear.ts';

export interface DenseLogisticModel {
  /** Per input: mean and standard deviation on the training set (inputs are standardised). */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export interface DenseTrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty on the standardised weights. */
  l2: number;
}

/** Full-batch gradient descent: deterministic, no seed needed; a few dozen inputs train in milliseconds. */
export function trainDenseLogistic(
  inputs: number[][],
  labels: number[],
  options: DenseTrainOptions,
): DenseLogisticModel {
  const n = inputs.length;
  const d = inputs[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const variance = new Array<number>(d).fill(0);
  for (const x of inputs) x.forEach((v, j) => (mean[j] += v / n));
  for (const x of inputs) x.forEach((v, j) => (variance[j] += (v - mean[j]) ** 2 / n));
  const scale = variance.map((v) => Math.sqrt(v) || 1);
  const standard = inputs.map((x) => x.map((v, j) => (v - mean[j]) / scale[j]));
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const gradient = new Array<number>(d).fill(0);
    let biasGradient = 0;
    standard.forEach((z, i) => {
      let logit = bias;
      for (let j = 0; j < d; j++) logit += z[j] * weights[j];
      const error = sigmoid(logit) - labels[i];
      for (let j = 0; j < d; j++) gradient[j] += (error * z[j]) / n;
      biasGradient += error / n;
    });
    for (let j = 0; j < d; j++) weights[j] -= options.learningRate * (gradient[j] + options.l2 * weights[j]);
    bias -= options.learningRate * biasGradient;
  }
  return { mean, scale, weights, bias };
}

export function predictDense(model: DenseLogisticModel, input: readonly number[]): number {
  let logit = model.bias;
  model.weights.forEach((w, j) => (logit += ((input[j] - model.mean[j]) / model.scale[j]) * w));
  return sigmoid(logit);
}

/** Six significant digits: enough to keep probabilities within 1e-5, short in JSON. */
export function roundDenseModel(model: DenseLogisticModel): DenseLogisticModel {
  const round = (v: number): number => Number(v.toPrecision(6));
  return {
    mean: model.mean.map(round),
    scale: model.scale.map(round),
    weights: model.weights.map(round),
    bias: round(model.bias),
  };
}
