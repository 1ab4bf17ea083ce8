import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ParallaxError } from '../../src/errors.ts';
import { extractHtml, toIsoDate } from '../../src/ingest/html.ts';

/** A fictional harbour story, long enough for Readability to take it for an article. */
const BODY = [
  'Dock workers at the port of Vellmar walked off the job on Tuesday morning after talks over night-shift pay broke down late on Monday.',
  'The union said about 1,200 members had joined the stoppage, leaving three container ships waiting at anchor outside the breakwater.',
  'The port authority called the strike premature and said it had offered a raise of four percent spread over two years.',
  'Shipping agents warned that perishable cargo, mostly fruit bound for inland markets, could spoil if the ships were not unloaded by Friday.',
];

function page({
  head = '',
  before = '',
  after = '',
  lang = 'en',
}: { head?: string; before?: string; after?: string; lang?: string } = {}): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Strike shuts Vellmar port | Coastal Ledger</title>${head}</head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Strike shuts Vellmar port</h1>${before}${BODY.map((p) => `<p>${p}</p>`).join('\n')}${after}</article>
<footer><p>© Coastal Ledger. All rights reserved.</p></footer></body></html>`;
}

describe('extractHtml: body text', () => {
  test('keeps every body paragraph, separated by blank lines, and no navigation or footer', () => {
    const result = extractHtml(page());
    const paragraphs = result.text.split('\n\n');
    for (const sentence of BODY) assert.ok(paragraphs.includes(sentence), `missing: ${sentence}`);
    assert.ok(!result.text.includes('Home'));
    assert.ok(!result.text.includes('All rights reserved'));
  });

  test('turns <br> into a line break inside a paragraph', () => {
    const result = extractHtml(page({ after: '<p>Harbour office<br>Quay Street 4<br>Vellmar</p>' }));
    assert.ok(result.text.split('\n\n').includes('Harbour office\nQuay Street 4\nVellmar'), result.text);
  });

  test('keeps subheadings and list items as their own paragraphs', () => {
    const result = extractHtml(
      page({
        after:
          '<h2>What the union wants</h2><ul><li>A night-shift bonus of twelve percent for every docker.</li><li>Two extra crane drivers on each shift.</li></ul>',
      }),
    );
    const paragraphs = result.text.split('\n\n');
    assert.ok(paragraphs.includes('What the union wants'));
    assert.ok(paragraphs.includes('Two extra crane drivers on each shift.'));
  });

  test('decodes entities', () => {
    const result = extractHtml(
      page({
        after:
          '<p>The mayor said &ldquo;enough is enough&rdquo; &amp; urged both sides&nbsp;to talk &#8212; again &#x263A;.</p>',
      }),
    );
    assert.ok(
      result.text.includes('The mayor said “enough is enough” & urged both sides to talk — again ☺.'),
      result.text,
    );
  });

  test('never lets scripts, styles or templates leak into the text', () => {
    const result = extractHtml(
      page({
        head: '<style>p { color: red; } .secret-style {}</style><script>var secretScript = 1;</script>',
        after:
          '<script>window.secretInline = "x";</script><noscript>secret noscript</noscript><template><p>secret template</p></template><style>.x{}</style>',
      }),
    );
    assert.ok(!/secret|color: red/.test(result.text), result.text);
  });

  test('drops figure captions, photo credits, share widgets and related-story boxes', () => {
    const result = extractHtml(
      page({
        before:
          '<figure><img src="ship.jpg"><figcaption>Ships wait outside the breakwater. Photo: Ida Brandt</figcaption></figure>' +
          '<div class="share-tools"><a href="#">Share on social media</a></div>',
        after:
          '<p>Image copyright Harbour Pictures</p>' +
          '<div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Ferry fares to rise in spring</a></li><li><a href="/b">New crane arrives at the port</a></li><li><a href="/c">Fishing quotas cut again</a></li></ul></div>',
      }),
    );
    for (const gone of [
      'breakwater. Photo',
      'Share on social',
      'Harbour Pictures',
      'Ferry fares',
      'Fishing quotas',
    ]) {
      assert.ok(!result.text.includes(gone), `should be gone: ${gone}`);
    }
    assert.ok(result.removed.some((r) => r.text.includes('Ships wait outside')));
    for (const sentence of BODY) assert.ok(result.text.includes(sentence));
  });

  test('drops a list of links to other stories but keeps a body list with a link in it', () => {
    const result = extractHtml(
      page({
        after:
          '<ul><li>The union wants a <a href="/pay">night-shift bonus</a> of twelve percent for every docker on the quay.</li><li>It also asks for two extra crane drivers on each shift at the container terminal.</li><li>Both demands date from the last contract of three years ago.</li></ul>' +
          '<ul><li><a href="/a">Ferry fares to rise in spring</a></li><li><a href="/b">New crane arrives at the port</a></li><li><a href="/c">Fishing quotas cut again</a></li></ul>',
      }),
    );
    assert.ok(result.text.includes('two extra crane drivers'));
    assert.ok(!result.text.includes('Ferry fares'), result.text);
    assert.ok(result.removed.some((r) => r.kind === 'navigation' && r.text.includes('Fishing quotas')));
  });

  test('drops bylines and timestamps at the edges of the body but keeps a closing sentence naming a time', () => {
    const result = extractHtml(
      page({
        before: '<p>By Mara Quist</p><p>Published 7:30 AM CET Mar 4, 2031</p>',
        after:
          '<p>Talks resume on Thursday at 10:00 in the harbour office.</p><p>Updated: 4.3.2031, 11:05</p>',
      }),
    );
    assert.ok(result.text.startsWith(BODY[0]), result.text);
    assert.ok(result.text.endsWith('Talks resume on Thursday at 10:00 in the harbour office.'), result.text);
    assert.ok(result.removed.some((r) => r.text === 'Published 7:30 AM CET Mar 4, 2031'));
  });

  test('keeps short prose that merely starts like a credit, a promo or a notice', () => {
    const kept = [
      'Picture the quay at dawn: forty cranes and not one moving.',
      'The harbour master would not say when talks resume, he told Bloomberg.',
    ];
    const result = extractHtml(
      page({ after: kept.map((p) => `<p>${p}</p>`).join('') + `<p>${BODY[0]}</p>` }),
    );
    for (const sentence of kept) assert.ok(result.text.includes(sentence), `missing: ${sentence}`);
  });

  test("drops the author's bio and a contact line at the tail", () => {
    const result = extractHtml(
      page({
        head: '<meta name="author" content="Mara Quist">',
        after:
          '<p>Mara Quist is a reporter on the harbour beat who has covered the port for ten years and lives nearby.</p><p>Write to Mara Quist at mara@ledger.example</p>',
      }),
    );
    assert.equal(result.text, BODY.join('\n\n'));
    assert.ok(
      result.removed.some((r) => r.kind === 'byline-footer' && r.text.startsWith('Mara Quist is a reporter')),
    );
  });

  test('drops widget labels, gallery counters, promo lines and copyright notices inside the body', () => {
    const result = extractHtml(
      page({
        before: '<p>Skip to content</p><p>Image 1 of 6</p>',
        after:
          '<p>Related: Ferry timetable changes for the summer</p><p>Sign up for our morning newsletter here.</p><p>Copyright 2031 Coastal Ledger. All rights reserved.</p>',
      }),
    );
    for (const gone of [
      'Skip to content',
      'Image 1 of 6',
      'Ferry timetable',
      'morning newsletter',
      'All rights reserved',
    ]) {
      assert.ok(!result.text.includes(gone), `should be gone: ${gone}`);
    }
    assert.equal(result.text, BODY.join('\n\n'));
  });

  test('drops a caption that repeats an image alt text, and a related-stories header with its headlines', () => {
    const result = extractHtml(
      page({
        before:
          '<div><img src="crane.jpg" alt="A crane idles over an empty berth at dawn"></div><p>A crane idles over an empty berth at dawn</p>',
        after:
          '<p><strong>DON\'T MISS</strong><br><a href="/x">Ferry timetable changes for the summer</a><br><a href="/y">Lighthouse keeper retires after forty years</a></p>',
      }),
    );
    assert.equal(result.text, BODY.join('\n\n'));
    assert.ok(result.removed.some((r) => r.text === 'A crane idles over an empty berth at dawn'));
  });

  test('survives malformed markup: unclosed tags, stray closers, bad nesting', () => {
    const html = `<html><head><title>Broken</title><body><div><p>${BODY[0]}<p>${BODY[1]}</b></i><div><p>${BODY[2]}<span><p>${BODY[3]}</div></td></tr>`;
    const result = extractHtml(html);
    for (const sentence of BODY) assert.ok(result.text.includes(sentence), `missing: ${sentence}`);
  });

  test('accepts a bare fragment without <html> or <body>', () => {
    const result = extractHtml(BODY.map((p) => `<p>${p}</p>`).join(''));
    assert.equal(result.text, BODY.join('\n\n'));
  });

  test('falls back to the densest block of paragraphs when Readability finds nothing', () => {
    // Readability skips invisible nodes; a script-revealed article sits in a hidden container.
    const html = `<html><body><nav><a href="/">Home</a></nav><div hidden>${BODY.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    assert.equal(extractHtml(html).text, BODY.join('\n\n'));
  });

  test('throws NO_ARTICLE for a page with no article, naming the URL', () => {
    const empty =
      '<html><head><title>Sign in</title></head><body><form><input name="user"><button>Log in</button></form><nav><a href="/">Home</a></nav></body></html>';
    assert.throws(
      () => extractHtml(empty, 'https://example.org/login'),
      (error: unknown) =>
        error instanceof ParallaxError &&
        error.code === 'NO_ARTICLE' &&
        error.input === 'https://example.org/login',
    );
    assert.throws(
      () => extractHtml(''),
      (error: unknown) => error instanceof ParallaxError && error.code === 'NO_ARTICLE',
    );
    assert.throws(
      () => extractHtml('<<<>>> not html at all &&&'),
      (error: unknown) => error instanceof ParallaxError && error.code === 'NO_ARTICLE',
    );
  });
});

describe('extractHtml: metadata', () => {
  test('reads <meta> tags, <link rel=canonical> and <html lang>', () => {
    const result = extractHtml(
      page({
        lang: 'en-GB',
        head:
          '<meta property="og:title" content="Strike shuts Vellmar port">' +
          '<meta property="og:site_name" content="Coastal Ledger">' +
          '<meta name="author" content="Mara Quist">' +
          '<meta property="article:published_time" content="2031-03-04T07:30:00+01:00">' +
          '<link rel="canonical" href="/news/vellmar-strike">',
      }),
      'https://ledger.example/amp/vellmar-strike?utm=x',
    );
    assert.equal(result.title, 'Strike shuts Vellmar port');
    assert.equal(result.siteName, 'Coastal Ledger');
    assert.equal(result.author, 'Mara Quist');
    assert.equal(result.published, '2031-03-04T06:30:00.000Z');
    assert.equal(result.canonicalUrl, 'https://ledger.example/news/vellmar-strike');
    assert.equal(result.language, 'en');
  });

  test('prefers JSON-LD NewsArticle fields (inside @graph, author objects, publisher name)', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Ledger site' },
        {
          '@type': 'NewsArticle',
          headline: 'Vellmar dockers strike over night pay',
          author: [
            { '@type': 'Person', name: 'Mara Quist' },
            { '@type': 'Person', name: 'Tobias Fenn' },
          ],
          datePublished: '2031-03-04',
          publisher: { '@type': 'Organization', name: 'The Coastal Ledger' },
          mainEntityOfPage: { '@id': 'https://ledger.example/news/vellmar-strike' },
        },
      ],
    };
    const result = extractHtml(
      page({
        head: `<meta name="author" content="Desk"><script type="application/ld+json">${JSON.stringify(ld)}</script>`,
      }),
    );
    assert.equal(result.title, 'Vellmar dockers strike over night pay');
    assert.equal(result.author, 'Mara Quist, Tobias Fenn');
    assert.equal(result.published, '2031-03-04');
    assert.equal(result.siteName, 'The Coastal Ledger');
    assert.equal(result.canonicalUrl, 'https://ledger.example/news/vellmar-strike');
  });

  test('skips broken JSON-LD and falls back to <meta name=date> and the Readability title', () => {
    const result = extractHtml(
      page({
        head: '<script type="application/ld+json">{ not json </script><meta name="date" content="March 4, 2031 10:00 UTC">',
        lang: 'de',
      }),
    );
    assert.equal(result.title, 'Strike shuts Vellmar port');
    assert.equal(result.published, '2031-03-04T10:00:00.000Z');
    assert.equal(result.language, 'de');
    assert.equal(result.author, null);
  });

  test('normalises publication dates to ISO 8601 without inventing a time zone', () => {
    assert.equal(toIsoDate('2031-03-04T07:30:00+01:00'), '2031-03-04T06:30:00.000Z');
    assert.equal(toIsoDate('Tue, 04 Mar 2031 07:30:00 GMT'), '2031-03-04T07:30:00.000Z');
    assert.equal(toIsoDate('2031-03-04'), '2031-03-04');
    assert.equal(toIsoDate('2031-03-04T07:30'), '2031-03-04T07:30');
    assert.equal(toIsoDate('next Tuesday'), null);
    assert.equal(toIsoDate(null), null);
  });

  test('cleans bylines: a glued or trailing date goes, CMS placeholders are no author', () => {
    const byline = (name: string) =>
      extractHtml(page({ head: `<meta name="author" content="${name}">` })).author;
    assert.equal(byline('By Mara QuistMarch 4, 2031'), 'Mara Quist');
    assert.equal(byline('Mara Quist - 2031-03-04'), 'Mara Quist');
    assert.equal(byline('admin'), null);
  });

  test('an author that is the outlet itself is no author', () => {
    const result = extractHtml(
      page({
        head: '<meta property="og:site_name" content="Coastal Ledger"><meta name="author" content="Coastal Ledger">',
      }),
    );
    assert.equal(result.author, null);
    assert.equal(result.siteName, 'Coastal Ledger');
  });

  test('reads the date from microdata when no <meta> gives it', () => {
    const result = extractHtml(
      page({ before: '<time itemprop="datePublished" datetime="2031-03-04T07:30:00Z">4 March</time>' }),
    );
    assert.equal(result.published, '2031-03-04T07:30:00.000Z');
  });

  test('null for what a page does not say', () => {
    const result = extractHtml(
      `<html><body><article>${BODY.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
    );
    assert.equal(result.author, null);
    assert.equal(result.published, null);
    assert.equal(result.canonicalUrl, null);
    assert.equal(result.language, null);
  });
});
