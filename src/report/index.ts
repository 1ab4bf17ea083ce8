/**
 * Reports: a Comparison as JSON (the contract), terminal text, or one self-contained HTML page.
 * This stage reads a Comparison only and knows no other stage.
 */
export { renderJson, toReport, type Report } from './json.ts';
export { renderTerminal, TERMINAL_WIDTH } from './terminal.ts';
export { renderHtml, renderComparisonView, REPORT_CSS, REPORT_SCRIPT } from './html.ts';
export { escapeHtml } from './spans.ts';
