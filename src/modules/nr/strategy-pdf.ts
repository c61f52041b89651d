/**
 * The strategy as a PDF to adopt in council (A4 portrait): title, territory, date, whether the law
 * asks it, the objectives, the measures by theme, the indicators with their latest value, and a
 * signature block « Adoptée par délibération du conseil du … ». Standard Helvetica, every text
 * through `pdfText` (the roadmap PDF's way); a page number at the foot of each page.
 */
import { loadPdfKit, writePageFooters } from '../../platform/pdf-text.ts';
import { publicMessages } from './public.messages.ts';
import { pdfText } from './roadmap-pdf.ts';
import { roadmapMessages } from './roadmap.messages.ts';
import type { StrategyPage } from './strategy.service.ts';
import { requirementText } from './views/strategy-page.tsx';

const m = publicMessages;
const BRAND = '#0a3d40';
const INK = '#1a1a1a';
const MUTED = '#555555';
const MARGIN = 56;

export async function renderStrategyPdf(data: StrategyPage, options: { compress?: boolean } = {}): Promise<Buffer> {
  const { territory, document, today } = data;
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    compress: options.compress ?? true,
    lang: 'fr-FR',
    displayTitle: true,
    bufferPages: true,
    info: { Title: pdfText(m.pdf.documentTitle(territory.name)), Author: pdfText(territory.name) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottomLimit = () => doc.page.height - MARGIN - 20;
  const room = (needed: number) => {
    if (doc.y > bottomLimit() - needed) doc.addPage();
  };
  const heading = (text: string) => {
    room(60);
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(14).fillColor(BRAND).text(pdfText(text), MARGIN, doc.y, { width });
    doc.moveDown(0.3);
  };
  const body = (text: string, indent = 0, color = INK) => {
    room(30);
    doc
      .font('Helvetica')
      .fontSize(11)
      .fillColor(color)
      .text(pdfText(text), MARGIN + indent, doc.y, { width: width - indent });
    doc.moveDown(0.25);
  };

  doc.font('Helvetica-Bold').fontSize(11).fillColor(BRAND).text(pdfText(m.pdf.heading.toUpperCase()), { width });
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(24).fillColor(INK).text(pdfText(territory.name), { width });
  doc
    .moveDown(0.2)
    .font('Helvetica')
    .fontSize(11)
    .fillColor(MUTED)
    .text(pdfText(m.pdf.date(today)), { width });
  doc
    .moveDown(0.6)
    .lineWidth(1.5)
    .strokeColor(BRAND)
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + width, doc.y)
    .stroke();
  doc.moveDown(0.8);
  body(requirementText(data.requirement), 0, MUTED);

  heading(m.strategy.objectivesTitle);
  if (document.objectives.length === 0) body(m.strategy.noObjective);
  document.objectives.forEach((o, i) => body(`${i + 1}. ${m.strategy.objective(o.themeName, o.from, o.to)}`, 8));

  heading(m.strategy.measuresTitle);
  if (document.measures.length === 0) body(m.strategy.noMeasure);
  for (const group of document.measures) {
    room(50);
    doc.moveDown(0.2).font('Helvetica-Bold').fontSize(11).fillColor(INK).text(pdfText(group.themeName), MARGIN, doc.y, { width });
    doc.moveDown(0.2);
    for (const a of group.measures) body(`• ${a.title} (${m.strategy.measure(roadmapMessages.statuses[a.status], a.dueOn)})`, 12);
  }

  heading(m.strategy.indicatorsTitle);
  if (document.indicators.length === 0) body(m.strategy.noIndicator);
  for (const i of document.indicators) body(`• ${i.name} : ${i.latest ? m.pdf.latest(i.latest.value, i.unit, i.latest.measuredOn) : '—'}`, 8);

  // The signature block, kept whole on one page.
  if (doc.y > bottomLimit() - 140) doc.addPage();
  doc.moveDown(1.5);
  const top = doc.y;
  doc.lineWidth(1).strokeColor(MUTED).rect(MARGIN, top, width, 110).stroke();
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .fillColor(INK)
    .text(pdfText(m.pdf.adoption), MARGIN + 14, top + 14, { width: width - 28 });
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(MUTED)
    .text(pdfText(m.pdf.signature), MARGIN + 14, top + 44, { width: width - 28 });
  doc.y = top + 120;

  writePageFooters(doc, {
    text: (page, count) => pdfText(`${territory.name} · ${m.pdf.page(page, count)}`),
    x: MARGIN,
    y: doc.page.height - MARGIN + 16,
    width,
    size: 9,
    color: MUTED,
    align: 'right',
  });
  doc.end();
  return done;
}
