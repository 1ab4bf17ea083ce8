import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleFromHtml, articleFromText, contentId } from '../../src/ingest/article.ts';

const BODY = [
  'Calvo Bay (Dock Gazette) – The dockers of Port Veyra voted on Sunday to return to the cranes after two weeks on strike.',
  'Their union said the vote was close, and that talks with the terminal operator would resume on Monday morning.',
  'Follow Rui Almada on Facebook and Twitter.',
].join('\n\n');

test('plain text: metadata from the text, with provenance; id from the cleaned text', () => {
  const article = articleFromText(BODY, { origin: 'gazette.txt' });
  assert.equal(article.origin, 'gazette.txt');
  assert.equal(article.source, 'Dock Gazette');
  assert.equal(article.place, 'Calvo Bay');
  assert.equal(article.author, 'Rui Almada');
  assert.equal(article.language, 'en');
  assert.deepEqual(article.provenance, {
    source: 'dateline',
    place: 'dateline',
    author: 'byline-footer',
    language: 'detected',
  });
  assert.ok(article.text.startsWith('The dockers of Port Veyra'));
  assert.equal(article.id, contentId(article.text));
  assert.match(article.id, /^[0-9a-f]{12}$/);
  assert.equal(articleFromText(BODY, { origin: 'copy.txt' }).id, article.id);
  assert.deepEqual(article.warnings, []);
});

test('given metadata wins over the text, and is marked as input', () => {
  const article = articleFromText(BODY, {
    id: 'given-id',
    source: 'Veyra Wire',
    author: 'Ana Pereira',
    published: '2026-03-01',
  });
  assert.equal(article.id, 'given-id');
  assert.equal(article.source, 'Veyra Wire');
  assert.equal(article.provenance.source, 'input');
  assert.equal(article.author, 'Ana Pereira');
  assert.equal(article.published, '2026-03-01');
  assert.equal(article.place, 'Calvo Bay');
});

test('an unreadable date is dropped with a warning', () => {
  const article = articleFromText(BODY, { published: 'the day after the strike' });
  assert.equal(article.published, null);
  assert.match(article.warnings.join('\n'), /cannot read the publication date/);
});

test('text with nothing but boilerplate is NO_ARTICLE', () => {
  assert.throws(
    () => articleFromText('Comments are closed.\n\nShare this article on Facebook', { origin: 'x.txt' }),
    { code: 'NO_ARTICLE', input: 'x.txt' },
  );
});

test('non-English text is accepted with its language and a warning', () => {
  const article = articleFromText(
    'Los estibadores del puerto votaron el domingo para volver al trabajo después de dos semanas de huelga, dijo el sindicato.',
  );
  assert.equal(article.language, 'es');
  assert.equal(article.warnings.length, 1);
});

test('HTML: page metadata, cleaned body, the page title not repeated in the body', () => {
  const html = `<!DOCTYPE html><html lang="en"><head><title>Dockers Vote to End Strike</title>
    <meta property="og:site_name" content="Dock Gazette"><meta name="author" content="Rui Almada">
    <meta property="article:published_time" content="2026-03-03T10:00:00Z"></head>
    <body><article><h1>Dockers Vote to End Strike</h1>
    <p>The dockers of Port Veyra voted on Sunday to return to the cranes after two weeks on strike, ending the longest stoppage in the harbour for a decade.</p>
    <p>Their union said the vote was close, and that talks with the terminal operator would resume on Monday morning at the port authority.</p>
    <p>Comments are closed.</p></article></body></html>`;
  const article = articleFromHtml(html, { origin: 'page.html', url: 'https://gazette.example/vote' });
  assert.equal(article.title, 'Dockers Vote to End Strike');
  assert.equal(article.source, 'Dock Gazette');
  assert.equal(article.author, 'Rui Almada');
  assert.equal(article.provenance.author, 'html-meta');
  assert.equal(article.url, 'https://gazette.example/vote');
  assert.ok(article.text.startsWith('The dockers of Port Veyra'), article.text);
  assert.ok(!article.text.includes('Comments are closed'));
  assert.ok(article.removed.some((r) => r.kind === 'comments'));
});
