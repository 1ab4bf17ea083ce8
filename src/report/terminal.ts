/**
 * The terminal summary: the brief, the actor label table, voices and the top framing
 * findings. Colour (ANSI) only when asked; plain text otherwise, so pipes stay clean.
 */
import type { BriefItem, Comparison } from '../model/index.ts';
import { beyondItem, labelTable, outletName, speakerDisplayName, topFindings, voicesByArticle, type LabelCell } from './summary.ts';

/** Lines wrap to this width: fits a default 100-column terminal and reads well. */
export const TERMINAL_WIDTH = 100;
/** How many framing findings the summary lists; the rest are in --json and --html. */
export const TOP_FINDINGS = 8;
/** Narrowest column of the label table before cells wrap onto more lines. */
const MIN_COLUMN = 12;

type Paint = (text: string) => string;
interface Palette {
  heading: Paint;
  dim: Paint;
  agreed: Paint;
  conflict: Paint;
  unique: Paint;
  hostile: Paint;
  favourable: Paint;
}

const ansi = (open: number, close: number): Paint => (text) => `\x1b[${open}m${text}\x1b[${close}m`;
const COLOURS: Palette = {
  heading: ansi(1, 22),
  dim: ansi(2, 22),
  agreed: ansi(32, 39),
  conflict: ansi(31, 39),
  unique: ansi(33, 39),
  hostile: ansi(31, 39),
  favourable: ansi(32, 39),
};
const same: Paint = (text) => text;
const PLAIN: Palette = { heading: same, dim: same, agreed: same, conflict: same, unique: same, hostile: same, favourable: same };

/** Polarity beyond this is painted hostile/favourable; smaller values read as neutral. */
const POLARITY_COLOUR_THRESHOLD = 0.25;

/** Greedy word wrap of plain text; a first-line prefix and a hanging indent for the rest. */
export function wrap(text: string, width: number, prefix = '', indent = ' '.repeat(prefix.length)): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = prefix;
  let lineHasWord = false;
  for (let word of words) {
    while (word.length > width - indent.length && width - indent.length > 0) {
      // a single word longer than the line: break it hard
      if (lineHasWord) {
        lines.push(line);
        line = indent;
      }
      const room = width - line.length;
      lines.push(line + word.slice(0, room));
      word = word.slice(room);
      line = indent;
      lineHasWord = false;
    }
    if (!word) continue;
    if (lineHasWord && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
      lineHasWord = false;
    }
    line += (lineHasWord ? ' ' : '') + word;
    lineHasWord = true;
  }
  if (lineHasWord || lines.length === 0) lines.push(line);
  return lines;
}

export function renderTerminal(c: Comparison, options: { color: boolean }): string {
  const p = options.color ? COLOURS : PLAIN;
  const out: string[] = [];
  const number = new Map(c.articles.map((a, i) => [a.id, i + 1]));
  const name = new Map(c.articles.map((a) => [a.id, outletName(a)]));
  const refs = (ids: string[]): string => p.dim(`[${ids.map((id) => number.get(id) ?? '?').join(',')}]`);

  out.push(p.heading(`PARALLAX · ${c.articles.length} articles`));
  for (const [i, a] of c.articles.entries()) {
    const detail = [a.title === outletName(a) ? null : a.title, a.published?.slice(0, 10)].filter(Boolean).join(', ');
    out.push(...wrap(`${outletName(a)}${detail ? ` — ${detail}` : ''}`, TERMINAL_WIDTH, `  [${i + 1}] `));
  }

  const section = (title: string): void => {
    out.push('', p.heading(title));
  };
  const explanations = new Map(c.alignments.map((al) => [al.id, al.explanation]));
  const items = (list: BriefItem[], mark: string, paint: Paint): void => {
    if (list.length === 0) out.push(p.dim('  (none)'));
    for (const item of list) {
      const lines = wrap(item.text, TERMINAL_WIDTH - 8, `  ${mark} `);
      lines[lines.length - 1] += ` ${refs(item.articles)}`;
      out.push(...lines.map((l, i) => (i === 0 ? paint(l.slice(0, 4)) + l.slice(4) : l)));
      const explanation = explanations.get(item.alignment);
      const why = explanation ? beyondItem(explanation, item.text) : null;
      if (why) out.push(...wrap(why, TERMINAL_WIDTH, '    ').map((l) => p.dim(l)));
    }
  };

  section('AGREED');
  items(c.brief.agreed, '=', p.agreed);
  section('DISPUTED');
  items(c.brief.disputed, '≠', p.conflict);
  for (const a of c.articles) {
    const only = c.brief.onlyIn[a.id] ?? [];
    if (only.length === 0) continue;
    section(`ONLY IN ${outletName(a).toUpperCase()} [${number.get(a.id)}]`);
    items(only, '+', p.unique);
  }

  const rows = labelTable(c);
  section('HOW EACH OUTLET LABELS THE ACTORS');
  if (rows.length === 0) {
    out.push(p.dim('  (no labels found)'));
  } else {
    out.push(...renderLabelTable(c, rows, p));
    out.push(p.dim('  "…" = inside a quotation (the speaker\'s word, not the outlet\'s), with the speaker'));
  }

  section('VOICES (share of the article\'s words)');
  for (const v of voicesByArticle(c)) {
    if (!v.known) {
      out.push(`  [${number.get(v.article)}] ${name.get(v.article)}: ${p.dim('(no share-of-voice figures in this report)')}`);
      continue;
    }
    // A side is shown only where the article makes it clear; the reason is in the JSON report.
    const side = (s: (typeof v.speakers)[number]): string => (s.side && s.side.side !== 'unclear' ? ` (${s.side.side})` : '');
    const parts = [`own voice ${percent(v.ownShare)}`, ...v.speakers.map((s) => `${s.name} ${percent(s.share)}${side(s)}`)];
    out.push(...wrap(parts.join(' · '), TERMINAL_WIDTH, `  [${number.get(v.article)}] ${name.get(v.article)}: `, '      '));
  }

  section('FRAMING');
  const findings = topFindings(c, TOP_FINDINGS);
  if (findings.length === 0)
    out.push(p.dim(c.framing.length ? `  (none strong enough to list; ${c.framing.length} weaker in --json)` : '  (no framing findings)'));
  for (const f of findings) {
    const who = f.quotedBy ? ` (quoting ${speakerDisplayName(c, f.quotedBy)})` : '';
    out.push(...wrap(`${f.technique.replace(/_/g, ' ')} ${f.score.toFixed(2)}: "${f.text}"${who} — ${f.reason}`, TERMINAL_WIDTH, `  [${number.get(f.article)}] `, '      '));
  }
  const scoreLines = c.articles.map((a) => {
    const s = c.scores[a.id];
    if (!s) return null;
    const parts = [`loaded ${s.loaded.toFixed(1)}/1k words`, `subjective ${percent(s.subjective)}`, `voices ${s.voices}`];
    if (typeof s.hyperpartisan === 'number') parts.push(`hyperpartisan ${percent(s.hyperpartisan)}`);
    return `  [${number.get(a.id)}] ${parts.join(' · ')}`;
  });
  if (scoreLines.some(Boolean)) {
    section('SCORES');
    out.push(...scoreLines.filter((l): l is string => l !== null));
  }
  for (const w of c.warnings) out.push(...wrap(w, TERMINAL_WIDTH, p.dim('warning: ')));
  return `${out.join('\n')}\n`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function renderLabelTable(c: Comparison, rows: ReturnType<typeof labelTable>, p: Palette): string[] {
  const nameWidth = Math.min(24, Math.max(5, ...rows.map((r) => r.name.length)));
  const columns = c.articles.length;
  const columnWidth = Math.max(MIN_COLUMN, Math.floor((TERMINAL_WIDTH - 2 - nameWidth - columns * 3) / columns));
  const lines: string[] = [];
  const header = ['actor'.padEnd(nameWidth), ...c.articles.map((a, i) => `[${i + 1}] ${outletName(a)}`.slice(0, columnWidth).padEnd(columnWidth))];
  lines.push(p.dim(`  ${header.join(' │ ')}`));
  lines.push(p.dim(`  ${['─'.repeat(nameWidth), ...c.articles.map(() => '─'.repeat(columnWidth))].join('─┼─')}`));
  const cellText = (cell: LabelCell): string => (cell.quotedBy ? `"${cell.text}" (${speakerDisplayName(c, cell.quotedBy)})` : cell.text);
  const paintCell = (text: string, cell: LabelCell | undefined): string => {
    if (!cell) return text;
    if (cell.polarity <= -POLARITY_COLOUR_THRESHOLD) return p.hostile(text);
    if (cell.polarity >= POLARITY_COLOUR_THRESHOLD) return p.favourable(text);
    return text;
  };
  for (const row of rows) {
    // each column: a list of (line text, the label it belongs to) wrapped to the column
    const wrapped = c.articles.map((a) =>
      (row.cells[a.id] ?? []).flatMap((cell) => wrap(cellText(cell), columnWidth, '', '  ').map((line) => ({ line, cell }))),
    );
    const nameLines = wrap(row.name, nameWidth);
    const height = Math.max(1, nameLines.length, ...wrapped.map((w) => w.length));
    for (let i = 0; i < height; i++) {
      const cells = wrapped.map((w) => {
        const entry = w[i];
        const text = entry?.line ?? (i === 0 && w.length === 0 ? '—' : '');
        return paintCell(text, entry?.cell) + ' '.repeat(Math.max(0, columnWidth - text.length));
      });
      lines.push(`  ${(nameLines[i] ?? '').padEnd(nameWidth)} │ ${cells.join(' │ ')}`.trimEnd());
    }
  }
  return lines;
}
