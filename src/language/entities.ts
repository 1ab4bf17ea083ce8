/**
 * Named entities from capitalisation patterns over wink tokens, titles, head words and a
 * small gazetteer (wink's lite model tags no persons, organisations or places).
 *
 * Steps: (1) collect runs of capitalised tokens inside a sentence, allowing name connectors
 * ("of", "de") and joined hyphens; (2) split off leading titles ("First Sergeant",
 * "Minister of Defense", "U.S. President"); (3) type each run from the gazetteer, head words,
 * acronym shape and name shape; (4) upgrade single words that repeat a part of a person's
 * name found in the same article ("Lopez" after "Leopoldo Lopez").
 */
import type { Entity, EntityType, Sentence, Token } from '../model/index.ts';
import {
  COMMON_WORDS,
  GIVEN_NAMES,
  PARTY_WORDS,
  KNOWN_ORGANIZATIONS,
  KNOWN_PLACES,
  NAME_CONNECTORS,
  NOT_NAMES,
  ORGANIZATIONS,
  ORGANIZATION_HEADS,
  OTHER_HEADS,
  OTHER_PREFIXES,
  PERSON_TITLES,
  PLACES,
  PLACE_HEADS,
  PLACE_PREFIXES,
  TITLES_WITH_COMPLEMENT,
} from './lexicon.ts';

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** A sentence whose words are mostly capitalised is a headline or promo line ("Breaking Down The War"). */
const HEADLINE_CAPITALISED_SHARE = 0.6; // news prose sits near 0.15–0.3; Title Case lines near 0.8–1
const HEADLINE_MIN_WORDS = 4; // shorter lines ("Maduro’s police thugs") carry too little evidence

const CAPITALISED = /^\p{Lu}/u;
const ACRONYM = /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,6}s?$/u;
// "Maduro", "McCain", "MacGregor", "O'Brien", "White-Cain", initials "J."
const NAME_SHAPE =
  /^(?:\p{Lu}[\p{Ll}\p{M}'’]*(?:\p{Lu}[\p{Ll}\p{M}]+)?(?:-\p{Lu}?[\p{Ll}\p{M}]+)*|\p{Lu}\.)$/u;
const DEMONYM = /(?:an|ian|ese|ish|i|ic)$/;
/** Words in the title list that date a title rather than give one: "former", "late", "then". */
const TIME_MODIFIERS = new Set(['former', 'late', 'then']);
/** Abbreviated honorifics: what follows them is a name even when it is also a title word ("Mr. King"). */
const HONORIFICS = new Set([
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'sen.',
  'rep.',
  'gov.',
  'gen.',
  'sgt.',
  'lt.',
  'col.',
  'capt.',
  'prof.',
  'mr',
  'mrs',
  'ms',
  'dr',
]);
/** Verbs of speech next to a lone capitalised word make it a speaker: "Stumpf said", "said Reid". */
const SPEECH_VERBS = new Set([
  'say',
  'tell',
  'add',
  'argue',
  'claim',
  'write',
  'note',
  'explain',
  'insist',
  'ask',
  'reply',
  'testify',
  'tweet',
  'warn',
]);
/** Prepositions that make a lone capitalised word a place: "in Caracas", "to Colombia". */
const PLACE_PREPOSITIONS = new Set(['in', 'to', 'from', 'across', 'near', 'outside', 'inside', 'throughout']);

interface Run {
  first: number;
  /** One past the last token. */
  end: number;
}

export function findEntities(text: string, tokens: Token[], sentences: Sentence[]): Entity[] {
  const entities: Entity[] = [];
  for (const sentence of sentences) {
    if (isHeadline(tokens, sentence)) {
      entities.push(...gazetteerOnly(text, tokens, sentence));
      continue;
    }
    for (const run of capitalisedRuns(tokens, sentence)) {
      for (const part of splitTitles(tokens, run).flatMap((r) => splitPersonRun(tokens, r))) {
        const entity = typeRun(text, tokens, part, sentence);
        if (entity) entities.push(entity);
      }
    }
  }
  return upgradeNameParts(entities);
}

function isCapitalisedWord(token: Token): boolean {
  return CAPITALISED.test(token.text) && token.pos !== 'PUNCT' && token.pos !== 'SYM';
}

function isHeadline(tokens: Token[], sentence: Sentence): boolean {
  const words = tokens.slice(sentence.firstToken, sentence.endToken).filter((t) => /\p{L}/u.test(t.text));
  if (words.length < HEADLINE_MIN_WORDS) return false;
  // headlines and promo lines carry no final stop; prose with many names does
  if (/[.!?…"”’)]$/.test(tokens[sentence.endToken - 1].text)) return false;
  const capitalised = words.filter((t) => CAPITALISED.test(t.text)).length;
  return capitalised / words.length >= HEADLINE_CAPITALISED_SHARE;
}

function gazetteerOnly(text: string, tokens: Token[], sentence: Sentence): Entity[] {
  const found: Entity[] = [];
  for (let i = sentence.firstToken; i < sentence.endToken; i++) {
    for (const length of [3, 2, 1]) {
      if (i + length > sentence.endToken) continue;
      const phrase = tokens
        .slice(i, i + length)
        .map((t) => t.norm)
        .join(' ');
      const type: EntityType | null = PLACES.has(phrase)
        ? 'place'
        : ORGANIZATIONS.has(phrase)
          ? 'organization'
          : null;
      if (type && isCapitalisedWord(tokens[i])) {
        found.push(entityOf(text, tokens, { first: i, end: i + length }, type));
        i += length - 1;
        break;
      }
    }
  }
  return found;
}

/** Runs of capitalised tokens, with connectors and tight hyphens inside. */
function capitalisedRuns(tokens: Token[], sentence: Sentence): Run[] {
  const runs: Run[] = [];
  let i = sentence.firstToken;
  while (i < sentence.endToken) {
    if (!isCapitalisedWord(tokens[i]) || !startsName(tokens, i, sentence)) {
      i++;
      continue;
    }
    let end = i + 1;
    let sawOf = false;
    while (end < sentence.endToken) {
      const token = tokens[end];
      // "Senate Republicans Tuesday blocked …": a weekday ends a name (a month may not: "Theresa May")
      if (isCapitalisedWord(token) && !WEEKDAYS.has(token.norm)) {
        end++;
        continue;
      }
      // "Padrino-López": a hyphen with no space on either side between two capitalised words
      if (
        token.text === '-' &&
        token.start === tokens[end - 1].end &&
        end + 1 < sentence.endToken &&
        tokens[end + 1].start === token.end &&
        isCapitalisedWord(tokens[end + 1])
      ) {
        end += 2;
        continue;
      }
      // "Dockworkers’ Solidarity Union": a plural possessive inside an organisation's name
      if (
        /^['’]$/.test(token.text) &&
        token.start === tokens[end - 1].end &&
        /s$/.test(tokens[end - 1].text) &&
        organisationContinues(tokens, end + 1, sentence)
      ) {
        end++;
        continue;
      }
      // "Group of 7", "Group of 20": a number names the group
      if (token.text === 'of' && tokens[end - 1].norm === 'group' && /^\d+$/.test(tokens[end + 1]?.text ?? '')) {
        end += 2;
        break;
      }
      if (NAME_CONNECTORS.has(token.text) && end + 1 < sentence.endToken) {
        const allowed =
          token.text === 'of' ||
          /^(?:de|del|da|do|dos|das|la|las|los|y|van|von|der|den|bin|al|el|di|le|du)$/.test(token.text) ||
          (sawOf && (token.text === 'and' || token.text === 'the' || token.text === '&'));
        let next = end + 1;
        if (token.text === 'of' && tokens[next]?.text === 'the' && next + 1 < sentence.endToken) next++;
        if (allowed && isCapitalisedWord(tokens[next]) && !NOT_NAMES.has(tokens[next].norm)) {
          if (token.text === 'of') sawOf = true;
          end = next + 1;
          continue;
        }
      }
      break;
    }
    runs.push({ first: i, end });
    i = end;
  }
  return runs;
}

/** Do capitalised words start at `i` and end on an organisation head word? */
function organisationContinues(tokens: Token[], i: number, sentence: Sentence): boolean {
  let end = i;
  while (end < sentence.endToken && isCapitalisedWord(tokens[end])) end++;
  return end > i && ORGANIZATION_HEADS.has(tokens[end - 1].norm);
}

/**
 * "Charlie Baker of Massachusetts" → the person before "of"; "Press Writers Jocelyn Gecker" →
 * the name from its given name on, when the capitalised words before it are common words.
 */
function splitPersonRun(tokens: Token[], run: Run): Run[] {
  const norms = tokens.slice(run.first, run.end).map((t) => t.norm);
  const of = norms.indexOf('of');
  const placeAfter =
    of > 1 && (PLACES.has(norms.slice(of + 1).join(' ')) || KNOWN_PLACES.has(norms.slice(of + 1).join(' ')));
  if (
    of > 1 &&
    (placeAfter || GIVEN_NAMES.has(norms[0])) &&
    !norms.slice(0, of).some((n) => COMMON_WORDS.has(n))
  ) {
    return [
      { first: run.first, end: run.first + of },
      { first: run.first + of + 1, end: run.end },
    ].filter((r) => r.end > r.first);
  }
  for (let k = 1; k < norms.length - 1; k++) {
    if (!GIVEN_NAMES.has(norms[k]) || COMMON_WORDS.has(norms[k])) continue;
    // "Harbour Reporter Marta Quell": role words (some common, none a given name) before a given name
    const prefix = norms.slice(0, k);
    if (
      prefix.every((n) => !GIVEN_NAMES.has(n)) &&
      prefix.some((n) => COMMON_WORDS.has(n) || PERSON_TITLES.has(n) || ORGANIZATIONS.has(n))
    ) {
      return [{ first: run.first + k, end: run.end }];
    }
  }
  return [run];
}

/** A capitalised word at the start of a sentence or quotation is only a name when it looks like one. */
function startsName(tokens: Token[], i: number, sentence: Sentence): boolean {
  const token = tokens[i];
  if (NOT_NAMES.has(token.norm)) return false;
  if (token.pos === 'PRON' || token.pos === 'DET') return false;
  const atStart = i === sentence.firstToken || /^[“"‘'([:–—…-]$/.test(tokens[i - 1].text);
  if (!atStart) return true;
  if (token.pos === 'PROPN') return true;
  if (PERSON_TITLES.has(token.norm)) return true;
  // "Jailed", "The", "In": ordinary words capitalised by position
  return false;
}

/** Split a run at person titles: "U.S. President Donald Trump" → "U.S." and "Donald Trump". */
function splitTitles(tokens: Token[], run: Run): Run[] {
  // "Justice Department", "Defense Ministry": a title word inside an institution's name
  const lastNorm = tokens[run.end - 1].norm;
  if (ORGANIZATION_HEADS.has(lastNorm) || PLACE_HEADS.has(lastNorm)) return [run];
  const parts: Run[] = [];
  let start = run.first;
  let i = run.first;
  while (i < run.end) {
    const norm = tokens[i].norm;
    const partyBeforeName = PARTY_WORDS.has(norm) && GIVEN_NAMES.has(tokens[i + 1]?.norm ?? '');
    if ((PERSON_TITLES.has(norm) || partyBeforeName) && i + 1 < run.end) {
      if (i > start) parts.push({ first: start, end: i });
      let next = i + 1;
      while (next < run.end - 1 && PERSON_TITLES.has(tokens[next].norm)) next++;
      // "Minister of Defense Vladimir Padrino López": skip the complement up to the name
      if (TITLES_WITH_COMPLEMENT.has(tokens[next - 1].norm) && tokens[next]?.text === 'of') {
        next = skipComplement(tokens, next, run.end);
      }
      start = next;
      i = next;
      continue;
    }
    i++;
  }
  if (start < run.end) parts.push({ first: start, end: run.end });
  return parts;
}

/** From "of" after a title, skip "of Interior and Justice" and return where the name starts. */
function skipComplement(tokens: Token[], ofIndex: number, end: number): number {
  let i = ofIndex + 1;
  if (tokens[i]?.text === 'the') i++;
  i++; // the complement's first word
  while (i < end - 1 && (tokens[i].text === 'and' || tokens[i].text === '&')) i += 2;
  // keep at least one token for the name
  return Math.min(i, end - 1);
}

function entityOf(text: string, tokens: Token[], run: Run, type: EntityType): Entity {
  const start = tokens[run.first].start;
  const end = tokens[run.end - 1].end;
  return { start, end, text: text.slice(start, end), type };
}

function typeRun(text: string, tokens: Token[], run: Run, sentence: Sentence): Entity | null {
  const words = tokens.slice(run.first, run.end);
  const norms = words.map((t) => t.norm);
  const phrase = norms.join(' ');
  // "(R-Ga.)", "(D-Mont.)": a party and state tag, not a name
  if (words.length >= 2 && /^[RDI]$/.test(words[0].text) && words[1].text === '-') return null;
  // titles alone ("President") name no one — unless a title stands before them ("Mr. King")
  const afterHonorific = HONORIFICS.has(tokens[run.first - 1]?.norm ?? '') && isTitled(tokens, run);
  if (words.every((t) => NOT_NAMES.has(t.norm) || PERSON_TITLES.has(t.norm)) && !afterHonorific) return null;
  const last = norms[norms.length - 1];
  const next = tokens[run.end];
  const nextNorm = next && next.start <= sentence.end && next.pos !== 'PUNCT' ? next.norm : '';
  const before = run.first > sentence.firstToken ? tokens[run.first - 1] : null;

  // "Constitution of the Republic", "Port Authority of Lisvane": the head comes before "of"
  const head = norms.indexOf('of') > 0 ? norms[norms.indexOf('of') - 1] : last;
  // "Fishing cooperatives …", "Union officials …": a capitalised common word opening a sentence
  const opensSentence = run.first === sentence.firstToken || /^[“"‘(]$/.test(tokens[run.first - 1].text);
  if (
    opensSentence &&
    words.length === 1 &&
    next &&
    !CAPITALISED.test(next.text) &&
    (next.pos === 'NOUN' || next.pos === 'ADJ') &&
    !PLACES.has(phrase) &&
    !ORGANIZATIONS.has(phrase)
  )
    return null;
  if (PLACES.has(phrase)) return entityOf(text, tokens, run, 'place');
  if (ORGANIZATIONS.has(phrase)) return entityOf(text, tokens, run, 'organization');
  const common = norms.filter((n) => COMMON_WORDS.has(n) && !GIVEN_NAMES.has(n));
  if (common.length === 0 && KNOWN_PLACES.has(phrase)) return entityOf(text, tokens, run, 'place');
  if (common.length === 0 && KNOWN_ORGANIZATIONS.has(phrase))
    return entityOf(text, tokens, run, 'organization');
  // a contraction ("I’m") or a lone capitalised common word ("Everything", "Employees") names nothing
  if (
    words.length === 1 &&
    (/['’](?:m|s|re|ll|ve|d|t)$/i.test(words[0].text) || (common.length === 1 && !isTitled(tokens, run)))
  )
    return null;
  if (words.length === 1 && ACRONYM.test(words[0].text)) return entityOf(text, tokens, run, 'organization');
  if (ORGANIZATION_HEADS.has(head) && words.length > 1) return entityOf(text, tokens, run, 'organization');
  if (PLACE_HEADS.has(head) && words.length > 1) return entityOf(text, tokens, run, 'place');
  if (PLACE_PREFIXES.has(norms[0]) && words.length > 1 && !isTitled(tokens, run))
    return entityOf(text, tokens, run, 'place');
  if (OTHER_HEADS.has(head) || (OTHER_PREFIXES.has(norms[0]) && words.length > 1))
    return entityOf(text, tokens, run, 'other');
  // "Popular Will party", "Ramo Verde prison": a lower-case head word right after the run
  if (ORGANIZATION_HEADS.has(nextNorm) && nextNorm !== 'government' && next && !CAPITALISED.test(next.text))
    return entityOf(text, tokens, run, 'organization');
  if (PLACE_HEADS.has(nextNorm) && next && !CAPITALISED.test(next.text))
    return entityOf(text, tokens, run, 'place');
  if (
    DEMONYM.test(last) &&
    !words.every((t) => ACRONYM.test(t.text)) &&
    next &&
    !CAPITALISED.test(next.text) &&
    next.pos !== 'VERB' &&
    next.pos !== 'AUX' &&
    next.pos !== 'PUNCT' &&
    next.pos !== 'PART'
  ) {
    return entityOf(text, tokens, run, 'other'); // "Venezuelan opposition", "South American country"
  }
  if (words.length === 1) {
    // "told the Herald", "the Times reported": an outlet or body named by its head word alone
    if (before?.norm === 'the' && ORGANIZATION_HEADS.has(norms[0]) && CAPITALISED.test(words[0].text))
      return entityOf(text, tokens, run, 'organization');
    if (before && PLACE_PREPOSITIONS.has(before.norm) && !isTitled(tokens, run) && common.length === 0)
      return entityOf(text, tokens, run, 'place');
    if (isTitled(tokens, run)) return entityOf(text, tokens, run, 'person');
    // "Stumpf said", "said O’Neill": a lone name that speaks is someone
    const speaks =
      (next && SPEECH_VERBS.has(next.lemma.toLowerCase())) ||
      (before && SPEECH_VERBS.has(before.lemma.toLowerCase()));
    if (speaks && NAME_SHAPE.test(words[0].text)) return entityOf(text, tokens, run, 'person');
    return entityOf(text, tokens, run, 'other');
  }
  // a person: titled, or opening with a given name, or name-shaped words none of which is a common word
  const nameShaped = words.every(
    (t) => NAME_SHAPE.test(t.text) || NAME_CONNECTORS.has(t.text) || t.text === '-',
  );
  if (isTitled(tokens, run) || (nameShaped && (GIVEN_NAMES.has(norms[0]) || common.length === 0))) {
    return entityOf(text, tokens, run, 'person');
  }
  return entityOf(text, tokens, run, 'other');
}

/** Was the run preceded (inside its capitalised run) by a person title? */
function isTitled(tokens: Token[], run: Run): boolean {
  const before = tokens[run.first - 1];
  // "Former Lisvane Gov. X": a run followed by a title is its jurisdiction, not a person
  const after = tokens[run.end];
  if (
    after &&
    PERSON_TITLES.has(after.norm) &&
    CAPITALISED.test(after.text) &&
    !TIME_MODIFIERS.has(after.norm)
  )
    return false;
  return (
    before !== undefined &&
    PERSON_TITLES.has(before.norm) &&
    !TIME_MODIFIERS.has(before.norm) &&
    before.end <= tokens[run.first].start &&
    CAPITALISED.test(before.text)
  );
}

/** "Lopez" after "Leopoldo Lopez" in the same article is a person, whatever its context said. */
function upgradeNameParts(entities: Entity[]): Entity[] {
  const personParts = new Set<string>();
  for (const e of entities) {
    if (e.type !== 'person') continue;
    for (const part of e.text.split(/\s+/))
      personParts.add(part.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
  }
  return entities.map((e) => {
    if (e.type !== 'other' || /\s/.test(e.text)) return e;
    const norm = e.text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    return personParts.has(norm) ? { ...e, type: 'person' } : e;
  });
}
