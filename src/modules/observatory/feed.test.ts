import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { createActiveUser } from '../../../test/support/accounts.ts';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { memberships } from '../accounts/schema.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { createInitiative } from '../initiatives/save-initiative.service.ts';

// What a hostile contributor may type: each must reach a feed reader as the text it is, never as markup.
const TITLE = '<script>alert("titre")</script> & <img src=x onerror=alert(1)> ]]> fin';
// A control character XML cannot carry (a paste from a word processor) must not break the whole feed.
const SUMMARY = 'Sonnerie\u0007 <iframe src="javascript:alert(2)"></iframe><b onmouseover=alert(3)>gras</b> &amp; ]]><svg onload=alert(4)>';

const ATOM = 'http://www.w3.org/2005/Atom';

/**
 * The text a feed reader shows for an Atom text construct (RFC 4287 §3.1): as it is for
 * `type="text"`; for `type="html"`, the HTML it holds must be text only (no element, no comment)
 * and is shown with its character references decoded.
 */
function shownText(element: Element): string {
  const type = element.getAttribute('type') ?? 'text';
  const content = element.textContent ?? '';
  if (type === 'text') return content;
  assert.equal(type, 'html', `unexpected type="${type}"`);
  assert.doesNotMatch(content, /<[!/?a-zA-Z]/, `markup in a type="html" construct: ${content}`);
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
  return content.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (named[name] !== undefined) return named[name];
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return whole;
  });
}

for (const driver of drivers) {
  describe(`Atom feed of new initiatives (${driver})`, () => {
    const server = useTestServer(driver);
    before(async () => {
      const db = server.database.db;
      const user = await createActiveUser(db, { email: 'flux@trelaze.example.fr', role: 'member' });
      await db.insert(memberships).values({ userId: user.id, territoryCode: '49353', role: 'contributor' });
      const person: Person = { id: user.id, role: 'member', memberships: [{ territoryCode: '49353', role: 'contributor' }] };
      await createInitiative(db, person, {
        territoryCode: '49353',
        title: TITLE,
        summary: SUMMARY,
        status: 'done',
        serviceIds: ['dematerialisation-rh'],
        visibility: 'public',
      });
    });

    test('a title and a summary holding HTML reach the reader as text: no element, the characters as typed', async () => {
      const res = await new TestBrowser(server.app).get('/feeds/initiatives.atom');
      assert.equal(res.status, 200);
      const errors: string[] = [];
      const doc = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(res.body, 'application/xml');
      assert.deepEqual(errors, [], 'well-formed XML');
      const entries = Array.from(doc.getElementsByTagNameNS(ATOM, 'entry'));
      assert.equal(entries.length, 1);
      const entry = entries[0]!;
      const child = (name: string) => {
        const [element] = Array.from(entry.getElementsByTagNameNS(ATOM, name));
        assert.ok(element, `<${name}> in the entry`);
        return element;
      };
      assert.equal(shownText(child('title')), `${TITLE} — Trélazé`);
      assert.equal(shownText(child('summary')), SUMMARY.replace('\u0007', ''));
      // Nothing else in the entry is markup: only Atom’s own elements.
      const foreign = Array.from(entry.getElementsByTagName('*')).filter((e) => e.namespaceURI !== ATOM);
      assert.deepEqual(
        foreign.map((e) => e.tagName),
        [],
      );
    });
  });
}
