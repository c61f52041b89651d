// Browser tests: Debian's Chromium driven by playwright-core, accessibility checked with axe-core.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium to drive: `CHROMIUM_PATH` if set, else Debian's (never a browser downloaded by Playwright). */
export const chromiumPath: string | null = process.env.CHROMIUM_PATH
  ? existsSync(process.env.CHROMIUM_PATH)
    ? process.env.CHROMIUM_PATH
    : null
  : (CANDIDATES.find((path) => existsSync(path)) ?? null);

const isCi = process.env.CI === 'true';
const installHint = `Chromium est introuvable (${process.env.CHROMIUM_PATH || CANDIDATES[0]}) : installez-le avec « sudo apt-get install chromium » pour lancer les tests dans le navigateur.`;

/**
 * The `skip` option of a browser test suite: the install hint when Chromium is missing, so the
 * suite is reported as skipped. Under `CI=true` a missing browser is never skipped: the suite runs
 * and fails (see `useBrowser`).
 */
export const skipWithoutBrowser: string | false = !chromiumPath && !isCi ? installHint : false;
if (skipWithoutBrowser) console.warn(`⚠ ${skipWithoutBrowser}`);

const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export type PageOptions = {
  /** false to browse as a visitor with JavaScript turned off. Default true. */
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
  /** true to ignore the pages' Content-Security-Policy: what escaping alone does, without CSP as a second wall. */
  bypassCSP?: boolean;
};

export type BrowserHandle = {
  /** A page in a fresh context (its own cookies), closed with the browser at the end of the file. */
  newPage(options?: PageOptions): Promise<Page>;
};

/** One browser for the test file: launched before its tests, closed after them. Call inside a `describe`. */
export function useBrowser(): BrowserHandle {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  before(async () => {
    if (!chromiumPath) throw new Error(`${installHint} (CI=true : le navigateur est obligatoire)`);
    browser = await chromium.launch({ executablePath: chromiumPath, args: LAUNCH_ARGS, timeout: 30_000 });
  });
  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
  });
  return {
    async newPage(options = {}) {
      if (!browser) throw new Error('Le navigateur n’est pas lancé.');
      const context = await browser.newContext({
        javaScriptEnabled: options.javaScriptEnabled ?? true,
        viewport: options.viewport ?? { width: 1280, height: 900 },
        locale: 'fr-FR',
        // As a person who asked their system for less motion: no smooth scrolling to wait for at each Tab
        // (the stylesheet honours the preference), the focus checks unchanged.
        reducedMotion: 'reduce',
        bypassCSP: options.bypassCSP ?? false,
      });
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      return context.newPage();
    },
  };
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page; fails with one readable line per problem.
 * In the page's own frame (legacy mode): our pages have no frames, and the default mode opens a blank
 * page per run to gather the frames' results (about 0.6 s each time, most of the browser tests' time).
 * Only the violations are gathered: the other results' details are not read. (`options` replaces what
 * `withTags` would set: the rules are chosen there.)
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .options({ runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] })
    .setLegacyMode()
    .analyze();
  if (violations.length === 0) return;
  const lines = violations.flatMap((v) =>
    v.nodes.map((node) => `  - ${v.id} [${v.impact ?? 'n/a'}] ${node.target.map(String).join(' ')} — ${v.help} (${v.helpUrl})`),
  );
  assert.fail(`${violations.length} règle(s) axe non respectée(s) sur ${page.url()} :\n${lines.join('\n')}`);
}

/**
 * What every page must have: `lang="fr"`, a title, exactly one h1, a skip link first in the tab
 * order whose target exists, in-page links that lead somewhere, and no horizontal scroll at 320 px.
 * Leaves the viewport at 320 px wide.
 */
export async function expectPageStructure(page: Page): Promise<void> {
  const where = page.url();
  const facts = await page.evaluate(() => {
    const skip = document.querySelector<HTMLAnchorElement>('a.skip-link');
    const focusable = document.querySelector<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])');
    const brokenAnchors = [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')]
      .map((a) => a.getAttribute('href')!)
      .filter((href) => href.length > 1 && !document.getElementById(decodeURIComponent(href.slice(1))));
    return {
      lang: document.documentElement.getAttribute('lang'),
      title: document.title.trim(),
      h1: [...document.querySelectorAll('h1')].map((h) => h.textContent?.trim() ?? ''),
      skipHref: skip?.getAttribute('href') ?? null,
      skipTarget: !!skip && !!document.getElementById((skip.getAttribute('href') ?? '').slice(1)),
      skipFirst: !!skip && focusable === skip,
      brokenAnchors,
    };
  });
  assert.equal(facts.lang, 'fr', `${where} : <html lang="fr"> attendu`);
  assert.ok(facts.title.length > 0, `${where} : <title> vide`);
  assert.equal(facts.h1.length, 1, `${where} : un seul <h1> attendu, trouvé ${JSON.stringify(facts.h1)}`);
  assert.ok(facts.h1[0]!.length > 0, `${where} : <h1> vide`);
  assert.ok(facts.skipHref, `${where} : lien d’évitement (a.skip-link) absent`);
  assert.ok(facts.skipTarget, `${where} : la cible du lien d’évitement ${facts.skipHref} n’existe pas`);
  assert.ok(facts.skipFirst, `${where} : le lien d’évitement doit être le premier élément atteint au clavier`);
  assert.deepEqual(facts.brokenAnchors, [], `${where} : liens internes sans cible`);

  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.scrollWidth;
    // Name the widest culprits to make a failure actionable.
    const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > 320.5 && (el.parentElement?.getBoundingClientRect().right ?? 0) <= 320.5)
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} (${Math.round(el.getBoundingClientRect().right)} px)`,
      );
    return { width, culprits };
  });
  assert.ok(overflow.width <= 320, `${where} : défilement horizontal à 320 px (largeur ${overflow.width} px) ; dépassent : ${overflow.culprits.join(', ')}`);
}

export type FocusedElement = { description: string; visible: boolean; focusVisible: boolean; indicator: boolean };
type FocusStep = FocusedElement & { matches: boolean };

/**
 * In the page: the focused element, whether it shows a focus indicator (outline or box-shadow) and
 * matches `selector`. Synchronous: with JavaScript turned off the page runs no timer nor animation
 * frame, so waiting is done from the test (see focusStep).
 */
function focusStepInPage(args: { selector: string | null }): FocusStep {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return { description: 'body', visible: false, focusVisible: false, indicator: false, matches: false };
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  // A date or time field takes the keyboard in its inner parts: the segments (the field matches
  // :focus-visible and draws its ring) and the calendar button, which Chromium rings itself while
  // the field no longer matches :focus (looked at on a screenshot). The DOM cannot see that ring.
  const dateField = el instanceof HTMLInputElement && /^(date|datetime-local|time|month|week)$/.test(el.type);
  const outline = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || dateField;
  const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
  const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
  const id = el.id ? `#${el.id}` : '';
  return {
    description: `${el.tagName.toLowerCase()}${id}${name ? ` « ${name} »` : ''}`,
    visible: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.left < innerWidth && rect.top < innerHeight,
    focusVisible: el.matches(':focus-visible') || dateField,
    indicator: outline || shadow,
    matches: args.selector !== null && el.matches(args.selector),
  };
}

/**
 * The focused element's facts, once it is on screen: with smooth scrolling a focused element scrolls
 * into view over a few frames; it gets 1.5 s. One round trip when it is there at once (the usual case).
 */
async function focusStep(page: Page, selector: string | null): Promise<FocusStep> {
  const until = Date.now() + 1500;
  for (;;) {
    const step = await page.evaluate(focusStepInPage, { selector });
    if (step.visible || step.description === 'body' || Date.now() >= until) return step;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The element that has the focus, and whether it shows a focus indicator (outline or box-shadow). */
export async function focusedElement(page: Page): Promise<FocusedElement> {
  const { matches: _, ...focused } = await page.evaluate(focusStepInPage, { selector: null });
  return focused;
}

function assertVisibleFocus(where: string, focused: FocusedElement): void {
  assert.ok(focused.visible, `${where} : l’élément qui a le focus (${focused.description}) n’est pas visible à l’écran`);
  assert.ok(focused.focusVisible, `${where} : ${focused.description} a le focus mais pas :focus-visible`);
  assert.ok(focused.indicator, `${where} : ${focused.description} n’a ni contour (outline) ni ombre (box-shadow) quand il a le focus`);
}

/** Fails unless the focused element is on screen and shows a focus indicator under :focus-visible. */
export async function expectVisibleFocus(page: Page): Promise<void> {
  assertVisibleFocus(page.url(), await focusStep(page, null));
}

/**
 * Presses Tab (only the keyboard) until the focused element matches the selector, checking on the
 * way that each focused element shows a visible focus. Fails after `max` presses, listing the path.
 */
export async function tabTo(page: Page, selector: string, max = 40): Promise<void> {
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const step = await focusStep(page, selector);
    assertVisibleFocus(page.url(), step);
    if (step.matches) return;
    path.push(step.description);
  }
  assert.fail(`${page.url()} : ${selector} non atteint après ${max} appuis sur Tab ; parcours : ${path.join(' → ')}`);
}
