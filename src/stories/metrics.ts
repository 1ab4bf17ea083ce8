/** Clustering scores against gold groups: pairwise and B-cubed precision, recall and F1. */

export interface ClusterScores {
  precision: number;
  recall: number;
  f1: number;
}

function f1Of(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Count of items per (key) and per (gold, predicted) cell. */
function tallies(gold: string[], predicted: string[]): { goldSizes: Map<string, number>; predSizes: Map<string, number>; cells: Map<string, number> } {
  if (gold.length !== predicted.length) throw new RangeError('gold and predicted labels differ in length');
  const goldSizes = new Map<string, number>();
  const predSizes = new Map<string, number>();
  const cells = new Map<string, number>();
  for (let i = 0; i < gold.length; i++) {
    goldSizes.set(gold[i], (goldSizes.get(gold[i]) ?? 0) + 1);
    predSizes.set(predicted[i], (predSizes.get(predicted[i]) ?? 0) + 1);
    const cell = `${gold[i]}\u0000${predicted[i]}`;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  return { goldSizes, predSizes, cells };
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

/**
 * Over all unordered item pairs: precision = same-gold among same-predicted pairs, recall =
 * same-predicted among same-gold pairs. `gold[i]` and `predicted[i]` label item i.
 */
export function pairwiseScores(gold: string[], predicted: string[]): ClusterScores {
  const { goldSizes, predSizes, cells } = tallies(gold, predicted);
  let together = 0;
  for (const n of cells.values()) together += pairs(n);
  let predPairs = 0;
  for (const n of predSizes.values()) predPairs += pairs(n);
  let goldPairs = 0;
  for (const n of goldSizes.values()) goldPairs += pairs(n);
  const precision = predPairs === 0 ? 1 : together / predPairs;
  const recall = goldPairs === 0 ? 1 : together / goldPairs;
  return { precision, recall, f1: f1Of(precision, recall) };
}

/** B-cubed (Bagga & Baldwin 1998): per item, the share of its predicted cluster that shares its gold group, and vice versa. */
export function bcubedScores(gold: string[], predicted: string[]): ClusterScores {
  const { goldSizes, predSizes, cells } = tallies(gold, predicted);
  if (gold.length === 0) return { precision: 1, recall: 1, f1: 1 };
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < gold.length; i++) {
    const shared = cells.get(`${gold[i]}\u0000${predicted[i]}`) ?? 0;
    precision += shared / (predSizes.get(predicted[i]) ?? 1);
    recall += shared / (goldSizes.get(gold[i]) ?? 1);
  }
  precision /= gold.length;
  recall /= gold.length;
  return { precision, recall, f1: f1Of(precision, recall) };
}
