import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotate } from '../../src/language/index.ts';
import { articleOf } from './support.ts';

function quantities(text: string) {
  const doc = annotate(articleOf(text));
  for (const q of doc.quantities) assert.equal(text.slice(q.start, q.end), q.text);
  return doc.quantities.map((q) => ({ text: q.text, kind: q.kind, value: q.value, unit: q.unit }));
}

test('durations, hyphenated or not', () => {
  assert.deepEqual(quantities('The pilot got a 9-year sentence after 11 years at sea.'), [
    { text: '9-year', kind: 'duration', value: 9, unit: 'year' },
    { text: '11 years', kind: 'duration', value: 11, unit: 'year' },
  ]);
});

test('counts with numbers as digits and as words', () => {
  assert.deepEqual(
    quantities(
      'Some 2,400 striking dockers and twenty-five tugboats waited; three guards and 51 people left.',
    ),
    [
      { text: '2,400 striking dockers', kind: 'count', value: 2400, unit: 'docker' },
      { text: 'twenty-five tugboats', kind: 'count', value: 25, unit: 'tugboat' },
      { text: 'three guards', kind: 'count', value: 3, unit: 'guard' },
      { text: '51 people', kind: 'count', value: 51, unit: 'person' },
    ],
  );
});

test('money, percent and age', () => {
  assert.deepEqual(
    quantities(
      'The port lost $12M, or €1.5 billion over 30 percent of trade; a 47-year-old crane driver, aged 52, spoke.',
    ),
    [
      { text: '$12M', kind: 'money', value: 12_000_000, unit: 'USD' },
      { text: '€1.5 billion', kind: 'money', value: 1_500_000_000, unit: 'EUR' },
      { text: '30 percent', kind: 'percent', value: 30, unit: '%' },
      { text: '47-year-old', kind: 'age', value: 47, unit: 'year' },
      { text: 'aged 52', kind: 'age', value: 52, unit: 'year' },
    ],
  );
});

test('years and bare numbers are not quantities', () => {
  assert.deepEqual(quantities('In 2019 the union voted 7 to 2.'), []);
});

test('dates resolve against the publication date when it is known', () => {
  const text =
    'The strike began in October and the union met on Monday; talks failed last month, two years after the 2019 accord, and resume on March 4, 2021.';
  const doc = annotate(articleOf(text, 'a', '2020-05-20T10:00:00Z'));
  for (const d of doc.dates) assert.equal(text.slice(d.start, d.end), d.text);
  const byText = Object.fromEntries(doc.dates.map((d) => [d.text, [d.value, d.relative]]));
  assert.deepEqual(byText['October'], ['2019-10', true]);
  assert.deepEqual(byText['Monday'], ['2020-05-18', true]);
  assert.deepEqual(byText['last month'], ['2020-04', true]);
  assert.deepEqual(byText['2019'], ['2019', false]);
  assert.deepEqual(byText['March 4, 2021'], ['2021-03-04', false]);
});

test('without a publication date, relative phrases stay out and months have no year', () => {
  const doc = annotate(
    articleOf('In October, the dockers walked out; last month they returned. They may strike again.'),
  );
  assert.deepEqual(
    doc.dates.map((d) => [d.text, d.value, d.relative]),
    [['October', '--10', false]],
  );
});
