import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/platform/db/database.ts';
import { desc, eq } from 'drizzle-orm';
import type { listOutbox } from '../../src/modules/notifications/outbox.service.ts';
import { outbox } from '../../src/modules/notifications/schema.ts';

/** A cookie as the server set it (raw value, as a browser keeps and sends it back). */
export type StoredCookie = {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
};

export type Page = {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  /** The Location header of a redirect. */
  location: string | undefined;
  /** Cookies set by this very response (including deletions). */
  setCookies: StoredCookie[];
  json<T = any>(): T;
};

let nextAddress = 1;

/**
 * A small browser over `app.inject`: keeps the cookies the server sets, and submits forms the way a
 * person does — open the page, take the hidden `_csrf` field of the form, post it urlencoded.
 * Each client comes from its own IP address, so per-address rate limits do not leak between tests.
 */
export class TestBrowser {
  readonly cookies = new Map<string, StoredCookie>();
  readonly remoteAddress: string;

  constructor(
    private readonly app: FastifyInstance,
    options: { remoteAddress?: string } = {},
  ) {
    const n = nextAddress++;
    this.remoteAddress = options.remoteAddress ?? `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  }

  /** The value of a cookie in the jar (raw, as sent back to the server). */
  cookie(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, { name, value, attributes: {} });
  }

  clearCookies() {
    this.cookies.clear();
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<Page> {
    return this.request('GET', url, undefined, headers);
  }

  /**
   * Posts a urlencoded form as is (no CSRF field added: pass `_csrf` yourself, or use `submit`);
   * an array value is sent as repeated fields, like checkboxes.
   */
  async post(url: string, fields: FormFields, headers: Record<string, string> = {}): Promise<Page> {
    return this.request('POST', url, encodeForm(fields), {
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    });
  }

  /**
   * Opens `pageUrl`, finds the POST form (the one whose action is `options.action`, by default the
   * first one that is not the logout button of the header), and submits it with its hidden fields
   * (`_csrf` included) plus `fields`.
   */
  async submit(pageUrl: string, fields: FormFields, options: { action?: string } = {}): Promise<Page> {
    const page = await this.get(pageUrl);
    if (page.status !== 200) throw new Error(`GET ${pageUrl} answered ${page.status}, not a form page`);
    const form = findForm(page.body, options.action);
    if (!form) throw new Error(`No form${options.action ? ` posting to ${options.action}` : ''} on ${pageUrl}`);
    return this.post(form.action || pageUrl, { ...form.hidden, ...fields });
  }

  /** Follows a redirect the way a browser does (GET on the Location). */
  async follow(page: Page): Promise<Page> {
    if (!page.location) throw new Error(`Not a redirect (status ${page.status})`);
    return this.get(page.location);
  }

  /** Posts a multipart form (file uploads) with the given fields and one file. */
  async upload(url: string, fields: FormFields, file: { field: string; filename: string; contentType: string; data: Buffer }): Promise<Page> {
    const boundary = `----arobase${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    for (const [name, value] of Object.entries(fields)) {
      for (const one of [value].flat()) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${one}\r\n`));
    }
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\ncontent-type: ${file.contentType}\r\n\r\n`,
      ),
    );
    parts.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
    return this.request('POST', url, Buffer.concat(parts), { 'content-type': `multipart/form-data; boundary=${boundary}` });
  }

  async request(
    method: 'GET' | 'POST' | 'HEAD' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: string | Buffer,
    headers: Record<string, string> = {},
  ): Promise<Page> {
    const cookieHeader = [...this.cookies.values()].map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await this.app.inject({
      method,
      url,
      payload,
      remoteAddress: this.remoteAddress,
      headers: { ...(cookieHeader ? { cookie: cookieHeader } : {}), ...headers },
    });
    const raw = res.headers['set-cookie'];
    const setCookies = (raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)]).map(parseSetCookie);
    for (const cookie of setCookies) {
      if (isDeletion(cookie)) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie);
    }
    const location = res.headers.location;
    return {
      status: res.statusCode,
      headers: res.headers,
      body: res.body,
      location: typeof location === 'string' ? location : undefined,
      setCookies,
      json: () => JSON.parse(res.body),
    };
  }
}

export type FormFields = Record<string, string | string[]>;

function encodeForm(fields: FormFields): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  return params.toString();
}

function parseSetCookie(header: string): StoredCookie {
  const [pair = '', ...attrs] = header.split(';');
  const eq = pair.indexOf('=');
  const attributes: Record<string, string | true> = {};
  for (const attr of attrs) {
    const i = attr.indexOf('=');
    if (i === -1) attributes[attr.trim().toLowerCase()] = true;
    else attributes[attr.slice(0, i).trim().toLowerCase()] = attr.slice(i + 1).trim();
  }
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes };
}

function isDeletion(cookie: StoredCookie): boolean {
  const { expires, 'max-age': maxAge } = cookie.attributes;
  if (typeof maxAge === 'string' && Number(maxAge) <= 0) return true;
  if (typeof expires === 'string' && Date.parse(expires) <= Date.now()) return true;
  return cookie.value === '';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };
export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (_, e: string) => ENTITIES[e]!);
}

/** The POST forms of a page, with their action and hidden fields. */
export function findForms(html: string): { action: string; hidden: Record<string, string> }[] {
  const forms: { action: string; hidden: Record<string, string> }[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = match[1]!;
    if (!/method="post"/i.test(attrs)) continue;
    const action = decodeEntities(/\baction="([^"]*)"/.exec(attrs)?.[1] ?? '');
    const hidden: Record<string, string> = {};
    for (const input of match[2]!.matchAll(/<input\b[^>]*>/g)) {
      const tag = input[0];
      if (!/type="hidden"/.test(tag)) continue;
      const name = /\bname="([^"]*)"/.exec(tag)?.[1];
      if (name) hidden[decodeEntities(name)] = decodeEntities(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? '');
    }
    forms.push({ action, hidden });
  }
  return forms;
}

function findForm(html: string, action?: string) {
  const forms = findForms(html);
  return action === undefined ? forms.find((f) => f.action !== '/deconnexion') : forms.find((f) => f.action === action);
}

/** The `_csrf` hidden field of a page (every POST form of a page carries the same one). */
export function csrfTokenOf(html: string): string {
  const token = findForms(html).find((f) => f.hidden._csrf)?.hidden._csrf;
  if (!token) throw new Error('No _csrf field on this page');
  return token;
}

/** The visible text of a page, tags stripped and spaces collapsed: for assertions on what a person reads. */
export function textOf(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  ).trim();
}

/** An email of the outbox as its recipient gets it: the clear text while it waits to be sent, secrets included. */
export type OutboxEmail = Awaited<ReturnType<typeof listOutbox>>[number];

async function outboxAsSent(db: Db, address: string): Promise<OutboxEmail[]> {
  const rows = await db.select().from(outbox).where(eq(outbox.recipient, address.toLowerCase())).orderBy(desc(outbox.createdAt));
  return rows.map(({ secretBody, ...row }) => ({ ...row, body: secretBody ?? row.body }));
}

/** The latest email queued for an address (the outbox holds every email the platform sends). */
export async function latestEmailTo(db: Db, address: string): Promise<OutboxEmail | undefined> {
  return (await outboxAsSent(db, address))[0];
}

export async function emailsTo(db: Db, address: string): Promise<OutboxEmail[]> {
  return outboxAsSent(db, address);
}

/** The path (and query) of the first link of an email, to open it on the test server. */
export function linkIn(body: string, pathPrefix = '/'): string {
  for (const match of body.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const url = new URL(match[0]);
    if (url.pathname.startsWith(pathPrefix)) return url.pathname + url.search;
  }
  throw new Error(`No link under ${pathPrefix} in this email:\n${body}`);
}

/** The link of the latest email to an address, as a path: fails loudly if there is none. */
export async function latestLinkTo(db: Db, address: string, pathPrefix = '/'): Promise<string> {
  const email = await latestEmailTo(db, address);
  if (!email) throw new Error(`No email queued for ${address}`);
  return linkIn(email.body, pathPrefix);
}
