import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sentenceBias } from '../../src/framing/bias.ts';
import { hyperpartisanProbability } from '../../src/framing/hyperpartisan.ts';
import { QUOTED_SENTENCE_SHARE, scoreArticle, subjectiveThreshold } from '../../src/framing/scores.ts';
import { annotate } from '../../src/language/index.ts';
import type { Article, FramingFinding, Quote, Technique } from '../../src/model/index.ts';

const TEXT =
  'The reckless governor wrecked the harbour with her disastrous decree. ' +
  'Dockworkers marched to the customs house on Tuesday. ' +
  '“These thugs are criminals,” the governor said. ' +
  'Union leader Ana Reyes told reporters at the gate: “We only want fair pay.” ' +
  'The port authority counted 300 marchers.';

function article(text: string): Article {
  return {
    id: 'herald', origin: 'test', source: 'Test Herald', title: 'Harbour march', author: null, published: null,
    language: 'en', url: null, canonicalUrl: null, place: null, text, removed: [], provenance: {}, warnings: [],
  };
}

function quoteOf(words: string, speaker: string | null, speakerName: string | null, id: string): Quote {
  const start = TEXT.indexOf(words);
  assert.ok(start >= 0);
  return { id, article: 'herald', start, end: start + words.length, text: words, speaker, speakerName, speakerSpan: null, cue: 'said' };
}

function finding(words: string, technique: Technique, quotedBy: string | null = null): FramingFinding {
  const start = TEXT.indexOf(words);
  assert.ok(start >= 0);
  return { article: 'herald', start, end: start + words.length, text: words, technique, score: 0.9, reason: 'test', quotedBy };
}

describe('scoreArticle', () => {
  const doc = annotate(article(TEXT));
  const words = doc.tokens.filter((t) => /[\p{L}\p{N}]/u.test(t.text)).length;
  const quotes = [
    quoteOf('These thugs are criminals,', 'actor-governor', 'the governor', 'q1'),
    quoteOf('We only want fair pay.', null, 'Ana Reyes', 'q2'),
  ];
  const findings = [
    finding('reckless', 'Loaded_Language'),
    finding('disastrous', 'Loaded_Language'),
    finding('wrecked the harbour', 'Exaggeration,Minimisation'),
    finding('thugs', 'Name_Calling,Labeling', 'actor-governor'),
    finding('criminals', 'Name_Calling,Labeling'), // inside a quote even without quotedBy
  ];
  const scores = scoreArticle(doc, findings, quotes);

  test('loaded counts own-voice Loaded_Language and Name_Calling per 1,000 words', () => {
    assert.ok(Math.abs(scores.loaded - (2 * 1000) / words) < 1e-9, `loaded ${scores.loaded}, words ${words}`);
  });

  test('techniques counts own-voice findings per technique per 1,000 words', () => {
    assert.deepEqual(Object.keys(scores.techniques as Record<string, number>).sort(), ['Exaggeration,Minimisation', 'Loaded_Language']);
    const techniques = scores.techniques as Record<string, number>;
    assert.ok(Math.abs(techniques.Loaded_Language - 2000 / words) < 1e-9);
    assert.ok(Math.abs(techniques['Exaggeration,Minimisation'] - 1000 / words) < 1e-9);
  });

  test('voices counts distinct speakers by actor id or name', () => {
    assert.equal(scores.voices, 2);
    const repeated = scoreArticle(doc, [], [...quotes, { ...quotes[1], id: 'q3', speakerName: 'ANA REYES' }]);
    assert.equal(repeated.voices, 2);
  });

  test('quoteShare is the share of words inside quotes', () => {
    const quoted = doc.tokens.filter((t) => /[\p{L}\p{N}]/u.test(t.text) && quotes.some((q) => t.start >= q.start && t.end <= q.end)).length;
    assert.equal(quoted, 9);
    assert.ok(Math.abs((scores.quoteShare as number) - quoted / words) < 1e-9);
  });

  test('subjective is the share of own-voice sentences above the bias threshold', () => {
    const own = doc.sentences.filter((s) => {
      const ws = doc.tokens.slice(s.firstToken, s.endToken).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
      return ws.filter((t) => quotes.some((q) => t.start >= q.start && t.end <= q.end)).length / ws.length < QUOTED_SENTENCE_SHARE;
    });
    assert.equal(own.length, 4, 'the governor’s all-quote sentence is not the outlet’s voice');
    const expected = own.filter((s) => sentenceBias(TEXT.slice(s.start, s.end)) > subjectiveThreshold()).length / own.length;
    assert.equal(scores.subjective, expected);
    assert.ok(sentenceBias(TEXT.slice(own[0].start, own[0].end)) > sentenceBias(TEXT.slice(own[3].start, own[3].end)));
  });

  test('hyperpartisan is the article probability', () => {
    assert.equal(scores.hyperpartisan, hyperpartisanProbability(doc));
  });

  test('an empty article scores zero everywhere', () => {
    const empty = scoreArticle(annotate(article('')), [], []);
    assert.deepEqual(empty, { loaded: 0, subjective: 0, voices: 0, hyperpartisan: 0, techniques: {}, quoteShare: 0 });
  });
});
