import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectFraming, TECHNIQUES } from '../../src/framing/index.ts';
import { buildArticleView } from '../../src/framing/features-article.ts';
import { withoutTrailingFunctionWords } from '../../src/framing/spans.ts';
import { loadPtcModels, quotedByFor, splitAtQuotes } from '../../src/framing/techniques-detect.ts';
import { annotate } from '../../src/language/index.ts';
import type { Article, Doc, FramingFinding, Quote } from '../../src/model/index.ts';
import { extractQuotes } from '../../src/quotes/index.ts';
import { readSeed, SEED_BREITBART, SEED_TELESUR, skipUnlessShared } from '../support/shared.ts';
import { articleFromCleanText } from '../../src/ingest/index.ts';

function articleOf(id: string, text: string): Article {
  return articleFromCleanText(text, { id });
}

function docOf(id: string, text: string): Doc {
  return annotate(articleOf(id, text));
}

/** A quote over the words between the first pair of curly or straight quotes after `from`. */
function quoteAround(text: string, from: number, speakerName: string, article: string): Quote {
  const open = text.indexOf('"', from);
  const close = text.indexOf('"', open + 1);
  return { id: 'q1', article, start: open + 1, end: close, text: text.slice(open + 1, close), speaker: null, speakerName, speakerSpan: null, cue: 'told' };
}

function findingsCovering(findings: FramingFinding[], text: string, word: string, from = 0): FramingFinding[] {
  const at = text.indexOf(word, from);
  assert.ok(at >= 0, `test text lacks "${word}"`);
  return findings.filter((f) => f.start <= at && f.end >= at + word.length);
}

function assertWellFormed(findings: FramingFinding[], doc: Doc): void {
  for (const f of findings) {
    assert.equal(f.text, doc.article.text.slice(f.start, f.end));
    assert.equal(f.article, doc.article.id);
    assert.ok(TECHNIQUES.includes(f.technique), f.technique);
    assert.ok(f.score > 0 && f.score <= 1, `score ${f.score}`);
    assert.ok(f.reason.length > 10, f.reason);
    for (const t of f.triggers ?? []) {
      assert.ok(t.start >= f.start && t.end <= f.end && t.end > t.start, `trigger ${JSON.stringify(t)} outside ${f.start}-${f.end}`);
      assert.ok(f.reason.includes(`"${doc.article.text.slice(t.start, t.end)}"`), f.reason);
    }
  }
}

describe('detectFraming on sentences written for the test', () => {
  test('a loaded word in the outlet’s voice is the outlet’s; the same word inside a quote is the speaker’s', () => {
    const text =
      'The so-called reform is a disgraceful scam cooked up by corrupt bureaucrats.\n\n' +
      '"This disgraceful scam will ruin honest families," union leader Mira Osk told reporters.';
    const doc = docOf('voice', text);
    const quote = quoteAround(text, text.indexOf('\n\n'), 'Mira Osk', 'voice');
    const findings = detectFraming(doc, [quote]);
    assertWellFormed(findings, doc);
    const own = findingsCovering(findings, text, 'disgraceful');
    const quoted = findingsCovering(findings, text, 'disgraceful', text.indexOf('\n\n'));
    assert.ok(own.length > 0 && quoted.length > 0, JSON.stringify(findings));
    assert.ok(own.every((f) => f.quotedBy === null && f.technique === 'Loaded_Language'));
    assert.ok(quoted.every((f) => f.quotedBy === 'Mira Osk'));
    assert.match(quoted[0]!.reason, /inside a quotation by Mira Osk/);
  });

  test('calling people names is Name_Calling,Labeling, with the insult as trigger', () => {
    const text = 'Port Veyra councillor Ilse Marr called the strike organisers traitors and parasites on Monday.';
    const doc = docOf('names', text);
    const findings = detectFraming(doc, []);
    assertWellFormed(findings, doc);
    const hits = findingsCovering(findings, text, 'traitors');
    assert.equal(hits[0]?.technique, 'Name_Calling,Labeling', JSON.stringify(findings));
    assert.match(hits[0]!.reason, /traitors/);
    assert.ok(hits[0]!.triggers?.some((t) => ['traitors', 'parasites'].includes(text.slice(t.start, t.end))), JSON.stringify(hits[0]));
  });

  test('an appeal to nation and flag is Flag-Waving', () => {
    const text =
      'We must stand together for our great nation and our proud flag, because every true patriot knows that our homeland comes first. Our nation will never surrender.';
    const doc = docOf('flag', text);
    const findings = detectFraming(doc, []);
    assertWellFormed(findings, doc);
    const hits = findingsCovering(findings, text, 'nation');
    assert.equal(hits[0]?.technique, 'Flag-Waving', JSON.stringify(findings));
  });

  test('plain factual reporting yields few or no findings', () => {
    const text = 'The ferry left the harbour at nine. It carried 40 passengers and arrived two hours later.';
    const doc = docOf('plain', text);
    const findings = detectFraming(doc, []);
    assert.ok(findings.length <= 1, JSON.stringify(findings));
  });

  test('an empty article has no findings', () => {
    const empty: Doc = { article: articleOf('empty', ''), sentences: [], tokens: [], entities: [], quantities: [], dates: [] };
    assert.deepEqual(detectFraming(empty, []), []);
  });
});

test('a stretch running across a quotation mark is cut there; bare attribution is dropped', () => {
  const text = 'Critics were blunt. "This is a reckless and shameful betrayal," he said in the hall.';
  const doc = docOf('split', text);
  const quote = quoteAround(text, 0, 'Dana Pell', 'split');
  const models = loadPtcModels();
  const view = buildArticleView(text, [{ start: 0, end: 19 }, { start: 20, end: text.length }], models.lexicons);
  const across = { start: text.indexOf('This'), end: text.indexOf(' the hall'), confidence: 0.5 };
  const pieces = splitAtQuotes(view, across, [quote]);
  assert.deepEqual(
    pieces.map((p) => text.slice(p.start, p.end)),
    ['This is a reckless and shameful betrayal'],
  );
  for (const f of detectFraming(doc, [quote])) {
    assert.ok(!(f.start < quote.start && f.end > quote.start) && !(f.start < quote.end && f.end > quote.end), f.text);
  }
});

describe('quotedByFor', () => {
  const quote: Quote = { id: 'q', article: 'a', start: 10, end: 30, text: '', speaker: null, speakerName: 'Ada Lind', speakerSpan: null, cue: 'said' };
  test('a span mostly inside the quote is the speaker’s', () => {
    assert.equal(quotedByFor({ start: 12, end: 20 }, [quote]), 'Ada Lind');
    assert.equal(quotedByFor({ start: 25, end: 33 }, [quote]), 'Ada Lind');
  });
  test('a span mostly outside is the outlet’s', () => {
    assert.equal(quotedByFor({ start: 0, end: 12 }, [quote]), null);
    assert.equal(quotedByFor({ start: 40, end: 50 }, [quote]), null);
  });
  test('an unattributed quote still marks the span as quoted', () => {
    assert.equal(quotedByFor({ start: 12, end: 20 }, [{ ...quote, speakerName: null }]), 'an unnamed speaker');
  });
});

describe('detectFraming on the seed pair', { ...skipUnlessShared('seeds') }, () => {
  function seedFindings(name: string, id: string): { text: string; findings: FramingFinding[] } {
    const doc = docOf(id, readSeed(name));
    const findings = detectFraming(doc, extractQuotes(doc));
    assertWellFormed(findings, doc);
    return { text: doc.article.text, findings };
  }

  test('"dictator Nicolás Maduro" in 003 is Name_Calling,Labeling in the outlet’s voice', () => {
    const { text, findings } = seedFindings(SEED_BREITBART, '003');
    const at = text.indexOf('dictator Nicolás Maduro');
    const hits = findings.filter((f) => f.start < at + 'dictator Nicolás Maduro'.length && f.end > at);
    assert.ok(hits.some((f) => f.technique === 'Name_Calling,Labeling' && f.quotedBy === null), JSON.stringify(hits));
  });

  test('"coup mongering" and "smear" in 000 are loaded language or name calling', () => {
    const { text, findings } = seedFindings(SEED_TELESUR, '000');
    for (const phrase of ['coup mongering', 'smear']) {
      const hits = findingsCovering(findings, text, phrase);
      assert.ok(
        hits.some((f) => f.technique === 'Loaded_Language' || f.technique === 'Name_Calling,Labeling'),
        `${phrase}: ${JSON.stringify(hits)}`,
      );
    }
  });

  test('no finding in 003 runs across a quotation mark', () => {
    const doc = docOf('003', readSeed(SEED_BREITBART));
    const quotes = extractQuotes(doc);
    for (const f of detectFraming(doc, quotes)) {
      for (const q of quotes) {
        assert.ok(!(f.start < q.start && f.end > q.start) && !(f.start < q.end && f.end > q.end), f.text);
      }
    }
  });

  test('"illegitimate president" and "the tyrant" in 003 are marked as quoted', () => {
    const { text, findings } = seedFindings(SEED_BREITBART, '003');
    for (const phrase of ['illegitimate president', 'the tyrant']) {
      const hits = findingsCovering(findings, text, phrase);
      assert.ok(hits.length > 0 && hits.every((f) => f.quotedBy !== null), `${phrase}: ${JSON.stringify(hits)}`);
    }
  });
});

test('words that name Object.prototype members ("constructor", "valueOf") have no valence', () => {
  const { lexicons } = loadPtcModels();
  assert.equal(lexicons.valence('constructor'), 0);
  assert.equal(lexicons.valence('valueof'), 0);
  assert.equal(lexicons.valence('abandon'), -2); // an AFINN word still has its valence
});

test('a stretch does not end on a function word; a reason offers no letters split off an abbreviation', () => {
  const text = 'Americans on both coasts watched the regime of thugs.';
  const view = buildArticleView(text, [{ start: 0, end: text.length }], loadPtcModels().lexicons);
  const tokens = view.sentences[0]!.tokens;
  const through = (word: string): number => text.indexOf(word) + word.length;
  assert.equal(text.slice(0, withoutTrailingFunctionWords(tokens, { start: 0, end: through('on'), confidence: 0.5 }).end), 'Americans');
  assert.equal(text.slice(0, withoutTrailingFunctionWords(tokens, { start: 0, end: through('thugs.'), confidence: 0.5 }).end), text.slice(0, -1));
  const only = { start: text.indexOf('on'), end: through('on'), confidence: 0.5 };
  assert.deepEqual(withoutTrailingFunctionWords(tokens, only), only, 'a lone function word is left as it is');
  const doc = docOf('fw', 'Critics in the U.S. called the governor a tyrant who would destroy the harbour and everything in it.');
  for (const f of detectFraming(doc, extractQuotes(doc))) assert.doesNotMatch(f.reason, /"(?:u|s|u \.|\. s)"/, f.reason);
});
