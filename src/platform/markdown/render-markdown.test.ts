import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { Markdown, renderMarkdown } from './render-markdown.ts';

const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'blockquote', 'code', 'pre', 'hr']);

/** The tags of the output with their attributes (the text between them is escaped: a `<` there is `&lt;`). */
function tagsOf(html: string): { name: string; attributes: Record<string, string> }[] {
  return [...html.matchAll(/<\/?([^\s/>]+)([^>]*)>/g)].map(([, name, rest]) => ({
    name: name!.toLowerCase(),
    attributes: Object.fromEntries(
      [...rest!.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)].map(([, key, value]) => [key!.toLowerCase(), decodeEntities(value ?? '')]),
    ),
  }));
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** What must never reach a page, whatever was typed: only allowed tags, no handler, only web and mail links. */
function assertInert(html: string, source: string) {
  const where = `${JSON.stringify(source)} → ${html}`;
  assert.doesNotMatch(html, /<script/i, `no script tag: ${where}`);
  for (const tag of tagsOf(html)) {
    assert.ok(ALLOWED_TAGS.has(tag.name), `tag <${tag.name}> not allowed: ${where}`);
    for (const [name, value] of Object.entries(tag.attributes)) {
      assert.ok(['href', 'title', 'rel'].includes(name) && tag.name === 'a', `attribute ${name} on <${tag.name}>: ${where}`);
      if (name === 'href') assert.match(value.trim(), /^(https?:\/\/|mailto:)/i, `only web and mail links: ${where}`);
    }
  }
}

describe('renderMarkdown', () => {
  const attacks = [
    '<script>alert(1)</script>',
    '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert(1))',
    '[x]( javascript:alert(1))',
    '[x](<javascript:alert(1)>)',
    '[x](data:text/html,<script>alert(1)</script>)',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox(1))',
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<svg onload=alert(1)>',
    '<svg><script>alert(1)</script></svg>',
    '[x](jav&#x61;script:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](javascript&#58;alert(1))',
    '[x](java%73cript:alert(1))',
    '[x][r]\n\n[r]: javascript:alert(1)',
    '![x](javascript:alert(1))',
    '![x" onerror="alert(1)](https://example.fr/a.png)',
    '[x](https://example.fr" onclick="alert(1))',
    '[x](https://example.fr "t\\" onmouseover=\\"alert(1)")',
    '<javascript:alert(1)>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '```\n<script>alert(1)</script>\n```',
    '`<img src=x onerror=alert(1)>`',
    '> <script>alert(1)</script>',
    '<!-- <script>alert(1)</script> -->',
  ];
  for (const source of attacks) {
    test(`inert: ${JSON.stringify(source)}`, () => {
      assertInert(renderMarkdown(source), source);
    });
  }

  test('raw HTML is shown as text, escaped', () => {
    assert.equal(renderMarkdown('<script>alert(1)</script>'), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    assert.equal(renderMarkdown('<b>gras</b>'), '<p>&lt;b&gt;gras&lt;/b&gt;</p>');
  });

  test('lists, emphasis, quotes, code and rules render', () => {
    const html = renderMarkdown('- un **gras**\n- deux *italique*\n\n1. premier\n2. second\n\n> citation\n\n`code` et\n\n```\nx < 1\n```\n\n---');
    assert.match(html, /<ul>\s*<li>un <strong>gras<\/strong><\/li>\s*<li>deux <em>italique<\/em><\/li>\s*<\/ul>/);
    assert.match(html, /<ol>\s*<li>premier<\/li>\s*<li>second<\/li>\s*<\/ol>/);
    assert.match(html, /<blockquote>\s*<p>citation<\/p>\s*<\/blockquote>/);
    assert.match(html, /<code>code<\/code>/);
    assert.match(html, /<pre><code>x &lt; 1\n<\/code><\/pre>/);
    assert.match(html, /<hr \/>/);
  });

  test('headings fit under the h2 of the page: # and ## become h3, deeper ones h4', () => {
    assert.equal(renderMarkdown('# Un'), '<h3>Un</h3>');
    assert.equal(renderMarkdown('## Deux'), '<h3>Deux</h3>');
    assert.equal(renderMarkdown('### Trois'), '<h4>Trois</h4>');
    assert.equal(renderMarkdown('###### Six'), '<h4>Six</h4>');
  });

  test('web and mail links keep their address, get rel="nofollow noopener" and no target', () => {
    assert.equal(
      renderMarkdown('[Le site](https://www.angers.fr/numerique "Numérique")'),
      '<p><a rel="nofollow noopener" href="https://www.angers.fr/numerique" title="Numérique">Le site</a></p>',
    );
    assert.equal(renderMarkdown('[écrire](mailto:mairie@angers.fr)'), '<p><a rel="nofollow noopener" href="mailto:mairie@angers.fr">écrire</a></p>');
    const linked = renderMarkdown('Voir https://www.angers.fr, www.trelaze.fr ou mairie@trelaze.fr.');
    assert.match(linked, /<a rel="nofollow noopener" href="https:\/\/www\.angers\.fr">https:\/\/www\.angers\.fr<\/a>/);
    assert.match(linked, /<a rel="nofollow noopener" href="http:\/\/www\.trelaze\.fr">www\.trelaze\.fr<\/a>/);
    assert.match(linked, /<a rel="nofollow noopener" href="mailto:mairie@trelaze\.fr">mairie@trelaze\.fr<\/a>/);
    assert.doesNotMatch(linked, /target=/);
  });

  test('relative and protocol-relative links stay text', () => {
    assert.doesNotMatch(renderMarkdown('[x](//evil.example) [y](/admin)'), /<a /);
  });

  test('an image becomes a link to it, never an <img>', () => {
    assert.equal(renderMarkdown('![Atelier](https://example.fr/a.png)'), '<p><a rel="nofollow noopener" href="https://example.fr/a.png">Atelier</a></p>');
  });

  test('a single line break is kept', () => {
    assert.equal(renderMarkdown('ligne 1\nligne 2'), '<p>ligne 1<br />\nligne 2</p>');
  });

  test('French text keeps its guillemets, apostrophes and accents', () => {
    const source = 'L\'école « numérique » d’Angers : c\'est l’œuvre des élus — 100 % "bio".';
    const html = renderMarkdown(source);
    assert.equal(html, `<p>${source.replace(/&/g, '&amp;')}</p>`);
  });

  test('an empty text renders nothing', () => {
    assert.equal(renderMarkdown(''), '');
    assert.equal(renderMarkdown('  \n '), '');
  });

  test('<Markdown> renders inside a .prose block', () => {
    const html = renderToString(h(Markdown, { source: '**gras** <script>alert(1)</script>' }));
    assert.equal(html, '<div class="prose"><p><strong>gras</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p></div>');
  });
});
