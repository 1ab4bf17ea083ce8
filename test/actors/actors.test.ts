import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributeQuotes, resolveActors } from '../../src/actors/index.ts';
import { annotate } from '../../src/language/index.ts';
import type { Quote } from '../../src/model/index.ts';
import { articleOf } from '../language/support.ts';
import { actorNamed, assertSpansSlice, mentionTexts, runActors } from './support.ts';

test('a surname alone resolves to the person last named with it; same-surname people stay apart', () => {
  const run = runActors([
    {
      id: 'a',
      text:
        'Dock leader Rosa Kandel led the march on Friday. Kandel said the gates would stay shut.\n\n' +
        'Later, Minister of Ports Tomas Greve Kandel arrived by boat and refused to meet the strikers.',
    },
  ]);
  const rosa = actorNamed(run, 'Rosa Kandel');
  const tomas = actorNamed(run, 'Tomas Greve Kandel');
  assert.ok(rosa && tomas);
  assert.notEqual(rosa.id, tomas.id);
  assert.deepEqual(mentionTexts(run, rosa), ['Rosa Kandel', 'Kandel']);
  assert.deepEqual(mentionTexts(run, tomas), ['Tomas Greve Kandel']);
  assertSpansSlice(run, assert.fail);
});

test('accents and case do not split one person across articles; the canonical name keeps the accents', () => {
  const run = runActors([
    { id: 'a', text: 'Governor Irène Vasquez closed the port. Vasquez blamed the union.' },
    { id: 'b', text: 'The union blamed IRENE VASQUEZ at first, then Irene Vasquez herself.' },
  ]);
  const people = run.actors.filter((a) => /vasquez/.test(a.id));
  assert.equal(people.length, 1, JSON.stringify(people.map((p) => p.name)));
  assert.equal(people[0].name, 'Irène Vasquez');
  assert.equal(people[0].id, 'irene-vasquez');
  assert.deepEqual(Object.keys(people[0].stance).sort(), ['a', 'b']);
});

test('first names, title plus surname, possessives and acronyms', () => {
  const run = runActors([
    {
      id: 'a',
      text:
        'Captain Bruno Lindqvist spoke to the Harbour Workers Federation (HWF) on Monday. Captain Lindqvist’s ship stayed in port. ' +
        'The HWF voted to strike, and Bruno was not surprised.',
    },
  ]);
  const bruno = actorNamed(run, 'Bruno Lindqvist');
  assert.ok(bruno);
  assert.deepEqual(mentionTexts(run, bruno), ['Bruno Lindqvist', 'Lindqvist', 'Bruno']);
  const federation = actorNamed(run, 'Harbour Workers Federation');
  assert.ok(federation);
  assert.equal(federation.type, 'organization');
  assert.deepEqual(federation.aliases, ['HWF']);
  assert.equal(federation.mentions.length, 3);
  assertSpansSlice(run, assert.fail);
});

test('labels of each kind, with polarity and the outlet’s voice', () => {
  const run = runActors([
    {
      id: 'a',
      text:
        'Disgraced tycoon Omar Pell bought the shipyard. Pell’s hired thugs guarded the gate. ' +
        'Pell is a coward, the dockers say. Hana Voss, the port’s chief engineer, resigned. Governor Hana Voss? No: Voss stayed.',
    },
  ]);
  const pell = actorNamed(run, 'Omar Pell');
  assert.ok(pell);
  const byText = new Map(pell.labels.map((l) => [l.text, l]));
  assert.equal(byText.get('Disgraced tycoon')?.kind, 'epithet');
  assert.ok((byText.get('Disgraced tycoon')?.polarity ?? 0) < 0);
  assert.equal(byText.get('hired thugs')?.kind, 'attributive');
  assert.ok((byText.get('hired thugs')?.polarity ?? 0) < 0);
  assert.equal(byText.get('coward')?.kind, 'predicate');
  assert.ok((pell.stance.a ?? 0) < 0);
  const voss = actorNamed(run, 'Hana Voss');
  assert.ok(voss);
  assert.ok(voss.labels.some((l) => l.kind === 'appositive' && l.text === 'the port’s chief engineer'));
  assert.ok(voss.labels.some((l) => l.kind === 'title' && l.text === 'Governor'));
  assertSpansSlice(run, assert.fail);
});

test('a label inside a quotation is the speaker’s (quotedBy), and does not move the outlet’s stance', () => {
  const text = 'Mayor Lena Brandt spoke on Monday. “Lena Brandt is a liar and a thief,” said Paul Okafor.';
  const doc = annotate(articleOf(text, 'q'));
  const open = text.indexOf('“') + 1;
  const close = text.indexOf('”');
  const speakerStart = text.indexOf('Paul Okafor');
  const quote: Quote = {
    id: 'q-1',
    article: 'q',
    start: open,
    end: close - 1,
    text: text.slice(open, close - 1),
    speaker: null,
    speakerName: 'Paul Okafor',
    speakerSpan: { start: speakerStart, end: speakerStart + 'Paul Okafor'.length },
    cue: 'said',
  };
  const actors = resolveActors([doc], [quote]);
  const brandt = actors.find((a) => a.name === 'Lena Brandt');
  assert.ok(brandt);
  const liar = brandt.labels.find((l) => l.kind === 'predicate');
  assert.ok(liar, JSON.stringify(brandt.labels));
  assert.match(liar.text, /^liar/);
  assert.equal(liar.quotedBy, 'Paul Okafor');
  assert.ok(liar.polarity < 0);
  assert.equal(brandt.stance.q, 0);
  assert.equal(brandt.labels.find((l) => l.text === 'Mayor')?.quotedBy, null);
  const [attributed] = attributeQuotes([quote], actors);
  assert.equal(attributed.speaker, 'paul-okafor');
});

test('attributeQuotes resolves a surname and a description within the article', () => {
  const text =
    'Governor Alma Ruiz met union leader Teo Ruiz Vidal on Monday. Later the governor spoke again.';
  const doc = annotate(articleOf(text, 'g'));
  const actors = resolveActors([doc], []);
  const base = { article: 'g', start: 0, end: 1, text: 'x', speaker: null, speakerSpan: null, cue: 'said' };
  const quotes = attributeQuotes(
    [
      { ...base, id: '1', speakerName: 'Ruiz Vidal' },
      { ...base, id: '2', speakerName: 'the governor' },
      { ...base, id: '3', speakerName: 'Nobody Known' },
    ],
    actors,
  );
  assert.deepEqual(
    quotes.map((q) => q.speaker),
    ['teo-ruiz-vidal', 'alma-ruiz', null],
  );
});

test('attributeQuotes: "his latest posts on Twitter" speak for the person named last, "his lawyer" does not', () => {
  const text =
    'Harbour chief Rosa Kandel spoke on Friday. Port minister Tomas Greve said the gates would reopen. His latest posts on Twitter praise the calm. His lawyer said more.';
  const doc = annotate(articleOf(text, 'p'));
  const actors = resolveActors([doc], []);
  const phrase = (words: string): { speakerName: string; speakerSpan: { start: number; end: number } } => {
    const start = text.indexOf(words);
    return { speakerName: words, speakerSpan: { start, end: start + words.length } };
  };
  const base = { article: 'p', start: 0, end: 1, text: 'x', speaker: null, cue: 'said' };
  const quotes = attributeQuotes(
    [
      { ...base, id: '1', ...phrase('His latest posts on Twitter') },
      { ...base, id: '2', ...phrase('His lawyer') },
    ],
    actors,
  );
  assert.equal(quotes[0]!.speaker, 'tomas-greve');
  assert.notEqual(quotes[1]!.speaker, 'tomas-greve');
});

test('a surname-only article joins the most-mentioned person of that surname elsewhere, never both', () => {
  const run = runActors([
    {
      id: 'a',
      text: 'Dock leader Rosa Kandel spoke. Rosa Kandel spoke again, and Kandel left. Minister Tomas Greve Kandel stayed.',
    },
    { id: 'b', text: 'Kandel said the strike would go on.' },
  ]);
  const rosa = actorNamed(run, 'Rosa Kandel');
  const tomas = actorNamed(run, 'Tomas Greve Kandel');
  assert.ok(rosa && tomas);
  assert.ok(rosa.mentions.some((m) => m.article === 'b'));
  assert.ok(!tomas.mentions.some((m) => m.article === 'b'));
});

test('one country under its usual spellings', () => {
  const run = runActors([
    { id: 'a', text: 'Ships from the United States waited. U.S. officials said the U.S. would help.' },
    { id: 'b', text: 'The US embassy in Lisvane stayed closed.' },
  ]);
  const places = run.actors.filter((a) => a.type === 'place' && /united-states|^u-?s$/.test(a.id));
  assert.equal(places.length, 1, JSON.stringify(run.actors.map((a) => a.name)));
  assert.equal(places[0].name, 'United States');
  assert.deepEqual(Object.keys(places[0].stance).sort(), ['a', 'b']);
});

test('attributeQuotes: a one-word speaker is the namesake named last before the quote, in that article', () => {
  const text = 'Rosa Kandel spoke first. Later Minister Tomas Greve Kandel arrived. Kandel said no.';
  const doc = annotate(articleOf(text, 'k'));
  const actors = resolveActors([doc], []);
  const at = text.indexOf('no.');
  const base = {
    id: 'k1',
    article: 'k',
    start: at,
    end: at + 2,
    text: 'no',
    speaker: null,
    speakerSpan: null,
    cue: 'said',
  };
  const [early] = attributeQuotes([{ ...base, start: 10, end: 12, speakerName: 'Kandel' }], actors);
  const [late] = attributeQuotes([{ ...base, speakerName: 'Kandel' }], actors);
  assert.equal(early.speaker, 'rosa-kandel');
  assert.equal(late.speaker, 'tomas-greve-kandel');
});

test('an appositive before the name may open after a verb; time phrases are no appositive', () => {
  const run = runActors([
    {
      id: 'a',
      text: 'The board acted against the port’s most outspoken pilot, Captain Ines Brak, last month. Later, Ines Brak, last week, left.',
    },
  ]);
  const brak = actorNamed(run, 'Ines Brak');
  assert.ok(brak);
  assert.deepEqual(
    brak.labels.map((l) => [l.kind, l.text]),
    [
      ['title', 'Captain'],
      ['appositive', 'the port’s most outspoken pilot'],
    ],
  );
});

test('a middle initial does not split a person', () => {
  const run = runActors([
    { id: 'a', text: 'Mayor Ada J. Kestrel opened the port.' },
    { id: 'b', text: 'Ada Kestrel closed it again.' },
  ]);
  const kestrel = run.actors.filter((a) => /kestrel/.test(a.id));
  assert.equal(kestrel.length, 1);
  assert.equal(kestrel[0].name, 'Ada J. Kestrel');
});

test('no labels for places from the words before them, no predicates from "as well as"', () => {
  const run = runActors([
    {
      id: 'a',
      text: 'Former Lisvane Gov. Ada Holt spoke. Holt as well as the dockers left. Lisvane officials stayed.',
    },
  ]);
  const holt = actorNamed(run, 'Ada Holt');
  assert.ok(holt);
  assert.ok(!holt.labels.some((l) => l.kind === 'predicate'), JSON.stringify(holt.labels));
  const lisvane = run.actors.find((a) => a.name === 'Lisvane');
  assert.deepEqual(lisvane?.labels ?? [], []);
});

test('a company under its legal name and under its short name is one actor across articles', () => {
  const run = runActors([
    { id: 'a', text: 'Veyra Shipping Inc. said on Monday that it would add two ferries to the northern route.' },
    { id: 'b', text: 'Veyra Shipping said it would add two ferries, its chief executive told reporters in Lisvane.' },
  ]);
  const company = run.actors.filter((a) => /Veyra Shipping/.test(a.name));
  assert.equal(company.length, 1, JSON.stringify(run.actors.map((a) => a.name)));
  assert.deepEqual(new Set(company[0]!.mentions.map((m) => m.article)), new Set(['a', 'b']));
  assertSpansSlice(run, assert.fail);
});

test('a title in capitals right after a name takes that name along ("Harbour Union Leader")', () => {
  const run = runActors([
    {
      id: 'a',
      text: 'Harbour Union Leader Ana Reyes opposed the plan on Tuesday. Eastfold Port Director Tomas Berg backed it. Reyes mocks Berg often.',
    },
  ]);
  assert.ok(actorNamed(run, 'Ana Reyes')?.labels.some((l) => l.kind === 'title' && l.text === 'Harbour Union Leader'));
  assert.ok(actorNamed(run, 'Tomas Berg')?.labels.some((l) => l.kind === 'title' && l.text === 'Eastfold Port Director'));
  // a lower-case word right after another name is a verb, not a label
  assert.ok(!actorNamed(run, 'Tomas Berg')?.labels.some((l) => /mocks/.test(l.text)));
});

test('attributeQuotes: "the union" is the one organisation named so, in this article or another of the story', () => {
  const named = annotate(articleOf('The Eastfold Dockers Union called a strike on Monday.', 'a'));
  const other = annotate(articleOf('Pickets gathered at the gates on Monday morning.', 'b'));
  const actors = resolveActors([named, other], []);
  const union = actors.find((a) => a.name === 'Eastfold Dockers Union');
  assert.ok(union, JSON.stringify(actors.map((a) => [a.name, a.type])));
  const base = { start: 0, end: 1, text: 'x', speaker: null, speakerSpan: null, cue: 'said' };
  const quotes = attributeQuotes(
    [
      { ...base, id: '1', article: 'b', speakerName: 'the union' },
      { ...base, id: '2', article: 'b', speakerName: 'the council' },
    ],
    actors,
  );
  assert.deepEqual(quotes.map((q) => q.speaker), [union.id, null]);
});

test('a party word before a name is a title label; a verb before a capitalised title is no part of it', () => {
  const run = runActors([
    { id: 'a', text: 'Democrat Ana Reyes won the seat on Tuesday. Reyes, a state representative, led Republican Mark Dunn by thirty points.' },
  ]);
  assert.ok(actorNamed(run, 'Ana Reyes')?.labels.some((l) => l.kind === 'title' && l.text === 'Democrat'));
  const dunn = actorNamed(run, 'Mark Dunn');
  assert.ok(dunn, JSON.stringify(run.actors.map((a) => a.name)));
  assert.deepEqual(dunn.labels.map((l) => l.text), ['Republican']);
});
