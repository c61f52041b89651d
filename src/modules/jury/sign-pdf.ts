/**
 * The print-ready sign for the town's entrances (A3 landscape): the @ large, the territory's name,
 * the label and its year. Drawn with the certificate's parts (certificate-pdf.ts).
 */
import type { CertifiedResult } from './certificate.service.ts';
import { BRAND, centred, drawLevel, startPdf, type Signatory } from './certificate-pdf.ts';
import { deliberationMessages } from './deliberation.messages.ts';

const m = deliberationMessages.certificate;

export async function renderSignPdf(result: CertifiedResult, signatory: Signatory, options: { compress?: boolean } = {}): Promise<Buffer> {
  const { doc, done } = await startPdf({
    size: 'A3',
    title: m.signTitle(signatory.labelName, result.year, result.territory.name),
    author: signatory.organiserName,
    compress: options.compress,
  });
  const { width, height } = doc.page;
  // A thick rounded band, as road signs have, with room for the printer's margin.
  doc
    .lineWidth(18)
    .strokeColor(BRAND)
    .roundedRect(40, 40, width - 80, height - 80, 36)
    .stroke();
  centred(doc, result.territory.name, 110, { size: 72, bold: true, margin: 90 });
  drawLevel(doc, { level: result.level, green: result.green, y: 270, size: 190 });
  centred(doc, m.signLine(result.level), 540, { size: 40, bold: true, color: BRAND, margin: 90 });
  centred(doc, m.signHeading(signatory.labelName, result.year), 620, { size: 54, bold: true, color: BRAND, margin: 90 });
  doc.end();
  return done;
}
