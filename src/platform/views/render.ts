import type { FastifyReply, FastifyRequest } from 'fastify';
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { PageContext, type PageContextValue } from './page-context.ts';

export function pageContextOf(request: FastifyRequest, reply: FastifyReply): PageContextValue {
  let token: string | undefined;
  return {
    user: request.user ? { id: request.user.id, email: request.user.email, displayName: request.user.displayName, role: request.user.role } : null,
    path: request.url.split('?')[0] ?? '/',
    csrfToken: () => (token ??= reply.generateCsrf({ userInfo: request.csrfBinding })),
    navigation: request.server.navigation ?? [],
  };
}

/** Renders a page component (escaped by default) as a complete HTML document. */
export function renderPage(context: PageContextValue, page: VNode<any>): string {
  return '<!doctype html>' + renderToString(h(PageContext.Provider, { value: context }, page));
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, page: VNode<any>, statusCode = 200): FastifyReply {
  const html = renderPage(pageContextOf(request, reply), page);
  return reply.code(statusCode).type('text/html; charset=utf-8').send(html);
}
