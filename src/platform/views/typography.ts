/**
 * French typography of every page, applied once, where pages are rendered (render.ts), so no message
 * nor user text can escape it: the apostrophe ’, a non-breaking space before « : » and inside « »,
 * a narrow one before « ; ! ? », and a number kept with its « @ ».
 */

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** One text, as French typesetting wants it. Idempotent. */
export function frenchTypography(text: string): string {
  return (
    text
      // l'annuaire, aujourd'hui → l’annuaire, aujourd’hui (letters on both sides: not a quote mark).
      .replace(/(\p{L})'(?=\p{L})/gu, '$1’')
      // « mot » with the spaces that belong inside the marks.
      .replace(/«[ \u00a0\u202f]?/g, `«${NBSP}`)
      .replace(/[ \u00a0\u202f]?»/g, `${NBSP}»`)
      // Before a colon: a non-breaking space (a « : » at the start of a line is never right).
      .replace(/(^|\S)[ \u202f]:(?=\s|$)/g, `$1${NBSP}:`)
      // Before ; ! ? : a narrow non-breaking space.
      .replace(/(^|\S)[ \u00a0]([;!?])(?=\s|$|[»)])/g, `$1${NNBSP}$2`)
      // 5 @, 4 @ : the number never parted from its sign.
      .replace(/(\d) @/g, `$1${NBSP}@`)
  );
}

/** Elements whose text is code, data or typed by someone, and stays exactly as it is. */
const VERBATIM = new Set(['script', 'style', 'pre', 'code', 'kbd', 'samp', 'textarea']);

/**
 * Applies frenchTypography to the text of an HTML document the platform rendered itself (well formed,
 * attributes quoted): tags, attributes and verbatim elements are left untouched.
 */
export function typesetHtml(html: string): string {
  let out = '';
  let verbatim: string | null = null;
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>|<!--[\s\S]*?-->|<![^>]*>/g;
  let last = 0;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const text = html.slice(last, match.index);
    out += verbatim ? text : frenchTypography(text);
    out += match[0];
    last = tag.lastIndex;
    const [, closing, name] = match;
    if (!name) continue;
    const lower = name.toLowerCase();
    if (verbatim) {
      if (closing && lower === verbatim) verbatim = null;
    } else if (!closing && VERBATIM.has(lower) && !match[0].endsWith('/>')) verbatim = lower;
  }
  const rest = html.slice(last);
  return out + (verbatim ? rest : frenchTypography(rest));
}
