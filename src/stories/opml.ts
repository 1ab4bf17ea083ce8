/**
 * OPML subscription lists (what feed readers export) → the feed URLs they list. Outlines nest
 * (folders); every outline with an `xmlUrl` is a feed.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ParallaxError } from '../errors.ts';

export interface OpmlFeed {
  url: string;
  title: string | null;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => name === 'outline',
});

/** True when the document is OPML rather than a feed. */
export function looksLikeOpml(text: string): boolean {
  return /<opml[\s>]/i.test(text.slice(0, 2000));
}

/** The feeds of an OPML document, in document order, without repeats. Throws FEED_MALFORMED. */
export function parseOpml(xml: string, origin: string): OpmlFeed[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ParallaxError('FEED_MALFORMED', `malformed OPML: ${valid.err.msg} (line ${valid.err.line})`, origin);
  }
  const doc = parser.parse(xml) as { opml?: { body?: { outline?: unknown[] } } };
  if (!doc.opml || typeof doc.opml !== 'object') throw new ParallaxError('FEED_MALFORMED', 'not an OPML document', origin);
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  const visit = (outlines: unknown[] | undefined): void => {
    for (const node of outlines ?? []) {
      if (!node || typeof node !== 'object') continue;
      const outline = node as Record<string, unknown>;
      const url = outline['@xmlUrl'];
      if (typeof url === 'string' && url.trim() && !seen.has(url.trim())) {
        seen.add(url.trim());
        const title = outline['@title'] ?? outline['@text'];
        feeds.push({ url: url.trim(), title: typeof title === 'string' ? title : null });
      }
      visit(outline.outline as unknown[] | undefined);
    }
  };
  visit(doc.opml.body?.outline);
  return feeds;
}
