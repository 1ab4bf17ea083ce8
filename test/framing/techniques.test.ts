import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildArticleView } from '../../src/framing/features-article.ts';
import { splitSentences } from '../../src/framing/features.ts';
import { loadPtcModels } from '../../src/framing/techniques-detect.ts';
import { TechniqueClassifier, techniqueFeatures, trainTechniqueClassifier, type TrainClassifierOptions } from '../../src/framing/techniques.ts';
import type { Technique } from '../../src/model/index.ts';

// A fictional article: the slogan comes three times.
const TEXT = 'The harbour board says the port is open. Keep the cranes turning! Dockers chanted it all night. The mayor called the board reckless. Keep the cranes turning!\nBy dawn the crowd still sang: keep the cranes turning!';

function spanOf(phrase: string, from = 0): { start: number; end: number } {
  const start = TEXT.indexOf(phrase, from);
  assert.ok(start >= 0, phrase);
  return { start, end: start + phrase.length };
}

test('repetition features tell the first use of a phrase from its later uses', () => {
  const view = buildArticleView(TEXT, splitSentences(TEXT), loadPtcModels().lexicons);
  const first = spanOf('Keep the cranes turning');
  const second = spanOf('Keep the cranes turning', first.end);
  const third = spanOf('keep the cranes turning', second.end);
  const once = spanOf('reckless');
  const f1 = techniqueFeatures(view, first);
  const f2 = techniqueFeatures(view, second);
  const f3 = techniqueFeatures(view, third);
  const f4 = techniqueFeatures(view, once);
  assert.ok(f1.includes('rep-before=0') && f1.includes('rep-first'));
  assert.ok(f2.includes('rep-before=1') && !f2.includes('rep-first'));
  assert.ok(f3.includes('rep-before=2-3'));
  assert.ok(f4.includes('rep-before=0') && !f4.includes('rep-first'));
});

/** Two separable toy classes: "alpha" words are Repetition, "beta" words Slogans. */
function toyExamples(): { features: string[]; label: Technique }[] {
  const out: { features: string[]; label: Technique }[] = [];
  for (let i = 0; i < 20; i++) {
    out.push({ features: ['bias', 'u=alpha', `u=a${i % 3}`], label: 'Repetition' });
    out.push({ features: ['bias', 'u=beta', `u=b${i % 3}`], label: 'Slogans' });
  }
  return out;
}

const TOY_OPTIONS: TrainClassifierOptions = { epochs: 5, seed: 7, learningRate: 0.1, l2: 1e-4, minCount: 1, pruneBelow: 0, losses: ['softmax'] };

test('both losses learn a separable toy problem', () => {
  for (const loss of ['softmax', 'one-vs-rest'] as const) {
    const model = new TechniqueClassifier(trainTechniqueClassifier(toyExamples(), { ...TOY_OPTIONS, losses: [loss] }));
    const top = (features: string[]): Technique => {
      const p = model.probabilities(features);
      return model.classes[p.indexOf(Math.max(...p))]!;
    };
    assert.equal(top(['bias', 'u=alpha']), 'Repetition', loss);
    assert.equal(top(['bias', 'u=beta']), 'Slogans', loss);
  }
});

test('the two-loss model is the weight average of the one-loss models', () => {
  const softmax = trainTechniqueClassifier(toyExamples(), { ...TOY_OPTIONS, losses: ['softmax'] });
  const ovr = trainTechniqueClassifier(toyExamples(), { ...TOY_OPTIONS, losses: ['one-vs-rest'] });
  const both = trainTechniqueClassifier(toyExamples(), { ...TOY_OPTIONS, losses: ['softmax', 'one-vs-rest'] });
  assert.ok(Object.keys(both.features).length > 0);
  for (const [name, row] of Object.entries(both.features)) {
    row.forEach((w, c) => {
      const mean = ((softmax.features[name]?.[c] ?? 0) + (ovr.features[name]?.[c] ?? 0)) / 2;
      // Each model is rounded to two decimals on its own: the mean of rounded weights is off by ≤ 0.01.
      assert.ok(Math.abs(w - mean) <= 0.0101, `${name}[${c}] ${w} vs ${mean}`);
    });
  }
});
