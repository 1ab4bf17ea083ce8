import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sentenceBias, sentenceBiasThreshold } from '../../src/framing/bias.ts';
import { parseCsv, parseWordList } from '../../src/framing/bias-data.ts';
import { compileLexicons, learnWordBias, sentenceFeatureVector } from '../../src/framing/bias-features.ts';
import { addCueFeatures } from '../../src/framing/bias-cues.ts';
import { foldRatios, logCountRatios, scaleBuckets, tuneThreshold } from '../../src/framing/bias-train.ts';
import {
  binaryMetrics,
  hashFeature,
  loadQuantizedModel,
  predictCompact,
  predictProbability,
  quantizeModel,
  seededRandom,
  shuffleInPlace,
  stratifiedFolds,
  trainLogistic,
  vectorize,
  wordTokens,
} from '../../src/framing/linear.ts';
import { compareRuns, evaluateBabe, passesAdoption } from '../../src/eval/babe.ts';
import { sharedPath, skipUnlessShared } from '../support/shared.ts';

describe('linear toolkit', () => {
  test('wordTokens keeps hyphenated words, contractions and abbreviations whole', () => {
    assert.deepEqual(wordTokens('The so-called "reform" won’t help the U.S. economy!'), [
      'the', 'so-called', 'reform', "won't", 'help', 'the', 'u.s', 'economy', '!',
    ]);
  });

  test('hashFeature is stable and within range', () => {
    assert.equal(hashFeature('w:harbour', 18), hashFeature('w:harbour', 18));
    for (const name of ['a', 'b:x_y', 'c:<ha']) {
      const h = hashFeature(name, 10);
      assert.ok(h >= 0 && h < 1024);
    }
  });

  test('stratifiedFolds keeps each label balanced across folds', () => {
    const labels = [...Array(50).fill(1), ...Array(100).fill(0)] as number[];
    const folds = stratifiedFolds(labels, 5, 7);
    for (let f = 0; f < 5; f++) {
      const members = labels.filter((_, i) => folds[i] === f);
      assert.equal(members.length, 30);
      assert.equal(members.filter((l) => l === 1).length, 10);
    }
    assert.deepEqual(stratifiedFolds(labels, 5, 7), folds, 'same seed, same folds');
  });

  test('binaryMetrics computes accuracy, F1 and macro-F1', () => {
    const m = binaryMetrics([1, 1, 0, 0], [1, 0, 0, 0]);
    assert.equal(m.accuracy, 0.75);
    assert.equal(m.precision, 1);
    assert.equal(m.recall, 0.5);
    assert.ok(Math.abs(m.f1 - 2 / 3) < 1e-12);
    assert.ok(Math.abs(m.macroF1 - (2 / 3 + 0.8) / 2) < 1e-12);
  });

  test('logistic regression learns a separable toy problem and survives quantisation', () => {
    const docs = ['vile thugs smear', 'thugs wreck everything', 'council met tuesday', 'council approved budget'];
    const labels = [1, 1, 0, 0];
    const vectors = docs.map((d) => vectorize(new Map(wordTokens(d).map((t) => [`w:${t}`, 1])), 10));
    const model = trainLogistic(vectors, labels, { bits: 10, epochs: 50, l2: 0, learningRate: 0.5, seed: 1 });
    const shipped = loadQuantizedModel(quantizeModel(model));
    vectors.forEach((v, i) => {
      assert.equal(predictProbability(model, v) > 0.5 ? 1 : 0, labels[i]);
      assert.ok(Math.abs(predictProbability(model, v) - predictCompact(shipped, v)) < 0.02);
    });
  });
});

describe('averaged SGD', () => {
  test('averageFromEpoch returns the mean of the weight vectors after every update from that epoch on', () => {
    const docs = ['vile thugs smear', 'thugs wreck everything', 'council met tuesday', 'council approved budget', 'vile council plan'];
    const labels = [1, 1, 0, 0, 1];
    const vectors = docs.map((d) => vectorize(new Map(wordTokens(d).map((t) => [`w:${t}`, 1])), 6));
    const options = { bits: 6, epochs: 4, l2: 1e-3, learningRate: 0.3, seed: 3 };
    const averaged = trainLogistic(vectors, labels, { ...options, averageFromEpoch: 2 });
    // The mean by brute force: replay the same example order and AdaGrad updates, summing every
    // weight vector of epochs 2 and 3.
    const weights = new Float64Array(64);
    const squared = new Float64Array(64).fill(1e-8);
    let bias = 0;
    let biasSquared = 1e-8;
    const sum = new Float64Array(64);
    let biasSum = 0;
    let steps = 0;
    const random = seededRandom(3);
    const order = vectors.map((_, i) => i);
    for (let epoch = 0; epoch < 4; epoch++) {
      shuffleInPlace(order, random);
      for (const i of order) {
        const x = vectors[i]!;
        let z = bias;
        x.indices.forEach((j, k) => (z += weights[j]! * x.values[k]!));
        const g = 1 / (1 + Math.exp(-z)) - labels[i]!;
        x.indices.forEach((j, k) => {
          const grad = g * x.values[k]! + 1e-3 * weights[j]!;
          squared[j]! += grad * grad;
          weights[j]! -= (0.3 * grad) / Math.sqrt(squared[j]!);
        });
        biasSquared += g * g;
        bias -= (0.3 * g) / Math.sqrt(biasSquared);
        if (epoch >= 2) {
          weights.forEach((w, j) => (sum[j]! += w));
          biasSum += bias;
          steps++;
        }
      }
    }
    const plain = trainLogistic(vectors, labels, options);
    weights.forEach((w, j) => assert.ok(Math.abs(plain.weights[j]! - w) < 1e-12, 'the replay matches the unaveraged training'));
    sum.forEach((s, j) => assert.ok(Math.abs(averaged.weights[j]! - s / steps) < 1e-12, `bucket ${j}`));
    assert.ok(Math.abs(averaged.bias - biasSum / steps) < 1e-12);
    assert.ok(plain.weights.some((w, j) => Math.abs(w - averaged.weights[j]!) > 1e-3), 'averaging changes the weights');
  });
});

describe('BABE readers and features', () => {
  test('parseCsv handles quoted separators, doubled quotes and newlines', () => {
    const rows = parseCsv('text;label\n"A ""quoted""; field";Biased\nplain;Non-biased\n');
    assert.deepEqual(rows, [['text', 'label'], ['A "quoted"; field', 'Biased'], ['plain', 'Non-biased']]);
  });

  test('parseWordList reads Python-style lists', () => {
    assert.deepEqual(parseWordList("['Panned', \"mob's\", 'far-left']"), ['panned', "mob's", 'far-left']);
    assert.deepEqual(parseWordList('[]'), []);
  });

  test('learnWordBias scores often-marked words above rarely marked ones', () => {
    const table = learnWordBias([
      { text: 'The mayor slammed the vile plan.', biasedWords: ['vile', 'slammed'] },
      { text: 'A vile stunt, critics slammed.', biasedWords: ['vile'] },
      { text: 'The plan passed on Monday.', biasedWords: [] },
      { text: 'The mayor spoke about the plan.', biasedWords: [] },
    ]);
    assert.ok((table.get('vile') ?? 0) > (table.get('slammed') ?? 0));
    assert.equal(table.get('plan'), undefined, 'never-marked words are absent');
  });

  test('shape cues count names, numbers and superlatives, not "-est" words that are none', () => {
    const text = 'Mayor Ilse Varga said 14 berths and 3 cranes would reopen at Northgate.';
    const bag = new Map<string, number>();
    addCueFeatures(bag, text, wordTokens(text));
    assert.equal(bag.get('sh:caps'), 3 / 13, 'Ilse, Varga and Northgate; the first word does not count');
    assert.equal(bag.get('sh:digits'), 2 / 3);
    assert.equal(bag.get('sh:sup'), 0);
    const opinion = new Map<string, number>();
    addCueFeatures(opinion, 'The harshest, cruellest plan yet, despite the protest.', wordTokens('The harshest, cruellest plan yet, despite the protest.'));
    assert.equal(opinion.get('sh:sup'), 2 / Math.sqrt(8));
    assert.equal(opinion.get('sh:digits'), 0);
  });

  test('lexicon hits become features', () => {
    const lexicons = compileLexicons({ bias: ['regime'], hedges: ['perhaps'], factives: [], assertives: [], implicatives: [], reportVerbs: ['claim'] });
    const withHits = sentenceFeatureVector('Perhaps the regime claimed victory.', { lexicons, wordBias: new Map() });
    const without = sentenceFeatureVector('Perhaps the regime claimed victory.', { lexicons: compileLexicons({ bias: [], hedges: [], factives: [], assertives: [], implicatives: [], reportVerbs: [] }), wordBias: new Map() });
    assert.ok(withHits.indices.length > without.indices.length);
  });
});

describe('shipped sentence-bias model', () => {
  test('loads, scores in 0 … 1, and has a threshold in the tuning grid', () => {
    const p = sentenceBias('The harbour authority opened a new ferry terminal on Tuesday.');
    assert.ok(p >= 0 && p <= 1);
    const t = sentenceBiasThreshold();
    assert.ok(t >= 0.3 && t <= 0.7);
  });

  test('loaded sentences score higher than neutral ones', () => {
    const pairs: [string, string][] = [
      [
        'The arrogant mayor rammed through his disastrous scheme, trampling the desperate dock workers once again.',
        'The mayor signed the port budget on Tuesday after a council vote of seven to four.',
      ],
      [
        'Radical activists unleashed a shameful smear campaign against the hapless minister.',
        'Activists distributed leaflets about the minister outside the station.',
      ],
      [
        'The corrupt regime cynically exploited the tragedy to crush its critics.',
        'The government announced an inquiry into the accident.',
      ],
    ];
    for (const [loaded, neutral] of pairs) {
      assert.ok(sentenceBias(loaded) > sentenceBias(neutral), `${loaded} should outscore ${neutral}`);
    }
  });

  test('log-count ratios favour buckets of the biased class, and folding them into the weights scores plain vectors alike', () => {
    const docs = ['vile thugs smear', 'vile plan fails', 'council met tuesday', 'council approved plan'];
    const labels = [1, 1, 0, 0];
    const vectors = docs.map((d) => vectorize(new Map(wordTokens(d).map((t) => [`w:${t}`, 1])), 8));
    const ratios = logCountRatios(vectors, labels, 1 << 8, 1);
    const bucket = (word: string): number => hashFeature(`w:${word}`, 8);
    assert.ok(ratios[bucket('vile')]! > 0 && ratios[bucket('council')]! < 0);
    assert.ok(Math.abs(ratios[bucket('plan')]!) < 1e-12, 'a word in one sentence of each class carries no evidence');
    // One dense feature after the buckets: scaling leaves it alone.
    const withDense = vectors.map((v) => ({ indices: Uint32Array.from([...v.indices, 1 << 8]), values: Float64Array.from([...v.values, 0.5]) }));
    assert.equal(scaleBuckets(withDense[0]!, ratios).values.at(-1), 0.5);
    const model = trainLogistic(withDense.map((v) => scaleBuckets(v, ratios)), labels, { bits: 8, epochs: 20, l2: 0, learningRate: 0.3, seed: 1, extraDims: 1 });
    const scaledScores = withDense.map((v) => predictProbability(model, scaleBuckets(v, ratios)));
    foldRatios(model, ratios);
    withDense.forEach((v, i) => assert.ok(Math.abs(predictProbability(model, v) - scaledScores[i]!) < 1e-12));
  });

  test('tuneThreshold picks the macro-F1 best cut', () => {
    assert.equal(tuneThreshold([1, 1, 0, 0], [0.9, 0.65, 0.6, 0.1]), 0.6);
  });
});

describe('BABE repeated cross-validation', () => {
  test('compareRuns pairs assignments: mean difference, its standard error, wins', () => {
    const baseline = { macroF1: [0.77, 0.776, 0.765, 0.78, 0.772], mean: 0.7726 };
    const variant = { macroF1: [0.774, 0.779, 0.768, 0.779, 0.777], mean: 0.7754 };
    const c = compareRuns(baseline, variant);
    // Differences 0.004, 0.003, 0.003, −0.001, 0.005: mean 0.0028, sample sd 0.0022804.
    assert.ok(Math.abs(c.meanDifference - 0.0028) < 1e-12);
    assert.ok(Math.abs(c.standardError - 0.002280350850198276 / Math.sqrt(5)) < 1e-12);
    assert.equal(c.wins, 4);
    assert.equal(passesAdoption(c), true);
    assert.equal(passesAdoption({ ...c, wins: 3 }), false, 'four wins of five are required');
    assert.equal(passesAdoption({ ...c, meanDifference: 0.0015 }), false, 'and a gain of 0.2 points');
  });
});

describe('BABE cross-validation smoke', () => {
  test('a 3-fold CV on 600 sentences stays above its pinned floor', skipUnlessShared('data', 'babe', 'babe.csv'), () => {
    const result = evaluateBabe(sharedPath('data', 'babe', 'babe.csv') as string, { limit: 600, folds: 3 });
    assert.equal(result.count, 600);
    // Pinned floor: measured 0.733 on 2026-11-26; lower only on purpose.
    assert.ok(result.metrics.macro_f1 >= 0.7, `macro-F1 ${result.metrics.macro_f1}`);
  });
});
