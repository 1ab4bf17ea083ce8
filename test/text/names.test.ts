import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { articleName, HEADLINE_AS_NAME_MAX_CHARS, shortenAtWord } from '../../src/text/names.ts';

const base = { source: null, author: null, title: null, origin: 'inputs/story-one.txt', id: 'a1b2' };

describe('articleName', () => {
  test('the outlet first', () => {
    assert.equal(
      articleName({ ...base, source: 'The Lantern', author: 'Ida Brand', title: 'Ferry fares rise' }),
      'The Lantern',
    );
  });

  test('then the author', () => {
    assert.equal(
      articleName({ ...base, author: 'Ida Brand', title: 'Ferry fares rise' }),
      'the article by Ida Brand',
    );
  });

  test('then the headline, shortened at a word boundary', () => {
    const title = 'Ferry Workers End Nine-Day Stoppage as Harbour Board Offers a New Shift Pattern';
    const name = articleName({ ...base, title });
    assert.equal(name, 'Ferry Workers End Nine-Day Stoppage as …');
    assert.ok(name.length <= HEADLINE_AS_NAME_MAX_CHARS + 2);
    assert.ok(title.startsWith(name.slice(0, -2)));
    assert.equal(articleName({ ...base, title: 'Ferry fares rise' }), 'Ferry fares rise');
  });

  test('then the file name, then the id', () => {
    assert.equal(articleName(base), 'story-one.txt');
    assert.equal(articleName({ ...base, origin: 'https://example.org/news/ferry/' }), 'ferry');
    assert.equal(articleName({ ...base, origin: '' }), 'a1b2');
  });

  test('blank fields do not count', () => {
    assert.equal(
      articleName({ ...base, source: '  ', author: '', title: 'Ferry fares rise' }),
      'Ferry fares rise',
    );
  });
});

describe('shortenAtWord', () => {
  test('a single long word is cut inside it', () => {
    assert.equal(shortenAtWord('x'.repeat(50), 10), `${'x'.repeat(10)} …`);
  });
  test('no trailing punctuation before the ellipsis', () => {
    assert.equal(shortenAtWord('Strike ends, march broken up by police', 13), 'Strike ends …');
  });
});

describe('one name in explanations and report', () => {
  test('an article without an outlet is named by its author in both', async () => {
    const { articleFromText } = await import('../../src/ingest/index.ts');
    const { compare } = await import('../../src/compare/index.ts');
    const { renderTerminal } = await import('../../src/report/index.ts');
    const c = compare(
      [
        articleFromText('The Osterby ferry pilots stopped work for six days over the new rota.', {
          origin: 'a.txt',
          author: 'Ida Brand',
        }),
        articleFromText('The Osterby ferry pilots stopped work for nine days over the new rota.', {
          origin: 'b.txt',
          source: 'The Lantern',
        }),
      ],
      { now: new Date(0) },
    );
    const conflict = c.alignments.find((a) => a.kind === 'conflict');
    assert.ok(conflict, c.alignments.map((a) => a.explanation).join('\n'));
    assert.match(conflict.explanation, /\(the article by Ida Brand\) vs .* \(The Lantern\)/);
    assert.match(renderTerminal(c, { color: false }), /the article by Ida Brand/);
  });
});

test('capitalised starts our own phrase with a capital and leaves outlet styling alone', async () => {
  const { capitalised } = await import('../../src/text/names.ts');
  assert.equal(capitalised('the article by Ida Brand'), 'The article by Ida Brand');
  assert.equal(capitalised('teleSUR'), 'teleSUR');
  assert.equal(capitalised('The Lantern'), 'The Lantern');
});
