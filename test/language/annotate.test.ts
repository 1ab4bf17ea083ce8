import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotate } from '../../src/language/index.ts';
import type { Doc } from '../../src/model/index.ts';
import { articleOf } from './support.ts';

function sentenceTexts(doc: Doc): string[] {
  return doc.sentences.map((s) => doc.article.text.slice(s.start, s.end));
}

function entity(doc: Doc, text: string) {
  return doc.entities.find((e) => e.text === text);
}

test('sentences survive title abbreviations and initials', () => {
  const doc = annotate(
    articleOf(
      'Gen. Ortega met Dr. Ana Ruiz in the U.S. on Monday. Lt. Col. J. R. Mora stayed home. Sgt. Pike left at 5 p.m. yesterday.',
    ),
  );
  assert.deepEqual(sentenceTexts(doc), [
    'Gen. Ortega met Dr. Ana Ruiz in the U.S. on Monday.',
    'Lt. Col. J. R. Mora stayed home.',
    'Sgt. Pike left at 5 p.m. yesterday.',
  ]);
});

test('a closing quotation mark stays with its sentence', () => {
  const doc = annotate(articleOf('“We will stay. We will not leave. ” Then the dockers went home.'));
  const texts = sentenceTexts(doc);
  assert.ok(
    texts.some((t) => t.endsWith('leave. ”')),
    texts.join(' | '),
  );
  assert.ok(!texts.includes('”'));
});

test('token spans slice to their text, with diacritics folded in norm', () => {
  const text = 'Nicolás Peña’s dockers met in São Tomé.\n\nThey left.';
  const doc = annotate(articleOf(text));
  for (const token of doc.tokens) assert.equal(text.slice(token.start, token.end), token.text);
  for (const s of doc.sentences) assert.ok(s.endToken > s.firstToken);
  assert.equal(doc.tokens.find((t) => t.text === 'Nicolás')?.norm, 'nicolas');
  assert.ok(doc.tokens.every((t) => t.text.trim() !== ''));
  assert.equal(doc.tokens.find((t) => t.text === 'met')?.lemma, 'meet');
  assert.equal(doc.tokens.find((t) => t.text === 'met')?.pos, 'VERB');
});

test('entities: people without their titles, organisations, places, possessives left out', () => {
  const text =
    'Harbour Minister of Transport Olga Vrenko said the Dockers Union would meet in Valparaiso. Vrenko’s aide, Captain Ilse Marrow, agreed. Marrow called the Port Authority of Lisvane (PAL) slow. U.S. President Ada Kestrel stayed silent.';
  const doc = annotate(articleOf(text));
  for (const e of doc.entities) assert.equal(text.slice(e.start, e.end), e.text);
  assert.equal(entity(doc, 'Olga Vrenko')?.type, 'person');
  assert.equal(entity(doc, 'Ilse Marrow')?.type, 'person');
  assert.equal(entity(doc, 'Vrenko')?.type, 'person'); // possessive stripped, surname upgraded
  assert.equal(entity(doc, 'Marrow')?.type, 'person');
  assert.equal(entity(doc, 'Dockers Union')?.type, 'organization');
  assert.equal(entity(doc, 'Port Authority of Lisvane')?.type, 'organization');
  assert.equal(entity(doc, 'PAL')?.type, 'organization');
  assert.equal(entity(doc, 'Valparaiso')?.type, 'place');
  assert.equal(entity(doc, 'U.S.')?.type, 'place');
  assert.equal(entity(doc, 'Ada Kestrel')?.type, 'person');
  assert.equal(entity(doc, 'Captain Ilse Marrow'), undefined);
});

test('headline-like promo lines yield no invented people', () => {
  const doc = annotate(
    articleOf('EXCLUSIVE: Breaking Down The Secret Harbour Deal In Lisvane\n\nThe strike went on.'),
  );
  assert.ok(!doc.entities.some((e) => e.type === 'person'), JSON.stringify(doc.entities));
});

test('Title-Case common phrases are not people; given names split roles and places off', () => {
  const text =
    'Readers of Storm Coverage Weekly wrote in. Harbour Reporter Marta Quell asked Charles Penrose of Lisvane about the Ferry Shutdown.';
  const doc = annotate(articleOf(text));
  const people = doc.entities.filter((e) => e.type === 'person').map((e) => e.text);
  assert.deepEqual(people, ['Marta Quell', 'Charles Penrose']);
  for (const e of doc.entities) assert.equal(text.slice(e.start, e.end), e.text);
});

test('names with inner capitals, hyphens and initials keep their shape', () => {
  const text = 'Dockers cheered Sean McBride, Ina Holm-Berg and Piet J. Vos on the quay.';
  const doc = annotate(articleOf(text));
  assert.deepEqual(
    doc.entities.filter((e) => e.type === 'person').map((e) => e.text),
    ['Sean McBride', 'Ina Holm-Berg', 'Piet J. Vos'],
  );
});

test('empty and whitespace-only texts give an empty Doc', () => {
  for (const text of ['', '  \n\n  ']) {
    const doc = annotate(articleOf(text));
    assert.deepEqual(
      [doc.tokens, doc.sentences, doc.entities, doc.quantities, doc.dates],
      [[], [], [], [], []],
    );
  }
});

test('a party tag does not end the sentence or become a name; lone speakers are people', () => {
  const text = 'Sen. Ada Moor (D-Lis.) and Mr. King met. “No,” said Vantongeren. Pell told them to wait.';
  const doc = annotate(articleOf(text));
  assert.equal(doc.sentences.length, 3, JSON.stringify(doc.sentences.map((s) => text.slice(s.start, s.end))));
  assert.deepEqual(
    doc.entities.filter((e) => e.type === 'person').map((e) => e.text),
    ['Ada Moor', 'King', 'Vantongeren', 'Pell'],
  );
});

test('title words inside institutions and title chains name no one by themselves', () => {
  const text =
    'Officials at the Harbour Department said Deputy Attorney General Lena Ruud and Vice President Ole Brak met. The Vice President left.';
  const doc = annotate(articleOf(text));
  assert.deepEqual(
    doc.entities.map((e) => [e.text, e.type]),
    [
      ['Harbour Department', 'organization'],
      ['Lena Ruud', 'person'],
      ['Ole Brak', 'person'],
    ],
  );
});

test('spans stay exact around emoji, no-break spaces, CRLF and line separators', () => {
  const text =
    'Ana\u00a0Vel met 😀 Dr.\tOla Brun.\r\n\r\nThey paid $5\u00a0million.\u2028Then Ina Roos left.';
  const doc = annotate(articleOf(text));
  for (const t of doc.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  for (const e of [...doc.entities, ...doc.quantities]) assert.equal(text.slice(e.start, e.end), e.text);
  assert.deepEqual(
    doc.entities.filter((e) => e.type === 'person').map((e) => e.text),
    ['Ana\u00a0Vel', 'Ola Brun', 'Ina Roos'],
  );
});

test('entities: a weekday after a name is not part of it; a month may be ("Theresa May")', () => {
  const text = 'Harbour Councillors Tuesday rejected the plan. Former prime minister Theresa May visited Lisvane.';
  const doc = annotate(articleOf(text));
  assert.ok(entity(doc, 'Harbour Councillors'), JSON.stringify(doc.entities.map((e) => e.text)));
  assert.ok(!doc.entities.some((e) => /Tuesday/.test(e.text)), JSON.stringify(doc.entities.map((e) => e.text)));
  assert.ok(entity(doc, 'Theresa May'), JSON.stringify(doc.entities.map((e) => e.text)));
});

test('entities: "Group of 7" is one organisation; a number elsewhere after "of" ends the name', () => {
  const text = 'The Group of 7 nations pledged doses. The Council of Lisvane met for 2 hours. Members of 12 unions marched.';
  const doc = annotate(articleOf(text));
  assert.equal(entity(doc, 'Group of 7')?.type, 'organization', JSON.stringify(doc.entities));
  assert.ok(!doc.entities.some((e) => /\d/.test(e.text) && e.text !== 'Group of 7'), JSON.stringify(doc.entities.map((e) => e.text)));
});

test('entities: a party word before a given name is a title; inside an organisation’s name it stays', () => {
  const text = 'Democrat Melanie Reyes won the seat. She beat Republican Mark Dunn. The Republican National Committee said little, and the House Republican Conference met.';
  const doc = annotate(articleOf(text));
  const names = doc.entities.map((e) => e.text);
  for (const name of ['Melanie Reyes', 'Mark Dunn', 'Republican National Committee', 'House Republican Conference']) assert.ok(names.includes(name), JSON.stringify(names));
  assert.ok(!names.includes('Democrat Melanie Reyes') && !names.includes('Republican Mark Dunn'), JSON.stringify(names));
});
