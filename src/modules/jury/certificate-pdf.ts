/**
 * A laureate's certificate as a PDF (A4 landscape): the territory, its level drawn as @ (filled for
 * the level, outlined for the rest, one green for the « @ verte »), the edition, the distinctions,
 * the organisation's signature block and the verification address. Only the standard Helvetica is
 * used, every text through `pdfSafe` (campaign/dossier-text.ts), as the dossier's PDF does.
 */
import { formatDate } from '../../platform/views/format.ts';
import { loadPdfKit, pdfSafe, type PdfDocument } from '../../platform/pdf-text.ts';
import { territoryMessages } from '../territories/messages.ts';
import type { CertifiedResult } from './certificate.service.ts';
import { deliberationMessages } from './deliberation.messages.ts';

const m = deliberationMessages.certificate;

export const BRAND = '#0a3d40';
export const GREEN = '#1e7b34';
export const OUTLINE = '#7a8a8b';
const INK = '#1a1a1a';
const MUTED = '#555555';

export type Doc = PdfDocument;

/** Who signs: the organisation's settings (organisation module). */
export type Signatory = { labelName: string; organiserName: string; signatory: string };

/** A new document and the promise of its bytes. `compress: false` leaves the streams readable (tests). */
export async function startPdf(options: {
  size: 'A4' | 'A3';
  title: string;
  author: string;
  compress?: boolean;
}): Promise<{ doc: Doc; done: Promise<Buffer> }> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: options.size,
    layout: 'landscape',
    margin: 0,
    compress: options.compress ?? true,
    lang: 'fr-FR',
    displayTitle: true,
    info: { Title: pdfSafe(options.title), Author: pdfSafe(options.author) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/**
 * Five @ centred on `y`: the first `level` filled, the others outlined; with the « @ verte », the last
 * filled one is green (the label's way of showing it).
 */
export function drawLevel(doc: Doc, input: { level: number; green: boolean; y: number; size: number }) {
  const { level, green, y, size } = input;
  doc.font('Helvetica-Bold').fontSize(size);
  const glyph = doc.widthOfString('@');
  const gap = size * 0.12;
  const total = 5 * glyph + 4 * gap;
  let x = (doc.page.width - total) / 2;
  for (let i = 1; i <= 5; i++) {
    if (i <= level) doc.fillColor(green && i === level ? GREEN : BRAND).text('@', x, y, { lineBreak: false });
    else
      doc
        .lineWidth(Math.max(0.8, size / 50))
        .strokeColor(OUTLINE)
        .text('@', x, y, { lineBreak: false, stroke: true, fill: false });
    x += glyph + gap;
  }
}

/** A line of text centred across the page. */
export function centred(doc: Doc, text: string, y: number, options: { size: number; bold?: boolean; color?: string; margin?: number }) {
  const margin = options.margin ?? 60;
  doc
    .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(options.size)
    .fillColor(options.color ?? INK)
    .text(pdfSafe(text), margin, y, { width: doc.page.width - 2 * margin, align: 'center', lineGap: 2 });
}

/** The verification address printed on the certificate. */
export const verificationUrl = (baseUrl: string, code: string) => `${baseUrl.replace(/\/+$/, '')}/verifier/${encodeURIComponent(code)}`;

/** The certificate's PDF bytes. */
export async function renderCertificatePdf(
  result: CertifiedResult,
  signatory: Signatory,
  options: { baseUrl: string; compress?: boolean; today?: Date },
): Promise<Buffer> {
  const { doc, done } = await startPdf({
    size: 'A4',
    title: m.documentTitle(signatory.labelName, result.year, result.territory.name),
    author: signatory.organiserName,
    compress: options.compress,
  });
  const { width, height } = doc.page;
  // A double frame, the certificate's border.
  doc
    .lineWidth(3)
    .strokeColor(BRAND)
    .rect(24, 24, width - 48, height - 48)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(32, 32, width - 64, height - 64)
    .stroke();

  centred(doc, signatory.labelName.toUpperCase(), 58, { size: 13, bold: true, color: BRAND });
  centred(doc, m.heading, 84, { size: 26, bold: true, color: BRAND });
  centred(doc, m.awarded(signatory.labelName, result.year), 134, { size: 14, color: MUTED });
  centred(doc, result.territory.name, 160, { size: 32, bold: true });
  centred(doc, `${territoryMessages.kinds[result.territory.kind]} · ${territoryMessages.categories[result.territory.category]}`, 202, {
    size: 12,
    color: MUTED,
  });
  drawLevel(doc, { level: result.level, green: result.green, y: 228, size: 64 });
  centred(doc, m.level(result.level), 308, { size: 18, bold: true, color: BRAND });
  let y = 334;
  if (result.green) {
    centred(doc, m.green, y, { size: 12, color: GREEN });
    y += 20;
  }
  const others = result.distinctions.filter((d) => d.code !== 'verte');
  if (others.length) centred(doc, `${m.distinctions} : ${others.map((d) => d.name).join(' · ')}`, y + 4, { size: 12 });

  // The signature block, bottom right; the verification, bottom left.
  const bottom = height - 140;
  const signX = width - 330;
  doc
    .font('Helvetica')
    .fontSize(11)
    .fillColor(INK)
    .text(pdfSafe(m.decidedOn(formatDate(result.publishedAt ?? options.today ?? new Date()))), signX, bottom, { width: 270 })
    .moveDown(0.4)
    .text(pdfSafe(m.signatureFor(signatory.organiserName)), { width: 270 })
    .font('Helvetica-Bold')
    .text(pdfSafe(m.signatory(signatory.signatory)), { width: 270 });
  doc
    .lineWidth(0.5)
    .strokeColor(MUTED)
    .moveTo(signX, height - 62)
    .lineTo(signX + 230, height - 62)
    .stroke();

  const url = verificationUrl(options.baseUrl, result.code);
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(MUTED)
    .text(pdfSafe(m.verify), 60, bottom, { width: 330 })
    .fillColor(BRAND)
    .text(pdfSafe(url), { width: 330, link: url, underline: true })
    .fillColor(MUTED)
    .text(pdfSafe(m.code(result.code)), { width: 330 });
  doc.end();
  return done;
}
