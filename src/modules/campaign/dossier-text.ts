/**
 * The texts of the dossier's PDF, pure: a description's Markdown as plain blocks, an answer as
 * French words (every text then made writable with the PDF's standard fonts by platform/pdf-text.ts).
 */
import MarkdownIt from 'markdown-it';
import type { AnswerValue, Question } from '../../platform/questionnaire/questionnaire.schema.ts';
import { formatNumber } from '../../platform/views/format.ts';
import { dossierMessages } from './dossier.messages.ts';

const m = dossierMessages.pdf;

/** One block of a description as plain text: a paragraph, a heading, or a list item with its marker. */
export type TextBlock = { kind: 'paragraph' | 'heading'; text: string } | { kind: 'item'; marker: string; depth: number; text: string };

const markdown = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: true });
markdown.disable(['table', 'strikethrough']);

type Token = ReturnType<typeof markdown.parse>[number];

/** The inline text of a token: emphasis dropped, a link's address after its text when it differs. */
function inlineText(children: readonly Token[]): string {
  let text = '';
  let href: string | null = null;
  let linkText = '';
  for (const child of children) {
    if (child.type === 'link_open') {
      href = String(child.attrGet('href') ?? '');
      linkText = '';
    } else if (child.type === 'link_close') {
      const shown = href && href.replace(/^mailto:/, '') !== linkText && !linkText.includes(href) ? ` (${href.replace(/^mailto:/, '')})` : '';
      text += shown;
      href = null;
    } else if (child.type === 'text' || child.type === 'code_inline') {
      text += child.content;
      if (href !== null) linkText += child.content;
    } else if (child.type === 'image') {
      text += child.content || String(child.attrGet('src') ?? '');
    } else if (child.type === 'softbreak' || child.type === 'hardbreak') {
      text += '\n';
    }
  }
  return text;
}

/** A description written in Markdown, as the blocks of plain text a PDF lays out. */
export function markdownBlocks(source: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let pendingMarker: { marker: string; depth: number } | null = null;
  let inHeading = false;
  for (const token of markdown.parse(source, {})) {
    switch (token.type) {
      case 'bullet_list_open':
        lists.push({ ordered: false, next: 1 });
        break;
      case 'ordered_list_open':
        lists.push({ ordered: true, next: Number(token.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists.at(-1);
        pendingMarker = { marker: list?.ordered ? `${list.next++}.` : '•', depth: Math.max(lists.length - 1, 0) };
        break;
      }
      case 'heading_open':
        inHeading = true;
        break;
      case 'heading_close':
        inHeading = false;
        break;
      case 'inline': {
        const text = inlineText(token.children ?? []).trim();
        if (!text) break;
        if (pendingMarker) {
          blocks.push({ kind: 'item', ...pendingMarker, text });
          pendingMarker = null;
        } else if (lists.length) {
          // A second paragraph of an item: under it, without a marker.
          blocks.push({ kind: 'item', marker: '', depth: lists.length - 1, text });
        } else blocks.push({ kind: inHeading ? 'heading' : 'paragraph', text });
        break;
      }
      case 'fence':
      case 'code_block':
        if (token.content.trim()) blocks.push({ kind: 'paragraph', text: token.content.replace(/\n+$/, '') });
        break;
    }
  }
  return blocks;
}

/** An answer as the dossier shows it: « Oui »/« Non », the options' labels, a number with its unit, the text. */
export function answerText(question: Question, value: AnswerValue | undefined): string | null {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  const label = (v: string) => question.options?.find((o) => o.value === v)?.label ?? v;
  switch (question.kind) {
    case 'yes_no':
      return value === 'yes' ? m.yes : value === 'no' ? m.no : String(value);
    case 'single_choice':
      return label(String(value));
    case 'multiple_choice':
      return (Array.isArray(value) ? value : [String(value)]).map(label).join(' ; ');
    case 'number': {
      if (typeof value !== 'number') return String(value);
      // A year (a question bounded within four digits, without unit) is written 2019, never « 2 019 ».
      const isYear = !question.unit && Number.isInteger(value) && (question.min ?? 0) >= 1000 && (question.max ?? Infinity) <= 9999;
      return isYear ? String(value) : `${formatNumber(value)}${question.unit ? ` ${question.unit}` : ''}`;
    }
    default:
      return Array.isArray(value) ? value.join(' ; ') : String(value);
  }
}
