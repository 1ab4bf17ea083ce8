/**
 * Turns a text and overlapping spans into properly nested markup. The text is cut at every
 * span boundary; a span that crosses the end of one it sits inside is closed there and opened
 * again, so tags always nest and every character is escaped exactly once.
 */

export interface MarkupSpan {
  start: number;
  end: number;
  /** Outer layers get lower ranks: at equal extent, a lower rank wraps a higher one. */
  rank: number;
  /** The complete opening tag, attributes already escaped. */
  open: string;
  /** The matching closing tag. */
  close: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/** Outer first: longer spans (later end) wrap shorter ones; ties broken by rank. */
function outerFirst(a: MarkupSpan, b: MarkupSpan): number {
  return b.end - a.end || a.rank - b.rank;
}

/** The escaped text with every valid span wrapped in its tags. Empty or out-of-range spans are skipped. */
export function markupText(text: string, spans: MarkupSpan[]): string {
  const valid = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= text.length)
    .sort((a, b) => a.start - b.start || outerFirst(a, b));
  const boundaries = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const stack: MarkupSpan[] = [];
  let next = 0;
  let out = '';
  for (let b = 0; b < boundaries.length; b++) {
    const pos = boundaries[b];
    let reopen: MarkupSpan[] = [];
    const firstEnded = stack.findIndex((s) => s.end <= pos);
    if (firstEnded >= 0) {
      // close everything from the first ended span inwards; reopen the inner ones still running
      for (let i = stack.length - 1; i >= firstEnded; i--) out += stack[i].close;
      reopen = stack.slice(firstEnded).filter((s) => s.end > pos);
      stack.length = firstEnded;
    }
    const starting: MarkupSpan[] = [];
    while (next < valid.length && valid[next].start === pos) starting.push(valid[next++]);
    for (const s of [...reopen, ...starting].sort(outerFirst)) {
      out += s.open;
      stack.push(s);
    }
    const until = boundaries[b + 1];
    if (until !== undefined) out += escapeHtml(text.slice(pos, until));
  }
  for (let i = stack.length - 1; i >= 0; i--) out += stack[i].close;
  return out;
}
