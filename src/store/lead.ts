/** Short names for stored articles that have no title: the opening words of their text. */

/** Characters of the opening kept as an article's lead in listings. */
export const LEAD_CHARS = 80;

/** The first `max` characters of a text on one line, cut at a word boundary, "…" when cut. */
export function leadOf(text: string, max = LEAD_CHARS): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}
