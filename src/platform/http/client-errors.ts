import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyInstance } from 'fastify';
import { h } from 'preact';
import { renderPage } from '../views/render.ts';
import { platformMessages } from '../views/messages.ts';
import { ErrorPage } from './error-page.tsx';

const m = platformMessages.errors;

/**
 * The headers of an answer made before the request reached the hooks (no cache policy, no helmet):
 * kept by no cache, and as strict as the site's own.
 */
export const BARE_ERROR_HEADERS = {
  'cache-control': 'private, no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'",
} as const;

/** The status and French message of a request Node refused before Fastify saw it. */
function answerOf(error: ConnectionError): { status: number; code: string; message: string } {
  if (error.code === 'HPE_HEADER_OVERFLOW') return { status: 431, code: 'request_header_fields_too_large', message: m.headersTooLarge };
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, code: 'request_timeout', message: m.requestTimeout };
  return { status: 400, code: 'bad_request', message: m.malformedRequest };
}

/**
 * Fastify's `clientErrorHandler`: answers the requests Node's HTTP parser refuses (an address or
 * headers over 16 KB, a malformed request line, a timeout) in French, as the rest of the site does —
 * the API in JSON, pages with the error page — instead of Fastify's English JSON. Node gives no
 * parsed request here: whether it is the API is read from the start of what arrived.
 */
export function answerClientError(this: unknown, error: ConnectionError, socket: Socket): void {
  // Fastify calls it with the server as `this` (its type does not say so).
  const app = this as FastifyInstance;
  // A reset connection has nobody left to answer (as Fastify's own handler does).
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, code, message } = answerOf(error);
  // What Node had read of the request (a Buffer, whatever the type says).
  const raw: unknown = error.rawPacket;
  const start = Buffer.isBuffer(raw) ? raw.toString('latin1', 0, 64) : '';
  const api = /^[A-Z]+ \/(api\/|healthz)/.test(start);
  const body = api
    ? JSON.stringify({ error: code, message })
    : renderPage({ user: null, path: '/', csrfToken: () => '', navigation: app.navigation ?? [] }, h(ErrorPage, { statusCode: status, message }));
  const headers = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    `Content-Type: ${api ? 'application/json' : 'text/html'}; charset=utf-8`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(BARE_ERROR_HEADERS).map(([name, value]) => `${name}: ${value}`),
    'Connection: close',
  ];
  app.log.debug({ err: error }, 'client error');
  // As Node and Fastify do: write what fits, then close (the rest of the request is not read).
  if (socket.writable) socket.write(`${headers.join('\r\n')}\r\n\r\n${body}`);
  socket.destroy(error);
}
