/**
 * The roadmap as a PDF (A4 portrait): the territory's name, the date, then the actions by theme with
 * their owner, due date and status, overdue ones said so; a page number at the foot of each page.
 * Only the standard Helvetica is used: every text goes through `pdfText` (French typography, then
 * what WinAnsi can draw).
 */
import { loadPdfKit, pdfSafe, writePageFooters } from '../../platform/pdf-text.ts';
import { frenchTypography } from '../../platform/views/typography.ts';
import { NR_THEMES } from './nr-themes.rules.ts';
import { roadmapMessages } from './roadmap.messages.ts';
import type { RoadmapAction, RoadmapTerritory } from './roadmap.service.ts';

const m = roadmapMessages.pdf;
const BRAND = '#0a3d40';
const INK = '#1a1a1a';
const MUTED = '#555555';
const LATE = '#b3261e';
const MARGIN = 56;

/** A text the standard Helvetica can draw, typeset in French first (the platform's PDF text). */
export function pdfText(text: string): string {
  return pdfSafe(frenchTypography(text));
}

export async function renderRoadmapPdf(
  input: { territory: RoadmapTerritory; actions: readonly RoadmapAction[]; today: string; organiserName?: string },
  options: { compress?: boolean; now?: Date } = {},
): Promise<Buffer> {
  const { territory, actions, today } = input;
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    compress: options.compress ?? true,
    lang: 'fr-FR',
    displayTitle: true,
    bufferPages: true,
    info: { Title: pdfText(m.documentTitle(territory.name)), Author: pdfText(input.organiserName ?? territory.name) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottomLimit = () => doc.page.height - MARGIN - 20;

  doc.font('Helvetica-Bold').fontSize(11).fillColor(BRAND).text(pdfText(m.heading.toUpperCase()), { width });
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(24).fillColor(INK).text(pdfText(territory.name), { width });
  doc
    .moveDown(0.2)
    .font('Helvetica')
    .fontSize(11)
    .fillColor(MUTED)
    .text(pdfText(`${m.date(options.now ?? new Date())} · ${m.count(actions.length)}`), { width });
  doc
    .moveDown(0.6)
    .lineWidth(1.5)
    .strokeColor(BRAND)
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + width, doc.y)
    .stroke();
  doc.moveDown(1);

  if (actions.length === 0) doc.font('Helvetica').fontSize(12).fillColor(INK).text(pdfText(m.empty), { width });

  for (const theme of NR_THEMES) {
    const ofTheme = actions.filter((a) => a.themeId === theme.id);
    if (ofTheme.length === 0) continue;
    if (doc.y > bottomLimit() - 80) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(14).fillColor(BRAND).text(pdfText(theme.name), MARGIN, doc.y, { width });
    doc.moveDown(0.4);
    for (const action of ofTheme) {
      if (doc.y > bottomLimit() - 50) doc.addPage();
      const overdue = action.dueOn !== null && action.dueOn < today && action.status !== 'done' && action.status !== 'abandoned';
      const top = doc.y;
      doc
        .font('Helvetica-Bold')
        .fontSize(11)
        .fillColor(INK)
        .text(pdfText(action.title), MARGIN + 12, top, { width: width - 12 });
      const facts = [
        m.owner(action.owner || roadmapMessages.roadmap.noOwner),
        m.dueOn(action.dueOn) + (overdue ? ` (${m.overdue})` : ''),
        m.status(roadmapMessages.statuses[action.status]),
      ].join(' · ');
      doc
        .font('Helvetica')
        .fontSize(10)
        .fillColor(overdue ? LATE : MUTED)
        .text(pdfText(facts), MARGIN + 12, doc.y + 2, { width: width - 12 });
      doc
        .lineWidth(2)
        .strokeColor(action.status === 'done' ? '#1e7b34' : overdue ? LATE : BRAND)
        .moveTo(MARGIN + 3, top + 1)
        .lineTo(MARGIN + 3, doc.y - 1)
        .stroke();
      doc.moveDown(0.7);
    }
    doc.moveDown(0.5);
  }

  writePageFooters(doc, {
    text: (page, count) => pdfText(`${territory.name} · ${m.page(page, count)}`),
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
