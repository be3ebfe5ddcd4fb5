import { escapeHtml } from './html.js';

/** A cell: plain text (escaped here), or HTML already built from escaped parts. */
export type Cell =
  | string
  | { readonly html: string; readonly numeric?: boolean }
  | { readonly text: string; readonly numeric: boolean };

/**
 * A table with a header row. Text cells are escaped; a cell may carry ready HTML (a link, a badge) or be marked
 * numeric (right-aligned).
 * @param headers Column headings (text).
 * @param rows The rows.
 * @param caption An optional caption (text), read by screen readers first.
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: { caption?: string; numeric?: readonly number[]; className?: string } = {},
): string {
  const numeric = new Set(options.numeric ?? []);
  const head = headers
    .map(
      (heading, index) =>
        `<th scope="col"${numeric.has(index) ? ' class="num"' : ''}>${escapeHtml(heading)}</th>`,
    )
    .join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, index) => {
            const isNumeric = numeric.has(index) || (typeof cell === 'object' && cell.numeric === true);
            const content =
              typeof cell === 'string'
                ? escapeHtml(cell)
                : 'html' in cell
                  ? cell.html
                  : escapeHtml(cell.text);
            return `<td${isNumeric ? ' class="num"' : ''}>${content}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  const caption =
    options.caption === undefined
      ? ''
      : `<caption class="visually-hidden">${escapeHtml(options.caption)}</caption>`;
  return `<div class="table-scroll"><table${options.className === undefined ? '' : ` class="${options.className}"`}>${caption}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}

/** A two-column table of label and value, with the labels as row headers. */
export function renderFacts(facts: readonly (readonly [string, Cell])[], caption: string): string {
  const rows = facts
    .map(([label, value]) => {
      const content =
        typeof value === 'string' ? escapeHtml(value) : 'html' in value ? value.html : escapeHtml(value.text);
      return `<tr><th scope="row">${escapeHtml(label)}</th><td class="num">${content}</td></tr>`;
    })
    .join('\n');
  return `<table class="facts"><caption class="visually-hidden">${escapeHtml(caption)}</caption><tbody>\n${rows}\n</tbody></table>`;
}
