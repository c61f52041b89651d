// Stored XSS: the payloads of test/support/xss-payloads.ts are stored, through the API and the
// forms, in every text field the zod schemas of a sheet, an actor and a member’s invitation name
// (and in a token’s name, a photo’s alt, a moderation reason, a service of the referential), then
// every page of the route table that can show them is opened in Chromium with the Content-Security-
// Policy ignored (escaping must hold on its own), a binding `__xss`, dialog and console hooks, and a
// look at the DOM for event handlers and script URLs. The Atom feed’s HTML is rendered the same way;
// the feed and the open-data exports are checked to be served as what they are, never as HTML.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { createApiToken } from '../../src/modules/accounts/api-tokens.service.ts';
import { memberInviteInput } from '../../src/modules/accounts/account-input.ts';
import { can, type Person } from '../../src/modules/accounts/permissions.rules.ts';
import { isRoutePermission } from '../../src/modules/accounts/route-permission.ts';
import { actorInput } from '../../src/modules/actors/actors.service.ts';
import { createInitiativeInput } from '../../src/modules/initiatives/initiative-input.ts';
import { getCurrentReferential } from '../../src/modules/referential/referential.service.ts';
import { createActiveUser, logIn } from '../support/accounts.ts';
import { skipWithoutBrowser, useBrowser } from '../support/browser.ts';
import { pngPhoto } from '../support/browser-initiatives.ts';
import { textFieldsOfSchema } from '../support/hostile-input.ts';
import { csrfTokenOf, decodeEntities, TestBrowser, type Page as Answer } from '../support/http-client.ts';
import { LEAVE_REQUESTS, TRELAZE } from '../support/initiatives-fixture.ts';
import { BOUNDARY, EXAMPLES, multipart, routeKey, type Ids } from '../support/route-examples.ts';
import { useTestServer } from '../support/test-server.ts';
import { XSS_PAYLOADS } from '../support/xss-payloads.ts';

type Role = 'anonymous' | 'admin' | 'referent';
const EMAILS = { admin: 'admin@label.example.fr', referent: 'referente@trelaze.example.fr' } as const;
const PEOPLE: Record<'admin' | 'referent', Person> = {
  admin: { id: 'admin', role: 'admin' },
  referent: { id: 'referent', role: 'member', memberships: [{ territoryCode: TRELAZE, role: 'referent' }] },
};
const DRAFT = '2028';

/** The payloads in turn, again from the first when all are used: several per record, in different fields. */
function payloadCycle() {
  let i = 0;
  return () => XSS_PAYLOADS[i++ % XSS_PAYLOADS.length]!.text;
}

/** What the DOM holds that only an injection would put there: handlers, script URLs, foreign scripts, frames. */
const auditDom = () => {
  const found: string[] = [];
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster'];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`<${tag} ${name}>`);
      if (name === 'srcdoc') found.push(`<${tag} srcdoc>`);
      if (urlAttributes.includes(name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(attr.value.replace(/[\s\u0000-\u001f]/g, ''))) {
        found.push(`<${tag} ${name}="${attr.value.slice(0, 40)}">`);
      }
    }
    if (tag === 'script' && !(el.getAttribute('src') ?? '').startsWith('/static/') && el.getAttribute('type') !== 'application/json')
      found.push('<script> inline');
    if (['iframe', 'object', 'embed', 'base', 'frameset', 'frame'].includes(tag)) found.push(`<${tag}>`);
    if (tag === 'meta' && el.getAttribute('http-equiv')) found.push('<meta http-equiv>');
  }
  return found;
};

describe('stored XSS: the payloads stored in every text field never run (Chromium)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  const executions: string[] = [];
  const injected: string[] = [];
  const stored: string[] = [];
  const ids = {} as Ids;
  const tokens = {} as Record<'admin' | 'referent', string>;
  const sessions = {} as Record<Role, TestBrowser>;
  const pages = {} as Record<Role, Page>;
  let draftServiceId = '';
  let importPath = '';

  const api = (method: 'POST' | 'PATCH', path: string, body: string | Buffer, contentType = 'application/json') =>
    new TestBrowser(server.app).request(method, path, body, { authorization: `Bearer ${tokens.referent}`, 'content-type': contentType });

  /**
   * Sends a body with payloads in the given text fields; a field the route refuses (its length, its
   * format: a URL, an e-mail) gets a short payload, then is left out. Records what was stored.
   */
  async function storeWith(what: string, fields: string[], base: Record<string, unknown>, send: (body: Record<string, unknown>) => Promise<Answer>) {
    const next = payloadCycle();
    const shortPayload = () => `<b onmouseover=__xss(0)>${what}</b>`;
    const values = new Map(fields.map((field) => [field, next()]));
    let last = '';
    for (let attempt = 0; attempt < 5; attempt++) {
      const body = structuredClone(base);
      for (const [field, value] of values) setPath(body, field, value);
      const res = await send(body);
      if (res.status < 300) {
        stored.push(...[...values.keys()].map((field) => `${what}.${field}`));
        return res;
      }
      last = res.body.slice(0, 600);
      const refused = Object.keys((res.json() as { fields?: Record<string, string> }).fields ?? {});
      assert.ok(refused.length > 0, `${what}: ${res.status} ${res.body.slice(0, 300)}`);
      for (const field of refused) {
        const isAddress = field.toLowerCase().includes('url') || field === 'website';
        if (attempt === 0) values.set(field, isAddress ? `https://exemple.fr/?q="><svg onload=__xss(0)>` : shortPayload());
        // An address the rule refuses with a payload is still required: a plain one takes its place.
        else if (isAddress) values.set(field, 'https://exemple.fr/');
        else values.delete(field);
      }
    }
    assert.fail(`${what}: never stored (${last})`);
  }

  before(async () => {
    const db = server.db;
    await getCurrentReferential(db);
    const admin = await createActiveUser(db, { email: EMAILS.admin, role: 'admin', displayName: XSS_PAYLOADS[0]!.text });
    const referent = await createActiveUser(db, {
      email: EMAILS.referent,
      role: 'member',
      territoryCode: TRELAZE,
      territoryRole: 'referent',
      displayName: XSS_PAYLOADS[1]!.text,
    });
    const contributor = await createActiveUser(db, {
      email: 'contributeur@trelaze.example.fr',
      role: 'member',
      territoryCode: TRELAZE,
      territoryRole: 'contributor',
    });
    ids.contributor = contributor.id;
    tokens.admin = (await createApiToken(db, admin.id, 'tests')).token;
    tokens.referent = (await createApiToken(db, referent.id, 'tests')).token;
    sessions.anonymous = new TestBrowser(server.app);
    for (const role of ['admin', 'referent'] as const) {
      sessions[role] = new TestBrowser(server.app);
      await logIn(sessions[role], EMAILS[role]);
    }

    // Actors, sheets: every text field their zod schemas read.
    const actorFields = textFieldsOfSchema(actorInput);
    const actors: string[] = [];
    for (const i of [0, 1]) {
      const res = await storeWith('actor', actorFields, { kind: 'association' }, (body) =>
        api('POST', '/api/v1/actors', JSON.stringify({ ...body, name: `${body.name} ${i}` })),
      );
      actors.push(res.json().actor.id);
    }
    const rows = (n: number, fields: string[]) => Array.from({ length: n }, (_, i) => fields.map((field) => field.replace('.0.', `.${i}.`))).flat();
    const sheetFields = textFieldsOfSchema(createInitiativeInput).filter((f) => !f.startsWith('territoryCode') && !f.startsWith('serviceIds'));
    const listFields = sheetFields.filter((f) => f.includes('.0.'));
    const sheets: string[] = [];
    for (const i of [0, 1, 2]) {
      const fields = [...sheetFields.filter((f) => !f.includes('.0.')), ...rows(4, listFields)];
      const base = {
        ...LEAVE_REQUESTS,
        actorIds: actors,
        visibility: 'public',
        indicators: Array.from({ length: 4 }, () => ({ value: 1 })),
        links: [{}, {}, {}, {}],
      };
      const res = await storeWith(`sheet${i}`, fields, base, (body) =>
        api('POST', '/api/v1/initiatives', JSON.stringify({ ...body, description: XSS_PAYLOADS.map((p) => p.text).join('\n\n') })),
      );
      sheets.push(res.json().id);
    }
    ids.sheet = sheets[0] ?? '';
    ids.actor = actors[0] ?? '';
    const uploaded = await api(
      'POST',
      `/api/v1/initiatives/${ids.sheet}/photos`,
      multipartWithAlt(await pngPhoto(), XSS_PAYLOADS[2]!.text),
      `multipart/form-data; boundary=${BOUNDARY}`,
    );
    assert.equal(uploaded.status, 201, uploaded.body);
    ids.photo = uploaded.json().photos[0].id;

    // Through the forms: a sheet with a new actor, an invitation, a token, a moderation, the referential.
    const referentForm = (page: string, fields: Record<string, string | string[]>, action?: string) =>
      sessions.referent.submit(page, fields, action ? { action } : {});
    const created = await referentForm(
      `/espace/${TRELAZE}/initiatives/nouvelle`,
      {
        title: XSS_PAYLOADS[3]!.text,
        summary: XSS_PAYLOADS[4]!.text,
        status: 'in_progress',
        serviceIds: ['dematerialisation-rh'],
        newActorName: `${XSS_PAYLOADS[5]!.text} asso`,
        newActorKind: 'association',
        intent: 'publish',
      },
      `/espace/${TRELAZE}/initiatives`,
    );
    assert.equal(created.status, 303, created.body.slice(0, 400));
    stored.push('form.sheet.title', 'form.sheet.summary', 'form.newActorName');
    const invited = await referentForm(
      `/espace/${TRELAZE}/membres`,
      { email: 'invitee@trelaze.example.fr', displayName: XSS_PAYLOADS[6]!.text, role: 'contributor' },
      `/espace/${TRELAZE}/membres`,
    );
    assert.ok(invited.status < 400, invited.body.slice(0, 400));
    stored.push(
      ...textFieldsOfSchema(memberInviteInput)
        .filter((f) => f !== 'email')
        .map((f) => `invitation.${f}`),
    );
    const token = await referentForm('/compte', { name: XSS_PAYLOADS[7]!.text.slice(0, 80) }, '/compte/jetons');
    assert.ok(token.status < 400, token.body.slice(0, 400));
    const moderated = await sessions.admin.submit(
      `/initiatives/${sheets[2]}`,
      { reason: XSS_PAYLOADS[8]!.text },
      { action: `/initiatives/${sheets[2]}/moderation` },
    );
    assert.equal(moderated.status, 303, moderated.body.slice(0, 400));
    const draft = await sessions.admin.submit('/admin/referentiel', { version: DRAFT }, { action: '/admin/referentiel' });
    assert.equal(draft.status, 303, draft.body.slice(0, 400));
    draftServiceId = 'dematerialisation-rh';
    const renamed = await sessions.admin.submit(
      `/admin/referentiel/${DRAFT}`,
      { name: XSS_PAYLOADS[9]!.text, description: XSS_PAYLOADS[10]!.text },
      { action: `/admin/referentiel/${DRAFT}/services/${draftServiceId}/renommer` },
    );
    assert.equal(renamed.status, 303, renamed.body.slice(0, 400));
    stored.push('token.name', 'moderation.reason', 'service.name', 'service.description', 'photo.alt');
    // A palmarès to import: the names it cannot match, and the file’s name, are shown to the administrator.
    const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const csv = [
      'Année;Collectivité;Département;Niveau;Distinctions',
      ...XSS_PAYLOADS.slice(11, 15).map((p) => `2008;${quoted(p.text)};49;3;${quoted(p.text)}`),
    ];
    const imports = await sessions.admin.get('/admin/palmares');
    const upload = await sessions.admin.upload(
      '/admin/palmares/imports',
      { _csrf: csrfTokenOf(imports.body) },
      { field: 'file', filename: '<img src=x onerror=__xss(0)>.csv', contentType: 'text/csv', data: Buffer.from(csv.join('\n')) },
    );
    assert.equal(upload.status, 303, upload.body.slice(0, 400));
    importPath = upload.location ?? '';
    stored.push('import.name', 'import.distinctions', 'import.filename');

    // One browser context per role, the CSP ignored, and the hooks a payload would trip.
    for (const role of ['anonymous', 'admin', 'referent'] as const) {
      const page = await browser.newPage({ bypassCSP: true });
      const context: BrowserContext = page.context();
      await context.exposeBinding('__xss', ({ frame }, n: unknown) => executions.push(`${role} ${frame.url()} : __xss(${String(n)})`));
      page.on('dialog', (dialog) => {
        executions.push(`${role} ${page.url()} : ${dialog.type()}(${dialog.message()})`);
        void dialog.dismiss();
      });
      page.on('console', (message) => {
        if (message.text().includes('__xss:')) executions.push(`${role} ${page.url()} : console ${message.text()}`);
      });
      const cookies = [...sessions[role].cookies.values()].map((c) => ({ name: c.name, value: c.value, url: server.url }));
      if (cookies.length) await context.addCookies(cookies);
      pages[role] = page;
    }
  });

  /** Who opens a page: a visitor for public ones, else the administrator or the referent, whoever may. */
  function roleFor(permission: unknown): Role {
    if (!isRoutePermission(permission) || permission === 'public') return 'anonymous';
    return can(PEOPLE.admin, permission, { territoryCode: TRELAZE }) ? 'admin' : 'referent';
  }

  /** Opens a page in Chromium, waits for it to settle, and lists what only an injection would leave. */
  async function visit(role: Role, path: string): Promise<string> {
    const page = pages[role];
    await page.goto(server.url + path, { waitUntil: 'load' });
    // Handlers that need a focus or a pointer: the audit sees them without triggering them.
    for (const found of await page.evaluate(auditDom)) injected.push(`${role} ${path} : ${found}`);
    return page.evaluate(() => (document.body ?? document.documentElement).textContent ?? '');
  }

  test('the hooks see a payload that runs, and the audit one that waits for a pointer (the test can fail)', async () => {
    const page = pages.anonymous;
    await page.goto('about:blank');
    await page.setContent(`${XSS_PAYLOADS[1]!.text}${XSS_PAYLOADS[62]!.text}<a href="javascript:void 0" onmouseover="x()">a</a>`);
    await page.waitForFunction(() => document.readyState === 'complete');
    const audit = await page.evaluate(auditDom);
    assert.ok(executions.some((e) => e.includes('__xss(2)')) || executions.some((e) => e.includes('alert')), executions.join(', '));
    assert.ok(audit.includes('<img onerror>') && audit.includes('<a onmouseover>') && audit.some((a) => a.startsWith('<a href=')), audit.join(', '));
    executions.length = 0;
  });

  test(`${XSS_PAYLOADS.length} payloads stored in every text field, every page showing them opened: none runs, none injects markup`, async () => {
    assert.ok(XSS_PAYLOADS.length >= 60);
    const routes = server.app.routeTable.filter((r) => r.method === 'GET' && !r.url.startsWith('/static/'));
    const extra = [
      importPath,
      `/admin/referentiel/${DRAFT}`,
      `/initiatives?q=${encodeURIComponent('lien')}`,
      `/acteurs?q=asso`,
      `/espace/${TRELAZE}/initiatives/${ids.sheet}`,
    ];
    const opened: string[] = [];
    const shown: string[] = [];
    const skipped: string[] = [];
    for (const target of [...routes.map((r) => ({ url: r.url, permission: r.config.permission })), ...extra.map((url) => ({ url, permission: 'page' }))]) {
      const values = EXAMPLES[target.url]?.(ids) ?? {};
      const path = target.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? 'exemple'));
      const role =
        target.permission === 'page'
          ? path.startsWith('/admin')
            ? 'admin'
            : path.startsWith('/espace')
              ? 'referent'
              : 'anonymous'
          : roleFor(target.permission);
      const answer = await sessions[role].get(path);
      const type = String(answer.headers['content-type'] ?? '');
      if (answer.status !== 200) {
        skipped.push(`${path} ${answer.status}`);
        continue;
      }
      if (!type.startsWith('text/html') && !type.startsWith('image/svg')) {
        // Not a page: never sniffed as one.
        assert.equal(answer.headers['x-content-type-options'], 'nosniff', `${path} (${type})`);
        continue;
      }
      opened.push(path);
      const text = await visit(role, path);
      if (text.includes('__xss(')) shown.push(path);
    }
    assert.deepEqual(executions, []);
    assert.deepEqual(injected, []);
    // The payloads reached the pages, as text: the test looked at something.
    for (const path of [
      `/initiatives/${ids.sheet}`,
      '/initiatives',
      `/acteurs/${ids.actor}`,
      `/espace/${TRELAZE}/membres`,
      '/compte',
      `/admin/referentiel/${DRAFT}`,
      importPath,
    ]) {
      assert.ok(shown.includes(path), `${path} does not show the payloads (opened: ${opened.length})`);
    }
    assert.ok(stored.length >= 20, stored.join(', '));
    console.log(
      `stored XSS: ${XSS_PAYLOADS.length} payloads in ${stored.length} fields, ${opened.length} pages opened (${shown.length} show them), not opened: ${skipped.join(', ')}`,
    );
  });

  test('the Atom feed is XML whose HTML content never runs nor injects markup', async () => {
    const feed = await sessions.anonymous.get('/feeds/initiatives.atom');
    assert.equal(feed.status, 200);
    assert.match(String(feed.headers['content-type']), /^application\/atom\+xml/);
    assert.equal(feed.headers['x-content-type-options'], 'nosniff');
    assert.ok(feed.body.includes('__xss('), 'the feed carries the payloads');
    // Raw markup in the XML would be an element, not text: every < of a payload is escaped.
    assert.doesNotMatch(feed.body, /<(script|img|svg|iframe)\b/i);
    const htmls = [...feed.body.matchAll(/<(content|summary|title)\b[^>]*type="html"[^>]*>([\s\S]*?)<\/\1>/g)].map((m) =>
      decodeEntities(m[2]!.replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d)))),
    );
    await pages.anonymous.goto('about:blank');
    for (const html of htmls) {
      await pages.anonymous.setContent(html);
      for (const found of await pages.anonymous.evaluate(auditDom)) injected.push(`feed : ${found}`);
    }
    assert.deepEqual(executions, []);
    assert.deepEqual(injected, []);
  });

  test('the open-data exports are served as data, never as a page', async () => {
    let carrying = 0;
    const exports = server.app.routeTable.filter((r) => r.method === 'GET' && /^\/open-data\/.+\.\w+$/.test(r.url)).map(routeKey);
    assert.ok(exports.length >= 3, exports.join(', '));
    for (const key of exports) {
      const path = key.split(' ')[1] ?? '';
      const answer = await sessions.anonymous.get(path);
      assert.equal(answer.status, 200, path);
      const type = String(answer.headers['content-type']);
      assert.doesNotMatch(type, /text\/html|xhtml|text\/xml|svg/, `${path}: ${type}`);
      assert.equal(answer.headers['x-content-type-options'], 'nosniff', path);
      if (type.startsWith('application/json') && JSON.stringify(JSON.parse(answer.body)).includes('__xss(')) carrying++;
    }
    assert.ok(carrying > 0, 'an export carries the payloads');
  });
});

function multipartWithAlt(png: Buffer, alt: string): Buffer {
  const text = Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="alt"\r\n\r\n${alt}\r\n`);
  return Buffer.concat([text, multipart('photo', png)]);
}

/** Sets a dotted path (`links.2.url`) of a JSON body, creating the lists and objects on the way. */
function setPath(body: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let target = body as Record<string, unknown>;
  keys.slice(0, -1).forEach((key, i) => {
    if (typeof target[key] !== 'object' || target[key] === null) target[key] = /^\d+$/.test(keys[i + 1] ?? '') ? [] : {};
    target = target[key] as Record<string, unknown>;
  });
  target[keys.at(-1) ?? path] = value;
}
