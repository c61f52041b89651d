import MarkdownIt from 'markdown-it';
import { h } from 'preact';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown written by agents of a territory (descriptions of initiatives), rendered as safe HTML.
 *
 * Two barriers: markdown-it never lets raw HTML through (`html: false`) and only keeps links whose
 * scheme is http, https or mailto; sanitize-html then keeps a strict allowlist of tags and
 * attributes, whatever markdown-it produced. Headings become h3/h4 so that they fit under the h2 of
 * the page that shows the text.
 */

const SAFE_LINK = /^(https?:|mailto:)/i;

const markdown = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: true });
// Tables and strikethrough are outside the allowlist: left as the text that was typed.
markdown.disable(['table', 'strikethrough']);
// "www.angers.fr" written in a sentence becomes a link too.
markdown.linkify.set({ fuzzyLink: true, fuzzyIP: false });
// markdown-it refuses javascript:, vbscript:, file: and data: by itself; only absolute web and mail links pass here.
markdown.validateLink = (url) => SAFE_LINK.test(url.trim());
/** The token a rule is called for (markdown-it passes its index in `tokens`). */
function tokenAt<T>(tokens: readonly T[], idx: number): T {
  const token = tokens[idx];
  if (token === undefined) throw new Error(`markdown-it called a rule for token ${idx} of ${tokens.length}`);
  return token;
}
// No images in a description (photos are uploaded, checked and resized apart): `![texte](adresse)` becomes a link.
markdown.renderer.rules.image = (tokens, idx, options) => {
  const token = tokenAt(tokens, idx);
  const href = String(token.attrGet('src') ?? '');
  const text = markdown.renderer.renderInlineAsText(token.children ?? [], options, {}) || href;
  return `<a href="${markdown.utils.escapeHtml(href)}">${markdown.utils.escapeHtml(text)}</a>`;
};

/** `#` and `##` become h3, deeper headings h4: the page shows the description under its own h2. */
const headingTag = (tag: string) => (tag === 'h1' || tag === 'h2' ? 'h3' : 'h4');
markdown.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
  const token = tokenAt(tokens, idx);
  token.tag = headingTag(token.tag);
  return self.renderToken(tokens, idx, options);
};
markdown.renderer.rules.heading_close = (tokens, idx, options, _env, self) => {
  const token = tokenAt(tokens, idx);
  token.tag = headingTag(token.tag);
  return self.renderToken(tokens, idx, options);
};

const LINK_REL = 'nofollow noopener';

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'blockquote', 'code', 'pre', 'hr'],
  allowedAttributes: { a: ['href', 'title', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { a: ['http', 'https', 'mailto'] },
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'h3',
    h2: 'h3',
    h5: 'h4',
    h6: 'h4',
    // Every link: no target, and no credit given to the linked site; an unsafe address is dropped.
    a: (tagName, attribs) => {
      const attributes: sanitizeHtml.Attributes = { rel: LINK_REL };
      const href = attribs.href?.trim();
      if (href && SAFE_LINK.test(href)) attributes.href = href;
      if (attribs.title) attributes.title = attribs.title;
      return { tagName, attribs: attributes };
    },
  },
};

/** Safe HTML of a Markdown text (an empty string for an empty text). */
export function renderMarkdown(source: string): string {
  if (!source.trim()) return '';
  return sanitizeHtml(markdown.render(source), sanitizeOptions).trim();
}

/** A Markdown text on a page, rendered by `renderMarkdown` (the only HTML a page takes as is). */
export function Markdown(props: { source: string }) {
  return h('div', { class: 'prose', dangerouslySetInnerHTML: { __html: renderMarkdown(props.source) } });
}
