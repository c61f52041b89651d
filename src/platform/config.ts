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

/** How many processes `serve` runs (node:cluster): `WORKERS` or `serve --workers N`; more than one needs PostgreSQL. */
export const workerCount = wholeNumber.pipe(z.number().min(1, 'doit être compris entre 1 et 32').max(32, 'doit être compris entre 1 et 32'));

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
  WORKERS: workerCount.default(1),
  // Megabytes of rendered public pages each process keeps in memory (0: none).
  PAGE_CACHE_MB: wholeNumber.pipe(z.number().max(4096, 'doit être au plus 4096')).default(64),
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
  // Single sign-on through an OpenID Connect provider (ProConnect for public agents): all or none,
  // see `oidcConfig`. The redirect URI to register at the provider is BASE_URL + OIDC_CALLBACK_PATH.
  OIDC_ISSUER: z.string().trim().refine(isIssuerUrl, { message: 'doit être une URL https:// (http:// seulement pour localhost ou 127.0.0.1)' }).optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1, 'ne doit pas être vide').optional(),
  OIDC_CLIENT_SECRET: z.string().trim().min(1, 'ne doit pas être vide').optional(),
  OIDC_SCOPES: z
    .string()
    .trim()
    .refine((v) => v.split(/\s+/).includes('openid'), { message: 'doit contenir le scope openid' })
    .optional(),
  OIDC_PROVIDER_NAME: z.string().trim().min(1, 'ne doit pas être vide').max(40, 'doit faire au plus 40 caractères').optional(),
  OIDC_EMAILS_VERIFIED: z
    .enum(['true', 'false', '1', '0'], { message: 'doit valoir true ou false' })
    .transform((v) => v === 'true' || v === '1')
    .optional(),
});

/** Where the provider sends the person back: BASE_URL + this path is the redirect URI to register there. */
export const OIDC_CALLBACK_PATH = '/connexion/oidc/retour';
/** Where the login page's button starts a sign-in with the provider. */
export const OIDC_START_PATH = '/connexion/oidc';

/** Scopes ProConnect knows (it names one scope per claim). */
const PROCONNECT_SCOPES = 'openid email given_name usual_name uid siret';

/** An issuer over https, or over http on this very machine (development, the tests' provider). */
function isIssuerUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
  } catch {
    return false;
  }
}

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated, as sent to the provider. */
  scopes: string;
  /** The provider's name, on the login page's button. */
  providerName: string;
  /**
   * Whether the provider vouches for the addresses it sends even without `email_verified: true`.
   * ProConnect does (the agent's administration gives the address) and sends no such claim.
   */
  emailsVerified: boolean;
};

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
  /** Processes of `serve` sharing its port (node:cluster); 1 for the server alone. */
  workers: number;
  /** Bytes of rendered public pages each process keeps in memory; 0 for none. */
  pageCacheBytes: number;
  /** Single sign-on through OpenID Connect; null when not configured. */
  oidc: OidcConfig | null;
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
  const oidc = oidcConfig(e);
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
    workers: e.WORKERS,
    pageCacheBytes: e.PAGE_CACHE_MB * 1024 * 1024,
    oidc,
  };
}

const OIDC_REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
const OIDC_OPTIONAL = ['OIDC_SCOPES', 'OIDC_PROVIDER_NAME', 'OIDC_EMAILS_VERIFIED'] as const;

/**
 * All or none: a half-configured provider would show a button that cannot work, or silently leave
 * agents without their usual login; the process refuses to start and names what is missing.
 */
function oidcConfig(e: z.infer<typeof envSchema>): OidcConfig | null {
  const set = [...OIDC_REQUIRED, ...OIDC_OPTIONAL].filter((name) => e[name] !== undefined);
  if (set.length === 0) return null;
  const missing = OIDC_REQUIRED.filter((name) => e[name] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map((variable) => ({
        variable,
        message: `manquante\u00a0: ${set.join(', ')} ${set.length > 1 ? 'sont définies' : 'est définie'}, et la connexion OpenID Connect demande aussi ${missing.join(', ')}`,
      })),
    );
  }
  const issuer = e.OIDC_ISSUER ?? '';
  return {
    issuer,
    clientId: e.OIDC_CLIENT_ID ?? '',
    clientSecret: e.OIDC_CLIENT_SECRET ?? '',
    scopes: (e.OIDC_SCOPES ?? PROCONNECT_SCOPES).split(/\s+/).join(' '),
    providerName: e.OIDC_PROVIDER_NAME ?? 'ProConnect',
    emailsVerified: e.OIDC_EMAILS_VERIFIED ?? isProConnect(issuer),
  };
}

/** ProConnect's issuers (production and integration) live under proconnect.gouv.fr. */
const isProConnect = (issuer: string) => {
  const host = new URL(issuer).hostname;
  return host === 'proconnect.gouv.fr' || host.endsWith('.proconnect.gouv.fr');
};
