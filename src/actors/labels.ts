/**
 * Labels: what an article calls an actor, found around the actor's mentions.
 *
 *   title / epithet  words right before the name: "President", "Minister of Defense",
 *                    "jailed opposition leader", "dictator"
 *   appositive       a noun phrase set off by commas: "X, the acting head of Popular Will,"
 *                    and "His lawyer, Dr. X,"
 *   predicate        "X is a …", "X, who … is innocent", "X as an illegitimate president"
 *   attributive      the actor's group or office: "X’s police thugs", "the X government", and
 *                    "the socialist regime" when one actor in the article heads a government
 *
 * Each label gets a polarity (polarity.ts) and `quotedBy` when it sits inside a quotation.
 */
import type { Doc, Label, Quote, Sentence, Token } from '../model/index.ts';
import { ORGANIZATIONS, PARTY_WORDS, PERSON_TITLES, ROLE_NOUNS } from '../language/lexicon.ts';
import { phrasePolarity, wordPolarity, isLoaded } from './polarity.ts';

/** Longest title or epithet before a name, in tokens ("Minister of Interior and Justice" is 5). */
const MAX_PRENOMINAL_TOKENS = 6;
/** Longest appositive, in tokens: long enough for "the acting head of Popular Will during X’s imprisonment". */
const MAX_APPOSITIVE_TOKENS = 14;
/** Longest predicate noun phrase, in tokens. */
const MAX_PREDICATE_TOKENS = 8;
/** How far a relative clause may run before its "is …" ("who everyone in this city knows is"). */
const MAX_RELATIVE_CLAUSE_TOKENS = 10;

/** Nouns naming an actor's group or office: "Maduro’s police thugs", "the Márquez government". */
const GROUP_NOUNS = new Set([
  'government',
  'regime',
  'administration',
  'dictatorship',
  'police',
  'thugs',
  'goons',
  'henchmen',
  'cronies',
  'forces',
  'troops',
  'militia',
  'militias',
  'loyalists',
  'supporters',
  'followers',
  'allies',
  'cabinet',
  'party',
  'cronies',
  'officials',
  'army',
  'security',
  'camp',
  'office',
]);
/** Offices whose holder "the regime" / "the government" refers to. */
const HEAD_OF_GOVERNMENT = new Set([
  'president',
  'dictator',
  'governor',
  'premier',
  'chancellor',
  'king',
  'queen',
  'strongman',
  'strongwoman',
  'tyrant',
  'autocrat',
  'prime',
  'mayor',
]);
/** Unnamed phrases that point at the head of government: always for these heads … */
const LOADED_GOVERNMENT_HEADS = new Set(['regime', 'dictatorship', 'junta']);
/** … and for these only with an evaluative or ideological modifier ("the socialist government"). */
const PLAIN_GOVERNMENT_HEADS = new Set(['government', 'administration']);

const BE_FORMS = new Set(['is', 'was', 'are', 'were', "'s", 'remains', 'remained', 'became', 'becomes']);
/** Adjectives after "is" that describe no one: order, modality, readiness. */
const NOT_PREDICATES = new Set([
  'first',
  'second',
  'third',
  'last',
  'next',
  'likely',
  'unlikely',
  'able',
  'unable',
  'sure',
  'aware',
  'ready',
  'due',
  'set',
  'about',
  'available',
  'much',
  'more',
  'less',
  'enough',
  'present',
  'expected',
  'scheduled',
  'sorry',
  'glad',
  'happy',
  'right',
  'wrong',
  'alone',
]);
/** Clock abbreviations of live blogs ("10:35 A.M. James Comey"): never titles. */
const CLOCK_WORDS = new Set(['a.m.', 'p.m.', 'am', 'pm', 'et', 'est', 'edt', 'gmt', 'utc']);
/** Agent-noun endings: "leaker", "senator", "economist", "politician", "spokesman". */
const ROLE_ENDING = /(?:er|or|ist|ian|man|woman|person)s?$/;

function isRoleNoun(norm: string): boolean {
  const singular = norm.replace(/s$/, '');
  return (
    PERSON_TITLES.has(norm) ||
    PARTY_WORDS.has(norm) ||
    ROLE_NOUNS.has(norm) ||
    ROLE_NOUNS.has(singular) ||
    ROLE_ENDING.test(norm)
  );
}

/** Heads of time phrases ("last month", "that week"): when, not who. */
const TIME_WORDS = new Set([
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'decade',
  'time',
  'morning',
  'evening',
  'night',
  'weekend',
  'ago',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'yesterday',
  'today',
]);
const RELATIVE_PRONOUNS = new Set(['who', 'whose', 'whom', 'which']);
const DETERMINERS = new Set(['a', 'an', 'the']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const POSSESSIVE_MARKS = new Set(["'s", "'"]);
const QUOTE_MARKS = /^[“”"‘’«»]$/;

export interface ActorMentionRef {
  actor: number;
  start: number;
  end: number;
  /** Labels before a person's name must name a role ("leader", "Dr."), not a thing ("documents"). */
  person?: boolean;
  place?: boolean;
}

interface Context {
  doc: Doc;
  tokens: Token[];
  quotes: Quote[];
  quoted: { start: number; end: number }[];
  mentions: ActorMentionRef[];
}

export interface FoundLabel {
  actor: number;
  label: Label;
}

/** First token starting at or after `offset`. */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentence holding token `tokenIndex` (binary search: sentences are in order). */
export function sentenceOf(doc: Doc, tokenIndex: number): Sentence | undefined {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid];
    if (tokenIndex < s.firstToken) hi = mid - 1;
    else if (tokenIndex >= s.endToken) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** The speaker of the quotation holding [start, end), "unattributed" for quotation marks without a Quote, else null. */
export function quotedByAt(
  quotes: Quote[],
  quoted: { start: number; end: number }[],
  start: number,
  end: number,
): string | null {
  const quote = quotes.find((q) => q.start <= start && end <= q.end);
  if (quote) return quote.speakerName ?? 'unattributed';
  return quoted.some((q) => q.start <= start && end <= q.end) ? 'unattributed' : null;
}

export function findLabels(
  doc: Doc,
  mentions: ActorMentionRef[],
  quotes: Quote[],
  quoted: { start: number; end: number }[],
): FoundLabel[] {
  const context: Context = { doc, tokens: doc.tokens, quotes, quoted, mentions };
  const found: FoundLabel[] = [];
  for (const mention of mentions) {
    const first = tokenAt(doc.tokens, mention.start);
    const last = tokenAt(doc.tokens, mention.end) - 1;
    if (first > last) continue;
    const sentence = sentenceOf(doc, first);
    if (!sentence) continue;
    // places get no words-before labels: "former Florida Gov. X" describes X, not Florida
    const before = mention.place ? null : prenominal(context, first, sentence, mention.person === true);
    if (before) found.push({ actor: mention.actor, label: before.label });
    const appositiveBefore = appositiveBeforeName(context, before ? before.first : first, last, sentence);
    if (appositiveBefore) found.push({ actor: mention.actor, label: appositiveBefore });
    // skip a possessive mark glued to the name
    const possessive =
      doc.tokens[last + 1] &&
      POSSESSIVE_MARKS.has(doc.tokens[last + 1].norm) &&
      doc.tokens[last + 1].start === doc.tokens[last].end;
    if (possessive) {
      // a group or office is labelled only for people: "Maduro’s police thugs", not "FBI’s officials"
      const attributive = mention.person ? attributiveAfterPossessive(context, last + 2, sentence) : null;
      if (attributive) found.push({ actor: mention.actor, label: attributive });
      continue;
    }
    const group = doc.tokens[last + 1];
    if (
      mention.person &&
      group &&
      group.pos === 'NOUN' &&
      GROUP_NOUNS.has(group.norm) &&
      group.start > doc.tokens[last].end
    ) {
      found.push({ actor: mention.actor, label: makeLabel(context, last + 1, last + 2, 'attributive') });
    }
    const appositive = appositiveAfterName(context, last, sentence);
    if (appositive) found.push({ actor: mention.actor, label: appositive });
    if (appositive === null) {
      const predicate = predicateAfterName(context, last, sentence);
      if (predicate) found.push({ actor: mention.actor, label: predicate });
    }
  }
  found.push(...unnamedGovernmentLabels(context, found));
  return dedupe(found);
}

function makeLabel(context: Context, first: number, end: number, kind: Label['kind']): Label {
  const tokens = context.tokens.slice(first, end);
  const start = tokens[0].start;
  const stop = tokens[tokens.length - 1].end;
  return {
    article: context.doc.article.id,
    start,
    end: stop,
    text: context.doc.article.text.slice(start, stop),
    polarity: phrasePolarity(tokens),
    quotedBy: quotedByAt(context.quotes, context.quoted, start, stop),
    kind,
  };
}

/** Is the token inside some actor mention? (mentions are sorted by start and do not overlap) */
function isInOtherMention(context: Context, token: Token): boolean {
  const { mentions } = context;
  let lo = 0;
  let hi = mentions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = mentions[mid];
    if (token.end <= m.start) hi = mid - 1;
    else if (token.start >= m.end) lo = mid + 1;
    else return m.start <= token.start && token.end <= m.end;
  }
  return false;
}

function isCapitalised(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text);
}

/** Words right before the name: titles and epithets. */
function prenominal(
  context: Context,
  first: number,
  sentence: Sentence,
  person = false,
): { label: Label; first: number } | null {
  const { tokens } = context;
  let j = first - 1;
  const head = tokens[j];
  if (!head || j < sentence.firstToken || head.end > tokens[first].start) return null;
  if (!(
    head.pos === 'NOUN' ||
    PERSON_TITLES.has(head.norm) ||
    (head.pos === 'PROPN' && isCapitalised(head) && !isInOtherMention(context, head))
  ))
    return null;
  if (isInOtherMention(context, head)) return null;
  let start = first;
  while (j >= sentence.firstToken && first - j <= MAX_PRENOMINAL_TOKENS) {
    const t = tokens[j];
    if (isInOtherMention(context, t) || ORGANIZATIONS.has(t.norm) || CLOCK_WORDS.has(t.norm)) break; // "Facebook Twitter" share bars
    const word = t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PROPN' || PERSON_TITLES.has(t.norm);
    // "Minister of Interior and Justice": connectors between capitalised words
    const connector =
      (t.norm === 'of' || t.norm === 'and') &&
      j > sentence.firstToken &&
      isCapitalised(tokens[j - 1]) &&
      isCapitalised(tokens[j + 1]);
    // "jailed opposition leader": a participle opening the phrase
    // ("Police arrested union leader X": after a noun it is the sentence's verb, not a label)
    const previous = tokens[j - 1];
    const participle =
      t.pos === 'VERB' &&
      /ed$/.test(t.norm) &&
      j + 1 < first &&
      !(j > sentence.firstToken && previous && ['NOUN', 'PROPN', 'PRON'].includes(previous.pos)) &&
      // before a title in capitals it is the sentence's verb ("… led Republican Mark Dunn")
      !tokens.slice(j + 1, first).every((w) => isCapitalised(w));
    if (!word && !connector && !participle) break;
    if (t.pos === 'PROPN' && !isCapitalised(t)) break;
    if (/^\p{Lu}{2,}$/u.test(t.text) && t.text.length > 3) break; // "EXCLUSIVE"
    start = j;
    j--;
    if (participle) break;
  }
  if (start === first) return null;
  // never open on a connector
  while (start < first && (tokens[start].norm === 'of' || tokens[start].norm === 'and')) start++;
  if (start === first) return null;
  const preceding = tokens[start - 1];
  if (preceding && start - 1 >= sentence.firstToken && isInOtherMention(context, preceding)) {
    // "House Republican Leader Kevin McCarthy", "U.S. President Joe Biden": a title in capitals
    // right after a name takes that name along ("House Republican Leader") …
    if (tokens.slice(start, first).every((t) => isCapitalised(t) || t.norm === 'of' || t.norm === 'and')) {
      while (
        start - 1 >= sentence.firstToken &&
        isInOtherMention(context, tokens[start - 1]) &&
        tokens[start - 1].end < tokens[start].start
      )
        start--;
    }
    // … while "Trump praises Putin", "Trump mocks Dr Ford": right after another name, a
    // lower-case "label" is a verb
    else if (tokens[start].pos !== 'PROPN') return null;
  }
  const words = tokens.slice(start, first);
  // the head of "Minister of Defense" is "Minister"; of "jailed opposition leader", "leader"
  const of = words.findIndex((w) => w.norm === 'of');
  const headWord = of > 0 ? words[of - 1] : words[words.length - 1];
  if (person && !isRoleNoun(headWord.norm)) return null;
  const kind: Label['kind'] = words.every((w) => isCapitalised(w) || w.norm === 'of' || w.norm === 'and')
    ? 'title'
    : 'epithet';
  return { label: makeLabel(context, start, first, kind), first: start };
}

/** Is the phrase [first, end) a noun phrase we accept as a description? */
function isDescription(tokens: Token[], first: number, end: number): boolean {
  if (end <= first) return false;
  const words = tokens.slice(first, end);
  const opener = words[0];
  const possessiveName = opener.pos === 'PROPN' && words[1] && POSSESSIVE_MARKS.has(words[1].norm);
  if (!(
    DETERMINERS.has(opener.norm) ||
    POSSESSIVE_PRONOUNS.has(opener.norm) ||
    opener.pos === 'NOUN' ||
    opener.pos === 'ADJ' ||
    possessiveName
  ))
    return false;
  if (!words.some((w) => w.pos === 'NOUN')) return false;
  // "Christie, a jury determined, …" is a clause: a description ends on its noun (or a name)
  const lastWord = words[words.length - 1];
  if (lastWord.pos === 'VERB' || lastWord.pos === 'AUX') return false;
  // "an 18-point …": a hyphenated modifier whose noun was cut off
  if (words.length >= 2 && words[words.length - 2].text === '-') return false;
  return !words.some((w) => w.pos === 'AUX' || (w.pos === 'VERB' && !/(?:ed|ing)$/.test(w.norm)));
}

/** "X, the acting head of Popular Will, …" */
function appositiveAfterName(context: Context, last: number, sentence: Sentence): Label | null {
  const { tokens } = context;
  if (tokens[last + 1]?.text !== ',') return null;
  const first = last + 2;
  let end = first;
  while (
    end < sentence.endToken &&
    end - first < MAX_APPOSITIVE_TOKENS &&
    !/^[,.;:)“”"]$/.test(tokens[end].text) &&
    !RELATIVE_PRONOUNS.has(tokens[end].norm)
  )
    end++;
  if (end >= sentence.endToken && end - first >= MAX_APPOSITIVE_TOKENS) return null;
  const closer = tokens[end];
  // "Lucía Ferrer, a crane operator who has worked …": the description stops at its relative clause
  if (closer !== undefined && !/^[,.;:)]$/.test(closer.text) && !RELATIVE_PRONOUNS.has(closer.norm))
    return null;
  if (
    !isDescription(tokens, first, end) ||
    isTimePhrase(context, first, end) ||
    isListOfNames(context, first, end)
  )
    return null;
  return makeLabel(context, first, end, 'appositive');
}

/** "Democrats, prominent critics and the broadcaster CNN": a list, not a description. */
function isListOfNames(context: Context, first: number, end: number): boolean {
  const { tokens } = context;
  const conjunction = tokens.slice(first, end).findIndex((t) => t.pos === 'CCONJ');
  if (conjunction < 0) return false;
  return tokens.slice(first + conjunction + 1, end).some((t) => isInOtherMention(context, t));
}

/** "X, last month," is when, not who. */
function isTimePhrase(context: Context, first: number, end: number): boolean {
  const start = context.tokens[first].start;
  const stop = context.tokens[end - 1].end;
  // dates without a publication date to resolve them are not in doc.dates: look at the words too
  const head = context.tokens[end - 1].norm;
  return (
    TIME_WORDS.has(head) ||
    context.doc.dates.some((d) => d.start < stop && start < d.end) ||
    context.doc.quantities.some((q) => q.start <= start && stop <= q.end)
  );
}

/** "His lawyer, Dr. X, said": a description, a comma, the (titled) name, a comma. */
function appositiveBeforeName(
  context: Context,
  nameFirst: number,
  last: number,
  sentence: Sentence,
): Label | null {
  const { tokens } = context;
  if (tokens[nameFirst - 1]?.text !== ',' || tokens[last + 1]?.text !== ',') return null;
  const end = nameFirst - 1;
  let first = end;
  while (
    first > sentence.firstToken &&
    end - first < MAX_PRENOMINAL_TOKENS + 2 &&
    !/^[,.;:(“”"]$/.test(tokens[first - 1].text)
  )
    first--;
  if (first !== sentence.firstToken && tokens[first - 1]?.text !== ',') {
    // "acted against the nation’s most prominent military dissident, General X,": the noun
    // phrase opens at its determiner, after a verb or preposition
    let opener = end - 1;
    while (
      opener > first &&
      !DETERMINERS.has(tokens[opener].norm) &&
      !POSSESSIVE_PRONOUNS.has(tokens[opener].norm)
    ) {
      const t = tokens[opener];
      const inPhrase =
        t.pos === 'ADJ' ||
        t.pos === 'NOUN' ||
        t.pos === 'ADV' ||
        POSSESSIVE_MARKS.has(t.norm) ||
        t.pos === 'PROPN';
      if (!inPhrase) return null;
      opener--;
    }
    if (!DETERMINERS.has(tokens[opener].norm) && !POSSESSIVE_PRONOUNS.has(tokens[opener].norm)) return null;
    first = opener;
  }
  if (!isDescription(tokens, first, end)) return null;
  return makeLabel(context, first, end, 'appositive');
}

/** "X is a …", "X as an illegitimate president", "X, who we all know is innocent" */
function predicateAfterName(context: Context, last: number, sentence: Sentence): Label | null {
  const { tokens } = context;
  let i = last + 1;
  if (tokens[i]?.text === ',' || QUOTE_MARKS.test(tokens[i]?.text ?? '')) {
    // a relative clause: ", who … is …"
    while (i < sentence.endToken && (tokens[i].text === ',' || QUOTE_MARKS.test(tokens[i].text))) i++;
    if (tokens[i]?.norm !== 'who') return null;
    const clauseStart = i;
    while (
      i < sentence.endToken &&
      i - clauseStart < MAX_RELATIVE_CLAUSE_TOKENS &&
      !BE_FORMS.has(tokens[i].norm)
    )
      i++;
    if (!BE_FORMS.has(tokens[i]?.norm ?? '')) return null;
  } else if (tokens[i]?.norm === 'as') {
    if (['well', 'much', 'long', 'soon', 'far'].includes(tokens[i + 1]?.norm ?? '')) return null; // "as well as"
    return predicatePhrase(context, i + 1, sentence);
  } else if (!BE_FORMS.has(tokens[i]?.norm ?? '')) return null;
  i++;
  if (tokens[i]?.norm === 'not') i++;
  return predicatePhrase(context, i, sentence);
}

function predicatePhrase(context: Context, first: number, sentence: Sentence): Label | null {
  const { tokens } = context;
  let start = first;
  const determined = DETERMINERS.has(tokens[start]?.norm ?? '');
  if (determined) start++;
  let end = start;
  while (
    end < sentence.endToken &&
    end - start < MAX_PREDICATE_TOKENS &&
    (tokens[end].pos === 'ADJ' ||
      tokens[end].pos === 'NOUN' ||
      tokens[end].pos === 'ADV' ||
      tokens[end].norm === 'of')
  )
    end++;
  while (end > start && (tokens[end - 1].norm === 'of' || tokens[end - 1].pos === 'ADV')) end--;
  if (end === start) return null;
  const words = tokens.slice(start, end);
  // "X is currently serving": adverbs alone are no description
  if (!words.some((w) => w.pos === 'NOUN' || w.pos === 'ADJ')) return null;
  // "X was first", "X is likely": positions and modal adjectives describe nothing
  if (words.length === 1 && NOT_PREDICATES.has(words[0].norm)) return null;
  // a bare noun without an article is rarely a description ("X drew attention")
  if (!determined && words.every((w) => w.pos === 'NOUN')) return null;
  return makeLabel(context, start, end, 'predicate');
}

/** "X’s police thugs", "X’s socialist government": modifiers and a group noun. */
function attributiveAfterPossessive(context: Context, first: number, sentence: Sentence): Label | null {
  const { tokens } = context;
  let end = first;
  while (
    end < sentence.endToken &&
    end - first < 4 &&
    (tokens[end].pos === 'ADJ' ||
      tokens[end].pos === 'NOUN' ||
      (tokens[end].pos === 'VERB' && /ed$/.test(tokens[end].norm) && end === first)) // "hired thugs"
  )
    end++;
  if (end === first) return null;
  // the head is the last noun; it must name a group or office
  const head = tokens[end - 1];
  if (!GROUP_NOUNS.has(head.norm)) return null;
  return makeLabel(context, first, end, 'attributive');
}

/** "the socialist regime", "this dictatorship": the head of government, when one actor clearly is. */
function unnamedGovernmentLabels(context: Context, found: FoundLabel[]): FoundLabel[] {
  const heads = new Set<number>();
  for (const { actor, label } of found) {
    if (label.kind !== 'title' && label.kind !== 'epithet') continue;
    const words = label.text.toLowerCase().split(/\s+/);
    if (words.some((w) => HEAD_OF_GOVERNMENT.has(w.replace(/[^a-z]/g, '')))) heads.add(actor);
  }
  if (heads.size !== 1) return [];
  const [actor] = [...heads];
  const { tokens } = context;
  const labels: FoundLabel[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const head = tokens[i];
    const loaded = LOADED_GOVERNMENT_HEADS.has(head.norm);
    if (!loaded && !PLAIN_GOVERNMENT_HEADS.has(head.norm)) continue;
    let first = i;
    while (first > 0 && tokens[first - 1].pos === 'ADJ') first--;
    const determiner = tokens[first - 1];
    if (!determiner || !['the', 'this', 'that', 'his', 'her'].includes(determiner.norm)) continue;
    const modifiers = tokens.slice(first, i);
    if (!loaded && !modifiers.some((m) => wordPolarity(m) !== 0 || isLoaded(m))) continue;
    if (tokens[i + 1]?.norm === 'of') continue; // "the government of President X": named already
    labels.push({ actor, label: makeLabel(context, first, i + 1, 'attributive') });
  }
  return labels;
}

function dedupe(found: FoundLabel[]): FoundLabel[] {
  const seen = new Set<string>();
  return found.filter(({ actor, label }) => {
    const key = `${actor}:${label.start}:${label.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
