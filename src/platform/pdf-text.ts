/**
 * Texts for PDFs drawn with the standard fonts (Helvetica: WinAnsi encoding). One place for every
 * PDF of the platform (the dossier, the certificate, the roadmap, the strategy), and their page footers.
 */
import type PDFKit from 'pdfkit';
import { onFirstUse } from './first-use.ts';

export type PdfDocument = InstanceType<typeof PDFKit>;

/** pdfkit's document class, loaded when the first PDF is drawn. */
export const loadPdfKit = onFirstUse(async () => (await import('pdfkit')).default);

/** What WinAnsi (the standard fonts' encoding) holds beyond Latin-1: typographic quotes, dashes, œ, €… */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** Spaces and signs outside WinAnsi with a faithful stand-in. */
const STAND_INS: Record<string, string> = {
  '\u202f': '\u00a0', // narrow no-break space (French typography, Intl's thousands separator)
  '\u2009': '\u00a0',
  '\u2007': '\u00a0',
  '\u2060': '',
  '\u200b': '',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
};

const writable = (c: string) => {
  const code = c.codePointAt(0) ?? 0;
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(c) || c === '\n';
};

/**
 * A text the standard Helvetica can draw: the narrow no-break space becomes a no-break space,
 * a letter outside WinAnsi loses its accent (ő → o), anything else becomes « ? ».
 */
export function pdfSafe(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (c in STAND_INS) out += STAND_INS[c];
    else if (writable(c)) out += c;
    else {
      const bare = c.normalize('NFD').replace(/\p{M}/gu, '');
      out += bare && [...bare].every(writable) ? bare : /\p{C}/u.test(c) ? '' : '?';
    }
  }
  return out;
}

/**
 * A footer on every page once they all exist (« … page 2 sur 5 »): `text` gets the page's number and
 * the count, already writable (pdfSafe). Written in the bottom margin, which is lifted meanwhile:
 * else pdfkit would open a new page for it.
 */
export function writePageFooters(
  doc: PdfDocument,
  footer: { text: (page: number, count: number) => string; x: number; y: number; width: number; size: number; color: string; align: 'center' | 'right' },
): void {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(footer.size)
      .fillColor(footer.color)
      .text(footer.text(i + 1, range.count), footer.x, footer.y, { width: footer.width, align: footer.align, lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}
