import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { articleFromText } from '../../src/ingest/index.ts';
import { annotate } from '../../src/language/index.ts';
import type { Quote } from '../../src/model/index.ts';
import { extractQuotes, quotesInText } from '../../src/quotes/index.ts';
import { readSeed, SEED_BREITBART, SEED_TELESUR, skipUnlessShared } from '../support/shared.ts';

function quotes(text: string): Quote[] {
  const found = quotesInText(text, 'a');
  for (const q of found) {
    assert.equal(text.slice(q.start, q.end), q.text, 'span slices to the quote text');
    if (q.speakerSpan) assert.equal(text.slice(q.speakerSpan.start, q.speakerSpan.end), q.speakerName);
  }
  return found;
}

function only(text: string): Quote {
  const found = quotes(text);
  assert.equal(found.length, 1, JSON.stringify(found.map((q) => q.text)));
  return found[0]!;
}

describe('quote shapes', () => {
  test('said after, curly marks, trailing comma dropped', () => {
    const q = only('“The bridge will open in May,” Mayor Ilse Varga said on Monday.');
    assert.equal(q.text, 'The bridge will open in May');
    assert.equal(q.speakerName, 'Mayor Ilse Varga');
    assert.equal(q.cue, 'said');
  });

  test('inverted cue: said + name', () => {
    const q = only('"Nobody asked us," said Tobias Renn, a baker on the square.');
    assert.equal(q.speakerName, 'Tobias Renn');
  });

  test('reporting verb before, with a colon', () => {
    const q = only('Renn told the council: “We were never consulted.”');
    assert.equal(q.speakerName, 'Renn');
    assert.equal(q.cue, 'told');
    assert.equal(q.text, 'We were never consulted.');
  });

  test('bare colon introduction', () => {
    const q = only('Her answer was short. Ilse Varga: “The bridge opens in May and not a day later.”');
    assert.equal(q.speakerName, 'Ilse Varga');
    assert.equal(q.cue, ':');
  });

  test('according to', () => {
    const q = only('According to Tobias Renn, "the square has been empty since the works began."');
    assert.equal(q.speakerName, 'Tobias Renn');
    assert.equal(q.cue, 'According to');
  });

  test('partial quote inside a sentence keeps the sentence speaker', () => {
    const found = quotes(
      'In June, councillor Petra Lind said the plan was “reckless” and called on the mayor to “stop the works at once.”',
    );
    assert.deepEqual(
      found.map((q) => q.text),
      ['reckless', 'stop the works at once.'],
    );
    assert.ok(found.every((q) => q.speakerName === 'Petra Lind'));
  });

  test('scare quotes (one or two words, no cue) are skipped', () => {
    assert.deepEqual(quotes('The so-called “green corridor” runs past the old mill.'), []);
  });

  test('multi-sentence quote and its continuation in the same paragraph', () => {
    const found = quotes('“We waited. We wrote letters,” Renn said. “Nobody came to see the square.”');
    assert.equal(found.length, 2);
    assert.equal(found[1]!.speakerName, 'Renn');
  });

  test('multi-paragraph quote: no closing mark, next paragraph opens with one', () => {
    const text =
      'Varga said: “The first phase is finished. The second starts in spring.\n\n“Nobody will lose a home because of this bridge.”';
    const q = only(text);
    assert.ok(q.text.startsWith('The first phase'));
    assert.ok(q.text.endsWith('because of this bridge.'));
    assert.equal(q.speakerName, 'Varga');
  });

  test('follow-on paragraph inherits the speaker', () => {
    const found = quotes(
      '“The works are late,” said Petra Lind.\n\n“They will be later still if nobody checks the budget.”',
    );
    assert.equal(found.length, 2);
    assert.equal(found[1]!.speakerName, 'Petra Lind');
  });

  test('pronoun resolved to the last named person', () => {
    const text =
      'Mira Solberg, a nurse at the clinic, wrote to the council in April.\n\n“We cannot treat anyone in a building without heating,” she wrote.';
    const q = only(text);
    assert.equal(q.speakerName, 'Mira Solberg');
    assert.equal(q.cue, 'wrote');
  });

  test('"said of" and "went on" are cues', () => {
    const q = only('“He has no plan at all,” councillor Petra Lind said of the mayor.');
    assert.equal(q.speakerName, 'Petra Lind');
    const found = quotes('Petra Lind spoke first.\n\n“The budget is gone,” she went on.');
    assert.equal(found[0]!.speakerName, 'Petra Lind');
  });

  test('a post or a statement', () => {
    const q = only('The ministry said in a statement that “all permits were issued lawfully and on time.”');
    assert.equal(q.speakerName, 'The ministry');
    const t = only('Varga wrote on Twitter: “The bridge is open to cyclists from today.”');
    assert.equal(t.speakerName, 'Varga');
  });
});

describe('typewriter marks', () => {
  test("two apostrophes stand for a double mark (''…'')", () => {
    const found = quotes("''We will appeal the ruling,'' said Tobias Renn, a baker. He added: ''It is not over.''");
    assert.deepEqual(found.map((q) => [q.text, q.speakerName]), [['We will appeal the ruling', 'Tobias Renn'], ['It is not over.', 'Tobias Renn']]);
    assert.equal(quotes("The dockers' union and the drivers' guild met.").length, 0, 'a possessive apostrophe is no mark');
  });

  test('single curly marks (British style) quote too; apostrophes and short scare quotes do not', () => {
    const found = quotes('‘We will rebuild the quay before winter,’ said Mayor Ilse Varga. The dockers’ union called it ‘a stunt’. “He said ‘never again’ to us,” Renn said.');
    assert.deepEqual(found.map((q) => [q.text, q.speakerName]), [
      ['We will rebuild the quay before winter', 'Mayor Ilse Varga'],
      ['He said ‘never again’ to us', 'Renn'],
    ]);
  });
});

describe('whose words: harder sentences', () => {
  test('a participle after a comma hangs on the sentence subject', () => {
    const found = quotes('Mayor Ilse Varga defended the “harbour values,” saying the town had “never bent to pressure.”');
    assert.equal(found.at(-1)!.text, 'never bent to pressure.');
    assert.equal(found.at(-1)!.speakerName, 'Mayor Ilse Varga');
  });

  test('a quote closing on a comma goes to the attribution after it', () => {
    const q = only('Nothing the mayor promised “will bring the ferries back,” the harbour master said.');
    assert.equal(q.speakerName, 'the harbour master');
  });

  test('… but not to a new clause or a passive after it', () => {
    const clause = only('Councillor Petra Lind first said that “the works are finished,” but later admitted that Varga had not signed.');
    assert.equal(clause.speakerName, 'Councillor Petra Lind');
    const passive = only('Lind said she would “fight the closure to the end,” the Harbour Gazette is told.');
    assert.notEqual(passive.speakerName, 'the Harbour Gazette');
    assert.notEqual(passive.speakerName, 'Harbour Gazette');
  });

  test('an inverted verb after a comma: the name after it speaks', () => {
    const q = only('“It is a fine plan, but it will not pass” that Varga can win the vote, said Tobias Renn, a baker.');
    assert.equal(q.speakerName, 'Tobias Renn');
  });

  test('a subject pronoun right before the verb beats a name earlier in the sentence', () => {
    const [q] = quotes('Varga spoke at last week’s Eastfold rally, where she wrongly claimed the bridge was “already paid for.”');
    assert.equal(q!.speakerName, 'Varga', 'the pronoun resolves to the sentence subject');
    assert.match(q!.text, /already paid for/);
  });

  test('a capitalised noun phrase is not a cue: "In an Eastfold Radio interview"', () => {
    const q = only('In an Eastfold Radio interview on Monday, Varga said the ferries were “a lifeline.”');
    assert.equal(q.speakerName, 'Varga');
  });

  test('a name behind a preposition after the verb is not its speaker', () => {
    const q = only('The union’s office said the rally at the Eastfold Town Hall would be “peaceful and short.”');
    assert.notEqual(q.speakerName, 'Eastfold Town Hall');
  });

  test('"of", "for" and then "and" stay inside an organisation’s name', () => {
    const q = only('The Bureau for Harbour Safety and Standards said the cranes were “unsafe to use.”');
    assert.equal(q.speakerName, 'Bureau for Harbour Safety and Standards');
    const two = only('Varga and Renn said the ferries were “a lifeline.”');
    assert.equal(two.speakerName, 'Renn', '"and" alone still parts two names');
  });

  test('before a quote, a name after the verb is its object; the subject phrase speaks', () => {
    const q = only('Dockers angrily condemned the Harbour Board for its “reckless and shameful” plan.');
    assert.equal(q.speakerName, 'Dockers');
    const later = only('Dockers angrily condemned the Harbour Board after it called the strike “a stunt.”');
    assert.equal(later.speakerName, 'Harbour Board', 'the later verb with a name of its own carries the quote');
  });

  test('after an inverted verb, the person at the end of one noun phrase speaks', () => {
    const q = only('“Hiring is slow,” said Eastfold Jobs Lab director of research Ana Pereira.');
    assert.equal(q.speakerName, 'Ana Pereira');
  });

  test('a name after "at the" is a place, not the speaker', () => {
    const q = only('Mayor Ilse Varga took the stage at the Grand Harbour Hotel and called the strike “a disgrace.”');
    assert.equal(q.speakerName, 'Mayor Ilse Varga');
  });

  test('a participle with no subject of its own takes the sentence’s', () => {
    const q = only('She followed that by saying, “We will not give up the quay.”');
    assert.equal(q.speakerName, 'She');
  });

  test('"…, who called it …": the name before the relative pronoun speaks, and beats a phrase before an earlier cue', () => {
    const q = only('The ban ended with a written ruling by District Judge Ana Torres, who called it a “fair outcome.”');
    assert.equal(q.speakerName, 'District Judge Ana Torres');
  });

  test('"the Eastfold senator" is a described person, not the place', () => {
    for (const text of ['“We are at war with the sea,” the Eastfold senator said.', '“We are at war,” said the Eastfold presidential nominee.']) {
      const q = only(text);
      assert.match(q.speakerName ?? '', /^the Eastfold (senator|presidential nominee)$/);
    }
    const agency = only('The Eastfold Shipping Agency said the quay was “unsafe at night.”');
    assert.equal(agency.speakerName, 'Eastfold Shipping Agency');
  });

  test('a quote closing on a comma before "according to" goes to the source named after it', () => {
    const q = only('The order informs the port of leaks and “requires firms to share leak data with the port,” according to a Harbour Board fact sheet.');
    assert.equal(q.speakerName, 'a Harbour Board fact sheet');
  });

  test('a participle after a dash hangs on a common-noun subject, for quotes before and after it', () => {
    const found = quotes('A group of port engineers has pushed back on the board’s view that a leak is “very unlikely” at the old dock — insisting the risk is “real” and needs “a full survey.”');
    assert.deepEqual(found.map((q) => q.speakerName), ['A group of port engineers', 'A group of port engineers', 'A group of port engineers']);
  });

  test('a described subject stays whole before a participle or an auxiliary', () => {
    const q = only('The Eastfold mayoral candidate blasted the plan on Wednesday, calling it “absurd and costly.”');
    assert.equal(q.speakerName, 'The Eastfold mayoral candidate');
    const memo = only('Hours earlier, a Varga campaign memo was released stating that the loss was “long expected by all of us.”');
    assert.equal(memo.speakerName, 'a Varga campaign memo');
  });

  test('"a figure the union says …": the subject of a relative clause without "that" speaks', () => {
    const q = only('The police counted 300 workers at the march, a figure the union says is “off by a factor of ten.”');
    assert.equal(q.speakerName, 'the union');
    const whole = only('“We will appeal the ruling,” a spokesman for the ministry said.');
    assert.equal(whole.speakerName, 'a spokesman for the ministry');
  });

  test('a described speaker after an inverted verb ends before words no speaker phrase holds', () => {
    const q = only('“We will appeal the ruling today,” said a new report by the harbour board.');
    assert.equal(q.speakerName, 'a new report');
  });

  test('"she" goes to the person of "Gazette reporter Mara Dunn", not the paper', () => {
    const found = quotes('Harbour Gazette reporter Mara Dunn resigned on Friday. “I was told what to write,” she said.');
    assert.equal(found[0]!.speakerName, 'Mara Dunn');
  });
});

describe('extractQuotes on an annotated article', () => {
  test('uses the article text and id', () => {
    const article = articleFromText(
      '“The river is rising fast,” warned Dara Quill, the harbour master.\n\nResidents were told to move their cars.',
      { origin: 'test' },
    );
    const found = extractQuotes(annotate(article));
    assert.equal(found.length, 1);
    assert.equal(found[0]!.article, article.id);
    assert.equal(found[0]!.speakerName, 'Dara Quill');
    assert.equal(found[0]!.speaker, null, 'actor ids are filled by attributeQuotes');
  });
});

describe('seed pair', skipUnlessShared('seeds', SEED_TELESUR), () => {
  test('quotes credited to López (000) and Flores Ortiz, Olivares, Guevara, Tintori (003)', () => {
    const telesur = quotes(readSeed(SEED_TELESUR));
    assert.ok(telesur.some((q) => /L[oó]pez/.test(q.speakerName ?? '') && q.text.includes('rebel')));
    const other = quotes(readSeed(SEED_BREITBART));
    for (const name of ['Flores Ortiz', 'Olivares', 'Guevara', 'Tintori']) {
      assert.ok(
        other.some((q) => (q.speakerName ?? '').includes(name)),
        `a quote credited to ${name}`,
      );
    }
    // "guarimbas" is a scare quote: the outlet's word, nobody's speech.
    assert.ok(!telesur.some((q) => q.text.startsWith('guarimbas')));
  });
});

describe('odd inputs', () => {
  test('empty text, stray marks and an unclosed quote at the end do not throw', () => {
    assert.deepEqual(quotes(''), []);
    assert.deepEqual(quotes('”'), []);
    const open = quotes('Varga said: “The bridge will open in May and not one day later');
    assert.equal(open.length, 1);
    assert.ok(open[0]!.text.endsWith('later'));
  });
});
