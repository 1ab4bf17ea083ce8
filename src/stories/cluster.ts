/**
 * Incremental story clustering, after Miranda et al. 2018 ("Multilingual Clustering of
 * Streaming News"): each arriving article becomes TF-IDF vectors (title, title+body, names
 * and numbers); an inverted index over the terms of recent stories yields a few candidate
 * stories (never all pairs); a small logistic model over cosine and time features scores each
 * candidate; the article joins the best story when the score clears the threshold, else it
 * starts a new story. Document frequencies are learnt online from the stream itself.
 *
 * Deterministic: the same articles in the same order give the same stories (Maps iterate in
 * insertion order and ties go to the older story).
 */
import { createHash } from 'node:crypto';
import type { Story } from '../model/index.ts';
import { articleFeatures, termIdCount, termText, type TermCounts } from './features.ts';
import { DEFAULT_WEIGHTS, FEATURE_NAMES, type SimilarityWeights } from './weights.ts';

/** What the clusterer reads of an article (a model `Article` fits). */
export interface ClusterArticle {
  id: string;
  title: string | null;
  text: string;
  source: string | null;
  /** ISO 8601; when null the article is placed at the latest time seen so far. */
  published: string | null;
}

export interface ClusterOptions {
  weights?: SimilarityWeights;
  /** Only stories seen within this many hours of the article are candidates. */
  windowHours?: number;
}

/**
 * Sparse vector: parallel arrays of term ids and weights, in the order the terms were first
 * added (the order sums run in, so results do not depend on how a vector is stored).
 */
interface Vector {
  ids: number[];
  weights: number[];
}

/** A story centroid: a vector that grows, with a term id → slot lookup. */
interface Centroid extends Vector {
  slots: Map<number, number>;
}

/** The article as the clusterer sees it, after its terms counted towards document frequency. */
export interface PreparedArticle {
  article: ClusterArticle;
  time: number;
  title: Vector;
  text: Vector;
  names: Vector;
  /** The heaviest terms and names (term ids): the keys looked up in the inverted index. */
  queryTerms: number[];
}

export interface CandidateScore {
  storyId: string;
  /** Feature values in FEATURE_NAMES order, each 0 … 1. */
  features: number[];
  /** Model probability that the article belongs to the story. */
  score: number;
}

export interface Assignment {
  storyId: string;
  isNew: boolean;
  /** The winning score (0 for a new story without candidates). */
  score: number;
  /** How many stories were scored: bounded by MAX_CANDIDATES however long the stream. */
  candidates: number;
}

/**
 * Stories last seen more than this long before an article are not candidates. The roundups
 * put one event's articles within a day or two; three days leaves room for follow-ups.
 */
export const DEFAULT_WINDOW_HOURS = 72;
/** Centroid sizes: the top terms kept per story, which bounds memory and index growth. */
export const CENTROID_TERMS = { title: 40, text: 120, names: 60 } as const;
/** Terms kept per article vector: the heaviest carry the event; the long tail only costs time. */
export const ARTICLE_TERMS = { title: 30, text: 60, names: 30 } as const;
/** Index keys per article: its heaviest text terms and names (more only adds weak candidates). */
export const QUERY_TEXT_TERMS = 12;
export const QUERY_NAME_TERMS = 8;
/**
 * Stories fully scored per article, the ones sharing the most index weight with it. On the
 * roundups no article had more than 8 candidates with a cap of 12; in a dense stream (the
 * 100k bench) the cap bounds the work per article.
 */
export const MAX_CANDIDATES = 8;
/** Title terms count this many times in the title+body vector: titles name the event. */
export const TITLE_BOOST = 2;
/**
 * Documents assumed seen before the stream, none containing any term: a smoothing prior for
 * IDF, so that in a stream of a few articles the terms they share still count. On the tune
 * stream 1 → 20 costs 0.002 pairwise F1 (0.846 → 0.844); 50 and 100 cost 0.007.
 */
const IDF_PRIOR_DOCUMENTS = 20;
/** Articles between two sweeps of expired stories: often enough to bound memory, rare enough to cost nothing. */
const SWEEP_EVERY = 2000;
/** Member vectors kept per story (nearest-member feature, headline), and terms kept per member. */
const MEMBER_POOL = 4;
const MEMBER_TERMS = 40;
/** Time feature scale (e^-1 at one day): 12 h and 48 h, tried with windows of 48 h and 72 h, scored lower on the tune half. */
const TIME_SCALE_MS = 24 * 3600 * 1000;

/** Never written to: frozen stories share them (see sweep and join). */
const FROZEN_VECTOR: Centroid = { ids: [], weights: [], slots: new Map() };
const FROZEN_SET = new Set<never>();
const FROZEN_MEMBERS: StoryState['members'] = [];
const FROZEN_NORMS: StoryState['norms'] = { title: 0, text: 0, names: 0 };

interface StoryState {
  id: string;
  /** Creation order: ties go to the older story. */
  seq: number;
  title: Centroid;
  text: Centroid;
  names: Centroid;
  /** Norms of the centroids, refreshed on every change. */
  norms: { title: number; text: number; names: number };
  /** Term ids under which the story is in the index. */
  indexed: Set<number>;
  articleIds: string[];
  sources: string[];
  /** The same outlets as a set: a big story must not make each join scan its list. */
  sourceSet: Set<string>;
  firstTime: number;
  lastTime: number;
  /** Sum of member times, for the mean. */
  timeSum: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /** The first members' pruned text vectors: for the nearest-member feature and the headline. */
  members: { title: string | null; text: Vector; norm: number }[];
  /** Set when the story leaves the window and its vectors are dropped. */
  headline: string | null;
  /** Index weight shared with the article being scored, valid when overlapRound is the clusterer's round. */
  overlap: number;
  overlapRound: number;
  /** Bumped whenever a centroid may have lost terms (pruning, freezing, reviving): see Postings. */
  epoch: number;
  /** Set when an index entry of the story was dropped: the next join re-checks all its terms. */
  unindexed: boolean;
}

/**
 * The stories indexed under one term, with each entry's story epoch when it was last known to
 * hold the term: an entry whose epoch is current needs no lookup in the centroids.
 */
interface Postings {
  stories: StoryState[];
  epochs: number[];
}

export class StoryClusterer {
  readonly weights: SimilarityWeights;
  readonly windowMs: number;
  private readonly stories = new Map<string, StoryState>();
  /** Stories still inside the window (insertion order = creation order). */
  private readonly active = new Set<StoryState>();
  private sinceSweep = 0;
  /** Scoring round (one per scored article) and the stories it touched, reused. */
  private round = 0;
  private readonly touched: StoryState[] = [];
  private readonly index = new Map<number, Postings>();
  /** Document frequency by term id (grown as new ids appear). */
  private documentFrequency = new Float64Array(1024);
  /** The article being scored, as dense slot tables (see ArticleSlots). */
  private readonly slots = { title: new ArticleSlots(), text: new ArticleSlots(), names: new ArticleSlots() };
  private documents = 0;
  private clock = 0;
  private seq = 0;

  constructor(options: ClusterOptions = {}) {
    this.weights = options.weights ?? DEFAULT_WEIGHTS;
    this.windowMs = (options.windowHours ?? DEFAULT_WINDOW_HOURS) * 3600 * 1000;
  }

  /** Adds one article and returns the story it joined or started. */
  add(article: ClusterArticle): Assignment {
    const prepared = this.prepare(article);
    const candidates = this.score(prepared);
    const best = candidates[0];
    if (best && best.score >= this.weights.threshold) {
      return { ...this.assign(prepared, best.storyId), score: best.score, candidates: candidates.length };
    }
    return { ...this.assign(prepared, null), score: best?.score ?? 0, candidates: candidates.length };
  }

  /** Step 1: counts the article's terms towards document frequency and builds its vectors. */
  prepare(article: ClusterArticle): PreparedArticle {
    const parsed = Date.parse(article.published ?? '');
    const time = Number.isFinite(parsed) ? parsed : this.clock;
    if (time > this.clock) this.clock = time;
    const features = articleFeatures(article);
    const text: TermCounts = new Map(features.body);
    for (const [term, count] of features.title) text.set(term, (text.get(term) ?? 0) + count * TITLE_BOOST);
    this.documents += 1;
    if (termIdCount() > this.documentFrequency.length) {
      const grown = new Float64Array(Math.max(termIdCount(), this.documentFrequency.length * 2));
      grown.set(this.documentFrequency);
      this.documentFrequency = grown;
    }
    const df = this.documentFrequency;
    for (const term of text.keys()) df[term] += 1;
    for (const term of features.names.keys()) {
      // A one-word name is often also a text term ("biden"): count the document once.
      if (!text.has(term)) df[term] += 1;
    }
    const textVector = this.weigh(text, ARTICLE_TERMS.text);
    const namesVector = this.weigh(features.names, ARTICLE_TERMS.names);
    const queryTerms = [...topTerms(textVector, QUERY_TEXT_TERMS), ...topTerms(namesVector, QUERY_NAME_TERMS)];
    return { article, time, title: this.weigh(features.title, ARTICLE_TERMS.title), text: textVector, names: namesVector, queryTerms };
  }

  /** Step 2: scores the candidate stories from the index, best first. */
  score(prepared: PreparedArticle): CandidateScore[] {
    // Index weight shared with each story, kept on the story itself for this round (no map).
    const round = ++this.round;
    const touched = this.touched;
    touched.length = 0;
    const oldest = prepared.time - this.windowMs;
    const slots = this.slots;
    slots.title.load(prepared.title);
    slots.text.load(prepared.text);
    slots.names.load(prepared.names);
    for (const term of prepared.queryTerms) {
      const postings = this.index.get(term);
      if (!postings) continue;
      const { stories } = postings;
      const weight = slots.text.weightOf(prepared.text, term) + slots.names.weightOf(prepared.names, term);
      const kept = this.dropExpired(term, postings);
      for (let i = 0; i < kept; i++) {
        const story = stories[i];
        if (story.lastTime < oldest) continue; // an article older than the stream clock
        if (story.overlapRound === round) story.overlap += weight;
        else {
          story.overlapRound = round;
          story.overlap = weight;
          touched.push(story);
        }
      }
    }
    return shortlistOf(touched, MAX_CANDIDATES)
      .map((story) => {
        const features = this.features(prepared, story);
        return { storyId: story.id, features, score: predict(this.weights, features), seq: story.seq };
      })
      .sort((a, b) => b.score - a.score || a.seq - b.seq)
      .map(({ storyId, features, score }) => ({ storyId, features, score }));
  }

  /** Step 3: puts the article into the given story, or into a new one when `storyId` is null. */
  assign(prepared: PreparedArticle, storyId: string | null): Omit<Assignment, 'score' | 'candidates'> {
    let story = storyId === null ? undefined : this.stories.get(storyId);
    const isNew = !story;
    if (!story) story = this.newStory(prepared.article.id, prepared.time);
    this.join(story, prepared);
    return { storyId: story.id, isNew };
  }

  /**
   * Puts back a story saved earlier (e.g. by the store) with its articles, so that a later
   * run keeps growing it. Articles already in another story are not moved.
   */
  restore(story: Story, articles: ClusterArticle[]): void {
    let state = this.stories.get(story.id);
    for (const article of articles) {
      const prepared = this.prepare(article);
      if (!state) {
        state = this.newStory(article.id, prepared.time, story.id);
      }
      this.join(state, prepared);
    }
  }

  /**
   * Removes from one posting list the stories past the window and those whose centroids have
   * since dropped the term (pruning); returns how many remain.
   */
  private dropExpired(term: number, postings: Postings): number {
    const expiry = this.clock - this.windowMs;
    const { stories, epochs } = postings;
    let kept = 0;
    for (let i = 0; i < stories.length; i++) {
      const story = stories[i];
      // An unchanged epoch means the story has dropped no term since the entry was checked.
      if (story.lastTime >= expiry && (epochs[i] === story.epoch || story.text.slots.has(term) || story.names.slots.has(term))) {
        stories[kept] = story;
        epochs[kept++] = story.epoch;
      } else {
        story.indexed.delete(term);
        story.unindexed = true;
      }
    }
    if (kept < stories.length) {
      stories.length = kept;
      epochs.length = kept;
    }
    if (kept === 0) this.index.delete(term);
    return kept;
  }

  /**
   * Freezes the stories that left the window: their headline is fixed and their vectors are
   * dropped, and the index forgets them, so memory follows the window, not the stream.
   */
  private sweep(): void {
    const expiry = this.clock - this.windowMs;
    for (const story of this.active) {
      if (story.lastTime >= expiry) continue;
      story.headline = centralTitle(story);
      // Shared empty stand-ins: a frozen story costs only its record (join() gives fresh ones back).
      story.title = story.text = story.names = FROZEN_VECTOR;
      story.members = FROZEN_MEMBERS;
      story.norms = FROZEN_NORMS;
      story.indexed = story.sourceSet = FROZEN_SET;
      story.epoch += 1;
      this.active.delete(story);
    }
    for (const [term, postings] of [...this.index]) this.dropExpired(term, postings);
  }

  /** Feature values for an article against a story, in FEATURE_NAMES order. */
  private features(prepared: PreparedArticle, story: StoryState): number[] {
    // Distance to the story's mean time, not to its span: a story that has grown over days
    // must not look "current" to everything, or it snowballs.
    const gap = Math.abs(prepared.time - story.timeSum / story.articleIds.length);
    // score() loaded the article into this.slots.
    const { title, text, names } = this.slots;
    let nearest = 0;
    for (const member of story.members) nearest = Math.max(nearest, text.cosine(prepared.text, member.text, member.norm));
    const values: Record<(typeof FEATURE_NAMES)[number], number> = {
      title: title.cosine(prepared.title, story.title, story.norms.title),
      text: text.cosine(prepared.text, story.text, story.norms.text),
      names: names.cosine(prepared.names, story.names, story.norms.names),
      titleText: title.cosine(prepared.title, story.text, story.norms.text),
      nearest,
      time: Math.exp(-gap / TIME_SCALE_MS),
    };
    return FEATURE_NAMES.map((name) => values[name]);
  }

  /** TF-IDF weights of the `limit` heaviest terms, scaled to unit length. */
  private weigh(counts: TermCounts, limit: number): Vector {
    let vector: Vector = { ids: [], weights: [] };
    // Online IDF from the stream itself: terms common in today's news (a name in every story)
    // weigh little. The prior documents keep a short stream from treating every shared term as common.
    const documents = this.documents + IDF_PRIOR_DOCUMENTS;
    const documentFrequency = this.documentFrequency;
    for (const [term, count] of counts) {
      const weight = (1 + Math.log(count)) * Math.log(documents / (documentFrequency[term] + 0.5));
      if (weight > 0) {
        vector.ids.push(term);
        vector.weights.push(weight);
      }
    }
    if (vector.ids.length > limit) vector = pruned(vector, limit);
    const norm = normOf(vector);
    if (norm > 0) for (let i = 0; i < vector.weights.length; i++) vector.weights[i] /= norm;
    return vector;
  }

  private newStory(firstArticleId: string, time: number, id?: string): StoryState {
    const state: StoryState = {
      id: id ?? this.uniqueId(firstArticleId),
      seq: this.seq++,
      title: emptyCentroid(),
      text: emptyCentroid(),
      names: emptyCentroid(),
      norms: { title: 0, text: 0, names: 0 },
      indexed: new Set(),
      articleIds: [],
      sources: [],
      sourceSet: new Set(),
      firstTime: time,
      lastTime: time,
      timeSum: 0,
      firstSeen: null,
      lastSeen: null,
      members: [],
      headline: null,
      overlap: 0,
      overlapRound: 0,
      epoch: 0,
      unindexed: false,
    };
    this.stories.set(state.id, state);
    this.active.add(state);
    return state;
  }

  private uniqueId(firstArticleId: string): string {
    const base = `s_${createHash('sha1').update(firstArticleId).digest('hex').slice(0, 12)}`;
    let id = base;
    for (let n = 2; this.stories.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  private join(story: StoryState, prepared: PreparedArticle): void {
    const { article, time } = prepared;
    if (!this.active.has(story)) {
      // A late article for a frozen story (only via restore or an explicit assign): revive it.
      story.headline = null;
      story.title = emptyCentroid();
      story.text = emptyCentroid();
      story.names = emptyCentroid();
      story.members = [];
      story.norms = { title: 0, text: 0, names: 0 };
      story.indexed = new Set();
      story.unindexed = false;
      story.epoch += 1;
      story.sourceSet = new Set(story.sources);
      this.active.add(story);
    }
    if (++this.sinceSweep >= SWEEP_EVERY) {
      this.sinceSweep = 0;
      this.sweep();
    }
    story.articleIds.push(article.id);
    story.timeSum += time;
    if (article.source && !story.sourceSet.has(article.source)) {
      story.sourceSet.add(article.source);
      story.sources.push(article.source);
    }
    if (time <= story.firstTime || story.firstSeen === null) {
      story.firstTime = Math.min(story.firstTime, time);
      if (article.published && time <= story.firstTime) story.firstSeen = article.published;
    }
    if (time >= story.lastTime || story.lastSeen === null) {
      story.lastTime = Math.max(story.lastTime, time);
      if (article.published && time >= story.lastTime) story.lastSeen = article.published;
    }
    const { ids: textIds } = story.text;
    const { ids: nameIds } = story.names;
    story.norms.title = accumulate(story.title, prepared.title, CENTROID_TERMS.title);
    story.norms.text = accumulate(story.text, prepared.text, CENTROID_TERMS.text);
    story.norms.names = accumulate(story.names, prepared.names, CENTROID_TERMS.names);
    // Pruning replaces the id arrays: terms may have left, so index entries must be checked again.
    if (story.text.ids !== textIds || story.names.ids !== nameIds) story.epoch += 1;
    if (story.members.length < MEMBER_POOL) {
      const text = pruned(prepared.text, MEMBER_TERMS);
      story.members.push({ title: article.title, text, norm: normOf(text) });
    }
    // Every centroid term must be indexed. Terms held before this article still are, unless an
    // index entry was dropped since (an expired-looking story later joined); then all are checked.
    const fresh = story.unindexed ? [story.text.ids, story.names.ids] : [prepared.text.ids, prepared.names.ids];
    story.unindexed = false;
    for (const terms of fresh) {
      for (const term of terms) {
        if (story.indexed.has(term) || !(story.text.slots.has(term) || story.names.slots.has(term))) continue;
        story.indexed.add(term);
        const postings = this.index.get(term);
        if (postings) {
          postings.stories.push(story);
          postings.epochs.push(story.epoch);
        } else this.index.set(term, { stories: [story], epochs: [story.epoch] });
      }
    }
  }

  /** The story as the data model has it; the headline is the member title closest to the centroid. */
  getStory(id: string): Story | null {
    const story = this.stories.get(id);
    return story ? toStory(story) : null;
  }

  /** Every story, oldest first. */
  listStories(): Story[] {
    return [...this.stories.values()].map(toStory);
  }

  get storyCount(): number {
    return this.stories.size;
  }

  /** How many (term, story) entries the index holds now: bounded by the window, not the stream. */
  get indexSize(): number {
    let size = 0;
    for (const postings of this.index.values()) size += postings.stories.length;
    return size;
  }
}

function centralTitle(story: StoryState): string {
  if (story.headline !== null) return story.headline;
  let headline = '';
  let best = -1;
  for (const member of story.members) {
    if (!member.title) continue;
    const centrality = sparseCosine(member.text, story.text, story.norms.text);
    if (centrality > best + 1e-12) {
      best = centrality;
      headline = member.title;
    }
  }
  return headline;
}

function toStory(story: StoryState): Story {
  return {
    id: story.id,
    headline: centralTitle(story),
    articleIds: [...story.articleIds],
    sources: [...story.sources],
    firstSeen: story.firstSeen,
    lastSeen: story.lastSeen,
  };
}

/** The model: logistic regression over the features. */
export function predict(weights: SimilarityWeights, features: number[]): number {
  let z = weights.bias;
  for (let i = 0; i < features.length; i++) z += weights.coefficients[i] * features[i];
  return 1 / (1 + Math.exp(-z));
}

/**
 * One article vector spread over dense per-term tables, so that its cosine with a story reads
 * array slots instead of hashing: `slot[term]` is the term's position in the vector, valid while
 * `stamp[term]` equals the current load. Sized by the term-id count and grown as it grows.
 */
class ArticleSlots {
  private slot = new Int32Array(1024);
  private stamp = new Uint32Array(1024);
  private generation = 0;
  /** Per-position products for a cosine summed in the article's order. */
  private products = new Float64Array(64);

  load(vector: Vector): void {
    const needed = termIdCount();
    if (needed > this.slot.length) {
      const size = Math.max(needed, this.slot.length * 2);
      this.slot = new Int32Array(size);
      this.stamp = new Uint32Array(size);
      this.generation = 0;
    }
    this.generation += 1;
    const { ids } = vector;
    for (let i = 0; i < ids.length; i++) {
      this.slot[ids[i]] = i;
      this.stamp[ids[i]] = this.generation;
    }
    if (ids.length > this.products.length) this.products = new Float64Array(ids.length * 2);
  }

  private positionOf(term: number): number {
    // Every id in a story or article vector existed at load time, so it is within the tables.
    return this.stamp[term] === this.generation ? this.slot[term] : -1;
  }

  /** The loaded vector's weight of a term (0 when absent). */
  weightOf(vector: Vector, term: number): number {
    const position = this.positionOf(term);
    return position < 0 ? 0 : vector.weights[position];
  }

  /**
   * Cosine of the loaded unit article vector (passed again as `unit`) with a vector whose norm is
   * given. The dot product is summed in the order of the smaller of the two vectors (the article
   * on a tie), as a plain loop over the smaller one with lookups in the larger would, so the
   * floating-point result is the same whichever way the vectors are stored.
   */
  cosine(unit: Vector, other: Vector, otherNorm: number): number {
    const n = unit.ids.length;
    if (otherNorm === 0 || n === 0) return 0;
    const { ids, weights } = other;
    let dot = 0;
    if (n <= ids.length) {
      const products = this.products;
      products.fill(0, 0, n);
      for (let j = 0; j < ids.length; j++) {
        const position = this.positionOf(ids[j]);
        if (position >= 0) products[position] = unit.weights[position] * weights[j];
      }
      // Adding the zeros of absent terms leaves the sum bit for bit as it was.
      for (let i = 0; i < n; i++) dot += products[i];
    } else {
      for (let j = 0; j < ids.length; j++) {
        const position = this.positionOf(ids[j]);
        if (position >= 0) dot += weights[j] * unit.weights[position];
      }
    }
    return dot / otherNorm;
  }
}

/** Cosine of two vectors without slot tables (rare calls: headlines). Same summation order as ArticleSlots.cosine. */
function sparseCosine(unit: Vector, other: Vector, otherNorm: number): number {
  if (otherNorm === 0 || unit.ids.length === 0) return 0;
  const [small, large] = unit.ids.length <= other.ids.length ? [unit, other] : [other, unit];
  const lookup = new Map<number, number>();
  for (let i = 0; i < large.ids.length; i++) lookup.set(large.ids[i], large.weights[i]);
  let dot = 0;
  for (let i = 0; i < small.ids.length; i++) {
    const weight = lookup.get(small.ids[i]);
    if (weight !== undefined) dot += small.weights[i] * weight;
  }
  return dot / otherNorm;
}

function emptyCentroid(): Centroid {
  return { ids: [], weights: [], slots: new Map() };
}

/** Adds `vector` into `centroid`, keeps its `limit` heaviest terms, returns the new norm. */
function accumulate(centroid: Centroid, vector: Vector, limit: number): number {
  for (let i = 0; i < vector.ids.length; i++) {
    const term = vector.ids[i];
    const slot = centroid.slots.get(term);
    if (slot === undefined) {
      centroid.slots.set(term, centroid.ids.length);
      centroid.ids.push(term);
      centroid.weights.push(vector.weights[i]);
    } else centroid.weights[slot] += vector.weights[i];
  }
  if (centroid.ids.length > limit * 2) {
    const kept = pruned(centroid, limit);
    centroid.ids = kept.ids;
    centroid.weights = kept.weights;
    centroid.slots.clear();
    for (let i = 0; i < kept.ids.length; i++) centroid.slots.set(kept.ids[i], i);
  }
  return normOf(centroid);
}

function normOf(vector: Vector): number {
  let norm = 0;
  for (const weight of vector.weights) norm += weight * weight;
  return Math.sqrt(norm);
}

/** Sorts before: more shared index weight, then the older story. */
function closer(a: StoryState, b: StoryState): boolean {
  return a.overlap > b.overlap || (a.overlap === b.overlap && a.seq < b.seq);
}

/** The `limit` stories sharing the most index weight, best first (a partial selection, not a full sort). */
function shortlistOf(touched: StoryState[], limit: number): StoryState[] {
  const top: StoryState[] = [];
  for (const story of touched) {
    if (top.length === limit && !closer(story, top[limit - 1])) continue;
    let at = top.length < limit ? top.length : limit - 1;
    while (at > 0 && closer(story, top[at - 1])) {
      if (at < top.length) top[at] = top[at - 1];
      else top.push(top[at - 1]);
      at--;
    }
    top[at] = story;
  }
  return top;
}

/** Heavier first; ties broken by term text so the result never depends on id or insertion history. */
function heavier(vector: Vector, a: number, b: number): number {
  const difference = vector.weights[b] - vector.weights[a];
  if (difference !== 0) return difference;
  const ta = termText(vector.ids[a]);
  const tb = termText(vector.ids[b]);
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/**
 * Positions of the `limit` heaviest terms, heaviest first: a partial selection (insertion into
 * a short sorted list) rather than sorting the whole vector.
 */
function topPositions(vector: Vector, limit: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < vector.ids.length; i++) {
    if (top.length === limit && heavier(vector, i, top[limit - 1]) >= 0) continue;
    let at = top.length < limit ? top.length : limit - 1;
    while (at > 0 && heavier(vector, i, top[at - 1]) < 0) {
      if (at < top.length) top[at] = top[at - 1];
      else top.push(top[at - 1]);
      at--;
    }
    top[at] = i;
  }
  return top;
}

/** The `limit` heaviest terms (a copy), heaviest first; the vector itself (copied) when it is short enough. */
function pruned(vector: Vector, limit: number): Vector {
  if (vector.ids.length <= limit) return { ids: [...vector.ids], weights: [...vector.weights] };
  const top = topPositions(vector, limit);
  return { ids: top.map((i) => vector.ids[i]), weights: top.map((i) => vector.weights[i]) };
}

function topTerms(vector: Vector, limit: number): number[] {
  if (vector.ids.length <= limit) return [...vector.ids];
  return topPositions(vector, limit).map((i) => vector.ids[i]);
}
