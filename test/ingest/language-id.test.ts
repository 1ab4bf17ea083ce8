import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from '../../src/ingest/language-id.ts';

test('English is detected without a warning', () => {
  const result = detectLanguage(
    'The dockers of Port Veyra voted on Sunday to return to the cranes after two weeks on strike, and their union said talks would resume.',
  );
  assert.deepEqual(result, { language: 'en', warning: null });
});

test('Spanish is detected as es, with a warning', () => {
  const result = detectLanguage(
    'Los estibadores del puerto votaron el domingo para volver al trabajo después de dos semanas de huelga, y el sindicato dijo que las negociaciones seguirán.',
  );
  assert.equal(result.language, 'es');
  assert.match(result.warning ?? '', /not English/);
});

test('German is detected as de', () => {
  assert.equal(
    detectLanguage(
      'Die Hafenarbeiter haben am Sonntag beschlossen, nach zwei Wochen Streik wieder an die Arbeit zu gehen, sagte die Gewerkschaft.',
    ).language,
    'de',
  );
});

test('too short a text is undetermined, without a warning', () => {
  assert.deepEqual(detectLanguage('Dockers vote.'), { language: 'und', warning: null });
});
