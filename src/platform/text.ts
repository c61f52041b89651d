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

/**
 * « de » before a French name, elided or contracted as French has it: « de Trélazé », « d’Angers »,
 * « du Trait » (Le Trait), « des Sables-d’Olonne » (Les Sables-d’Olonne), « de La Rochelle », « de l’Isle-Adam ».
 */
export function ofName(name: string): string {
  if (/^Le /.test(name)) return `du ${name.slice(3)}`;
  if (/^Les /.test(name)) return `des ${name.slice(4)}`;
  if (/^L['’]/.test(name)) return `de l’${name.slice(2)}`;
  if (/^[aeiouyàâäéèêëîïôöùûüœæh]/i.test(name.normalize('NFC')) && !/^h/i.test(name)) return `d’${name}`;
  return `de ${name}`;
}

/** The text with its first letter in capital (a heading, a sentence built from a phrase): « Juin 2027 ». */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
