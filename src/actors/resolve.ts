/**
 * Which entity mentions name the same real-world actor, within one article and across all.
 *
 * Within an article: full names cluster by their matching form; a longer full name that
 * extends a shorter one at either end by whole words is the same person ("Nicolás Maduro" /
 * "Nicolás Maduro Moros", "Flores Ortiz" / "Giomar Alexander Flores Ortiz"); a one-word
 * mention resolves to the full name in that article that contains it as a surname part (or,
 * failing that, as a given name) and was named most recently before it — so a bare "López"
 * after "Leopoldo López" is Leopoldo, even when "Vladimir Padrino López" appears later.
 * Acronyms join the name they stand beside in parentheses ("Bolivarian National Guard (GNB)").
 *
 * Across articles: the same extension rule on full names (accent- and case-insensitive);
 * two full names with different given names are never merged; a one-word actor joins the
 * most-mentioned full-name person that carries the word as a surname part.
 */
import type { Doc, Entity, EntityType, Mention } from '../model/index.ts';
import { foldAccents, normalizeWord } from '../language/index.ts';

export type ActorType = Exclude<EntityType, 'other'>;

export interface MentionForm extends Mention {
  /** The text as written ("López", "Nicolás Maduro"). */
  text: string;
}

export interface ActorDraft {
  type: ActorType;
  mentions: MentionForm[];
  /** Extra aliases that are not mention texts (none yet; acronyms are mentions). */
  acronyms: string[];
}

/** Spellings of one country that news uses interchangeably, keyed to one matching form. */
const SAME_PLACE: Record<string, string> = {
  us: 'united states',
  'u.s.': 'united states',
  usa: 'united states',
  'u.s.a.': 'united states',
  'united states of america': 'united states',
  uk: 'united kingdom',
  'u.k.': 'united kingdom',
  britain: 'united kingdom',
  'great britain': 'united kingdom',
};

/** A company's legal form at the end of its name: "Pfizer Inc." is the "Pfizer" of the next article. */
const LEGAL_FORM = /,?\s+(?:inc|corp|co|ltd|llc|llp|lp|plc|ag|sa|s\.a|nv|n\.v|gmbh)\.?$/u;

/** The matching form of an organisation or place name. */
function placeKey(text: string): string {
  const key = normalizeWord(text);
  const bare = key.replace(LEGAL_FORM, '');
  return SAME_PLACE[bare] ?? (bare || key);
}

const ACRONYM = /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,6}$/u;

const wordCache = new Map<string, string[]>();
/** Matching words of a name, memoised: the resolution loops ask for the same few names often. */
function words(text: string): string[] {
  let cached = wordCache.get(text);
  if (!cached) {
    const all = normalizeWord(text)
      .split(/[\s-]+/)
      .filter((w) => w !== '');
    // "Donald J. Trump" is "Donald Trump": middle initials do not tell people apart here
    const withoutInitials = all.filter((w, i) => i === 0 || !/^\p{L}\.?$/u.test(w));
    cached = withoutInitials.length >= 2 ? withoutInitials : all;
    if (wordCache.size > 10_000) wordCache.clear(); // bound memory on long runs
    wordCache.set(text, cached);
  }
  return cached;
}

/** True when `shorter` equals `longer` cut at the start or the end, by whole words (≥ 2 words). */
export function extendsName(longer: string[], shorter: string[]): boolean {
  if (shorter.length < 2 || shorter.length > longer.length) return false;
  const prefix = shorter.every((w, i) => longer[i] === w);
  const suffix = shorter.every((w, i) => longer[longer.length - shorter.length + i] === w);
  return prefix || suffix;
}

interface ArticleCluster {
  type: ActorType;
  mentions: MentionForm[];
  /** Word lists of the full names (≥ 2 words) in this cluster. */
  fullNames: string[][];
  acronyms: string[];
}

/** Clusters of one article. */
function clusterArticle(doc: Doc): { clusters: ArticleCluster[]; loose: MentionForm[] } {
  const article = doc.article.id;
  const text = doc.article.text;
  const clusters: ArticleCluster[] = [];
  const loose: MentionForm[] = [];
  const form = (e: Entity): MentionForm => ({ article, start: e.start, end: e.end, text: e.text });
  const persons = doc.entities.filter((e) => e.type === 'person');
  const multi = persons.filter((e) => words(e.text).length >= 2);
  // longer names first, so shorter forms find the cluster they extend
  const byLength = [...multi].sort(
    (a, b) => words(b.text).length - words(a.text).length || a.start - b.start,
  );
  for (const entity of byLength) {
    const name = words(entity.text);
    const cluster = clusters.find((c) =>
      c.fullNames.some((f) => f.join(' ') === name.join(' ') || extendsName(f, name)),
    );
    if (cluster) {
      cluster.mentions.push(form(entity));
      if (!cluster.fullNames.some((f) => f.join(' ') === name.join(' '))) cluster.fullNames.push(name);
    } else clusters.push({ type: 'person', mentions: [form(entity)], fullNames: [name], acronyms: [] });
  }
  // one-word mentions: surname part first, then given name; the most recently named wins
  const singles = doc.entities.filter(
    (e) => (e.type === 'person' || e.type === 'other') && words(e.text).length === 1 && !ACRONYM.test(e.text),
  );
  for (const entity of singles) {
    const word = words(entity.text)[0];
    const bySurname = clusters.filter((c) => c.fullNames.some((f) => f.slice(1).includes(word)));
    const byGiven = clusters.filter((c) => c.fullNames.some((f) => f[0] === word));
    const candidates = bySurname.length > 0 ? bySurname : byGiven;
    const chosen = nearestNamed(candidates, entity.start);
    if (chosen) chosen.mentions.push(form(entity));
    else if (entity.type === 'person') {
      const same = clusters.find(
        (c) => c.fullNames.length === 0 && c.type === 'person' && words(c.mentions[0].text)[0] === word,
      );
      if (same) same.mentions.push(form(entity));
      else clusters.push({ type: 'person', mentions: [form(entity)], fullNames: [], acronyms: [] });
    } else loose.push(form(entity));
  }
  // organisations and places: by matching form; acronyms join their expansion
  const named = doc.entities
    .filter((e) => e.type === 'organization' || e.type === 'place')
    .sort((a, b) => a.start - b.start);
  const expansionOf = acronymPairs(text, named);
  for (const entity of named) {
    const key = placeKey(entity.text);
    const partner = expansionOf.get(entity);
    const target =
      clusters.find((c) => c.type === entity.type && c.mentions.some((m) => placeKey(m.text) === key)) ??
      (partner
        ? clusters.find((c) => c.mentions.some((m) => m.start === partner.start && m.article === article))
        : undefined);
    if (target) {
      target.mentions.push(form(entity));
      if (ACRONYM.test(entity.text) && !target.acronyms.includes(entity.text))
        target.acronyms.push(entity.text);
      continue;
    }
    const type: ActorType =
      partner && partner.type !== 'place' && partner.type !== 'other'
        ? 'organization'
        : (entity.type as ActorType);
    clusters.push({
      type,
      mentions: [form(entity)],
      fullNames: [],
      acronyms: ACRONYM.test(entity.text) ? [entity.text] : [],
    });
  }
  // an acronym seen before its expansion joined nothing: fold it into the expansion's cluster
  for (const [acronym, expansion] of expansionOf) {
    const a = clusters.find((c) => c.mentions.some((m) => m.start === acronym.start));
    const b = clusters.find((c) => c.mentions.some((m) => m.start === expansion.start));
    if (a && b && a !== b) {
      b.mentions.push(...a.mentions);
      b.acronyms.push(...a.acronyms.filter((x) => !b.acronyms.includes(x)));
      clusters.splice(clusters.indexOf(a), 1);
    }
  }
  return { clusters, loose };
}

/** Full-name cluster named most recently before `position`, else the first named after it. */
function nearestNamed(candidates: ArticleCluster[], position: number): ArticleCluster | null {
  let best: ArticleCluster | null = null;
  let bestStart = -1;
  for (const c of candidates) {
    for (const m of c.mentions) {
      if (m.start < position && words(m.text).length >= 2 && m.start > bestStart) {
        best = c;
        bestStart = m.start;
      }
    }
  }
  if (best) return best;
  let firstAfter = Infinity;
  for (const c of candidates) {
    for (const m of c.mentions) {
      if (m.start > position && words(m.text).length >= 2 && m.start < firstAfter) {
        best = c;
        firstAfter = m.start;
      }
    }
  }
  return best;
}

/** "Full Name (ABC)" and "ABC (Full Name)": acronym entity → its expansion, and back. */
function acronymPairs(text: string, named: Entity[]): Map<Entity, Entity> {
  const pairs = new Map<Entity, Entity>();
  for (let i = 0; i + 1 < named.length; i++) {
    const a = named[i];
    const b = named[i + 1];
    const between = text.slice(a.end, b.start);
    if (!/^\s*\($/.test(between) || text[b.end] !== ')') continue;
    const [acronym, expansion] =
      ACRONYM.test(b.text) && !ACRONYM.test(a.text)
        ? [b, a]
        : ACRONYM.test(a.text) && !ACRONYM.test(b.text)
          ? [a, b]
          : [null, null];
    if (!acronym || !expansion || !initialsFit(acronym.text, expansion.text)) continue;
    pairs.set(acronym, expansion);
  }
  return pairs;
}

/** The acronym's letters appear, in order, among the expansion's word initials ("GNB" ⊂ "Bolivarian National Guard" in any order is not required). */
function initialsFit(acronym: string, expansion: string): boolean {
  const letters = acronym.replace(/\./g, '').toLowerCase();
  const initials = foldAccents(expansion)
    .split(/\s+/)
    .map((w) => w[0]?.toLowerCase() ?? '')
    .join('');
  // Spanish acronyms often reorder words (GNB for "Bolivarian National Guard" = Guardia Nacional Bolivariana)
  return [...letters].every((ch) => initials.includes(ch));
}

/** All actors across articles, before labels and stance. */
export function resolveDrafts(docs: Doc[]): ActorDraft[] {
  const perArticle = docs.map(clusterArticle);
  const merged: ArticleCluster[] = [];
  const fullNamed = perArticle.flatMap((a) => a.clusters).sort((a, b) => maxWords(b) - maxWords(a));
  for (const cluster of fullNamed) {
    const target = bestMatch(
      merged.filter((m) => sameActor(m, cluster)),
      cluster,
    );
    if (target) {
      target.mentions.push(...cluster.mentions);
      for (const f of cluster.fullNames)
        if (!target.fullNames.some((g) => g.join(' ') === f.join(' '))) target.fullNames.push(f);
      for (const x of cluster.acronyms) if (!target.acronyms.includes(x)) target.acronyms.push(x);
    } else
      merged.push({
        ...cluster,
        mentions: [...cluster.mentions],
        fullNames: [...cluster.fullNames],
        acronyms: [...cluster.acronyms],
      });
  }
  // one-word mentions nobody claimed in their own article: a person named in another article
  for (const mention of perArticle.flatMap((a) => a.loose)) {
    const word = words(mention.text)[0];
    const candidates = merged.filter(
      (c) => c.type === 'person' && c.fullNames.some((f) => f.slice(1).includes(word)),
    );
    const chosen = candidates.sort((a, b) => b.mentions.length - a.mentions.length)[0];
    if (chosen) chosen.mentions.push(mention);
  }
  return merged.map((c) => ({ type: c.type, mentions: c.mentions.sort(byPosition), acronyms: c.acronyms }));
}

/**
 * Among the actors a cluster may join, the right one. A surname-only person could match two
 * people ("López": Leopoldo López, Vladimir Padrino López): prefer the one whose last name it
 * is, then the one mentioned most.
 */
function bestMatch(candidates: ArticleCluster[], cluster: ArticleCluster): ArticleCluster | undefined {
  if (candidates.length <= 1 || cluster.fullNames.length > 0) return candidates[0];
  const word = words(cluster.mentions[0].text)[0];
  const lastName = (c: ArticleCluster) => Number(c.fullNames.some((f) => f[f.length - 1] === word));
  return [...candidates].sort(
    (a, b) => lastName(b) - lastName(a) || b.mentions.length - a.mentions.length,
  )[0];
}

function maxWords(c: ArticleCluster): number {
  return Math.max(0, ...c.fullNames.map((f) => f.length));
}

function byPosition(a: Mention, b: Mention): number {
  return a.article === b.article ? a.start - b.start : a.article < b.article ? -1 : 1;
}

function sameActor(a: ArticleCluster, b: ArticleCluster): boolean {
  if (a.type !== b.type) return false;
  if (a.type !== 'person') {
    const keys = new Set([...a.mentions.map((m) => placeKey(m.text)), ...a.acronyms.map(placeKey)]);
    return (
      b.mentions.some((m) => keys.has(placeKey(m.text))) || b.acronyms.some((x) => keys.has(placeKey(x)))
    );
  }
  if (a.fullNames.length > 0 && b.fullNames.length > 0) {
    return a.fullNames.some((f) =>
      b.fullNames.some((g) => f.join(' ') === g.join(' ') || extendsName(f, g) || extendsName(g, f)),
    );
  }
  // a surname-only person (no full name in its article) joins the person whose name carries it
  const single = a.fullNames.length === 0 ? a : b;
  const full = single === a ? b : a;
  if (full.fullNames.length === 0)
    return words(single.mentions[0].text)[0] === words(full.mentions[0].text)[0];
  const word = words(single.mentions[0].text)[0];
  return full.fullNames.some((f) => f.slice(1).includes(word));
}
