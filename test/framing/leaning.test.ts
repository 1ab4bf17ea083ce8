import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LEANINGS, leaningEstimate, leaningFeatureVector, leaningWith } from '../../src/framing/leaning.ts';
import { trainLeaning, withoutTestOutlets, type AllsidesArticle } from '../../src/framing/leaning-train.ts';
import type { Article, Doc } from '../../src/model/index.ts';

function docOf(title: string, text: string): Doc {
  const article: Article = {
    id: 'a', origin: 'test', source: null, title, author: null, published: null, language: 'en', url: null,
    canonicalUrl: null, place: null, text, removed: [], provenance: {}, warnings: [],
  };
  return { article, sentences: [], tokens: [], entities: [], quantities: [], dates: [] };
}

function article(source: string, bias: number, text: string): AllsidesArticle {
  return { title: '', text, source, bias };
}

describe('leaning estimate', () => {
  test('withoutTestOutlets drops training articles from outlets in the test set', () => {
    const train = [article('Harbour Herald', 2, 'a'), article('Free Press', 0, 'b'), article('Port Wire', 1, 'c')];
    const test = [article('Harbour Herald', 2, 'd')];
    assert.deepEqual(withoutTestOutlets(train, test).map((a) => a.source), ['Free Press', 'Port Wire']);
  });

  test('one-vs-rest models learn three toy classes and probabilities sum to 1', () => {
    const texts = ['workers unions solidarity wages', 'council budget timetable report', 'taxes freedom border security'];
    const vectors = texts.flatMap((t) => [leaningFeatureVector('', t, 12), leaningFeatureVector('', `${t} today`, 12)]);
    const labels = [0, 0, 1, 1, 2, 2];
    const models = trainLeaning(vectors, labels, { bits: 12, epochs: 30, l2: 0, learningRate: 0.5, seed: 3 });
    vectors.forEach((v, i) => {
      const p = leaningWith(models, v);
      assert.ok(Math.abs(p.left + p.center + p.right - 1) < 1e-9);
      const best = LEANINGS[[p.left, p.center, p.right].indexOf(Math.max(p.left, p.center, p.right))];
      assert.equal(best, LEANINGS[labels[i]]);
    });
  });

  test('the shipped model loads and gives a distribution', () => {
    const p = leaningEstimate(docOf('Port council meets', 'The port council met on Tuesday to discuss the ferry timetable.'));
    assert.ok(Math.abs(p.left + p.center + p.right - 1) < 1e-9);
    for (const v of Object.values(p)) assert.ok(v > 0 && v < 1);
  });
});
