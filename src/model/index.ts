/**
 * The data model of Parallax, in one place. Types only: this module imports nothing of ours.
 *
 * Every finding carries a span `{ start, end }` in UTF-16 code units into `Article.text`
 * (the cleaned text), end exclusive, so `article.text.slice(start, end)` is the evidence.
 */

/** A half-open range `[start, end)` into `Article.text`. */
export interface Span {
  start: number;
  end: number;
}

// ───────────────────────────── ingest ─────────────────────────────

/** Why a piece of the source did not make it into `Article.text`. */
export type RemovalKind =
  | 'promo' // "Exclusive: …", "RELATED: …", "Read more", share prompts
  | 'navigation' // menus, breadcrumbs, "Next article"
  | 'comments' // "Comments are closed.", comment sections
  | 'syndication' // "This post originally ran on …"
  | 'byline-footer' // "Follow <name> on Facebook and Twitter."
  | 'dateline' // "Caracas (teleSUR) – " kept as metadata, removed from the body text
  | 'truncated-duplicate' // a paragraph cut off mid-sentence and then repeated whole
  | 'duplicate' // a paragraph repeated verbatim
  | 'markup' // page chrome the HTML extractor dropped (recorded in summary form)
  | 'title' // the headline line of a plain-text input, moved to Article.title
  | 'byline' // a "By <name>" line at the top, kept as Article.author
  | 'other';

export interface Removal {
  kind: RemovalKind;
  text: string;
}

/** Where a metadata field came from, so a reader can judge it. */
export type MetadataOrigin =
  | 'input' // given by the user (--source, JSONL field, API body)
  | 'html-meta' // <meta>, <link rel=canonical>, <html lang>
  | 'json-ld'
  | 'readability'
  | 'feed'
  | 'dateline'
  | 'syndication-line'
  | 'byline-footer'
  | 'byline-line'
  | 'first-line' // the first line of a plain-text input that looks like a headline
  | 'url'
  | 'detected';

export interface Article {
  /** Stable id: given, or derived from the content hash. */
  id: string;
  /** What the user gave: a file path, URL, `-`, or `<feed>#<n>`. */
  origin: string;
  /** The outlet, e.g. "teleSUR". */
  source: string | null;
  title: string | null;
  author: string | null;
  /** ISO 8601 date or date-time. */
  published: string | null;
  /** ISO 639-1 code, or "und" when undetermined. */
  language: string;
  url: string | null;
  canonicalUrl: string | null;
  /** Dateline place, e.g. "Caracas". */
  place: string | null;
  /** The cleaned body text; every span points into it. Paragraphs are separated by "\n\n". */
  text: string;
  removed: Removal[];
  /** For each metadata field that is set, where it came from. */
  provenance: Partial<Record<'source' | 'title' | 'author' | 'published' | 'language' | 'url' | 'canonicalUrl' | 'place', MetadataOrigin>>;
  warnings: string[];
}

// ───────────────────────────── language ─────────────────────────────

export type PartOfSpeech =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART'
  | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

export interface Token extends Span {
  text: string;
  /** Lower-cased, accent-folded form used for matching ("nicolás" → "nicolas"). */
  norm: string;
  lemma: string;
  pos: PartOfSpeech;
}

export interface Sentence extends Span {
  /** Index of the first token and one past the last token in `Doc.tokens`. */
  firstToken: number;
  endToken: number;
}

export type EntityType = 'person' | 'organization' | 'place' | 'other';

export interface Entity extends Span {
  text: string;
  type: EntityType;
}

export type QuantityKind = 'duration' | 'count' | 'money' | 'percent' | 'age' | 'ordinal' | 'measure';

export interface Quantity extends Span {
  text: string;
  kind: QuantityKind;
  value: number;
  /** Normalised unit: "year", "person", "USD", "%", "soldier", … */
  unit: string;
}

export interface DateMention extends Span {
  text: string;
  /** ISO 8601, as precise as the text allows: "2015", "2017-10", "2017-05-03". */
  value: string;
  /** True when resolved against the publication date ("last month"). */
  relative: boolean;
}

/** One annotated article: the output of the language stage. */
export interface Doc {
  article: Article;
  sentences: Sentence[];
  tokens: Token[];
  entities: Entity[];
  quantities: Quantity[];
  dates: DateMention[];
}

// ───────────────────────────── actors ─────────────────────────────

export interface Mention extends Span {
  article: string;
}

export interface Label extends Span {
  article: string;
  text: string;
  /** -1 (hostile) … 1 (favourable). */
  polarity: number;
  /** Set when the label sits inside a quotation: the speaker's word, not the outlet's. */
  quotedBy: string | null;
  /** How it attaches: "title", "epithet", "appositive", "predicate", "attributive". */
  kind: 'title' | 'epithet' | 'appositive' | 'predicate' | 'attributive';
}

export interface StanceEvidence extends Span {
  article: string;
  text: string;
  weight: number;
}

export interface Actor {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: Mention[];
  labels: Label[];
  /** Per article id: -1 … 1. Absent when the article does not mention the actor. */
  stance: Record<string, number>;
  stanceEvidence: StanceEvidence[];
}

// ───────────────────────────── quotes ─────────────────────────────

export interface Quote extends Span {
  id: string;
  article: string;
  /** The quoted words (the span covers them without the quotation marks). */
  text: string;
  /** Actor id of the speaker, when resolved. */
  speaker: string | null;
  /** The speaker as written ("Sgt. Flores Ortiz", "the minister"). */
  speakerName: string | null;
  /** Span of the speaker's name as written, when present. */
  speakerSpan: Span | null;
  /** The reporting verb or cue ("said", "according to", ":"). */
  cue: string | null;
}

// ───────────────────────────── claims ─────────────────────────────

export type Attribution =
  | { kind: 'outlet' }
  | { kind: 'named'; name: string; actor: string | null }
  | { kind: 'unnamed'; cue: string };

export interface Claim extends Span {
  id: string;
  article: string;
  text: string;
  /** Actor ids involved. */
  actors: string[];
  quantities: Quantity[];
  dates: DateMention[];
  /** Main predicate lemma. */
  predicate: string | null;
  negated: boolean;
  /** Hedging or modality cue ("could", "allegedly"), null when asserted plainly. */
  modality: string | null;
  attribution: Attribution;
}

export type AlignmentKind = 'agreed' | 'conflict' | 'unique';

export interface Alignment {
  id: string;
  kind: AlignmentKind;
  claims: string[];
  articles: string[];
  explanation: string;
  /** 0 … 1. */
  confidence: number;
  /** For agreements: true when one side reports more than the other ("arson and inciting violence"). */
  partial?: boolean;
  /**
   * For agreements: true when the two claims share less than half of either one's words, so the
   * pairing rests on names and word similarity; the explanation quotes both for the reader to judge.
   */
  wordedApart?: boolean;
}

// ───────────────────────────── framing ─────────────────────────────

/** Technique names of the SemEval-2020 task 11 propaganda corpus. */
export type Technique =
  | 'Loaded_Language'
  | 'Name_Calling,Labeling'
  | 'Repetition'
  | 'Exaggeration,Minimisation'
  | 'Doubt'
  | 'Appeal_to_fear-prejudice'
  | 'Flag-Waving'
  | 'Causal_Oversimplification'
  | 'Slogans'
  | 'Appeal_to_Authority'
  | 'Black-and-White_Fallacy'
  | 'Thought-terminating_Cliches'
  | 'Whataboutism,Straw_Men,Red_Herring'
  | 'Bandwagon,Reductio_ad_hitlerum';

export interface FramingFinding extends Span {
  article: string;
  text: string;
  technique: Technique;
  /** Model confidence 0 … 1. */
  score: number;
  /** A short reason a reader can follow: trigger words or the pattern. */
  reason: string;
  /** Set when the span sits inside a quotation: the speaker's words, not the outlet's. */
  quotedBy: string | null;
  /** Sentence-bias probability (0 … 1) of the sentence holding the span, when it was scored. */
  sentenceBias?: number;
  /**
   * Loaded_Language and Name_Calling,Labeling: the words inside the span that carry the charge
   * (the ones experts would most likely mark as biased), most likely first; absent when none stands out.
   */
  triggers?: Span[];
  /**
   * Loaded_Language and Name_Calling,Labeling: the probability (0 … 1) that experts would mark the
   * span's likeliest word as biased (BABE's marked words); low when no word in it carries a charge.
   */
  wordBias?: number;
}

/** Per-article scores; keys may be added. */
export interface ArticleScores {
  /** Loaded-language findings per 1,000 words (outlet's own voice). */
  loaded: number;
  /** Share of sentences judged subjective/biased, 0 … 1. */
  subjective: number;
  /** Number of distinct quoted speakers. */
  voices: number;
  /** Probability the article is hyperpartisan, 0 … 1. */
  hyperpartisan?: number;
  /** Share of the article's words quoted from each speaker (actor id, else the name as written, else "unattributed"), 0 … 1. */
  voiceShare?: Record<string, number>;
  /** Quoted words per speaker, same keys as `voiceShare`. */
  voiceWords?: Record<string, number>;
  /** Share of the article's words outside any quotation: the outlet's own voice, 0 … 1. */
  ownVoice?: number;
  /** Each speaker's side as the article presents it, same keys as `voiceShare`. */
  voiceSides?: Record<string, VoiceSide>;
  [key: string]: number | undefined | Record<string, number> | Record<string, VoiceSide>;
}

/** Sides a speaker can be placed on from the article's own words; "unclear" when it does not say. */
export type Side = 'government' | 'opposition' | 'labour' | 'security' | 'unclear';

export interface VoiceSide {
  side: Side;
  /** What placed them: the label or words, quoted ("labelled “opposition leader”"). */
  reason: string;
}

// ───────────────────────────── comparison ─────────────────────────────

export interface BriefItem {
  text: string;
  alignment: string;
  articles: string[];
}

export interface Brief {
  agreed: BriefItem[];
  disputed: BriefItem[];
  onlyIn: Record<string, BriefItem[]>;
}

export interface Comparison {
  schema: 'parallax.report/1';
  id: string;
  createdAt: string;
  articles: Article[];
  actors: Actor[];
  claims: Claim[];
  alignments: Alignment[];
  quotes: Quote[];
  framing: FramingFinding[];
  scores: Record<string, ArticleScores>;
  brief: Brief;
  warnings: string[];
}

// ───────────────────────────── stories ─────────────────────────────

export interface Story {
  id: string;
  headline: string;
  articleIds: string[];
  sources: string[];
  firstSeen: string | null;
  lastSeen: string | null;
}
