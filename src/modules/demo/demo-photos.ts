import { loadSharp } from '../../platform/images/photo-processing.ts';

/**
 * The demo sheets' photos, drawn at seed time (no network, nothing shipped): flat illustrations
 * written as SVG and rasterised to PNG by sharp, then stored through the photo service as an upload
 * would be (checked, resized, turned to WebP with its thumbnail).
 */

export const DEMO_DRAWINGS = ['computers', 'smartphones', 'festival', 'classroom', 'network'] as const;
export type DemoDrawing = (typeof DEMO_DRAWINGS)[number];

const WIDTH = 960;
const HEIGHT = 640;

/** A laptop at (x, y), `w` wide: screen, keyboard base and a label on the screen. */
const laptop = (x: number, y: number, w: number, screen: string) => {
  const h = w * 0.62;
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="10" fill="#2b2f3a"/>
    <rect x="${x + 12}" y="${y + 12}" width="${w - 24}" height="${h - 24}" rx="4" fill="${screen}"/>
    <path d="M${x - 30} ${y + h + 6} h${w + 60} l-20 24 h-${w + 20} z" fill="#5b6170"/>`;
};

const DRAWINGS: Record<DemoDrawing, () => string> = {
  // Refurbished computers lined up on a table, a green check on each screen.
  computers: () => `
    <rect width="${WIDTH}" height="${HEIGHT}" fill="#e8f1ec"/>
    <rect y="470" width="${WIDTH}" height="170" fill="#b98b5e"/>
    ${(
      [
        [70, '#9fd3b4'],
        [370, '#a9c7e8'],
        [670, '#f3d98b'],
      ] as const
    )
      .map(([x, screen], i) => laptop(x, 260 - i * 10, 220, screen))
      .join('')}
    ${[180, 480, 780].map((cx, i) => `<path d="M${cx - 40} ${325 - i * 10} l28 28 l52 -60" stroke="#1f7a4d" stroke-width="16" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`).join('')}
    <circle cx="820" cy="110" r="60" fill="#f6c445"/>`,
  // A collection box in a town hall, smartphones falling into it.
  smartphones: () => `
    <rect width="${WIDTH}" height="${HEIGHT}" fill="#eef0f7"/>
    <rect y="520" width="${WIDTH}" height="120" fill="#c9ccd8"/>
    <rect x="330" y="280" width="300" height="260" rx="16" fill="#2e7d5b"/>
    <rect x="400" y="300" width="160" height="18" rx="9" fill="#1b4d38"/>
    <path d="M420 420 l30 -40 l30 40 M450 380 v70" stroke="#fff" stroke-width="14" fill="none" stroke-linecap="round"/>
    ${(
      [
        [380, 90, -15],
        [500, 150, 10],
        [610, 70, 20],
      ] as const
    )
      .map(
        ([x, y, a]) =>
          `<g transform="rotate(${a} ${x + 35} ${y + 65})"><rect x="${x}" y="${y}" width="70" height="130" rx="12" fill="#1f2430"/><rect x="${x + 7}" y="${y + 14}" width="56" height="96" rx="4" fill="#7fb3e8"/></g>`,
      )
      .join('')}`,
  // A festival stage: lights, a screen and a crowd.
  festival: () => `
    <rect width="${WIDTH}" height="${HEIGHT}" fill="#2a1f4a"/>
    ${[120, 330, 630, 840].map((x) => `<path d="M${x} 0 L${x - 90} 420 H${x + 90} Z" fill="#f7d774" opacity="0.25"/>`).join('')}
    <rect x="230" y="120" width="500" height="280" rx="8" fill="#3f7fd9"/>
    <text x="480" y="285" font-family="sans-serif" font-size="96" font-weight="bold" text-anchor="middle" fill="#fff">@</text>
    ${Array.from({ length: 12 }, (_, i) => `<circle cx="${40 + i * 80}" cy="${560 + (i % 2) * 30}" r="46" fill="${['#e86a5c', '#f2b84b', '#6cc4a1', '#8f7be8'][i % 4]}"/>`).join('')}`,
  // A classroom: an interactive board showing a drawing, desks in front of it.
  classroom: () => `
    <rect width="${WIDTH}" height="${HEIGHT}" fill="#f5efe1"/>
    <rect x="180" y="70" width="600" height="340" rx="10" fill="#ffffff" stroke="#3b4a63" stroke-width="14"/>
    <path d="M240 340 q120 -220 240 -60 t240 -120" stroke="#e0673b" stroke-width="12" fill="none"/>
    <circle cx="650" cy="170" r="40" fill="#4a90d9"/>
    <rect x="430" y="20" width="100" height="36" rx="6" fill="#3b4a63"/>
    ${[100, 400, 700].map((x) => `<rect x="${x}" y="500" width="180" height="26" rx="6" fill="#a8754a"/><rect x="${x + 20}" y="526" width="16" height="90" fill="#7a5232"/><rect x="${x + 144}" y="526" width="16" height="90" fill="#7a5232"/>`).join('')}`,
  // Public buildings linked by fibre.
  network: () => `
    <rect width="${WIDTH}" height="${HEIGHT}" fill="#e6f2f7"/>
    <path d="M200 420 L480 250 L760 420 M480 250 L480 120" stroke="#ff8c2b" stroke-width="10" stroke-dasharray="24 14" fill="none"/>
    ${(
      [
        [120, 400],
        [400, 230],
        [680, 400],
      ] as const
    )
      .map(
        ([x, y]) =>
          `<rect x="${x}" y="${y}" width="160" height="150" fill="#5f7d95"/><path d="M${x - 10} ${y} L${x + 80} ${y - 60} L${x + 170} ${y} Z" fill="#3d566b"/><rect x="${x + 60}" y="${y + 80}" width="40" height="70" fill="#f2e6c9"/>`,
      )
      .join('')}
    <circle cx="480" cy="110" r="34" fill="#ff8c2b"/>
    <path d="M430 70 a70 70 0 0 1 100 0 M410 45 a100 100 0 0 1 140 0" stroke="#ff8c2b" stroke-width="10" fill="none" stroke-linecap="round"/>`,
};

/** The drawing as a PNG, the way a camera or a scanner would hand it over. */
export async function drawDemoPhoto(drawing: DemoDrawing): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${DRAWINGS[drawing]()}</svg>`;
  const sharp = await loadSharp();
  return sharp(Buffer.from(svg)).png().toBuffer();
}
