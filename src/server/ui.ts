/**
 * The web UI at `/`: one server-rendered page with a small inline script (no build step, no
 * outside resources). Paste or drop articles, or give URLs; the script posts them to
 * /ui/compare and shows the same view as the HTML report (REPORT_CSS/REPORT_SCRIPT).
 */
import type { Story } from '../model/index.ts';
import { escapeHtml as e, REPORT_CSS, REPORT_SCRIPT } from '../report/index.ts';
import { comparisonLabel, type ComparisonSummary } from '../store/index.ts';

export interface UiPageData {
  comparisons: ComparisonSummary[];
  stories: Story[];
  maxBodyBytes: number;
}

/** Article slots the form opens with: a comparison needs two. */
const INITIAL_SLOTS = 2;

function slot(n: number): string {
  return `<fieldset class="ui-slot" data-slot>
<legend>Article ${n}</legend>
<label>Outlet <input name="source" type="text" placeholder="e.g. Harbour Gazette" autocomplete="off"></label>
<label class="ui-text">Text or HTML <textarea name="content" rows="9" placeholder="Paste the article here, or drop a .txt or .html file"></textarea></label>
<label>…or a URL <input name="url" type="url" placeholder="https://"></label>
</fieldset>`;
}

export function renderUiPage(data: UiPageData): string {
  const comparisons = data.comparisons.length
    ? `<ul>${data.comparisons
        .map((c) => `<li><a href="/comparisons/${encodeURIComponent(c.id)}">${e(comparisonLabel(c))}</a> <small>${e(c.createdAt.slice(0, 16).replace('T', ' '))}</small></li>`)
        .join('')}</ul>`
    : '<p class="px-none">None saved yet. Tick “Save” to keep a comparison.</p>';
  const stories = data.stories.length
    ? `<ul>${data.stories
        .map((s) => `<li><a href="/stories/${encodeURIComponent(s.id)}">${e(s.headline)}</a> <small>${s.articleIds.length} articles · ${e(s.sources.join(', '))}</small></li>`)
        .join('')}</ul>`
    : '<p class="px-none">No stories yet: they appear when feeds are watched.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parallax</title>
<style>${REPORT_CSS}${UI_CSS}</style>
</head>
<body>
<main class="px-page">
<header class="ui-head"><h1 class="ui-mark">Parallax</h1><p>One story, every side: what outlets agree on, dispute and leave out, with the evidence.</p></header>
<form id="compare-form" class="ui-form" data-max-bytes="${data.maxBodyBytes}">
<div class="ui-slots" id="slots">${Array.from({ length: INITIAL_SLOTS }, (_, i) => slot(i + 1)).join('')}</div>
<div class="ui-actions">
<button type="button" id="add-slot" class="ui-secondary">+ Add article</button>
<label class="ui-save"><input type="checkbox" id="save"> Save to the store</label>
<button type="submit" id="run" class="ui-primary">Compare</button>
<span id="status" class="ui-status" role="status" aria-live="polite"></span>
</div>
</form>
<div id="result" class="ui-result"></div>
<section class="ui-lists">
<div class="px-panel" id="stored-comparisons"><h2>Saved comparisons</h2>${comparisons}</div>
<div class="px-panel" id="stories"><h2>Stories</h2>${stories}</div>
</section>
</main>
<template id="slot-template">${slot(0)}</template>
<script>${REPORT_SCRIPT}${UI_SCRIPT}</script>
</body>
</html>
`;
}

const UI_CSS = `
.ui-head{display:flex;align-items:baseline;gap:18px;flex-wrap:wrap;border-bottom:1px solid var(--px-rule);margin-bottom:18px}
.ui-mark{font:700 28px/1.2 Georgia,"Iowan Old Style",serif;margin:0 0 10px;letter-spacing:-.01em}
.ui-head p{margin:0;color:var(--px-muted)}
.ui-slots{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:14px}
.ui-slot{background:#fff;border:1px solid var(--px-rule);border-radius:6px;padding:10px 14px 14px;margin:0;display:flex;flex-direction:column;gap:8px}
.ui-slot.ui-drop{border-color:#3d4a5c;box-shadow:0 0 0 3px #dfe6ef}
.ui-slot legend{font-weight:600;color:var(--px-muted);padding:0 4px}
.ui-slot label{display:flex;flex-direction:column;gap:3px;font-size:13px;color:var(--px-muted)}
.ui-slot input,.ui-slot textarea{font:15px/1.45 system-ui,sans-serif;color:var(--px-ink);border:1px solid #cfcac0;border-radius:4px;padding:6px 8px;background:#fffefb}
.ui-slot textarea{font-family:Georgia,"Iowan Old Style",serif;resize:vertical}
.ui-actions{display:flex;align-items:center;gap:16px;margin:14px 0 22px;flex-wrap:wrap}
.ui-primary,.ui-secondary{font:600 15px system-ui,sans-serif;border-radius:5px;padding:8px 18px;cursor:pointer;border:1px solid #3d4a5c}
.ui-primary{background:#3d4a5c;color:#fff}.ui-primary:disabled{opacity:.6;cursor:progress}
.ui-secondary{background:#fff;color:#3d4a5c}
.ui-save{font-size:14px;color:var(--px-muted)}
.ui-status{font-size:14px;color:var(--px-muted)}.ui-status.ui-error{color:var(--px-conflict-ink);font-weight:600}
.ui-result:empty{display:none}.ui-result{border-top:1px solid var(--px-rule);padding-top:18px}
.ui-lists{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:18px;margin-top:26px}
.ui-lists h2{font-size:13px;letter-spacing:.08em;text-transform:uppercase;color:var(--px-muted);margin:0 0 8px}
.ui-lists ul{margin:0;padding-left:18px}.ui-lists li{margin:4px 0}.ui-lists a{color:#1d4f7a}
@media print{.ui-form,.ui-lists{display:none}}
`;

const UI_SCRIPT = `
(function () {
  var form = document.getElementById('compare-form');
  var slots = document.getElementById('slots');
  var status = document.getElementById('status');
  var result = document.getElementById('result');
  var template = document.getElementById('slot-template');
  function say(text, isError) { status.textContent = text; status.classList.toggle('ui-error', !!isError); }
  function renumber() { slots.querySelectorAll('[data-slot] legend').forEach(function (l, i) { l.textContent = 'Article ' + (i + 1); }); }
  function addSlot() { slots.appendChild(template.content.cloneNode(true)); renumber(); return slots.lastElementChild; }
  document.getElementById('add-slot').addEventListener('click', function () { addSlot().querySelector('textarea').focus(); });
  function readFileInto(file, slotEl) {
    var reader = new FileReader();
    reader.onload = function () {
      slotEl.querySelector('textarea').value = String(reader.result);
      var name = slotEl.querySelector('[name=source]');
      if (!name.value) name.value = file.name.replace(/\\.[^.]+$/, '');
    };
    reader.readAsText(file);
  }
  slots.addEventListener('dragover', function (event) {
    var s = event.target instanceof Element && event.target.closest('[data-slot]');
    if (!s) return;
    event.preventDefault();
    s.classList.add('ui-drop');
  });
  slots.addEventListener('dragleave', function (event) {
    var s = event.target instanceof Element && event.target.closest('[data-slot]');
    if (s) s.classList.remove('ui-drop');
  });
  slots.addEventListener('drop', function (event) {
    var s = event.target instanceof Element && event.target.closest('[data-slot]');
    if (!s || !event.dataTransfer || !event.dataTransfer.files.length) return;
    event.preventDefault();
    s.classList.remove('ui-drop');
    var files = Array.prototype.slice.call(event.dataTransfer.files);
    readFileInto(files[0], s);
    files.slice(1).forEach(function (f) { readFileInto(f, addSlot()); });
  });
  function collect() {
    var articles = [];
    slots.querySelectorAll('[data-slot]').forEach(function (s) {
      var content = s.querySelector('textarea').value;
      var url = s.querySelector('[name=url]').value.trim();
      var source = s.querySelector('[name=source]').value.trim();
      var item = {};
      if (content.trim()) {
        if (/^\\s*</.test(content) && /<\\/?(html|body|p|div|article)[\\s>]/i.test(content)) item.html = content; else item.text = content;
      } else if (url) {
        item.url = url;
      } else {
        return;
      }
      if (source) item.source = source;
      articles.push(item);
    });
    return articles;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var articles = collect();
    if (articles.length < 2) { say('Give at least two articles: paste text, drop a file or enter a URL.', true); return; }
    var run = document.getElementById('run');
    run.disabled = true;
    say('Comparing ' + articles.length + ' articles…');
    var save = document.getElementById('save').checked;
    fetch('/ui/compare' + (save ? '?store=1' : ''), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ articles: articles })
    }).then(function (response) {
      if (response.ok) return response.text().then(function (html) {
        result.innerHTML = html;
        say('Done. Click a finding to see its evidence in every article.' + (save ? ' Saved.' : ''));
        result.scrollIntoView({ block: 'start' });
      });
      return response.json().then(function (body) {
        say((body && body.error && body.error.message) || ('The server answered ' + response.status), true);
      }, function () { say('The server answered ' + response.status, true); });
    }).catch(function (error) {
      say('Could not reach the server: ' + error.message, true);
    }).finally(function () { run.disabled = false; });
  });
})();
`;
