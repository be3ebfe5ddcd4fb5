/**
 * Escapes text for a GitHub-flavoured Markdown table cell or list item. The punctuation that could start inline
 * syntax (emphasis, code, links, HTML, entities, strikethrough) or end a cell gets a backslash (CommonMark lets
 * any ASCII punctuation be escaped), so a pipe cannot end the cell and `<script>` stays text. An underscore
 * inside a word (`map_build`, `x86_64`) cannot start emphasis in GFM and stays as it is. Line breaks and
 * other control characters become spaces, since a table row is one line.
 * @param text Any text (a scenario name, a note).
 * @returns The escaped text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/[\\`*[\]<>|~&]/g, '\\$&')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_');
}
