import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { evaluateHyperpartisan } from '../../src/eval/hyperpartisan.ts';
import { hyperpartisanProbability } from '../../src/framing/hyperpartisan.ts';
import { readHyperpartisan } from '../../src/framing/hyperpartisan-data.ts';
import {
  ARTICLE_SIGNAL_NAMES,
  articleFeatureParts,
  characterNgramBag,
  characterNgramVector,
  quotedCharacterShare,
  splitSentences,
} from '../../src/framing/hyperpartisan-features.ts';
import { predictDense, roundDenseModel, trainDenseLogistic } from '../../src/framing/hyperpartisan-stack.ts';
import { vectorize } from '../../src/framing/linear.ts';
import { shippedSentenceBiasModel } from '../../src/framing/bias.ts';
import { articleFromCleanText } from '../../src/ingest/index.ts';
import type { Doc } from '../../src/model/index.ts';
import { sharedPath, skipUnlessShared } from '../support/shared.ts';

function docOf(title: string, text: string): Doc {
  const article = articleFromCleanText(text, { id: 'a', origin: 'test', title });
  return { article, sentences: [], tokens: [], entities: [], quantities: [], dates: [] };
}

describe('hyperpartisan data and features', () => {
  test('readHyperpartisan joins paragraphs, drops markup and decodes entities', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-hp-'));
    writeFileSync(
      join(dir, 'articles-training-byarticle-test.xml'),
      '<?xml version="1.0"?><articles><article id="1" title="Ferry &amp; Port"><p>First <a href="x" type="external">link</a> line.</p> <p>Second &quot;line&quot;.</p></article>' +
        '<article id="2" title="Unlabelled"><p>x</p></article></articles>',
    );
    writeFileSync(
      join(dir, 'ground-truth-training-byarticle-test.xml'),
      '<articles><article hyperpartisan="true" id="1" labeled-by="article"/></articles>',
    );
    const articles = readHyperpartisan(dir);
    assert.deepEqual(articles, [
      { id: '1', title: 'Ferry & Port', text: 'First link line.\n\nSecond "line".', hyperpartisan: 1 },
    ]);
  });

  test('splitSentences splits on sentence ends and paragraphs, not inside abbreviations before lower case', () => {
    assert.deepEqual(
      splitSentences('The ferry left at 9 a.m. on time. Crews cheered!\n\n"Good," she said. Next?'),
      ['The ferry left at 9 a.m. on time.', 'Crews cheered!', '"Good," she said.', 'Next?'],
    );
  });

  test('the stacker reads every signal by name, then the log word count', () => {
    const parts = articleFeatureParts(
      { title: 'Ferry fares', text: 'The ferry left late! Why? Nobody said.' },
      shippedSentenceBiasModel(),
    );
    assert.equal(parts.stack.length, ARTICLE_SIGNAL_NAMES.length + 1);
    const exclamation = ARTICLE_SIGNAL_NAMES.indexOf('exclamation');
    assert.equal(parts.stack[exclamation], 1 / 3);
    // Tokens: the, ferry, left, late, !, why, ?, nobody, said.
    assert.equal(parts.stack[parts.stack.length - 1], Math.log(9));
  });

  test('characterNgramBag counts lower-cased 4-grams over one-space text, sublinear', () => {
    const bag = characterNgramBag('Tide\n\ntide');
    // " tide tide " → " tid", "tide" (twice), "ide ", "de t", "e ti", and " tid" again.
    assert.deepEqual([...bag.keys()].sort(), ['c: tid', 'c:de t', 'c:e ti', 'c:ide ', 'c:tide'].sort());
    assert.equal(bag.get('c:tide'), 1 + Math.log(2));
    assert.equal(bag.get('c:de t'), 1);
  });

  test('trainDenseLogistic learns a threshold on one input and ignores a constant one', () => {
    const inputs = [-3, -2, -1, -0.5, 0.5, 1, 2, 3].map((x) => [x + 10, 4]);
    const labels = [0, 0, 0, 0, 1, 1, 1, 1];
    const model = trainDenseLogistic(inputs, labels, { epochs: 200, learningRate: 0.5, l2: 0.01 });
    assert.equal(model.weights[1], 0);
    assert.ok(predictDense(model, [12, 4]) > 0.8 && predictDense(model, [8, 4]) < 0.2);
    const rounded = roundDenseModel(model);
    assert.ok(Math.abs(predictDense(rounded, [10.3, 4]) - predictDense(model, [10.3, 4])) < 1e-4);
  });

  test('quotedCharacterShare measures text inside double quotes', () => {
    assert.equal(quotedCharacterShare('ab "cdef" gh'), 4 / 12);
    assert.equal(quotedCharacterShare('no quotes'), 0);
  });
});

describe('shipped hyperpartisan model', () => {
  test('a ranting one-sided article scores higher than a plain report', () => {
    const rant = docOf(
      'The Governor’s Shameful War On Workers Must Be Stopped NOW!',
      'Make no mistake: the corrupt governor and her cronies despise working families. They lie, they cheat, and they will destroy every last job on the docks if we let them!\n\n' +
        'Wake up, America! These elitist bureaucrats are laughing at you while they loot the treasury. Enough is enough. We must fight back against this tyranny before it is too late!',
    );
    const report = docOf(
      'Port council approves ferry timetable for the winter season',
      'The port council approved a new winter timetable for the harbour ferries on Tuesday, the council said in a statement.\n\n' +
        'Under the plan, the first ferry will leave at 6:30 a.m. and the last at 9 p.m. A council spokesperson said ticket prices would not change. The timetable takes effect on December 1.',
    );
    const pRant = hyperpartisanProbability(rant);
    const pReport = hyperpartisanProbability(report);
    assert.ok(pRant >= 0 && pRant <= 1 && pReport >= 0 && pReport <= 1);
    assert.ok(pRant > pReport, `rant ${pRant} should exceed report ${pReport}`);
  });
});

describe('hyperpartisan cross-validation smoke', () => {
  test(
    'a 3-fold CV on 150 articles stays above its pinned floor',
    skipUnlessShared('data', 'hyperpartisan'),
    () => {
      const result = evaluateHyperpartisan(sharedPath('data', 'hyperpartisan') as string, {
        limit: 150,
        folds: 3,
        splits: 1,
      });
      assert.equal(result.count, 150);
      // Pinned floor: measured 0.700 on 2026-11-26; lower only on purpose.
      assert.ok(result.metrics.accuracy >= 0.65, `accuracy ${result.metrics.accuracy}`);
    },
  );
});

test('character n-grams: the fast vector equals hashing the bag, bit for bit', () => {
  const texts = [
    'The harbour board met again.  The harbour board met again!\n\nDockers   said "no".',
    'Ünïcödé — “quotes” 日本語 and émigré café, ŁÓDŹ; the same twice: ŁÓDŹ ŁÓDŹ.',
    'ab',
    '',
    'x'.repeat(50) + ' yz '.repeat(40),
  ];
  for (const text of texts)
    for (const bits of [12, 18]) {
      const slow = vectorize(characterNgramBag(text), bits);
      const fast = characterNgramVector(text, bits);
      assert.deepEqual([...fast.indices], [...slow.indices], text);
      assert.deepEqual([...fast.values], [...slow.values], text);
    }
});
