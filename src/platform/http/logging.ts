import { DrizzleQueryError } from 'drizzle-orm/errors';
import type { DestinationStream, LoggerOptions } from 'pino';
import type { Config } from '../config.ts';
import { sourceMappedStack } from '../source-stack.ts';
import { isUuid } from '../validation.ts';

/**
 * What the server's log may hold: no personal data and no secret. Errors keep what a developer
 * needs (their type, message, stack, SQL text and state code) but not the query's parameters (the
 * e-mails, names, token hashes a failed query carried); requests keep their method and path, not
 * the query string, the client's address or any secret in the path; headers, cookies, passwords
 * and tokens are masked wherever a log line names them.
 */

export const MASK = '[masqué]';

/** Paths pino masks in every line (defence in depth: the serializers below already leave them out). */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'err.params',
  'err.detail',
  'err.cause.params',
  'err.cause.detail',
  'password',
  '*.password',
  'token',
  '*.token',
  'email',
  '*.email',
];

type ErrorFields = Error & {
  code?: unknown;
  statusCode?: unknown;
  severity?: unknown;
  routine?: unknown;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
  dataType?: unknown;
  query?: unknown;
};

// Of a database error, only what names the schema and the failure: never `detail` ("Key (email)=(…)"),
// `where`, `hint` or the internal query, which quote the data.
const KEPT = ['code', 'statusCode', 'severity', 'routine', 'table', 'column', 'constraint', 'dataType'] as const;

/**
 * A quoted part of a database message is kept when it reads as one of our identifiers (lower-case
 * snake case: a table, a constraint, a type) and masked otherwise: PostgreSQL quotes the offending
 * value in some messages (`invalid input syntax for type uuid: "…"`, `value "…" is out of range`).
 */
const maskQuotedValues = (message: string) =>
  message.replace(/"([^"]*)"/g, (quoted, inner: string) => (/^[a-z_][a-z0-9_.]*$/.test(inner) ? quoted : `"${MASK}"`));

export type LoggedError = { type: string; message: string; stack: string; [key: string]: unknown };

/** An error as the log shows it; its causes too (a failed query wraps the driver's error). */
export function serializeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: '', stack: '' };
  const fields = error as ErrorFields;
  // Drizzle's message is the SQL followed by its parameters: the SQL alone is kept.
  const isQuery = error instanceof DrizzleQueryError;
  const isDatabase = typeof fields.severity === 'string' && typeof fields.code === 'string';
  const message = isQuery ? `Failed query: ${String(fields.query)}` : isDatabase ? maskQuotedValues(error.message) : error.message;
  // The class says more than `name`, which some libraries leave at 'Error' (drizzle) or 'error' (pg).
  const type = error.constructor.name && error.constructor.name !== 'Error' ? error.constructor.name : error.name;
  // The stack's first lines repeat the message: the frames alone follow the safe one.
  const frames = sourceMappedStack(error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line));
  const out: LoggedError = { type, message, stack: [`${type}: ${message}`, ...frames].join('\n') };
  for (const key of KEPT) if (typeof fields[key] === 'string' || typeof fields[key] === 'number') out[key] = fields[key];
  if (error.cause !== undefined && depth < 3) out.cause = serializeError(error.cause, depth + 1);
  return out;
}

/**
 * A path as the log shows it: no query string (search terms, e-mails, return links), and a segment
 * that looks like a secret (a one-time link's token: 32 or more base64url characters, capitals
 * among them, and no UUID) masked.
 */
export function loggablePath(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path
    .split('/')
    .map((segment) => (segment.length >= 32 && /^[A-Za-z0-9_-]+$/.test(segment) && /[A-Z]/.test(segment) && !isUuid(segment) ? MASK : segment))
    .join('/');
}

/** The serializers and redaction of the server's logger (pino, through Fastify). */
export const safeLogging = {
  redact: { paths: LOG_REDACT_PATHS, censor: MASK },
  serializers: {
    err: serializeError,
    // Neither the client's address (personal data) nor its headers.
    req: (request: { method?: string; url?: string; id?: string }) => ({ method: request.method, url: loggablePath(request.url ?? ''), id: request.id }),
  },
};

/**
 * The logger's options, for the server (through Fastify) and for the primary of `serve --workers`:
 * the configured level, readable lines at a terminal or JSON lines, and the safe logging above.
 */
export function loggerOptions(config: Pick<Config, 'logLevel' | 'logFormat'>, stream?: DestinationStream): LoggerOptions & { stream?: DestinationStream } {
  return {
    level: config.logLevel,
    ...safeLogging,
    ...(stream
      ? { stream }
      : config.logFormat === 'pretty'
        ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }
        : {}),
  };
}
