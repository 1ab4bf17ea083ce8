/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds → `Feed`, with fast-xml-parser.
 * Each item keeps its full content (content:encoded, atom:content) apart from its summary
 * (description, atom:summary): the reader decides whether the summary is only a teaser.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ParallaxError } from '../errors.ts';
import { toIsoDate } from './html.ts';
import type { Feed, FeedItem } from './types.ts';

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  removeNSPrefix: true, // content:encoded → encoded, dc:creator → creator, atom:link → link
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false, // keep "2024" a string: titles and dates are text
  trimValues: true,
  // Atom content stays raw: type="xhtml" content is markup, which the parser would otherwise
  // split into elements; atomContent() decodes it by its declared type.
  stopNodes: ['feed.entry.content'],
  isArray: (name) =>
    name === 'item' || name === 'entry' || name === 'link' || name === 'author' || name === 'creator',
});

/** Parses a feed document; `origin` names it in errors. Throws FEED_MALFORMED. */
export function parseFeed(xml: string, origin: string): Feed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ParallaxError(
      'FEED_MALFORMED',
      `malformed feed: ${valid.err.msg} (line ${valid.err.line})`,
      origin,
    );
  }
  const doc = parser.parse(xml) as XmlNode;
  const rss = record(doc.rss);
  const rdf = record(doc.RDF);
  const atom = record(doc.feed);
  if (rss) {
    const channel = record(rss.channel);
    if (!channel)
      throw new ParallaxError('FEED_MALFORMED', 'malformed feed: RSS without a <channel>', origin);
    return {
      title: text(channel.title),
      url: rssLink(channel.link),
      items: records(channel.item).map(rssItem),
    };
  }
  if (rdf) {
    const channel = record(rdf.channel);
    return {
      title: text(channel?.title),
      url: rssLink(channel?.link),
      items: records(rdf.item).map(rssItem),
    };
  }
  if (atom) {
    return { title: text(atom.title), url: atomLink(atom.link), items: records(atom.entry).map(atomEntry) };
  }
  throw new ParallaxError(
    'FEED_MALFORMED',
    'not a feed: the root element is neither <rss>, <rdf:RDF> nor <feed>',
    origin,
  );
}

/** True when an XML document's root element is a feed's (for inputs whose type is unknown). */
export function looksLikeFeed(text: string): boolean {
  const head = text
    .slice(0, 2048)
    .replace(/<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '')
    .trimStart();
  return /^<(rss|rdf:RDF|feed)[\s>]/i.test(head);
}

function rssItem(item: XmlNode): FeedItem {
  return {
    title: text(item.title),
    url: rssLink(item.link) ?? permalinkGuid(item.guid),
    author: names(item.creator) ?? names(item.author),
    published: toIsoDate(text(item.pubDate) ?? text(item.date)),
    contentHtml: text(item.encoded),
    summaryHtml: text(item.description),
  };
}

function atomEntry(entry: XmlNode): FeedItem {
  return {
    title: text(entry.title),
    url: atomLink(entry.link),
    author:
      records(entry.author)
        .map((a) => text(a.name))
        .filter(Boolean)
        .join(', ') || null,
    published: toIsoDate(text(entry.published) ?? text(entry.updated)),
    contentHtml: atomContent(entry.content),
    summaryHtml: text(entry.summary),
  };
}

// ───────────────────────────── helpers ─────────────────────────────

function record(value: unknown): XmlNode | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlNode) : null;
}

function records(value: unknown): XmlNode[] {
  return ([] as unknown[])
    .concat(value ?? [])
    .map(record)
    .filter((v): v is XmlNode => v !== null);
}

/** Text of an element that may be a string or `{ '#text': …, '@attr': … }`. */
function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  const raw =
    typeof value === 'string'
      ? value
      : typeof value === 'number'
        ? String(value)
        : (record(value)?.['#text'] as string | undefined);
  const trimmed = typeof raw === 'string' ? raw.trim() : '';
  return trimmed ? trimmed : null;
}

function names(value: unknown): string | null {
  const list = ([] as unknown[])
    .concat(value ?? [])
    .map(text)
    .filter((v): v is string => Boolean(v));
  return list.length ? list.join(', ') : null;
}

function rssLink(value: unknown): string | null {
  // RSS <link> is text; an atom:link inside RSS (namespace stripped) is an element with @href.
  for (const link of ([] as unknown[]).concat(value ?? [])) {
    const href = text(link) ?? (record(link)?.['@href'] as string | undefined) ?? null;
    if (href && /^https?:\/\//i.test(href) && record(link)?.['@rel'] !== 'self') return href;
  }
  return null;
}

function permalinkGuid(value: unknown): string | null {
  const guid = text(value);
  const isPermalink = record(value)?.['@isPermaLink'] !== 'false';
  return guid && isPermalink && /^https?:\/\//i.test(guid) ? guid : null;
}

function atomLink(value: unknown): string | null {
  const links = records(value);
  const alternate = links.find((l) => (l['@rel'] ?? 'alternate') === 'alternate') ?? links[0];
  const href = alternate?.['@href'];
  return typeof href === 'string' ? href : null;
}

/** Raw atom:content → HTML, by its `type`: "xhtml" is markup, "html" escaped markup, "text" text. */
function atomContent(value: unknown): string | null {
  const raw = text(value);
  if (!raw) return null;
  const type = (record(value)?.['@type'] as string | undefined) ?? 'text';
  if (type === 'xhtml') return raw;
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(raw);
  const decoded = cdata ? cdata[1]! : decodeXmlEntities(raw);
  if (type === 'html' || type === 'text/html') return decoded.trim() || null;
  // Plain text: escape it and keep its paragraphs.
  const escaped = decoded.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.trim()}</p>`)
    .join('');
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXmlEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return XML_ENTITIES[name.toLowerCase()] ?? whole;
  });
}
