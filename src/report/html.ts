/**
 * The HTML report: one self-contained page (inline CSS and a small inline script, nothing
 * fetched) with the brief on top, the articles side by side with their evidence highlighted,
 * a legend to toggle layers, the actor label table and small inline SVG charts.
 *
 * `renderComparisonView` returns the report's body fragment so the web UI shows the very same
 * view; `REPORT_CSS` and `REPORT_SCRIPT` go with it. All article text passes through
 * `markupText`/`escapeHtml`: nothing from an article is ever emitted as markup.
 */
import type { AlignmentKind, Article, BriefItem, Comparison, FramingFinding, Technique, VoiceSide } from '../model/index.ts';
import { escapeHtml, markupText, type MarkupSpan } from './spans.ts';
import { beyondItem, labelTable, outletName, speakerDisplayName, topFindings, voicesByArticle } from './summary.ts';

/** Nesting order at equal extent: claims wrap quotes wrap framing wrap actors wrap labels. */
const RANK = { claim: 0, quote: 1, frame: 2, actor: 3, label: 4 } as const;
/** Label polarity beyond ±this is shown hostile/favourable; closer to 0 reads as neutral. */
const POLARITY_THRESHOLD = 0.25;
/** Framing findings listed under the articles; the marks in the text show them all. */
const LISTED_FINDINGS = 30;

/** When a claim sits in several alignments the strongest signal colours it. */
const KIND_PRIORITY: AlignmentKind[] = ['conflict', 'agreed', 'unique'];

const KIND_LABEL: Record<AlignmentKind, string> = { agreed: 'Agreed', conflict: 'Disputed', unique: 'Only here' };

/** One colour family per technique group, so the page stays calm with many techniques. */
const TECHNIQUE_GROUP: Record<Technique, string> = {
  Loaded_Language: 'loaded',
  'Name_Calling,Labeling': 'naming',
  Repetition: 'other',
  'Exaggeration,Minimisation': 'exaggeration',
  Doubt: 'doubt',
  'Appeal_to_fear-prejudice': 'fear',
  'Flag-Waving': 'other',
  Causal_Oversimplification: 'other',
  Slogans: 'other',
  Appeal_to_Authority: 'other',
  'Black-and-White_Fallacy': 'other',
  'Thought-terminating_Cliches': 'other',
  'Whataboutism,Straw_Men,Red_Herring': 'other',
  'Bandwagon,Reductio_ad_hitlerum': 'other',
};

const SPEAKER_COLOURS = ['#3b6ea5', '#c26a2e', '#5a8f5a', '#8a5a9e', '#b8485b', '#4a9a9a', '#9a8a3a', '#6a6a8a'];

const e = escapeHtml;
const techniqueName = (t: string): string => t.replace(/_/g, ' ').replace(/,/g, ', ');
const polarityClass = (p: number): string => (p <= -POLARITY_THRESHOLD ? 'neg' : p >= POLARITY_THRESHOLD ? 'pos' : 'neu');

/** The whole page: a standalone HTML document that works offline and prints. */
export function renderHtml(c: Comparison): string {
  const title = c.articles.map(outletName).join(' · ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="parallax">
<title>Parallax — ${e(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main class="px-page">
${renderComparisonView(c)}
</main>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

/** The report body, a `<section class="px-report">`, for the page and the web UI alike. */
export function renderComparisonView(c: Comparison): string {
  const number = new Map(c.articles.map((a, i) => [a.id, i + 1]));
  const chips = (ids: string[]): string =>
    ids
      .map((id) => {
        const a = c.articles.find((x) => x.id === id);
        return `<span class="px-chip" title="${e(a ? outletName(a) : id)}">${number.get(id) ?? '?'}</span>`;
      })
      .join('');
  const explanations = new Map(c.alignments.map((al) => [al.id, al.explanation]));
  // the alignment's explanation, when it says more than the brief item itself
  const why = (item: BriefItem): string => {
    const explanation = explanations.get(item.alignment);
    const text = explanation ? beyondItem(explanation, item.text) : null;
    return text ? `<span class="px-why">${e(text)}</span>` : '';
  };
  const briefList = (items: BriefItem[], kind: AlignmentKind): string =>
    items.length === 0
      ? '<p class="px-none">None found.</p>'
      : `<ul>${items
          .map(
            (item) =>
              `<li><button type="button" class="px-finding px-k-${kind}" data-focus-alignment="${e(item.alignment)}">${e(item.text)} ${chips(item.articles)}${why(item)}</button></li>`,
          )
          .join('')}</ul>`;

  const onlyIn = c.articles
    .filter((a) => (c.brief.onlyIn[a.id] ?? []).length > 0)
    .map((a) => `<div class="px-brief-col px-brief-unique"><h3>Only in ${e(outletName(a))}</h3>${briefList(c.brief.onlyIn[a.id] ?? [], 'unique')}</div>`)
    .join('');

  return `<section class="px-report" data-comparison="${e(c.id)}" style="--px-columns:${c.articles.length}">
<header class="px-head">
<h1>${c.articles.length} accounts of one story</h1>
<ol class="px-sources">${c.articles
    .map((a, i) => `<li><span class="px-chip">${i + 1}</span> <strong>${e(outletName(a))}</strong>${a.title && a.title !== outletName(a) ? ` — ${e(a.title)}` : ''}</li>`)
    .join('')}</ol>
</header>
<section class="px-brief" aria-label="Brief">
<div class="px-brief-col px-brief-agreed"><h2>Agreed</h2>${briefList(c.brief.agreed, 'agreed')}</div>
<div class="px-brief-col px-brief-conflict"><h2>Disputed</h2>${briefList(c.brief.disputed, 'conflict')}</div>
${onlyIn}
</section>
${renderLegend()}
<section class="px-articles" aria-label="Articles">
${c.articles.map((a, i) => renderArticle(c, a, i + 1)).join('\n')}
</section>
<section class="px-panels">
${renderLabelTable(c)}
${renderVoices(c)}
${renderScores(c)}
${renderFindings(c, number)}
</section>
${c.warnings.length ? `<section class="px-warnings"><h2>Warnings</h2><ul>${c.warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul></section>` : ''}
<footer class="px-foot">Parallax report ${e(c.id)} · ${e(c.createdAt)} · every highlight is a span of the article text as printed here.</footer>
</section>`;
}

function renderLegend(): string {
  const toggle = (layer: string, label: string, sample: string): string =>
    `<label class="px-toggle"><input type="checkbox" checked data-layer="${layer}"> <span class="${sample}">${label}</span></label>`;
  return `<nav class="px-legend" aria-label="Legend">
<span class="px-legend-title">Show</span>
${toggle('agreed', 'Agreed claims', 'px-claim px-k-agreed')}
${toggle('conflict', 'Disputed claims', 'px-claim px-k-conflict')}
${toggle('unique', 'Only in one', 'px-claim px-k-unique')}
${toggle('quotes', 'Quotes', 'px-quote')}
${toggle('actors', 'Actors', 'px-actor')}
${toggle('labels', 'Labels', 'px-label px-pol-neg')}
${toggle('framing', 'Framing', 'px-frame px-t-loaded')}
</nav>`;
}

function renderArticle(c: Comparison, article: Article, n: number): string {
  const spans: MarkupSpan[] = [];
  const kindsByClaim = new Map<string, { kinds: Set<AlignmentKind>; alignments: string[] }>();
  for (const al of c.alignments) {
    for (const id of al.claims) {
      const entry = kindsByClaim.get(id) ?? { kinds: new Set<AlignmentKind>(), alignments: [] };
      entry.kinds.add(al.kind);
      entry.alignments.push(al.id);
      kindsByClaim.set(id, entry);
    }
  }
  const actorName = new Map(c.actors.map((a) => [a.id, a.name]));
  for (const claim of c.claims) {
    if (claim.article !== article.id) continue;
    const entry = kindsByClaim.get(claim.id);
    const kind = entry ? KIND_PRIORITY.find((k) => entry.kinds.has(k)) : undefined;
    const aligned = entry ? c.alignments.filter((al) => entry.alignments.includes(al.id)) : [];
    const explanation = entry ? aligned.map((al) => al.explanation).join(' ') : 'Not aligned.';
    // An agreement resting on word similarity only is marked apart, for the reader to check.
    const loose = kind === 'agreed' && aligned.every((al) => al.kind !== 'agreed' || al.wordedApart);
    const label = loose ? 'Agreed, worded differently' : kind ? KIND_LABEL[kind] : 'Claim';
    spans.push({
      start: claim.start,
      end: claim.end,
      rank: RANK.claim,
      open: `<mark class="px-claim px-k-${kind ?? 'none'}${loose ? ' px-loose' : ''}" data-claim="${e(claim.id)}" data-al="${e(entry?.alignments.join(' ') ?? '')}" title="${e(`${label}: ${explanation}`)}">`,
      close: '</mark>',
    });
  }
  for (const q of c.quotes) {
    if (q.article !== article.id) continue;
    const who = (q.speaker ? actorName.get(q.speaker) : undefined) ?? q.speakerName ?? 'unattributed';
    spans.push({ start: q.start, end: q.end, rank: RANK.quote, open: `<mark class="px-quote" data-quote="${e(q.id)}" title="${e(`Quote: ${who}`)}">`, close: '</mark>' });
  }
  c.framing.forEach((f, index) => {
    if (f.article !== article.id) return;
    const quoted = f.quotedBy ? ` (quoting ${speakerDisplayName(c, f.quotedBy)})` : '';
    spans.push({
      start: f.start,
      end: f.end,
      rank: RANK.frame,
      open: `<mark class="px-frame px-t-${TECHNIQUE_GROUP[f.technique] ?? 'other'}" data-frame="${index}" title="${e(`${techniqueName(f.technique)} ${f.score.toFixed(2)}: ${f.reason}${quoted}`)}">`,
      close: '</mark>',
    });
  });
  for (const actor of c.actors) {
    for (const m of actor.mentions) {
      if (m.article !== article.id) continue;
      spans.push({ start: m.start, end: m.end, rank: RANK.actor, open: `<mark class="px-actor" data-actor="${e(actor.id)}" title="${e(actor.name)}">`, close: '</mark>' });
    }
    for (const l of actor.labels) {
      if (l.article !== article.id) continue;
      const quoted = l.quotedBy ? ` — quoted from ${speakerDisplayName(c, l.quotedBy)}` : ' — the outlet\'s own word';
      spans.push({
        start: l.start,
        end: l.end,
        rank: RANK.label,
        open: `<mark class="px-label px-pol-${polarityClass(l.polarity)}${l.quotedBy ? ' px-quoted' : ''}" data-label-of="${e(actor.id)}" title="${e(`Label for ${actor.name}${quoted}`)}">`,
        close: '</mark>',
      });
    }
  }
  const meta = [article.author, article.published?.slice(0, 10), article.place].filter(Boolean).map((x) => e(String(x))).join(' · ');
  const removed = article.removed.length
    ? `<details class="px-removed"><summary>${article.removed.length} piece${article.removed.length === 1 ? '' : 's'} removed while cleaning</summary><ul>${article.removed
        .map((r) => `<li><span class="px-removed-kind">${e(r.kind)}</span> ${e(r.text)}</li>`)
        .join('')}</ul></details>`
    : '';
  return `<article class="px-article" data-article="${e(article.id)}">
<header><span class="px-chip">${n}</span> <strong class="px-outlet">${e(outletName(article))}</strong>
${article.title && article.title !== outletName(article) ? `<h2 class="px-title">${e(article.title)}</h2>` : ''}
${meta ? `<p class="px-meta">${meta}</p>` : ''}${removed}</header>
<div class="px-article-body" tabindex="0">${markupText(article.text, spans)}</div>
</article>`;
}

function renderLabelTable(c: Comparison): string {
  const rows = labelTable(c);
  if (rows.length === 0) return '<section class="px-panel px-labels"><h2>How each outlet labels the actors</h2><p class="px-none">No labels found.</p></section>';
  const head = c.articles.map((a, i) => `<th scope="col"><span class="px-chip">${i + 1}</span> ${e(outletName(a))}</th>`).join('');
  const body = rows
    .map((row) => {
      const cells = c.articles
        .map((a) => {
          const cellLabels = row.cells[a.id] ?? [];
          if (cellLabels.length === 0) return '<td class="px-none">—</td>';
          return `<td>${cellLabels
            .map((l) =>
              l.quotedBy
                ? `<span class="px-label px-pol-${polarityClass(l.polarity)} px-quoted">“${e(l.text)}”</span> <small>quoting ${e(speakerDisplayName(c, l.quotedBy))}</small>`
                : `<span class="px-label px-pol-${polarityClass(l.polarity)}">${e(l.text)}</span>`,
            )
            .join('<br>')}</td>`;
        })
        .join('');
      return `<tr><th scope="row"><button type="button" class="px-linkish" data-focus-actor="${e(row.actor)}">${e(row.name)}</button></th>${cells}</tr>`;
    })
    .join('');
  return `<section class="px-panel px-labels"><h2>How each outlet labels the actors</h2>
<table><thead><tr><th scope="col">Actor</th>${head}</tr></thead><tbody>${body}</tbody></table>
<p class="px-note">Plain: the outlet's own word. “Quoted”: a speaker's word the outlet reports.</p></section>`;
}

/** A speaker's side after their share, with the reason on hover; nothing when the article leaves it unclear. */
function sideNote(side: VoiceSide | null): string {
  return side && side.side !== 'unclear' ? ` <span class="px-side" title="${e(side.reason)}">(${e(side.side)})</span>` : '';
}

function renderVoices(c: Comparison): string {
  const voices = voicesByArticle(c);
  const colour = new Map<string, string>();
  for (const v of voices) for (const s of v.speakers) if (!colour.has(s.name)) colour.set(s.name, SPEAKER_COLOURS[colour.size % SPEAKER_COLOURS.length]);
  const rowHeight = 26;
  const width = 320;
  const labelWidth = 24;
  const bars = voices
    .map((v, i) => {
      let x = labelWidth;
      const barWidth = width - labelWidth;
      const segments = v.speakers
        .map((s) => {
          const w = Math.max(0, s.share * barWidth);
          const rect = `<rect x="${x.toFixed(1)}" y="${i * rowHeight + 4}" width="${w.toFixed(1)}" height="16" fill="${colour.get(s.name)}"><title>${e(`${s.name}: ${s.words} words, ${Math.round(s.share * 100)}%${s.side ? ` — ${s.side.side}: ${s.side.reason}` : ''}`)}</title></rect>`;
          x += w;
          return rect;
        })
        .join('');
      const own = !v.known
        ? ''
        : `<rect x="${x.toFixed(1)}" y="${i * rowHeight + 4}" width="${Math.max(0, width - x).toFixed(1)}" height="16" fill="#d9d6cf"><title>${e(`Own voice: ${Math.round(v.ownShare * 100)}%`)}</title></rect>`;
      return `<text x="0" y="${i * rowHeight + 17}" class="px-svg-label">${i + 1}</text>${segments}${own}`;
    })
    .join('');
  const legend = voices
    .map((v, i) => {
      if (!v.known) return `<li><span class="px-chip">${i + 1}</span> <span class="px-none">no share-of-voice figures in this report</span></li>`;
      const speakers = v.speakers
        .map((s) => `<span class="px-swatch" style="background:${colour.get(s.name)}"></span>${e(s.name)} ${Math.round(s.share * 100)}%${sideNote(s.side)}`)
        .join(' · ');
      return `<li><span class="px-chip">${i + 1}</span> ${speakers || '<span class="px-none">no quoted speakers</span>'} · <span class="px-swatch" style="background:#d9d6cf"></span>own voice ${Math.round(v.ownShare * 100)}%</li>`;
    })
    .join('');
  return `<section class="px-panel px-voices"><h2>Whose voice</h2>
<svg class="px-chart" role="img" aria-label="Share of each article's words quoted from each speaker" viewBox="0 0 ${width} ${voices.length * rowHeight}" width="${width}" height="${voices.length * rowHeight}">${bars}</svg>
<ul class="px-voice-list">${legend}</ul></section>`;
}

function renderScores(c: Comparison): string {
  const metrics: { key: string; label: string; format: (v: number) => string; max: (vs: number[]) => number }[] = [
    { key: 'loaded', label: 'Loaded words per 1,000', format: (v) => v.toFixed(1), max: (vs) => Math.max(1, ...vs) },
    { key: 'subjective', label: 'Subjective sentences', format: (v) => `${Math.round(v * 100)}%`, max: () => 1 },
    { key: 'hyperpartisan', label: 'Hyperpartisan likelihood', format: (v) => `${Math.round(v * 100)}%`, max: () => 1 },
  ];
  const rowHeight = 18;
  const width = 320;
  const labelWidth = 24;
  const valueWidth = 44;
  const groups = metrics
    .map((m) => {
      const values = c.articles.map((a) => {
        const v = c.scores[a.id]?.[m.key];
        return typeof v === 'number' ? v : null;
      });
      if (values.every((v) => v === null)) return '';
      const max = m.max(values.filter((v): v is number => v !== null));
      const height = c.articles.length * rowHeight;
      const bars = values
        .map((v, i) => {
          const w = v === null ? 0 : (Math.min(v, max) / max) * (width - labelWidth - valueWidth);
          return `<text x="0" y="${i * rowHeight + 13}" class="px-svg-label">${i + 1}</text><rect x="${labelWidth}" y="${i * rowHeight + 3}" width="${w.toFixed(1)}" height="12" fill="#7a5c99"></rect><text x="${(labelWidth + w + 4).toFixed(1)}" y="${i * rowHeight + 13}" class="px-svg-value">${v === null ? 'n/a' : m.format(v)}</text>`;
        })
        .join('');
      return `<figure><figcaption>${e(m.label)}</figcaption><svg class="px-chart" role="img" aria-label="${e(m.label)} per article" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${bars}</svg></figure>`;
    })
    .join('');
  return `<section class="px-panel px-scores"><h2>Framing scores</h2>${groups || '<p class="px-none">No scores.</p>'}</section>`;
}

/** A finding's words, its trigger words (the loaded ones) in bold. */
function findingText(f: FramingFinding): string {
  let out = '';
  let at = f.start;
  for (const t of [...(f.triggers ?? [])].sort((a, b) => a.start - b.start)) {
    if (t.start < at || t.end > f.end) continue;
    out += `${e(f.text.slice(at - f.start, t.start - f.start))}<strong class="px-trigger">${e(f.text.slice(t.start - f.start, t.end - f.start))}</strong>`;
    at = t.end;
  }
  return out + e(f.text.slice(at - f.start));
}

function renderFindings(c: Comparison, number: Map<string, number>): string {
  const findings = topFindings(c, LISTED_FINDINGS);
  if (findings.length === 0) {
    const none = c.framing.length ? `No findings strong enough to list (${c.framing.length} weaker ones are marked in the text).` : 'No framing findings.';
    return `<section class="px-panel px-framing"><h2>Framing</h2><p class="px-none">${none}</p></section>`;
  }
  const items = findings
    .map((f) => {
      const index = c.framing.indexOf(f);
      const quoted = f.quotedBy ? ` <small>quoting ${e(speakerDisplayName(c, f.quotedBy))}</small>` : '';
      return `<li><button type="button" class="px-finding px-linkish" data-focus-frame="${index}"><span class="px-chip">${number.get(f.article) ?? '?'}</span> <span class="px-frame px-t-${TECHNIQUE_GROUP[f.technique] ?? 'other'}">${findingText(f)}</span> <span class="px-technique">${e(techniqueName(f.technique))} · ${f.score.toFixed(2)}</span>${quoted}</button><div class="px-reason">${e(f.reason)}</div></li>`;
    })
    .join('');
  return `<section class="px-panel px-framing"><h2>Framing</h2><ol class="px-finding-list">${items}</ol></section>`;
}

/** Styles of the report view; calm serif body text, colour only where there is evidence. */
export const REPORT_CSS = `
:root{--px-ink:#1f2328;--px-muted:#5f6670;--px-rule:#e3e0da;--px-paper:#fbfaf7;--px-agreed:#dcefdc;--px-agreed-ink:#2f6b3a;--px-conflict:#f7d4d0;--px-conflict-ink:#a23b2f;--px-unique:#fcf3dc;--px-unique-ink:#8a6412;--px-quote:#1d4f7a}
.px-page{max-width:1400px;margin:0 auto;padding:24px 28px 48px;background:var(--px-paper);color:var(--px-ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
body{margin:0;background:var(--px-paper)}
.px-report h1{font:600 26px/1.2 Georgia,"Iowan Old Style","Times New Roman",serif;margin:0 0 8px}
.px-report h2{font-size:13px;letter-spacing:.08em;text-transform:uppercase;color:var(--px-muted);margin:0 0 8px}
.px-report h3{font-size:13px;letter-spacing:.04em;color:var(--px-muted);margin:0 0 8px}
.px-sources{list-style:none;padding:0;margin:0 0 18px;display:flex;flex-wrap:wrap;gap:6px 22px;color:var(--px-muted)}
.px-chip{display:inline-block;min-width:18px;padding:0 5px;border-radius:9px;background:#3d4a5c;color:#fff;font:600 11px/18px system-ui,sans-serif;text-align:center;vertical-align:1px;margin-left:2px}
.px-brief{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:14px;margin-bottom:16px}
.px-brief-col{background:#fff;border:1px solid var(--px-rule);border-top:4px solid var(--px-rule);border-radius:6px;padding:12px 14px}
.px-brief-agreed{border-top-color:var(--px-agreed-ink)}.px-brief-conflict{border-top-color:var(--px-conflict-ink)}.px-brief-unique{border-top-color:var(--px-unique-ink)}
.px-brief ul{list-style:none;margin:0;padding:0}
.px-brief li+li{margin-top:6px}
.px-finding{all:unset;box-sizing:border-box;display:block;width:100%;cursor:pointer;padding:6px 8px;border-radius:4px;font:15px/1.4 Georgia,"Iowan Old Style",serif}
.px-finding:hover,.px-finding:focus-visible{background:#f1eee8;outline:2px solid #c9c3b8}
.px-why{display:block;margin-top:2px;font:13px/1.4 system-ui,sans-serif;color:var(--px-muted)}
.px-finding.px-active{background:#efe9dd;box-shadow:inset 3px 0 0 var(--px-ink)}
.px-legend{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:6px 16px;align-items:center;padding:8px 12px;margin:0 0 12px;background:rgba(251,250,247,.96);border-bottom:1px solid var(--px-rule);font-size:13px}
.px-legend-title{font-weight:600;color:var(--px-muted)}
.px-toggle{cursor:pointer;white-space:nowrap}
.px-articles{scroll-margin-top:52px;display:grid;grid-template-columns:repeat(var(--px-columns,2),minmax(300px,1fr));gap:18px;overflow-x:auto}
.px-article{background:#fff;border:1px solid var(--px-rule);border-radius:6px;display:flex;flex-direction:column;min-width:0}
.px-article>header{padding:12px 16px;border-bottom:1px solid var(--px-rule)}
.px-report .px-title{font:600 19px/1.3 Georgia,"Iowan Old Style",serif;text-transform:none;letter-spacing:0;color:var(--px-ink);margin:6px 0 2px}
.px-meta{margin:0;color:var(--px-muted);font-size:13px}
.px-removed{font-size:12px;color:var(--px-muted);margin-top:4px}.px-removed-kind{font-weight:600}
.px-article-body{position:relative;max-height:72vh;overflow:auto;padding:14px 18px 24px;white-space:pre-wrap;font:17px/1.65 Georgia,"Iowan Old Style","Times New Roman",serif;scroll-behavior:smooth}
.px-report mark{background:none;color:inherit;border-radius:2px}
.px-claim[data-al]:not([data-al=""]){cursor:pointer}
.px-claim.px-k-agreed{background:var(--px-agreed)}.px-claim.px-k-agreed.px-loose{background:none;border-bottom:2px dashed var(--px-agreed-ink)}.px-claim.px-k-conflict{background:var(--px-conflict)}.px-claim.px-k-unique{background:var(--px-unique)}
.px-quote{color:var(--px-quote);font-style:italic}
.px-actor{font-weight:600}
.px-label{text-decoration:underline 2px;text-underline-offset:3px}
.px-label.px-quoted{text-decoration-style:dotted}
.px-pol-neg{text-decoration-color:#c0392b}.px-pol-pos{text-decoration-color:#2e8b57}.px-pol-neu{text-decoration-color:#8a8f98}
.px-frame{box-shadow:inset 0 -3px 0 var(--px-frame,#8e6bb5)}
.px-t-loaded{--px-frame:#8e6bb5}.px-t-naming{--px-frame:#d0742c}.px-t-fear{--px-frame:#c0392b}.px-t-exaggeration{--px-frame:#2f7fb5}.px-t-doubt{--px-frame:#1b998b}.px-t-other{--px-frame:#7d8590}
.px-focus{outline:2px solid var(--px-ink);outline-offset:1px;animation:px-flash 1.2s ease-out 1}
@keyframes px-flash{from{background-color:#ffe58a}}
.px-hide-agreed .px-article .px-k-agreed,.px-hide-conflict .px-article .px-k-conflict,.px-hide-unique .px-article .px-k-unique{background:none}.px-hide-agreed .px-article .px-loose{border-bottom:none}
.px-hide-quotes .px-article .px-quote{color:inherit;font-style:normal}
.px-hide-actors .px-article .px-actor{font-weight:inherit}
.px-hide-labels .px-article .px-label{text-decoration:none}
.px-hide-framing .px-article .px-frame{box-shadow:none}
.px-panels{display:grid;grid-template-columns:1fr 1fr;gap:18px;margin-top:22px}
.px-labels,.px-framing{grid-column:1/-1}
.px-panel{background:#fff;border:1px solid var(--px-rule);border-radius:6px;padding:14px 16px}
.px-panel table{border-collapse:collapse;width:100%;font-size:14px}
.px-panel th,.px-panel td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--px-rule)}
.px-linkish{all:unset;cursor:pointer;font-weight:600}.px-linkish:hover{text-decoration:underline}
.px-note,.px-none{color:var(--px-muted);font-size:13px}
.px-chart{display:block;max-width:100%;height:auto}.px-svg-label,.px-svg-value{font:11px system-ui,sans-serif;fill:#5f6670}
.px-panel figure{margin:0 0 10px}.px-panel figcaption{font-size:13px;color:var(--px-muted)}
.px-voice-list{list-style:none;padding:0;margin:8px 0 0;font-size:13px}.px-voice-list li{margin:3px 0}
.px-swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 2px}
.px-finding-list{list-style:none;padding:0;margin:0;columns:3 300px;column-gap:28px}.px-finding-list li{margin:0 0 8px;break-inside:avoid}
.px-finding-list .px-finding{font:14px/1.4 system-ui,sans-serif;padding:4px 6px}
.px-technique{color:var(--px-muted);font-size:12px}.px-reason{color:var(--px-muted);font-size:12px;margin:0 0 0 34px}
.px-warnings{margin-top:18px;color:#8a6412}
.px-foot{margin-top:24px;color:var(--px-muted);font-size:12px}
@media (max-width:800px){.px-articles,.px-panels{grid-template-columns:1fr}}
@media print{
  .px-legend,.px-removed{display:none}
  .px-page{padding:0;max-width:none;background:#fff}
  .px-articles{grid-template-columns:repeat(var(--px-columns,2),1fr);overflow:visible}
  .px-article-body{max-height:none;overflow:visible;padding-bottom:14px;font-size:11pt}
  .px-article,.px-panel,.px-brief-col{break-inside:avoid;border-color:#bbb}
  .px-report *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  .px-finding{font-size:11pt}
}
`;

/**
 * The page's behaviour, by event delegation so it also works on views inserted later (the web
 * UI): legend toggles, and clicking a finding scrolls every article column to its evidence.
 */
export const REPORT_SCRIPT = `
(function () {
  if (window.__parallaxReport) return;
  window.__parallaxReport = true;
  function scrollColumnTo(mark) {
    var column = mark.closest('.px-article-body');
    if (!column) return;
    var columnTop = column.getBoundingClientRect().top;
    var markTop = mark.getBoundingClientRect().top;
    column.scrollTop += markTop - columnTop - 24;
  }
  function focusMarks(report, marks, button) {
    report.querySelectorAll('.px-focus').forEach(function (m) { m.classList.remove('px-focus'); });
    report.querySelectorAll('.px-active').forEach(function (b) { b.classList.remove('px-active'); });
    if (button) button.classList.add('px-active');
    var seen = [];
    marks.forEach(function (m) {
      m.classList.add('px-focus');
      var column = m.closest('.px-article-body');
      if (column && seen.indexOf(column) < 0) { seen.push(column); scrollColumnTo(m); }
    });
    var articles = report.querySelector('.px-articles');
    if (articles && marks.length) {
      var r = articles.getBoundingClientRect();
      if (r.top < 0 || r.top > window.innerHeight * 0.6) articles.scrollIntoView({ block: 'start' });
    }
  }
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var button = target && target.closest('[data-focus-alignment],[data-focus-frame],[data-focus-actor]');
    if (!button) {
      // a claim in the text: show where the other articles say the same or the opposite
      var claim = target && target.closest('.px-article [data-al]');
      var ids = claim ? claim.getAttribute('data-al').split(' ').filter(Boolean) : [];
      if (!claim || ids.length === 0) return;
      var within = claim.closest('.px-report');
      var related = Array.prototype.filter.call(within.querySelectorAll('.px-article [data-al]'), function (m) {
        return m.getAttribute('data-al').split(' ').some(function (id) { return ids.indexOf(id) >= 0; });
      });
      var briefButton = within.querySelector('[data-focus-alignment="' + ids[0] + '"]');
      focusMarks(within, related, briefButton);
      return;
    }
    var report = button.closest('.px-report');
    if (!report) return;
    var marks = [];
    if (button.hasAttribute('data-focus-alignment')) {
      var id = button.getAttribute('data-focus-alignment');
      marks = Array.prototype.filter.call(report.querySelectorAll('.px-article [data-al]'), function (m) {
        return m.getAttribute('data-al').split(' ').indexOf(id) >= 0;
      });
    } else if (button.hasAttribute('data-focus-frame')) {
      marks = Array.prototype.slice.call(report.querySelectorAll('.px-article [data-frame="' + button.getAttribute('data-focus-frame') + '"]'));
    } else {
      var actor = button.getAttribute('data-focus-actor');
      marks = Array.prototype.filter.call(report.querySelectorAll('.px-article [data-actor]'), function (m) {
        return m.getAttribute('data-actor') === actor;
      });
    }
    focusMarks(report, marks, button);
  });
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.hasAttribute('data-layer')) return;
    var report = input.closest('.px-report');
    if (report) report.classList.toggle('px-hide-' + input.getAttribute('data-layer'), !input.checked);
  });
})();
`;
