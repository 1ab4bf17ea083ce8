import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { attributeQuotes, resolveActors } from '../../src/actors/index.ts';
import { compare } from '../../src/compare/index.ts';
import { articleFromText } from '../../src/ingest/index.ts';
import { annotate } from '../../src/language/index.ts';
import { shareOfVoice, speakerSide, UNATTRIBUTED_KEY } from '../../src/quotes/index.ts';
import { extractQuotes } from '../../src/quotes/index.ts';
import { renderTerminal } from '../../src/report/index.ts';
import { readComparisonFixture } from '../report/fixture.ts';

const TEXT = [
  'The ferry pilots of Osterby stopped work on Monday over a new night rota.',
  '"We will not sail tired crews through the narrows in winter," said union leader Ida Brand.',
  'Transport Minister Olaf Senn answered within the hour. "The rota is safe and it stays," Senn said.',
  'A passenger waiting at the quay said: "Nobody told us anything at all this morning."',
].join('\n\n');

function voicesOf(text: string) {
  const doc = annotate(articleFromText(text, { origin: 'ferry.txt', source: 'The Lantern' }));
  const found = extractQuotes(doc);
  const actors = resolveActors([doc], found);
  return { doc, result: shareOfVoice(doc, attributeQuotes(found, actors), actors) };
}

describe('shareOfVoice', () => {
  const { doc, result } = voicesOf(TEXT);
  const byName = (part: string) => result.speakers.find((s) => s.name.includes(part));

  test('each speaker gets the words of their quotes; the rest is the outlet’s own voice', () => {
    const brand = byName('Brand');
    const senn = byName('Senn');
    assert.ok(brand && senn, JSON.stringify(result.speakers));
    assert.equal(brand.words, 11); // We will not sail tired crews through the narrows in winter
    assert.equal(senn.words, 7); // The rota is safe and it stays
    const quoted = result.speakers.reduce((sum, s) => sum + s.words, 0);
    assert.equal(result.ownWords, result.totalWords - quoted);
    assert.ok(Math.abs(result.ownShare + result.speakers.reduce((sum, s) => sum + s.share, 0) - 1) < 1e-9);
    assert.equal(brand.share, brand.words / result.totalWords);
    assert.equal(result.article, doc.article.id);
  });

  test('sides from the article’s own labels, with the reason', () => {
    assert.equal(byName('Brand')!.side.side, 'labour');
    assert.match(byName('Brand')!.side.reason, /union leader/i);
    assert.equal(byName('Senn')!.side.side, 'government');
    assert.match(byName('Senn')!.side.reason, /Minister/);
  });

  test('a speaker without an actor is keyed by the name as written, and nobody’s side is invented', () => {
    const passenger = result.speakers.find((s) => s.actor === null);
    assert.ok(passenger, JSON.stringify(result.speakers));
    assert.notEqual(passenger.key, UNATTRIBUTED_KEY);
    assert.equal(passenger.side.side, 'unclear');
  });
});

describe('speakerSide', () => {
  test('the earliest side word decides: the head of an appositive, not a word further on', () => {
    assert.equal(
      speakerSide(['the commander of the harbour police and no relation to the union leader'], [], []).side,
      'security',
    );
    assert.equal(speakerSide(['a critic of the government'], [], []).side, 'opposition');
    assert.equal(speakerSide(['an anti-government blogger'], [], []).side, 'opposition');
  });

  test('"President" alone is government; a president of something takes its side', () => {
    assert.equal(speakerSide(['President'], [], []).side, 'government');
    assert.equal(speakerSide(['president of the ferry pilots’ union'], [], []).side, 'labour');
  });

  test('labels pointing two ways, or none, leave it unclear', () => {
    const both = speakerSide(['former minister'], ['the opposition candidate'], []);
    assert.equal(both.side, 'unclear');
    assert.match(both.reason, /government.*opposition/);
    assert.equal(speakerSide(['an economist at the Osterby Institute'], ['Dr. Holm'], []).side, 'unclear');
  });

  test('the speaker’s own words place them only when no label does', () => {
    assert.deepEqual(speakerSide([], [], ['Our union will not back down.']), {
      side: 'labour',
      reason: 'says “Our union”',
    });
    assert.equal(
      speakerSide(['Transport Minister'], [], ['Our union will not back down.']).side,
      'government',
    );
  });
});

describe('share of voice in the report', () => {
  test('compare puts it under scores; voices stays the number of distinct speakers', () => {
    const c = compare(
      [
        articleFromText(TEXT, { origin: 'a.txt', source: 'The Lantern' }),
        articleFromText(
          'The ferry pilots of Osterby walked out on Monday. "The rota is safe," said Transport Minister Olaf Senn.',
          {
            origin: 'b.txt',
            source: 'Quay Post',
          },
        ),
      ],
      { now: new Date(0) },
    );
    for (const article of c.articles) {
      const s = c.scores[article.id]!;
      assert.ok(s.voiceShare && s.voiceWords && s.voiceSides && typeof s.ownVoice === 'number');
      assert.equal(s.voices, Object.keys(s.voiceShare).length);
      assert.deepEqual(Object.keys(s.voiceSides).sort(), Object.keys(s.voiceShare).sort());
    }
  });

  test('the terminal report reads the figures, it does not recount them', () => {
    const c = readComparisonFixture();
    c.scores.gazette!.voiceShare = { 'mara-velde': 0.42, 'tomas-ruhl': 0.07 };
    c.scores.gazette!.ownVoice = 0.51;
    const text = renderTerminal(c, { color: false });
    assert.match(text, /own voice 51% · Mara Velde 42% \(labour\) · Tomas Ruhl 7%/);
    delete c.scores.wire!.voiceShare;
    assert.match(
      renderTerminal(c, { color: false }),
      /\[2\] Coastal Daily Wire: \(no share-of-voice figures in this report\)/,
    );
  });
});
