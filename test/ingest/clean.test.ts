import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText } from '../../src/ingest/clean.ts';

const LEAD = 'The dockers of Port Veyra voted on Sunday to return to the cranes after two weeks on strike.';
const SECOND =
  'Their union said the vote was close, and that talks with the terminal operator would resume on Monday.';

test('normalises Unicode to NFC, spaces and line breaks, and keeps curly quotes', () => {
  const decomposed =
    'Governor Elena Ma\u0301rquez said\u00a0it was \u201cover\u201d.\r\n\r\nThe  port\u200b reopened\ton Monday.';
  const { text } = cleanText(decomposed);
  assert.equal(text, 'Governor Elena Márquez said it was “over”.\n\nThe port reopened on Monday.');
});

test('maps quote look-alikes to standard quotation marks', () => {
  const { text } = cleanText(
    "He called it ``a ransom note'' and left. The union called it \u201Fa contract\u201D.",
  );
  assert.equal(text, 'He called it “a ransom note” and left. The union called it “a contract”.');
});

test('joins hard-wrapped lines and splits paragraphs on blank lines', () => {
  const { text } = cleanText(`The dockers of Port Veyra voted\non Sunday to return.\n\n\n${SECOND}`);
  assert.equal(text, `The dockers of Port Veyra voted on Sunday to return.\n\n${SECOND}`);
});

test('a text without blank lines has one paragraph per line', () => {
  const { text } = cleanText(`${LEAD}\n${SECOND}`);
  assert.equal(text, `${LEAD}\n\n${SECOND}`);
});

test('a headline-like first line becomes the title, recorded as removed', () => {
  const result = cleanText(`Dockers Vote to End Strike in Port Veyra\n\n${LEAD}\n\n${SECOND}`);
  assert.deepEqual(result.metadata.title, {
    value: 'Dockers Vote to End Strike in Port Veyra',
    origin: 'first-line',
  });
  assert.deepEqual(result.removed, [{ kind: 'title', text: 'Dockers Vote to End Strike in Port Veyra' }]);
  assert.ok(result.text.startsWith(LEAD));
});

test('a first sentence is not taken for a headline', () => {
  const result = cleanText(`${LEAD}\n\n${SECOND}`);
  assert.equal(result.metadata.title, undefined);
  assert.equal(result.removed.length, 0);
});

test('a known title repeated as the first paragraph is removed without re-detecting', () => {
  const result = cleanText(`Dockers vote to end strike\n\n${LEAD}`, {
    knownTitle: 'Dockers Vote to End Strike',
  });
  assert.equal(result.text, LEAD);
  assert.deepEqual(result.removed, [{ kind: 'title', text: 'Dockers vote to end strike' }]);
});

test('promotional lines, share prompts and comment chrome are removed and recorded', () => {
  const input = [
    LEAD,
    'Exclusive: Inside the Union Accounts',
    SECOND,
    'RELATED: The Port That Ran Out of Cranes',
    'Share this article on Facebook',
    'Read more',
    'Comments are closed.',
  ].join('\n\n');
  const result = cleanText(input);
  assert.equal(result.text, `${LEAD}\n\n${SECOND}`);
  assert.deepEqual(
    result.removed.map((r) => r.kind),
    ['promo', 'promo', 'promo', 'promo', 'comments'],
  );
});

test('"Exclusive:" opening a real sentence stays', () => {
  const line = 'Exclusive: the governor told the Herald on Monday that she would not negotiate.';
  assert.equal(cleanText(`${line}\n\n${SECOND}`).text, `${line}\n\n${SECOND}`);
});

test('a syndication line gives the source and leaves the body', () => {
  const result = cleanText(`${LEAD}\n\nThis post originally ran on The Dock Gazette.`);
  assert.equal(result.text, LEAD);
  assert.deepEqual(result.metadata.source, { value: 'The Dock Gazette', origin: 'syndication-line' });
  assert.deepEqual(result.removed, [
    { kind: 'syndication', text: 'This post originally ran on The Dock Gazette.' },
  ]);
});

test('a "Follow <name> on …" footer gives the author', () => {
  const result = cleanText(`${LEAD}\n\nFollow Rui Almada on Facebook and Twitter.`);
  assert.equal(result.text, LEAD);
  assert.deepEqual(result.metadata.author, { value: 'Rui Almada', origin: 'byline-footer' });
  assert.equal(result.removed[0]?.kind, 'byline-footer');
});

test('a dateline gives place and outlet and is taken off the lead', () => {
  const result = cleanText(`Calvo Bay (Dock Gazette) – ${LEAD}\n\n${SECOND}`);
  assert.ok(result.text.startsWith('The dockers of Port Veyra'));
  assert.deepEqual(result.metadata.place, { value: 'Calvo Bay', origin: 'dateline' });
  assert.deepEqual(result.metadata.source, { value: 'Dock Gazette', origin: 'dateline' });
  assert.deepEqual(result.removed, [{ kind: 'dateline', text: 'Calvo Bay (Dock Gazette) –' }]);
});

test('a capitalised dateline without an outlet gives the place', () => {
  const result = cleanText(`CALVO BAY, Calderra — ${LEAD}`);
  assert.equal(result.text, LEAD);
  assert.deepEqual(result.metadata.place, { value: 'Calvo Bay', origin: 'dateline' });
  assert.equal(result.metadata.source, undefined);
});

test('a dash inside the lead sentence is not a dateline', () => {
  const lead = 'Governor Elena Márquez – who rarely speaks to the press – said the port would reopen.';
  assert.equal(cleanText(lead).text, lead);
});

test('a paragraph cut off mid-sentence and then repeated whole appears once', () => {
  const whole =
    'The union is demanding a fifteen percent raise, safety inspections on the older cranes and the reinstatement of eleven colleagues.';
  const cut =
    'The union is demanding a fifteen percent raise, safety inspections on the older cranes and the';
  const result = cleanText([LEAD, cut, whole, SECOND].join('\n\n'));
  assert.equal(result.text, [LEAD, whole, SECOND].join('\n\n'));
  assert.deepEqual(result.removed, [{ kind: 'truncated-duplicate', text: cut }]);
});

test('a paragraph whose tail is the cut-off start of the next keeps its own sentences', () => {
  const next =
    'The union is demanding a fifteen percent raise and safety inspections on the older cranes, its leader said.';
  const glued = `${LEAD} The union is demanding a fifteen percent raise and safety inspections`;
  const result = cleanText([glued, next].join('\n\n'));
  assert.equal(result.text, [LEAD, next].join('\n\n'));
  assert.deepEqual(result.removed, [
    {
      kind: 'truncated-duplicate',
      text: 'The union is demanding a fifteen percent raise and safety inspections',
    },
  ]);
});

test('a paragraph ending in a colon (a quote lead-in) is not a cut-off', () => {
  const leadIn = 'The soldier ended his message with a prayer to the patron of the port:';
  const quote = '“The soldier ended his message with a prayer to the patron of the port: keep us,” he said.';
  assert.equal(cleanText([leadIn, quote].join('\n\n')).text, [leadIn, quote].join('\n\n'));
});

test('a paragraph repeated verbatim is kept once', () => {
  const result = cleanText([LEAD, SECOND, LEAD].join('\n\n'));
  assert.equal(result.text, [LEAD, SECOND].join('\n\n'));
  assert.deepEqual(result.removed, [{ kind: 'duplicate', text: LEAD }]);
});

test('HTML text keeps its line breaks when asked', () => {
  const result = cleanText(`${LEAD}\nSecond line of a poem\n\n${SECOND}`, {
    unwrapLines: false,
    detectTitle: false,
  });
  assert.equal(result.text, `${LEAD}\nSecond line of a poem\n\n${SECOND}`);
});

test('bylines, credits and section labels on the first line are not headlines', () => {
  for (const first of [
    'Rui Almada and Lucía Ferrer',
    'From the Port',
    'The harbour at dawn (Ana Pereira/Veyra Wire)',
    'Ana Pereira / Veyra Wire',
  ]) {
    assert.equal(cleanText(`${first}\n\n${LEAD}`).metadata.title, undefined, first);
  }
});

test('a syndication line with "the" and a time gives the bare outlet name', () => {
  assert.equal(
    cleanText(`${LEAD}\n\nThis article first appeared in the Dock Gazette.`).metadata.source?.value,
    'Dock Gazette',
  );
  assert.equal(
    cleanText(`${LEAD}\n\nThis article first appeared on Veyra Wire at 9:15 a.m. on March 4, 2026.`).metadata
      .source?.value,
    'Veyra Wire',
  );
});

test('short repeated lines and repeated questions are kept (lists, interviews)', () => {
  const question =
    'What drew you to the cranes in the first place, and would you choose the same work again today?';
  const input = [
    LEAD,
    '1 cup blueberries',
    question,
    'Ferrer: the money.',
    '1 cup blueberries',
    question,
    'Ruano: the sea.',
  ].join('\n\n');
  assert.equal(cleanText(input).text, input);
});

test('a cut-off copy far from its whole paragraph is not an artifact', () => {
  const whole =
    'The union is demanding a fifteen percent raise, safety inspections on the older cranes and more.';
  const cut = 'The union is demanding a fifteen percent raise, safety inspections on the older cranes and';
  const input = [LEAD, cut, SECOND, whole].join('\n\n');
  assert.equal(cleanText(input).text, input);
});

test('a "By <name>" line near the top gives the author and leaves the body', () => {
  const result = cleanText(
    `Dockers Vote to End Strike in Port Veyra\n\nBY ANA PEREIRA | Dock Gazette\n\n${LEAD}\n\nBy Sunday night the cranes were turning again.`,
  );
  assert.deepEqual(result.metadata.author, { value: 'Ana Pereira', origin: 'byline-line' });
  assert.equal(result.text, `${LEAD}\n\nBy Sunday night the cranes were turning again.`);
  assert.deepEqual(
    result.removed.map((r) => r.kind),
    ['title', 'byline'],
  );
});

test('a byline further down the text is left alone', () => {
  const late = [LEAD, SECOND, LEAD.replace('Sunday', 'Monday'), 'By Marta Quiroga'].join('\n\n');
  assert.equal(cleanText(late).metadata.author, undefined);
});

test('a byline keeps its names and drops the affiliation after them', () => {
  const author = (line: string): string | undefined => cleanText(`${line}\n\n${LEAD}`).metadata.author?.value;
  assert.equal(author('By Marta Quiroga and Rui Almada, Veyra Free Press'), 'Marta Quiroga and Rui Almada');
  assert.equal(author('By Ana Pereira, Staff Writer'), 'Ana Pereira');
  assert.equal(
    author('By Ana Pereira, Rui Almada and Lucía Ferrer'),
    'Ana Pereira, Rui Almada and Lucía Ferrer',
  );
});

test('lines longer than a wrap width are paragraphs even where other paragraphs have blank lines', () => {
  const { text } = cleanText(
    `${LEAD}\n${SECOND}\n\nThe third paragraph came after a blank line, as the others should have.`,
  );
  assert.equal(
    text,
    `${LEAD}\n\n${SECOND}\n\nThe third paragraph came after a blank line, as the others should have.`,
  );
});

test('a dateline with a doubled hyphen gives the bare place', () => {
  assert.equal(cleanText(`CALVO BAY-- ${LEAD}`).metadata.place?.value, 'Calvo Bay');
});
