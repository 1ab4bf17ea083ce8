/** The public surfaces of the language and actors stages, pinned: change them on purpose only. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as language from '../../src/language/index.ts';
import * as actors from '../../src/actors/index.ts';

test('src/language exports annotate and the matching helpers', () => {
  assert.deepEqual(Object.keys(language).sort(), ['annotate', 'foldAccents', 'normalizeWord', 'slugify']);
  assert.equal(language.slugify('Nicolás Maduro'), 'nicolas-maduro');
  assert.equal(language.normalizeWord('López’s'), "lopez's");
});

test('src/actors exports resolveActors, attributeQuotes and the stance window', () => {
  assert.deepEqual(Object.keys(actors).sort(), ['STANCE_WINDOW_TOKENS', 'attributeQuotes', 'resolveActors']);
});
