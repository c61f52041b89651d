import { resolve } from 'node:path';
import { z } from 'zod';

/** Raised when the environment is wrong: the process must refuse to start and say which variable. */
export class ConfigError extends Error {
  constructor(public readonly issues: { variable: string; message: string }[]) {
    super('Configuration invalide :\n' + issues.map((i) => `  - ${i.variable} : ${i.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), {
    message: 'doit être une URL postgres://utilisateur@hôte:port/base',
  });

/** A whole number written in decimal digits ("0x10", "1e3" or "3.5" are refused, not reinterpreted). */
const wholeNumber = z.string().trim().regex(/^\d+$/, 'doit être un nombre entier').transform(Number);

const envSchema = z.object({
  PORT: wholeNumber.pipe(z.number().min(0, 'doit être compris entre 0 et 65535').max(65535, 'doit être compris entre 0 et 65535')).default(3000),
  HOST: z.string().trim().min(1, 'ne doit pas être vide').default('localhost'),
  DATA_DIR: z.string().trim().min(1, 'ne doit pas être vide').default('./data'),
  DATABASE_URL: postgresUrl.optional(),
  BASE_URL: z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^/]+/.test(v), { message: 'doit être une URL http:// ou https://' })
    .optional(),
  SMTP_URL: z
    .string()
    .trim()
    .refine((v) => /^smtps?:\/\/.+/.test(v), { message: 'doit être une URL smtp:// ou smtps://' })
    .optional(),
  MAIL_FROM: z.string().trim().email('doit être une adresse e-mail').default('ne-pas-repondre@arobase.localhost'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'doit valoir fatal, error, warn, info, debug, trace ou silent',
    })
    .default('info'),
  LOG_FORMAT: z.enum(['pretty', 'json'], { message: 'doit valoir pretty ou json' }).optional(),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'], { message: 'doit valoir true ou false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  SESSION_TTL_HOURS: wholeNumber
    .pipe(
      z
        .number()
        .min(1, 'doit être au moins 1')
        .max(24 * 90, 'doit être au plus 2160 (90 jours)'),
    )
    .default(24 * 7),
  // Days the audit log keeps an entry: a year by default, the longest the CNIL advises for access
  // logs; at least 30 to leave time to investigate, at most 3 years.
  AUDIT_RETENTION_DAYS: wholeNumber
    .pipe(
      z
        .number()
        .min(30, 'doit être au moins 30')
        .max(365 * 3, 'doit être au plus 1095 (3 ans)'),
    )
    .default(365),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  baseUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Readable lines for a person at a terminal, JSON lines for log collectors. */
  logFormat: 'pretty' | 'json';
  trustProxy: boolean;
  sessionTtlHours: number;
  auditRetentionDays: number;
};

/** Reads and validates the configuration; empty (or blank) strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    // A blank value (`PORT= ` in a .env file) must not become port 0 through number coercion.
    if (value !== undefined && value.trim() !== '') raw[key] = value;
  }
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '?'),
        message: issue.message,
      })),
    );
  }
  const e = parsed.data;
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    baseUrl,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
    trustProxy: e.TRUST_PROXY,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
  };
}
