import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Feed } from 'feed';
import { Fragment, h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { lenientQuery } from '../../platform/http/route-input.ts';
import { observatoryMessages as m } from './messages.ts';
import { searchInitiatives, searchParams, type SearchParams } from './search-initiatives.service.ts';
import { readSearchParams } from './search-params.service.ts';

// Characters XML 1.0 forbids (C0 controls but tab and line breaks, U+FFFE, U+FFFF, lone surrogates): one would make the whole feed unreadable.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A text people typed, for an entry's title or summary. The feed library declares both
 * `type="html"`, so a reader renders them as HTML: the text goes in escaped as the pages escape it
 * (`<` as `&lt;`…), HTML that shows the characters as typed and holds no markup.
 */
const textAsHtml = (text: string): string => renderToString(h(Fragment, null, text.replace(NOT_XML, '')));

/** `/feeds/initiatives.atom`: newly published sheets, filtered by the same parameters as the search. */
export async function feedRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/feeds/initiatives.atom',
    { schema: { querystring: lenientQuery(searchParams.shape) }, config: { permission: 'public', cache: 'public' } },
    async (request, reply) => {
      const params: SearchParams = request.query.values;
      const read = await readSearchParams(app.db, { ...params, page: undefined });
      // Newest first: the feed ignores the text ranking, readers want what is new.
      const result = await searchInitiatives(app.db, { ...read.search, page: 1 });
      const items = [...result.items].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
      const base = app.config.baseUrl.replace(/\/$/, '');
      const query = new URLSearchParams(Object.entries(params).filter(([, v]) => typeof v === 'string' && v !== '') as [string, string][]).toString();
      const feed = new Feed({
        id: `${base}/feeds/initiatives.atom${query ? `?${query}` : ''}`,
        title: read.q || Object.keys(read.search.filters).length ? m.feed.filteredTitle : m.feed.title,
        description: m.feed.description,
        link: `${base}/initiatives${query ? `?${query}` : ''}`,
        language: 'fr',
        updated: items[0]?.publishedAt ?? new Date(0),
        generator: 'arobase',
        copyright: m.feed.licence,
        feedLinks: { atom: `${base}/feeds/initiatives.atom${query ? `?${query}` : ''}` },
      });
      for (const item of items) {
        feed.addItem({
          id: `${base}/initiatives/${item.id}`,
          title: textAsHtml(`${item.title} — ${item.territory.name}`),
          link: `${base}/initiatives/${item.id}`,
          date: item.publishedAt,
          published: item.publishedAt,
          description: textAsHtml(item.summary),
          author: [{ name: item.territory.name, link: `${base}/territoires/${item.territory.code}` }],
        });
      }
      return reply.type('application/atom+xml; charset=utf-8').send(feed.atom1());
    },
  );
}
