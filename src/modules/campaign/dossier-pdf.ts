/**
 * The dossier as a PDF a territory gives to its council: what its latest submission froze (the
 * snapshot), laid out on A4 pages with their numbers. Pure but for pdfkit: a snapshot in, a Buffer
 * out. Only the standard Helvetica is used (no font file to ship): every text goes through
 * `pdfSafe`, which keeps it within WinAnsi.
 */
import { visibleQuestions } from '../../platform/questionnaire/questionnaire.rules.ts';
import type { Answers, Question } from '../../platform/questionnaire/questionnaire.schema.ts';
import { formatDate, formatDateTime, formatNumber } from '../../platform/views/format.ts';
import { initiativeMessages } from '../initiatives/messages.ts';
import type { ContactPerson, SnapshotInitiative } from './application.schema.ts';
import type { ApplicationSnapshot } from './application-snapshots.service.ts';
import { INTERVIEW_QUESTIONS } from './default-questionnaires.data.ts';
import { dossierMessages } from './dossier.messages.ts';
import { loadPdfKit, pdfSafe, writePageFooters, type PdfDocument } from '../../platform/pdf-text.ts';
import { answerText, markdownBlocks } from './dossier-text.ts';
import { campaignMessages } from './messages.ts';

const m = dossierMessages.pdf;
const contactLabels = campaignMessages.page.contacts;

const MARGIN = 56;
const FOOTER_ROOM = 28;
const BODY = 10.5;
const INK = '#1a1a1a';
const MUTED = '#555555';
const ACCENT = '#1d4f91';

type Doc = PdfDocument;

/** The interview's photo as the snapshot froze it: its JPEG or PNG bytes (the only formats pdfkit embeds). */
export type DossierPhoto = { data: Buffer; width: number; height: number };

/** The snapshot's dossier as PDF bytes. `compress: false` leaves the streams readable (tests). */
export async function renderDossierPdf(
  snapshot: Pick<ApplicationSnapshot, 'content' | 'submittedAt'>,
  options: { compress?: boolean; photo?: DossierPhoto | null } = {},
): Promise<Buffer> {
  const { content } = snapshot;
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_ROOM, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: options.compress ?? true,
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: pdfSafe(m.documentTitle(content.year, content.territory.name)),
      Subject: pdfSafe(m.subject(content.year)),
      Author: pdfSafe(content.territory.name),
      CreationDate: snapshot.submittedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  cover(doc, snapshot);
  selfAssessment(doc, content.selfAssessment);
  sheets(doc, content.initiatives);
  questions(doc, m.questionnaire.title, visibleQuestions(content.questionnaire, content.answers), content.answers);
  questions(doc, m.interview.title, INTERVIEW_QUESTIONS.questions, content.interview.answers);
  paragraph(doc, m.interview.consent(content.interview.consent), { color: MUTED });
  if (options.photo) interviewPhoto(doc, options.photo);
  if (content.interview.photo) paragraph(doc, m.interview.photo(content.interview.photo.alt), { color: MUTED });
  contacts(doc, content.contacts);
  footers(doc, content.territory.name, content.year);
  doc.end();
  return done;
}

const width = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** A new page when less than `room` points are left: a heading never ends a page. */
function keepRoom(doc: Doc, room: number) {
  if (doc.y + room > bottom(doc)) doc.addPage();
}

function paragraph(doc: Doc, text: string, options: { size?: number; bold?: boolean; color?: string; indent?: number; gap?: number } = {}) {
  const indent = options.indent ?? 0;
  doc
    .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(options.size ?? BODY)
    .fillColor(options.color ?? INK)
    .text(pdfSafe(text), doc.page.margins.left + indent, doc.y, { width: width(doc) - indent, lineGap: 2 });
  doc.moveDown(options.gap ?? 0.35);
}

/** « Libellé : valeur », the label in bold. */
function labelled(doc: Doc, label: string, value: string, indent = 0) {
  doc
    .font('Helvetica-Bold')
    .fontSize(BODY)
    .fillColor(INK)
    .text(pdfSafe(`${label} : `), doc.page.margins.left + indent, doc.y, { width: width(doc) - indent, continued: true, lineGap: 2 })
    .font('Helvetica')
    .text(pdfSafe(value));
  doc.moveDown(0.3);
}

function sectionTitle(doc: Doc, title: string) {
  keepRoom(doc, 90);
  doc.moveDown(0.8);
  paragraph(doc, title, { size: 15, bold: true, color: ACCENT, gap: 0.15 });
  const y = doc.y;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(0.8)
    .strokeColor(ACCENT)
    .stroke();
  doc.y = y + 8;
}

function cover(doc: Doc, snapshot: Pick<ApplicationSnapshot, 'content' | 'submittedAt'>) {
  const { content } = snapshot;
  paragraph(doc, m.heading(content.year), { size: 11, color: MUTED, gap: 0.2 });
  paragraph(doc, m.title(content.territory.name), { size: 22, bold: true, color: ACCENT, gap: 0.5 });
  paragraph(doc, m.territory(content.territory.name, content.territory.code), { gap: 0.15 });
  paragraph(doc, m.category(campaignMessages.categories[content.territory.category]), { gap: 0.15 });
  if (content.territory.population !== null) paragraph(doc, m.population(content.territory.population), { gap: 0.15 });
  paragraph(doc, m.edition(content.year, content.referentialVersion), { gap: 0.15 });
  paragraph(doc, m.submittedAt(formatDateTime(snapshot.submittedAt)), { bold: true, gap: 0.6 });
  paragraph(doc, m.frozen, { color: MUTED, size: 9.5 });
}

const score = (value: number | null) => (value === null ? m.selfAssessment.none : formatNumber(value));

function selfAssessment(doc: Doc, result: ApplicationSnapshot['content']['selfAssessment']) {
  const s = m.selfAssessment;
  sectionTitle(doc, s.title);
  paragraph(doc, s.overall(score(result.overall)), { bold: true, size: 12, gap: 0.2 });
  paragraph(doc, s.coverage(score(result.coverage), result.coveredServices, result.concernedServices), { gap: 0.5 });
  for (const axis of result.axes) paragraph(doc, s.axis(axis.name, score(axis.score), score(axis.coverage)), { indent: 10, gap: 0.2 });
}

function sheetDates(sheet: SnapshotInitiative): string {
  const d = m.sheets.dates;
  if (sheet.startDate && sheet.endDate) return d.fromTo(formatDate(sheet.startDate), formatDate(sheet.endDate));
  if (sheet.startDate) return d.from(formatDate(sheet.startDate));
  if (sheet.endDate) return d.until(formatDate(sheet.endDate));
  return d.none;
}

function sheets(doc: Doc, list: readonly SnapshotInitiative[]) {
  const s = m.sheets;
  sectionTitle(doc, s.title(list.length));
  if (list.length === 0) paragraph(doc, s.none);
  list.forEach((sheet, index) => {
    keepRoom(doc, 110);
    if (index > 0) doc.moveDown(0.6);
    paragraph(doc, `${index + 1}. ${sheet.title}`, { size: 12.5, bold: true, gap: 0.2 });
    paragraph(doc, `${s.status(initiativeMessages.statuses[sheet.status])} — ${sheetDates(sheet)}`, { color: MUTED, gap: 0.15 });
    paragraph(doc, `${s.eligibility}${sheet.eligibility.reason}`, { color: MUTED, size: 9.5, gap: sheet.visibility === 'draft' ? 0.15 : 0.4 });
    if (sheet.visibility === 'draft') paragraph(doc, s.draft, { color: MUTED, size: 9.5, gap: 0.4 });
    if (sheet.summary) paragraph(doc, sheet.summary, { bold: true, gap: 0.4 });
    for (const block of markdownBlocks(sheet.description)) {
      if (block.kind === 'heading') paragraph(doc, block.text, { bold: true, gap: 0.2 });
      else if (block.kind === 'item') paragraph(doc, block.marker ? `${block.marker} ${block.text}` : block.text, { indent: 12 + 12 * block.depth, gap: 0.15 });
      else paragraph(doc, block.text, { gap: 0.35 });
    }
    if (sheet.indicators.length) {
      doc.moveDown(0.2);
      paragraph(doc, s.indicators, { bold: true, gap: 0.15 });
      for (const i of sheet.indicators) {
        paragraph(doc, `• ${s.indicator(i.label, formatNumber(i.value), i.unit, i.date ? formatDate(i.date) : null)}`, { indent: 12, gap: 0.15 });
      }
    }
    if (sheet.links.length) {
      doc.moveDown(0.2);
      paragraph(doc, s.links, { bold: true, gap: 0.15 });
      for (const link of sheet.links) paragraph(doc, `• ${link.label} : ${link.url}`, { indent: 12, gap: 0.15 });
    }
  });
}

function questions(doc: Doc, title: string, list: readonly Question[], answers: Answers) {
  sectionTitle(doc, title);
  for (const question of list) {
    keepRoom(doc, 50);
    paragraph(doc, question.label, { bold: true, gap: 0.15 });
    const answer = answerText(question, answers[question.id]);
    paragraph(doc, answer ?? m.questionnaire.unanswered, { color: answer ? INK : MUTED, indent: 12, gap: 0.5 });
  }
}

const PHOTO_MAX_WIDTH = 260;
const PHOTO_MAX_HEIGHT = 200;

/** The photo within 260 × 200 points, on this page if it fits; its description follows as a caption. */
function interviewPhoto(doc: Doc, photo: DossierPhoto) {
  const scale = Math.min(PHOTO_MAX_WIDTH / photo.width, PHOTO_MAX_HEIGHT / photo.height, 1);
  const w = photo.width * scale;
  const h = photo.height * scale;
  keepRoom(doc, h + 30);
  const y = doc.y + 4;
  doc.image(photo.data, doc.page.margins.left, y, { width: w, height: h });
  doc.y = y + h + 6;
}

function contacts(doc: Doc, value: ApplicationSnapshot['content']['contacts']) {
  sectionTitle(doc, m.contacts.title);
  const person = (label: string, p: ContactPerson | undefined) => {
    keepRoom(doc, 70);
    paragraph(doc, label, { bold: true, gap: 0.15 });
    const fields = (['name', 'role', 'email', 'phone'] as const).flatMap((field) => {
      const text = p?.[field];
      return text ? [{ field, text }] : [];
    });
    if (!fields.length) paragraph(doc, m.contacts.none, { color: MUTED, indent: 12 });
    for (const { field, text } of fields) labelled(doc, contactLabels.fields[field], text, 12);
    doc.moveDown(0.3);
  };
  person(contactLabels.elected, value.elected);
  person(contactLabels.agent, value.agent);
}

/** « Candidature 2027 de Trélazé — page 2 sur 5 » at the foot of every page. */
function footers(doc: Doc, name: string, year: number) {
  writePageFooters(doc, {
    text: (page, count) => pdfSafe(m.footer(name, year, page, count)),
    x: doc.page.margins.left,
    y: doc.page.height - MARGIN,
    width: width(doc),
    size: 8.5,
    color: MUTED,
    align: 'center',
  });
}
