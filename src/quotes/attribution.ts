/**
 * Finds the cue and the speaker of a quoted passage from the words around it: a reporting verb
 * after the quote ("…,” Lopez said / said Lopez), before it ("Lopez said: “…”", "according to"),
 * a colon introduction, or a reporting verb elsewhere in the sentence for a partial quote.
 */
import type { Span } from '../model/index.ts';
import { ABBREVIATIONS, DETERMINERS, NAME_TITLES, NOT_NAMES, PHRASE_PREPOSITIONS, PRONOUNS, reportVerbLemma } from './lexicon.ts';
import type { Paragraph, QuotedPassage } from './marks.ts';

/** A reporting verb further than this many words from the quote is not its cue (after-quote side). */
const MAX_WORDS_QUOTE_TO_CUE = 8;
/** Words between a quote closing on a comma and its cue ("…,” the Eastfold senator said). */
const CLOSE_CUE_MAX_WORDS = 4;
/** Longest lower-case speaker phrase kept ("a spokesman for the ministry"), in words. */
const MAX_SPEAKER_PHRASE_WORDS = 6;

export interface SpeakerGuess {
  name: string;
  span: Span;
  /** True when written as a pronoun or a role ("he", "the soldier"): to resolve to a name. */
  anaphoric: boolean;
}

export interface Attribution {
  cue: string;
  /** Offset of the cue, used for recency when resolving pronouns. */
  cueAt: number;
  speaker: SpeakerGuess | null;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsIn(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  const pattern = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu;
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m && m.index < to; m = pattern.exec(text)) {
    let word = m[0];
    // A trailing period belongs to the word only for abbreviations and initials.
    if (
      word.endsWith('.') &&
      !ABBREVIATIONS.has(word.slice(0, -1).toLowerCase()) &&
      !/^\p{Lu}\.$/u.test(word)
    )
      word = word.slice(0, -1);
    const end = Math.min(m.index + word.length, to);
    words.push({ text: text.slice(m.index, end), start: m.index, end });
  }
  return words;
}

const PREPOSITIONS = new Set([
  'on',
  'in',
  'at',
  'from',
  'of',
  'to',
  'for',
  'with',
  'by',
  'about',
  'against',
  'into',
  'over',
  'under',
  'via',
]);

const PARTICLES = new Set([
  'de',
  'da',
  'del',
  'della',
  'di',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'bin',
  'al',
  'ibn',
  'dos',
  'das',
  'y',
]);

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

function isPossessive(text: string, end: number): boolean {
  return /^['’]s?\b/.test(text.slice(end, end + 2)) || /['’]s?$/.test(text.slice(end - 2, end));
}

let capitalsCache: { text: string; words: Set<string> } | null = null;

/** Capitalised words that also occur after a lower-case word: names, not sentence starts. */
function midSentenceCapitals(text: string): Set<string> {
  if (capitalsCache?.text !== text) {
    const words = new Set<string>();
    for (const m of text.matchAll(/\p{Ll}[,]?\s+(\p{Lu}[\p{L}\p{M}'’-]*)/gu)) words.add(m[1]!);
    for (const m of text.matchAll(/\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)+/gu))
      for (const w of m[0].split(/\s+/)) words.add(w);
    capitalsCache = { text, words };
  }
  return capitalsCache.words;
}

/** Names (runs of capitalised words) in [from, to), possessives excluded. */
export function namesIn(text: string, from: number, to: number): SpeakerGuess[] {
  const words = wordsIn(text, from, to);
  const names: SpeakerGuess[] = [];
  let run: Word[] = [];
  const flush = (): void => {
    while (run.length && PARTICLES.has(run.at(-1)!.text)) run.pop();
    while (run.length && NOT_NAMES.has(run[0]!.text.toLowerCase().replace(/\.$/, ''))) run.shift();
    // A lone capitalised word opening the clause before a lower-case word ("Soon after", "Lashing
    // out") is a sentence start, not a name; "Trump said" keeps its name.
    // "Nothing, she said, …": a lone word at the clause start is a name only if the text also
    // capitalises it mid-sentence.
    const lone = run.length === 1 && run[0]!.start === words[0]?.start ? run[0]! : null;
    const nextWord = lone ? (/^\s+(\p{Ll}+)/u.exec(text.slice(lone.end, lone.end + 20))?.[1] ?? null) : null;
    const sentenceStart =
      lone !== null && !(nextWord && reportVerbLemma(nextWord)) && !midSentenceCapitals(text).has(lone.text);
    // "(D-N.Y.)" is a party tag, a run of capitals is a heading, not a name.
    const parenthesised = run.length > 0 && text[run[0]!.start - 1] === '(';
    const heading = run.length > 2 && run.every((w) => w.text === w.text.toUpperCase());
    if (
      run.length &&
      !parenthesised &&
      !heading &&
      !sentenceStart &&
      !(run.length === 1 && NAME_TITLES.has(run[0]!.text.toLowerCase().replace(/\.$/, '')))
    ) {
      const last = run.at(-1)!;
      if (!isPossessive(text, last.end)) {
        const start = run[0]!.start;
        names.push({ name: text.slice(start, last.end), span: { start, end: last.end }, anaphoric: false });
      }
    }
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    // A name after a preposition ("posts on Twitter", "leader of Popular Will", "at the Grand
    // Hotel") is not a speaker.
    const afterPreposition =
      PREPOSITIONS.has(words[i - 1]?.text.toLowerCase() ?? '') ||
      (['the', 'a', 'an'].includes(words[i - 1]?.text.toLowerCase() ?? '') && PREPOSITIONS.has(words[i - 2]?.text.toLowerCase() ?? ''));
    if (!run.length && isCapitalised(word.text) && afterPreposition) {
      while (
        i + 1 < words.length &&
        isCapitalised(words[i + 1]!.text) &&
        /^\s+$/.test(text.slice(words[i]!.end, words[i + 1]!.start))
      )
        i++;
      continue;
    }
    const gap = run.length ? text.slice(run.at(-1)!.end, word.start) : ' ';
    const joins = /^\s+$/.test(gap);
    if (!joins) flush();
    if (isCapitalised(word.text) || (run.length && PARTICLES.has(word.text)) || joinsOrgName(text, run, word, words[i + 1])) run.push(word);
    else flush();
    if (isPossessive(text, word.end)) flush();
  }
  flush();
  return names;
}

/**
 * "Bureau for Harbour Safety and Standards", "Secretary of State Ana Reyes": "of" and "for"
 * between capitalised words stay inside the name, and so does "and" once the name has one of them
 * ("Varga and Renn" stays two names).
 */
function joinsOrgName(text: string, run: Word[], word: Word, next: Word | undefined): boolean {
  if (!run.length || !next || !isCapitalised(next.text) || !/^\s+$/.test(text.slice(word.end, next.start))) return false;
  if (word.text === 'of' || word.text === 'for') return true;
  return word.text === 'and' && run.some((w) => w.text === 'of' || w.text === 'for');
}

/** Words that end a speaker's noun phrase on its left ("…, said", "according to", "in"). */
const PHRASE_BOUNDARY = new Set([
  ...PREPOSITIONS,
  'according',
  'and',
  'or',
  'but',
  'that',
  'which',
  'who',
  'as',
  'said',
  'says',
  'told',
  'when',
  'while',
  'because',
  'if',
  'than',
  'also',
]);
const PHRASE_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our']);
/** Longest run of modifiers kept before a name ("Republican party boss Reince Priebus"). */
const MAX_MODIFIER_WORDS = 5;

/**
 * The whole noun phrase of a speaker as written: the name with the titles and descriptions
 * before it ("Campaign chair Paul Manafort", "the presumptive Republican nominee"), stopping at
 * punctuation, a preposition, a conjunction or a verb; a leading determiner is included.
 */
export function speakerPhrase(text: string, span: Span, from: number, cueAt: number | null = null): Span {
  // a phrase that opens on its article is whole on the left ("the union", not "a figure the union")
  const opensOnArticle = /^(?:the|a|an)\s/i.test(text.slice(span.start, span.end + 1));
  const words = opensOnArticle ? [] : wordsIn(text, Math.max(from, span.start - 80), span.start);
  let start = span.start;
  let taken = 0;
  for (let i = words.length - 1; i >= 0 && taken < MAX_MODIFIER_WORDS; i--) {
    const word = words[i]!;
    const gap = text.slice(word.end, start);
    // spaces only: a line break or a closing quote mark ends the phrase ("…the end.’ ⏎ Gazette columnist Mara Dunn")
    if (!/^[^\S\n]+$/.test(gap) || /[”’"]$/.test(word.text)) break;
    const lower = word.text.toLowerCase();
    if (PHRASE_BOUNDARY.has(lower) || reportVerbLemma(lower) || /\d/.test(lower) || PRONOUNS.has(lower) || lower === 'what')
      break;
    start = word.start;
    taken++;
    if (PHRASE_DETERMINERS.has(lower)) break;
  }
  const tag = /^\s*\([^()]{1,12}\)/.exec(text.slice(span.end, span.end + 16));
  const end = span.end + (tag ? tag[0].length : 0);
  return { start, end: cueAt === null ? end : appositiveEnd(text, end, cueAt) };
}

/** Longest appositive taken into a speaker phrase, in characters. */
const MAX_APPOSITIVE_CHARS = 160;

/**
 * The speaker phrase runs on over what describes the speaker: "Ed Rendell, a former governor,"
 * (before the verb, up to the comma before it), "the Vermont senator said" (nouns up to the
 * verb), "said Megan Greene, chief economist at Manulife." (after the verb, up to the full stop
 * or the next quotation mark).
 */
function appositiveEnd(text: string, end: number, cueAt: number): number {
  if (/^according/i.test(text.slice(cueAt, cueAt + 9))) return end; // "According to Variety, …"
  if (end <= cueAt) {
    const between = text.slice(end, cueAt);
    if (between.length <= MAX_APPOSITIVE_CHARS && /^,\s[^“”"]+,\s*$/.test(between))
      return end + between.trimEnd().length;
    // "the Vermont senator said": nouns, not "Trump recently said" or "she has said".
    const nouns = /^(?:\s+[\p{Ll}-]+){1,3}(?=\s*$)/u.exec(between);
    const words = nouns ? nouns[0].trim().split(/\s+/) : [];
    const plain = words.every(
      (w) =>
        !reportVerbLemma(w) && !PHRASE_BOUNDARY.has(w) && !NOT_IN_SPEAKER_PHRASE.has(w) && !w.endsWith('ly'),
    );
    return nouns && plain ? end + nouns[0].length : end;
  }
  // After the verb: up to the next comma (kept, as corpora mark it) or the end of the sentence;
  // the full stop of an initial ("George W. Bush") does not end it.
  if (!/^,\s/.test(text.slice(end, end + 2))) return end;
  for (let i = end + 2; i < Math.min(text.length, end + MAX_APPOSITIVE_CHARS); i++) {
    const ch = text[i]!;
    if (ch === ',') return i + 1;
    if (ch === '.' && /\P{L}\p{Lu}$/u.test(text.slice(i - 2, i))) continue;
    if (/[.;!?\n“”"]/.test(ch)) return i;
  }
  return end;
}

const GO_ON = new Set(['go', 'goes', 'went', 'going']);
/** -s forms that after "his latest …" are plural nouns ("his latest posts"), not verbs. */
const NOUN_PLURALS = new Set([
  'posts',
  'reports',
  'comments',
  'remarks',
  'statements',
  'calls',
  'demands',
  'orders',
  'notes',
  'questions',
  'answers',
  'claims',
  'tweets',
  'warnings',
  'promises',
  'threats',
]);

/** Reporting verbs in [from, to) used as verbs (not after a determiner: "the state"). */
const PRONOUN_SUBJECTS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'who', 'which']);

function cuesIn(text: string, from: number, to: number, strict = false): { word: Word; lemma: string }[] {
  const words = wordsIn(text, from, to);
  const cues: { word: Word; lemma: string }[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const lower = word.text.toLowerCase();
    // "“…,” she went on." — carrying on speaking, when nothing follows "on".
    const next = words[i + 1];
    if (
      GO_ON.has(lower) &&
      next?.text.toLowerCase() === 'on' &&
      /^\s*[.,;]/.test(text.slice(next.end, next.end + 3))
    ) {
      cues.push({
        word: { text: text.slice(word.start, next.end), start: word.start, end: next.end },
        lemma: 'go on',
      });
      continue;
    }
    if (lower === 'according' && words[i + 1]?.text.toLowerCase() === 'to') {
      cues.push({
        word: { text: text.slice(word.start, words[i + 1]!.end), start: word.start, end: words[i + 1]!.end },
        lemma: 'according to',
      });
      continue;
    }
    const lemma = reportVerbLemma(lower);
    if (!lemma || isCapitalised(word.text)) continue;
    const previous = words[i - 1]?.text.toLowerCase();
    if (previous && DETERMINERS.has(previous)) continue;
    // "In an Eastfold Radio interview", "after the party debate": a bare form after a determiner and a
    // capitalised word is a noun ("the President said" keeps its past-tense verb).
    if (lower === lemma && isCapitalised(words[i - 1]?.text ?? '')) {
      let k = i - 1;
      while (k > 0 && isCapitalised(words[k - 1]!.text) && !DETERMINERS.has(words[k - 1]!.text.toLowerCase())) k--;
      if (DETERMINERS.has(words[k - 1]?.text.toLowerCase() ?? '')) continue;
    }
    // "the state of", "a report of" are nouns; "said of Trump" is speech about him.
    if (words[i + 1]?.text.toLowerCase() === 'of' && (lower === lemma || lower.endsWith('s'))) continue;
    // A bare or -s form ("protests", "reports") is a verb only after a name or a pronoun,
    // or right beside the quote; past and -ing forms are verbs wherever they stand.
    const pastOrIng = lower !== lemma && !lower.endsWith('s');
    // "Trump's remarks" is a noun after a possessive, "Trump remarks" a verb after its subject.
    const afterPossessive = previous !== undefined && /['’]s?$/.test(words[i - 1]!.text);
    const afterSubject =
      previous !== undefined &&
      !afterPossessive &&
      (PRONOUN_SUBJECTS.has(previous) ||
        isCapitalised(words[i - 1]!.text) ||
        (previous === 'to' && lower === lemma) ||
        (DETERMINERS.has(words[i - 2]?.text.toLowerCase() ?? '') && !NOUN_PLURALS.has(lower)));
    if (strict && !pastOrIng && !afterSubject) continue;
    cues.push({ word, lemma });
  }
  return cues;
}

/** Strip an opening adverbial ("In October, …", "On Monday, …") from a clause start. */
function clauseSubjectStart(text: string, from: number, to: number): number {
  const head = text.slice(from, Math.min(to, from + 80));
  const adverbial =
    /^\s*(?:(?:In|On|At|Since|After|Before|During|Earlier|Later|Meanwhile|However|But|And|Also|Speaking|Asked|Last|This|Yesterday|Today|From|Despite|While|When|Then|Still|Instead|Now|Separately|Elsewhere|Previously)\b[^,“"]{0,60},\s*)+/;
  const match = adverbial.exec(head);
  return match ? from + match[0].length : from;
}

/** Words that never sit inside a speaker phrase ("Asked if he", "From the report", "He has also"). */
const NOT_IN_SPEAKER_PHRASE = new Set([
  'if',
  'to',
  'when',
  'that',
  'as',
  'has',
  'have',
  'had',
  'was',
  'is',
  'are',
  'were',
  'be',
  'been',
  'also',
  'not',
  'from',
  'more',
  'asked',
  'of',
  'in',
  'on',
  'at',
  'with',
  'by',
  'for',
  'so',
  'just',
  'then',
  'there',
  'here',
  'what',
  'how',
  'why',
  'will',
  'would',
  'could',
  'can',
  'may',
  'might',
  'should',
  'must',
  'do',
  'does',
  'did',
]);

/** A pronoun, or a short phrase of determiners, adjectives and nouns ("critics", "the minister"). */
function plausibleSpeakerPhrase(words: string[]): boolean {
  if (words.length === 1 && PRONOUNS.has(words[0]!)) return true;
  // A preposition may stand inside ("his latest posts on Twitter", "a spokesman for the
  // ministry"), never first ("From the report").
  return (
    words.length <= MAX_SPEAKER_PHRASE_WORDS &&
    !PHRASE_PREPOSITIONS.has(words[0]!) &&
    !words.some(
      (w) =>
        (NOT_IN_SPEAKER_PHRASE.has(w) && !PHRASE_PREPOSITIONS.has(w)) ||
        (PRONOUNS.has(w) && words.length > 1),
    )
  );
}


/** A lower-case speaker phrase ("critics", "the minister", "he") ending right before `to`. */
function phraseBefore(text: string, from: number, end: number): SpeakerGuess | null {
  let to = end;
  const segment = text.slice(from, to);
  const lastBreak = Math.max(
    segment.lastIndexOf(','),
    segment.lastIndexOf('”'),
    segment.lastIndexOf('"'),
    segment.lastIndexOf(';'),
  );
  let start = from + lastBreak + 1;
  // "One of them, who asked not to be named, said": nothing after the last comma, so the
  // subject is the phrase before the first comma.
  if (lastBreak >= 0 && !/[\p{L}]/u.test(text.slice(start, to)) && segment.indexOf(',') > 0) {
    start = from;
    to = from + segment.indexOf(',');
  }
  const words = wordsIn(text, start, to);
  while (
    words.length &&
    ['which', 'who', 'that', 'and', 'but', 'as', 'where', 'while', 'when'].includes(
      words[0]!.text.toLowerCase(),
    )
  )
    words.shift();
  while (
    words.length &&
    ['has', 'had', 'have', 'also', 'later', 'then', 'further', 'once', 'again', 'was', 'is', 'had'].includes(
      words.at(-1)!.text.toLowerCase(),
    )
  )
    words.pop();
  // "a figure the union says …": a noun phrase, then a relative clause without "that" whose
  // subject opens at the last article not governed by a preposition ("a spokesman for the
  // ministry" stays whole).
  if (words.length > 2 && ['the', 'a', 'an'].includes(words[0]!.text.toLowerCase())) {
    for (let k = words.length - 1; k > 1; k--) {
      const w = words[k]!.text.toLowerCase();
      if (['the', 'a', 'an'].includes(w) && !PHRASE_PREPOSITIONS.has(words[k - 1]!.text.toLowerCase()) && !PREPOSITIONS.has(words[k - 1]!.text.toLowerCase())) {
        words.splice(0, k);
        break;
      }
    }
  }
  // "Dockers angrily condemned": an adverb before the verb is not part of its subject ("the family" is).
  while (words.length > 1 && /^\p{Ll}{3,}ly$/u.test(words.at(-1)!.text) && !PHRASE_DETERMINERS.has(words.at(-2)!.text.toLowerCase()))
    words.pop();
  if (!words.length || words.length > MAX_SPEAKER_PHRASE_WORDS) return null;
  const first = words[0]!;
  const last = words.at(-1)!;
  const name = text.slice(first.start, last.end);
  if (/\d/.test(name) || !plausibleSpeakerPhrase(words.map((w) => w.text.toLowerCase()))) return null;
  const lowerFirst = first.text.toLowerCase();
  if (['it', 'this', 'or', 'to', 'there'].includes(lowerFirst)) return null;
  return { name, span: { start: first.start, end: last.end }, anaphoric: true };
}

/** A speaker phrase right after an inverted cue ("said Lopez", "said the minister"). */
function phraseAfter(text: string, from: number, to: number): SpeakerGuess | null {
  // The phrase ends at a comma, a parenthesis or a full stop (not an initial's: "Virgie M. Rollins").
  const stop = /[,;:(]|\.(?!\s+\p{Lu})/u.exec(text.slice(from, to));
  const names = namesIn(text, from, stop ? from + stop.index : to);
  const lead = text.slice(from, names[0]?.span.start ?? to);
  // "said Los Angeles-based attorney Edgar Martirosyan": the last name of the phrase.
  // "said the rally at the Grand Harbour Hotel": a name behind a preposition is no speaker.
  if (names[0] && /^\s*(?:(?:the|a|an)\s+)?(?:[\p{Ll}-]+\s+){0,3}$/u.test(lead) && !lead.split(/\s+/).some((w) => PREPOSITIONS.has(w))) {
    // …the last name of one noun phrase: later names count only while nothing but a few
    // lower-case modifiers stands between ("the Harbour Board after … Varga" is two phrases).
    let last = names[0];
    for (const name of names.slice(1)) {
      const gap = text.slice(last.span.end, name.span.start);
      const words = gap.trim().split(/\s+/).filter(Boolean);
      // a role between them may hold "of" ("Eastfold Jobs Lab director of research Ana Pereira")
      const modifier = (w: string): boolean =>
        w === 'of' ||
        (!PHRASE_BOUNDARY.has(w) && !NOT_IN_SPEAKER_PHRASE.has(w) && !['after', 'before', 'since', 'until'].includes(w) && !reportVerbLemma(w) && !/ed$/.test(w));
      if (!/^\s+(?:[\p{Ll}-]+\s+){0,4}$/u.test(gap) || !words.every(modifier)) break;
      last = name;
    }
    return last;
  }
  const match = /^\s*((?:the|a|an|his|her|their)\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,2})/u.exec(
    text.slice(from, to),
  );
  if (!match) return null;
  // the phrase ends before a word no speaker phrase holds ("the theory is", "a new report by")
  const start = from + match[0].length - match[1]!.length;
  const words = [...match[1]!.matchAll(/\S+/g)];
  const cut = words.findIndex((w, i) => i > 0 && (NOT_IN_SPEAKER_PHRASE.has(w[0]) || PHRASE_BOUNDARY.has(w[0])));
  const kept = cut < 0 ? words : words.slice(0, cut);
  if (kept.length < 2) return null;
  const end = start + kept.at(-1)!.index + kept.at(-1)![0].length;
  return { name: text.slice(start, end), span: { start, end }, anaphoric: true };
}

function wordsBetween(text: string, from: number, to: number): number {
  return wordsIn(text, from, to).length;
}

/** ", a top outside Clinton adviser, " (one inner comma at most) between a name and its verb. */
const APPOSITIVE_TO_VERB = /^(?:\s*\([^()]{1,12}\))?,\s[^“”",]{2,120}(?:,[^“”",]{2,80})?,\s*$/;

/** Verbs whose following name is the one spoken to ("he told Fox News"), not the speaker. */
const ADDRESSEE_VERBS = new Set([
  'tell',
  'inform',
  'ask',
  'assure',
  'remind',
  'urge',
  'warn',
  'advise',
  'instruct',
  'congratulate',
  'interview',
]);

/** Auxiliaries that may follow a subject noun phrase ("a Varga campaign memo was released …"). */
const VERB_AFTER_SUBJECT = new Set(['was', 'is', 'were', 'are', 'has', 'had', 'have', 'will', 'would']);

/**
 * "the Eastfold senator", "an Eastfold official": a name between a determiner and a lower-case
 * noun only modifies it; the speaker is the described person, not the place. Nouns that are
 * report verbs ("the Eastfold statement") are left alone.
 */
function describedBy(text: string, guess: SpeakerGuess | null): SpeakerGuess | null {
  if (!guess || guess.anaphoric) return guess;
  const determiner = /\b(?:the|a|an)\s+$/i.exec(text.slice(Math.max(0, guess.span.start - 5), guess.span.start));
  if (!determiner) return guess;
  // up to three lower-case nouns right after the name, then a reporting verb, punctuation or the end
  const following = /^(?:[^\S\n]+\p{Ll}[\p{Ll}-]*\b){1,4}/u.exec(text.slice(guess.span.end, guess.span.end + 80));
  if (!following) return guess;
  const words = [...following[0].matchAll(/\p{Ll}[\p{Ll}-]*/gu)].map((m) => ({ word: m[0], end: m.index + m[0].length }));
  const isNoun = (w: string): boolean =>
    !reportVerbLemma(w) && !PHRASE_BOUNDARY.has(w) && !NOT_IN_SPEAKER_PHRASE.has(w) && !NOT_NAMES.has(w) && !/ly$/.test(w);
  let taken = 0;
  while (taken < Math.min(3, words.length) && isNoun(words[taken]!.word)) taken++;
  if (taken === 0) return guess;
  const next = words[taken];
  const rest = text.slice(guess.span.end + words[taken - 1]!.end);
  const verbNext = (w: string): boolean => reportVerbLemma(w) !== null || VERB_AFTER_SUBJECT.has(w);
  if (next ? !verbNext(next.word) : !/^[^\S\n]*(?:[,.;:!?”"(]|$)/u.test(rest)) return guess;
  const start = guess.span.start - determiner[0].length;
  const end = guess.span.end + words[taken - 1]!.end;
  return { name: text.slice(start, end), span: { start, end }, anaphoric: true };
}

/**
 * Speaker of a cue verb at [cueStart, cueEnd) within a clause starting at `clauseStart`: the
 * name or phrase found by `nameOfCue`, read as a description when a name only modifies a noun.
 */
function speakerOfCue(...args: Parameters<typeof nameOfCue>): SpeakerGuess | null {
  return describedBy(args[0], nameOfCue(...args));
}

function nameOfCue(
  text: string,
  clauseStart: number,
  cueStart: number,
  cueEnd: number,
  clauseEnd: number,
  preferAfter: boolean,
): SpeakerGuess | null {
  const subjectFrom = clauseSubjectStart(text, clauseStart, cueStart);
  // "… by District Judge Ana Torres, who called it …": the name the relative pronoun follows
  // speaks, even behind a preposition.
  const relative = /(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*),\s+who\s+(?:\p{Ll}+ly\s+)?$/u.exec(text.slice(subjectFrom, cueStart));
  if (relative) {
    const start = subjectFrom + relative.index;
    return { name: relative[1]!, span: { start, end: start + relative[1]!.length }, anaphoric: false };
  }
  const before = namesIn(text, subjectFrom, cueStart);
  const pronounBefore = before.length ? null : phraseBefore(text, subjectFrom, cueStart);
  // Inverted ("…,” warned Dara Quill") the name after speaks; after a subject it is spoken to.
  const addressee =
    ADDRESSEE_VERBS.has(reportVerbLemma(text.slice(cueStart, cueEnd)) ?? '') &&
    (before.length > 0 || pronounBefore !== null);
  const after = addressee ? null : phraseAfter(text, cueEnd, clauseEnd);
  // "…,” he told Fox News": the pronoun speaks; "…,” opposition legislator said José Olivares": the name.
  if (pronounBefore && PRONOUNS.has(pronounBefore.name.toLowerCase())) return pronounBefore;
  if (preferAfter && after && !after.anaphoric && !before.length) return after;
  // "“…” that Varga can win the vote, said Tobias Renn": a verb straight after a comma is
  // inverted, and the name after it speaks, not the names of the clause before.
  if (preferAfter && after && !after.anaphoric && /,\s*$/.test(text.slice(clauseStart, cueStart))) return after;
  // A name followed by an appositive right up to the verb ("Gene Sperling, a top outside Clinton
  // adviser, said"); else the name nearest the verb ("Virginia delegate Beau Correll said").
  const head = before.find((n) => APPOSITIVE_TO_VERB.test(text.slice(n.span.end, cueStart)));
  if (head) return head;
  // "…at last week's Eastfold rally, where she claimed": a subject pronoun after the last name
  // and right before the verb (adverbs aside) speaks.
  const last = before.at(-1);
  if (last) {
    const pronoun = /\b(he|she|they|we|I)((?:\s+\p{Ll}+ly)*\s+)$/iu.exec(text.slice(last.span.end, cueStart));
    if (pronoun) {
      const start = cueStart - pronoun[0].length;
      return { name: pronoun[1]!, span: { start, end: start + pronoun[1]!.length }, anaphoric: true };
    }
  }
  if (before.length) return before.at(-1)!;
  // "Dockers condemned the Harbour Board …": before a quote, a subject phrase speaks and a name
  // after the verb is its object; only an inverted cue after a quote lets the name speak.
  if (!preferAfter && pronounBefore) return pronounBefore;
  if (after && !after.anaphoric) return after;
  return pronounBefore ?? after;
}

/** Sentence segments of a paragraph, quoted passages treated as opaque. */
export function segmentsOf(text: string, paragraph: Paragraph, passages: QuotedPassage[]): Paragraph[] {
  const segments: Paragraph[] = [];
  let segmentStart = paragraph.start;
  let i = paragraph.start;
  const inside = passages.filter((q) => q.close >= paragraph.start && q.open < paragraph.end);
  while (i < paragraph.end) {
    const passage = inside.find((q) => q.open === i);
    if (passage) {
      const after = Math.min(passage.close + 1, paragraph.end);
      const lastInside = text.slice(passage.start, passage.end).trimEnd().at(-1);
      const next = text.slice(after, after + 3).trimStart()[0];
      if (lastInside === '.' && next && /[\p{Lu}“"]/u.test(next) && after < paragraph.end) {
        segments.push({ start: segmentStart, end: after });
        segmentStart = after;
      }
      i = Math.max(after, i + 1);
      continue;
    }
    const ch = text[i]!;
    if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? ' ')) {
      const word =
        /[\p{L}.]+$/u.exec(text.slice(Math.max(paragraph.start, i - 12), i))?.[0]?.toLowerCase() ?? '';
      const abbreviation =
        ch === '.' && (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word));
      if (!abbreviation) {
        segments.push({ start: segmentStart, end: i + 1 });
        segmentStart = i + 1;
      }
    }
    i++;
  }
  if (segmentStart < paragraph.end && text.slice(segmentStart, paragraph.end).trim())
    segments.push({ start: segmentStart, end: paragraph.end });
  return segments;
}

/** Is the offset inside any passage's marks? */
function insideQuote(passages: QuotedPassage[], offset: number): boolean {
  return passages.some((q) => offset > q.open && offset < q.close);
}

/**
 * The cue and speaker of `passage`, given its sentence segment(s).
 * `segmentOfOpen` contains the opening mark, `segmentOfClose` the closing one.
 */
export function attributePassage(
  text: string,
  passage: QuotedPassage,
  segmentOfOpen: Paragraph,
  segmentOfClose: Paragraph,
  passages: QuotedPassage[],
): Attribution | null {
  const afterFrom = Math.min(passage.close + 1, segmentOfClose.end);
  const afterTo = nextMarkAfter(passages, afterFrom, segmentOfClose.end);
  const opensSentence = !/[\p{L}\p{N}]/u.test(text.slice(segmentOfOpen.start, passage.open));

  // A reporting verb right after the quote: "…,” Lopez said" / "…,” said Lopez".
  const afterCue = (): Attribution | null => {
    const cue = cuesIn(text, afterFrom, afterTo)[0];
    if (!cue || wordsBetween(text, afterFrom, cue.word.start) > MAX_WORDS_QUOTE_TO_CUE) return null;
    return {
      cue: cue.word.text,
      cueAt: cue.word.start,
      speaker:
        participleSubject(text, segmentOfOpen.start, cue.word) ??
        speakerOfCue(text, afterFrom, cue.word.start, cue.word.end, afterTo, true),
    };
  };
  // A reporting verb or a colon before the quote in the same sentence; the first verb of the
  // clause is the main one ("concludes by expressing …").
  const beforeCue = (): Attribution | null => cueBefore(text, segmentOfOpen.start, passage.open, passages);
  // A reporting verb later in the sentence, beyond the words right after the quote.
  const laterCue = (): Attribution | null => {
    const cue = cuesIn(text, afterFrom, segmentOfClose.end, true).find(
      (c) => !insideQuote(passages, c.word.start),
    );
    if (!cue) return null;
    return {
      cue: cue.word.text,
      cueAt: cue.word.start,
      speaker:
        participleSubject(text, segmentOfOpen.start, cue.word) ??
        speakerOfCue(text, segmentOfOpen.start, cue.word.start, cue.word.end, segmentOfClose.end, false),
    };
  };
  if (opensSentence) return afterCue() ?? beforeCue() ?? laterCue();
  // "His final assessment: “…,” he said." — a verb right after the quote beats a colon before it.
  const before = beforeCue();
  if (before?.cue === ':') return afterCue() ?? before;
  // "Nothing the mayor promised “will bring the ferries back,” the harbour master said.": a quote
  // closing on a comma hands the sentence on to its attribution, which beats a verb before it.
  if (before && /[,!?]\s*$/.test(text.slice(passage.open + 1, passage.close))) {
    const after = afterCue();
    const lead = after ? text.slice(afterFrom, after.cueAt) : '';
    // Only the attribution itself: "…,” the senator said" or "…,” said Lopez" — not a new clause
    // ("…,” but later admitted that …"), not a passive ("…,” the Gazette is told").
    const attribution =
      after?.speaker &&
      wordsBetween(text, afterFrom, after.cueAt) <= CLOSE_CUE_MAX_WORDS &&
      !/^\W*(?:but|and|or|then|while|prompting)\b/i.test(lead) &&
      !/\b(?:is|was|are|were|been|being|be)\s+$/i.test(lead) &&
      (after.speaker.span.end <= after.cueAt ||
        /^according/i.test(after.cue) ||
        (!after.speaker.anaphoric && !/\p{L}/u.test(lead)));
    if (attribution) return after;
  }
  // "The vote signals “the end of the port,” said Tobias Renn": a name after an inverted verb beats
  // a phrase found before the quote ("The vote").
  if (before && (!before.speaker || (before.speaker.anaphoric && !PRONOUNS.has(before.speaker.name.toLowerCase())))) {
    const after = afterCue();
    if (after?.speaker && !after.speaker.anaphoric && after.speaker.span.start > after.cueAt) return after;
  }
  return before ?? afterCue() ?? laterCue();
}

/**
 * A reporting verb or a colon between `segmentStart` and `end` (the opening mark, or the end of
 * an introducing paragraph): "Lopez said: “…", "Cruz continued:" ⏎ "“…". The first verb of the
 * clause is the main one ("concludes by expressing …"); the subject is looked for after any
 * quote that stands before the verb ("“Your Honor,” I said, “…").
 */
export function cueBefore(
  text: string,
  segmentStart: number,
  end: number,
  passages: QuotedPassage[],
): Attribution | null {
  const cues = cuesIn(text, segmentStart, end, true).filter((c) => !insideQuote(passages, c.word.start));
  let found: Attribution | null = null;
  for (const cue of cues) {
    const subject = participleSubject(text, segmentStart, cue.word);
    if (subject) return { cue: cue.word.text, cueAt: cue.word.start, speaker: subject };
    const clauseStart = lastMarkBefore(passages, segmentStart, cue.word.start);
    const speaker =
      speakerOfCue(text, clauseStart, cue.word.start, cue.word.end, end, cue.lemma === 'according to') ??
      // "She followed that by saying, “…”": a participle with no subject of its own is the sentence's.
      (/ing$/i.test(cue.word.text) ? sentenceSubject(text, segmentStart, cue.word.start) : null);
    // The first cue with a name or a pronoun wins; one with only a common-noun phrase ("The
    // dismissal came in a written" ruling …) yields to a later cue with a name.
    const attribution = { cue: cue.word.text, cueAt: cue.word.start, speaker };
    if (speaker && (!speaker.anaphoric || PRONOUNS.has(speaker.name.toLowerCase()))) return attribution;
    if (speaker && !found?.speaker) found = attribution;
    found ??= attribution;
  }
  if (found) return found;
  const beforeFrom = lastMarkBefore(passages, segmentStart, end);
  const beforeText = text.slice(beforeFrom, end);
  if (/:\s*$/.test(beforeText)) {
    const colonAt = beforeFrom + beforeText.lastIndexOf(':');
    const subjectFrom = clauseSubjectStart(text, beforeFrom, colonAt);
    const speaker = namesIn(text, subjectFrom, colonAt)[0] ?? phraseBefore(text, subjectFrom, colonAt);
    if (speaker) return { cue: ':', cueAt: colonAt, speaker };
  }
  return null;
}

/**
 * "Varga defended the “harbour values,” saying …", "… “unlikely” … — insisting …": a participle cue
 * after a comma or a dash hangs on the sentence's subject, however many quotes stand between.
 */
function participleSubject(text: string, segmentStart: number, cue: Word): SpeakerGuess | null {
  if (!/ing$/i.test(cue.text) || !/(?:,[”"’]?|\s[—–])\s*$/.test(text.slice(segmentStart, cue.start))) return null;
  return sentenceSubject(text, segmentStart, cue.start);
}

/** A name or subject pronoun opening the sentence (after any opening adverbial), if it has one. */
function sentenceSubject(text: string, segmentStart: number, to: number): SpeakerGuess | null {
  const from = clauseSubjectStart(text, segmentStart, to);
  const pronoun = /^\s*(he|she|they|we|I)\b/iu.exec(text.slice(from, to));
  if (pronoun) {
    const start = from + pronoun[0].length - pronoun[1]!.length;
    return { name: pronoun[1]!, span: { start, end: start + pronoun[1]!.length }, anaphoric: true };
  }
  const name = namesIn(text, from, to)[0];
  if (name && name.span.start - from <= SENTENCE_SUBJECT_MAX_OFFSET) return describedBy(text, name);
  // "A group of top scientists has pushed back …": a common-noun subject up to its verb
  const phrase = /^\s*((?:[Tt]he|[Aa]n?|[Ss]ome|[Mm]any|[Ss]everal|[Tt]wo|[Tt]hree)\s+[\p{L}-]+(?:\s+(?:of|for)?\s*[\p{Ll}-]+){0,4}?|\p{Lu}\p{Ll}+s)\s+(?:has|have|had|is|are|was|were|will|would|also|\p{Ll}+ed)\b/u.exec(
    text.slice(from, to),
  );
  if (!phrase) return null;
  const words = phrase[1]!.toLowerCase().split(/\s+/);
  if (!plausibleSpeakerPhrase(words)) return null;
  const start = from + phrase[0].indexOf(phrase[1]!);
  return { name: phrase[1]!, span: { start, end: start + phrase[1]!.length }, anaphoric: true };
}

/** How far into its clause (characters) a name may start and still be the clause's subject ("Former Arkansas Gov. Mike Huckabee"). */
const SENTENCE_SUBJECT_MAX_OFFSET = 30;

function nextMarkAfter(passages: QuotedPassage[], from: number, limit: number): number {
  const next = passages.find((q) => q.open >= from && q.open < limit);
  return next ? next.open : limit;
}

function lastMarkBefore(passages: QuotedPassage[], from: number, limit: number): number {
  let start = from;
  for (const q of passages) if (q.close < limit && q.close >= from) start = Math.max(start, q.close + 1);
  return start;
}

export { PRONOUNS };
