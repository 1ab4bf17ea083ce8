/** The ingest checks of issue 2 on the two seed articles in ../shared/seeds (skipped elsewhere). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { articleFromText } from '../../src/ingest/article.ts';
import { normaliseCharacters } from '../../src/ingest/clean.ts';
import { readSeed, SEED_BREITBART, SEED_TELESUR, skipUnlessShared } from '../support/shared.ts';

/** Lines that are boilerplate, by pattern (written here, not copied from the seeds). */
const BOILERPLATE = [
  /^Exclusive:/i,
  /^RELATED:/,
  /^This post originally ran on/,
  /^Comments are closed\.$/,
  /^Follow .* on Facebook and Twitter\.$/,
];

function squash(text: string): string {
  return normaliseCharacters(text).replace(/\s+/g, ' ').trim();
}

/** Sentences of the body paragraphs of a raw seed (boilerplate lines left out). */
function bodySentences(raw: string): string[] {
  return raw
    .split(/\n\s*\n|\n/)
    .map(squash)
    .filter((p) => p && !BOILERPLATE.some((b) => b.test(p)))
    .flatMap((p) => p.split(/(?<=[.!?][”"’]?)\s+(?=[“"A-Z])/))
    .filter((s) => s.length > 0);
}

function assertCleanBody(raw: string, text: string): void {
  const flat = squash(text);
  for (const sentence of bodySentences(raw)) {
    // The dateline leaves the lead sentence: compare what follows it.
    const withoutDateline = sentence.replace(/^[^()]{2,40} \([^()]{2,40}\) – /, '');
    assert.ok(flat.includes(withoutDateline), `lost from the body: ${withoutDateline.slice(0, 80)}…`);
  }
  for (const line of text.split('\n\n')) {
    for (const pattern of BOILERPLATE) assert.doesNotMatch(line, pattern);
  }
  assert.doesNotMatch(text, /Comments are closed|originally ran on|on Facebook and Twitter/);
}

describe('seed 000 (teleSUR)', skipUnlessShared('seeds', SEED_TELESUR), () => {
  test('source teleSUR and place Caracas from the dateline; boilerplate gone; every body sentence kept', () => {
    const raw = readSeed(SEED_TELESUR);
    const article = articleFromText(raw, { origin: SEED_TELESUR });
    assert.equal(article.source, 'teleSUR');
    assert.equal(article.place, 'Caracas');
    assert.equal(article.provenance.source, 'dateline');
    assert.equal(article.language, 'en');
    assert.deepEqual(article.removed.map((r) => r.kind).sort(), [
      'comments',
      'dateline',
      'promo',
      'promo',
      'syndication',
    ]);
    assertCleanBody(raw, article.text);
  });
});

describe('seed 003 (the right-wing outlet)', skipUnlessShared('seeds', SEED_BREITBART), () => {
  test('author Frances Martel from the footer; the repeated paragraph appears once; every body sentence kept', () => {
    const raw = readSeed(SEED_BREITBART);
    const article = articleFromText(raw, { origin: SEED_BREITBART });
    assert.equal(article.author, 'Frances Martel');
    assert.equal(article.provenance.author, 'byline-footer');
    const truncated = article.removed.filter((r) => r.kind === 'truncated-duplicate');
    assert.equal(truncated.length, 1);
    // The cut-off piece opens a paragraph that is kept whole exactly once.
    const opening = truncated[0]!.text.slice(0, 60);
    assert.equal(
      article.text.split(opening).length - 1,
      1,
      'the repeated paragraph must appear exactly once',
    );
    for (const paragraph of article.text.split('\n\n')) {
      assert.match(
        paragraph,
        /[.!?:…]["”’)]*$/,
        `a paragraph still ends mid-sentence: …${paragraph.slice(-60)}`,
      );
    }
    assertCleanBody(raw, article.text);
  });
});
