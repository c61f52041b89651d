import type { FastifyReply, FastifyRequest } from 'fastify';
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { typesetHtml } from './typography.ts';
import { PageContext, type PageContextValue, type PageFrame } from './page-context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The footer's facts about who runs the site, set by the module that keeps them (see PageFrame). */
    pageFrame?: PageFrame | null;
  }
}

export function pageContextOf(request: FastifyRequest, reply: FastifyReply): PageContextValue {
  let token: string | undefined;
  return {
    user: request.user ? { id: request.user.id, email: request.user.email, displayName: request.user.displayName, role: request.user.role } : null,
    path: request.url.split('?')[0] ?? '/',
    csrfToken: () => (token ??= reply.generateCsrf({ userInfo: request.csrfBinding })),
    navigation: request.server.navigation ?? [],
    frame: request.pageFrame ?? null,
  };
}

/** Renders a page component (escaped by default) as a complete HTML document, in French typography. */
export function renderPage(context: PageContextValue, page: VNode<any>): string {
  return '<!doctype html>' + typesetHtml(renderToString(h(PageContext.Provider, { value: context }, page)));
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, page: VNode<any>, statusCode = 200): FastifyReply {
  const html = renderPage(pageContextOf(request, reply), page);
  return reply.code(statusCode).type('text/html; charset=utf-8').send(html);
}
