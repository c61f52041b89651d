/**
 * A French text reduced for comparison: lower case, accents removed, ligatures spelt out (œ → oe,
 * æ → ae, ß → ss), any run of other characters → one space, trimmed. As `search_normalize` does in SQL.
 */
export function foldText(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
