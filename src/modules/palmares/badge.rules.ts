/**
 * The embeddable badge of a territory: an SVG image of its latest published level, for its own
 * website. Pure: the text is measured by estimate (no font on the server) and escaped here. The
 * SVG is not a page that render.ts typesets: its texts get the same French typography here (« 5 @ »
 * never broken, ’ for ').
 */
import { createHash } from 'node:crypto';
import { estimateTextWidth } from '../../platform/views/chart-geometry.ts';
import { frenchTypography } from '../../platform/views/typography.ts';
import { labelHistoryMessages } from './label-history.messages.ts';
import { isLevel } from '../label/results.rules.ts';

const m = labelHistoryMessages.badge;

export const BADGE_HEIGHT = 56;
const FONT_FAMILY = "Verdana, 'DejaVu Sans', Geneva, 'Segoe UI', sans-serif";
/** Verdana and DejaVu Sans are wider than the sans-serif the estimate is tuned for. */
const WIDE_FONT = 1.12;
const MAX_NAME_WIDTH = 320;
const PADDING = 12;
const COLOURS = { brand: '#0a3d40', accent: '#f4b942', text: '#1b2326', white: '#ffffff', neutral: '#e4ecec', muted: '#4a565c' };

export type BadgeInput = {
  name: string;
  current: { year: number; level: number } | null;
  /** The label's name as its organiser writes it (the organisation's settings): in the accessible name. */
  labelName: string;
};

export type Badge = {
  width: number;
  height: number;
  /** The accessible name: <title>, aria-label, and the alt text of the <img> that shows it. */
  label: string;
  signs: string;
  /** Width of the left part, where the @ signs are. */
  signsWidth: number;
  headline: string;
  name: string;
  labelled: boolean;
};

/** What the badge says and how large it is, before drawing it (the page's HTML snippet needs the size). */
export function describeBadge(input: BadgeInput): Badge {
  const current = input.current && isLevel(input.current.level) ? input.current : null;
  const signs = current ? '@'.repeat(current.level) : '@';
  const headline = current
    ? frenchTypography(m.levelLine(current.level, current.year))
    : fitText(frenchTypography(m.neutralLine(input.labelName)), 14, MAX_NAME_WIDTH);
  const name = fitText(frenchTypography(input.name), 13, MAX_NAME_WIDTH);
  const signsWidth = Math.max(56, Math.ceil(signs.length * 20 * 0.95 * WIDE_FONT) + 2 * PADDING);
  const textWidth = Math.max(measure(headline, 14) * 1.06, measure(name, 13));
  return {
    width: Math.ceil(signsWidth + PADDING + textWidth + PADDING),
    height: BADGE_HEIGHT,
    label: frenchTypography(current ? m.alt(input.labelName, input.name, current.level, current.year) : m.neutralAlt(input.labelName, input.name)),
    signs,
    signsWidth,
    headline,
    name,
    labelled: current !== null,
  };
}

/** The SVG document of a badge: well-formed XML, every text escaped. */
export function renderBadgeSvg(badge: Badge): string {
  const { width, height, signsWidth } = badge;
  const left = badge.labelled ? { fill: COLOURS.brand, signs: COLOURS.accent } : { fill: COLOURS.neutral, signs: COLOURS.muted };
  const label = escapeXml(badge.label);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}">`,
    `<title>${label}</title>`,
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="6" fill="${COLOURS.white}" stroke="${COLOURS.brand}"/>`,
    `<path d="M6.5 0.5H${signsWidth}V${height - 0.5}H6.5A6 6 0 0 1 0.5 ${height - 6.5}V6.5A6 6 0 0 1 6.5 0.5Z" fill="${left.fill}" stroke="${COLOURS.brand}"/>`,
    `<g font-family="${escapeXml(FONT_FAMILY)}">`,
    `<text x="${signsWidth / 2}" y="35" text-anchor="middle" font-size="20" font-weight="700" fill="${left.signs}">${badge.signs}</text>`,
    `<text x="${signsWidth + PADDING}" y="24" font-size="14" font-weight="700" fill="${COLOURS.brand}">${escapeXml(badge.headline)}</text>`,
    `<text x="${signsWidth + PADDING}" y="43" font-size="13" fill="${COLOURS.text}">${escapeXml(badge.name)}</text>`,
    '</g>',
    '</svg>',
  ].join('');
}

/** A weak validator of a badge: the same SVG, the same ETag. */
export function badgeEtag(svg: string): string {
  return `W/"${createHash('sha256').update(svg).digest('base64url').slice(0, 27)}"`;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

function measure(text: string, fontSize: number): number {
  return estimateTextWidth(text, fontSize) * WIDE_FONT;
}

/** The text, shortened with an ellipsis when it would be wider than `maxWidth`. */
function fitText(text: string, fontSize: number, maxWidth: number): string {
  if (measure(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && measure(`${chars.join('').trimEnd()}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
