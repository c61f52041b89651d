import type { FastifyPluginAsync } from 'fastify';
import type { Command } from './cli/command.ts';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { EventName, EventSubscribers } from './events.ts';
import type { PageUser } from './views/page-context.ts';

/** An entry of the site's main menu, contributed by the module that owns the page. */
export type NavigationItem = {
  href: string;
  label: string;
  /** Order in the menu: lower first. */
  position: number;
  /** Who sees it; everyone when absent. The module decides, with its own permission rules. */
  visibleTo?: (user: PageUser | null) => boolean;
  /** A POST form instead of a link (signing out). */
  method?: 'post';
  /** Paths under which this entry is the current page; `href` and its sub-paths when absent. */
  current?: (path: string) => boolean;
};

/** A card of the administration's home page, contributed by the module that owns the screen. */
export type AdminLink = { href: string; title: string; summary: string; position: number };

/** What a module's health check finds: `degraded` when the server works but something needs a person. */
export type HealthReport = { status: 'ok' | 'degraded'; [figure: string]: string | number };

/**
 * What a module holds about one person, added to the data they download from « Mon compte » (the
 * accounts module cannot read the modules placed after it): JSON-ready, no secret.
 */
export type PersonalDataSource = { name: string; read: (db: Db, userId: string) => Promise<unknown> };

/** A check `/healthz` runs beside the database's: cheap (a probe calls it often), read-only. */
export type HealthCheck = { name: string; check: (db: Db) => Promise<HealthReport> };

/**
 * Work a running server does by itself, at start and then every `everyMs` (a purge, a reminder).
 * Every process runs it: it must be idempotent, and safe when two processes run it at once.
 */
export type BackgroundJob = {
  name: string;
  everyMs: number;
  run: (context: { db: Db; config: Config; log: (line: string) => void }) => Promise<void>;
};

/**
 * What a domain module gives the composition root (`src/app/`): everything it contributes, so the
 * platform never has to know the module.
 */
export type ModuleManifest = {
  name: string;
  /** Encapsulation-free Fastify plugins (wrapped with fastify-plugin) registered before any route. */
  plugins?: FastifyPluginAsync[];
  routes?: FastifyPluginAsync[];
  commands?: Record<string, Command>;
  navigation?: NavigationItem[];
  adminLinks?: AdminLink[];
  subscribers?: EventSubscribers;
  /**
   * The module's events after which a public answer may read differently (a sheet published,
   * results recorded, an embargo scheduled): every process empties its page cache when one commits.
   */
  publicChanges?: readonly EventName[];
  jobs?: BackgroundJob[];
  healthChecks?: HealthCheck[];
  personalData?: PersonalDataSource[];
  /**
   * The next instant the module's public answers change by the clock alone (an embargo lifting),
   * or null: shared caches are told to keep public answers no longer than until then.
   */
  nextClockChange?: (db: Db) => Promise<Date | null>;
  /** Data a database needs before use (first start); idempotent; run in module order. */
  firstStart?: (db: Db, log: (line: string) => void) => Promise<void>;
};
