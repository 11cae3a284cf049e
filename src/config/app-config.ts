import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LEVELS, type Level } from '../../workflows';
import { loadExchangeConfig, type ExchangeConfig } from '../exchange/exchange-config';
import { jwtSecretWeakness, productionPasswordWeakness } from './production-secrets';

/** The embedded database's driver: `sqlite3` (the default, asynchronous) or `better-sqlite3` (synchronous, faster). */
export type SqliteDriver = 'sqlite3' | 'better-sqlite3';

export type DatabaseConfig = { type: 'sqlite'; path: string; driver: SqliteDriver } | { type: 'postgres'; url: string };

export interface AppConfig {
  port: number;
  database: DatabaseConfig;
  jwtSecret: string;
  jwtExpiresIn: string;
  bcryptCost: number;
  admin: { username: string; password: string } | null;
  /** Route levels decided outside this deployment (recorded when their decision comes back). */
  externalLevels: Level[];
  /** Background jobs (overdue reminders, webhook delivery), claimed through a lease in the database. */
  scheduler: { enabled: boolean; reminderIntervalSeconds: number };
  webhook: WebhookConfig;
  documents: DocumentsConfig;
  /** This deployment's identity in the packages it exchanges with others (src/exchange). */
  exchange: ExchangeConfig;
  /** NODE_ENV=production: demo passwords and weak secrets stop the start (src/identity/production-safety.ts). */
  production: boolean;
  login: LoginThrottleConfig;
  /**
   * Express's `trust proxy` (TRUST_PROXY): behind a reverse proxy the client address login throttling counts is the
   * one the proxy forwards, not the proxy's own (which every user would share). False unless set.
   */
  trustProxy: boolean | number | string;
}

/** Failed logins counted in the database (src/identity/login-throttle.ts), so every instance sees the same counts. */
export interface LoginThrottleConfig {
  /** Consecutive failures of one username that lock it. */
  maxFailures: number;
  lockoutMinutes: number;
  /** Failures from one client address within `lockoutMinutes` that refuse its further attempts until the window ends. */
  maxFailuresPerAddress: number;
}

export interface DocumentsConfig {
  /** Where dossier files are kept (absolute); the database holds their metadata only. */
  dir: string;
  /** The largest file accepted; a larger upload is answered 413. */
  maxBytes: number;
}

export const DEFAULT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

export interface WebhookConfig {
  /** The only address events are delivered to; no outbox rows are written without it. */
  url: string | null;
  secret: string | null;
  maxAttempts: number;
  /** First retry delay; each further failure doubles it (capped at a day). */
  backoffSeconds: number;
  intervalSeconds: number;
  timeoutSeconds: number;
}

export class ConfigError extends Error {}

export const DEFAULT_DATABASE_URL = 'sqlite:var/thi-dua-khen-thuong.sqlite';

export function parseDatabaseUrl(url: string): DatabaseConfig {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { type: 'postgres', url };
  for (const [prefix, driver] of [['sqlite:', 'sqlite3'], ['better-sqlite3:', 'better-sqlite3']] as const) {
    if (!url.startsWith(prefix)) continue;
    const path = url.slice(prefix.length).replace(/^\/\//, '');
    if (!path) throw new ConfigError(`DATABASE_URL: thiếu đường dẫn tệp sqlite (ví dụ ${prefix}var/tdkt.sqlite)`);
    return { type: 'sqlite', driver, path: path === ':memory:' ? path : resolve(path) };
  }
  throw new ConfigError(`DATABASE_URL không hợp lệ: "${url}" (dùng sqlite:<đường dẫn>, better-sqlite3:<đường dẫn> hoặc postgres://…)`);
}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new ConfigError(`${name} phải là số nguyên từ ${min} đến ${max} (đang là "${value}")`);
  }
  return parsed;
}

/** A secret kept beside the embedded database so that tokens survive a restart on a single machine. */
function localJwtSecret(database: DatabaseConfig): string {
  const file = resolve(database.type === 'sqlite' && database.path !== ':memory:' ? dirname(database.path) : 'var', 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const database = parseDatabaseUrl(env.DATABASE_URL || DEFAULT_DATABASE_URL);
  const externalLevels = (env.EXTERNAL_LEVELS ?? 'central')
    .split(',')
    .map((level) => level.trim())
    .filter(Boolean);
  for (const level of externalLevels) {
    if (!LEVELS.includes(level as Level)) throw new ConfigError(`EXTERNAL_LEVELS: cấp "${level}" không tồn tại (${LEVELS.join(', ')})`);
  }
  if (Boolean(env.ADMIN_USERNAME) !== Boolean(env.ADMIN_PASSWORD)) {
    throw new ConfigError('ADMIN_USERNAME và ADMIN_PASSWORD phải được đặt cùng nhau');
  }
  if (env.ADMIN_PASSWORD && env.ADMIN_PASSWORD.length < 8) throw new ConfigError('ADMIN_PASSWORD phải có ít nhất 8 ký tự');
  const production = env.NODE_ENV === 'production';
  if (production) checkProductionSecrets(env);
  const maxFailures = integer('LOGIN_MAX_FAILURES', env.LOGIN_MAX_FAILURES, 5, 1, 100);
  return {
    port: integer('PORT', env.PORT, 3000, 0, 65535),
    database,
    jwtSecret: env.JWT_SECRET || localJwtSecret(database),
    jwtExpiresIn: env.JWT_EXPIRES_IN || '12h',
    bcryptCost: integer('BCRYPT_COST', env.BCRYPT_COST, 10, 4, 15),
    admin: env.ADMIN_USERNAME ? { username: env.ADMIN_USERNAME, password: env.ADMIN_PASSWORD! } : null,
    externalLevels: externalLevels as Level[],
    scheduler: {
      enabled: flag('SCHEDULER_ENABLED', env.SCHEDULER_ENABLED, true),
      reminderIntervalSeconds: integer('REMINDER_INTERVAL_SECONDS', env.REMINDER_INTERVAL_SECONDS, 300, 1, 86400),
    },
    webhook: webhookConfig(env),
    documents: {
      dir: resolve(env.DOCUMENTS_DIR || 'var/documents'),
      maxBytes: integer('DOCUMENT_MAX_BYTES', env.DOCUMENT_MAX_BYTES, DEFAULT_DOCUMENT_MAX_BYTES, 1, 1024 * 1024 * 1024),
    },
    exchange: loadExchangeConfig(env, (message) => new ConfigError(message)),
    production,
    trustProxy: trustProxy(env.TRUST_PROXY),
    login: {
      maxFailures,
      lockoutMinutes: integer('LOGIN_LOCKOUT_MINUTES', env.LOGIN_LOCKOUT_MINUTES, 15, 1, 24 * 60),
      maxFailuresPerAddress: integer('LOGIN_MAX_FAILURES_PER_ADDRESS', env.LOGIN_MAX_FAILURES_PER_ADDRESS, 10 * maxFailures, 1, 100_000),
    },
  };
}

/** In production the signing key comes from the environment, never from a file beside the database, and no demo secret. */
function checkProductionSecrets(env: NodeJS.ProcessEnv): void {
  const problems = [jwtSecretWeakness(env.JWT_SECRET), env.ADMIN_PASSWORD ? productionPasswordWeakness('ADMIN_PASSWORD', env.ADMIN_PASSWORD) : null];
  const found = problems.filter((problem): problem is string => !!problem);
  if (found.length) throw new ConfigError(found.join('; '));
}

function trustProxy(value: string | undefined): boolean | number | string {
  const text = value?.trim();
  if (!text || /^(false|0|no)$/i.test(text)) return false;
  if (/^(true|yes)$/i.test(text)) return true;
  if (/^\d+$/.test(text)) return Number(text); // the number of proxies in front
  return text; // addresses or subnets of the trusted proxies, comma-separated (e.g. loopback, 10.0.0.0/8)
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ConfigError(`${name} phải là true hoặc false (đang là "${value}")`);
}

function webhookConfig(env: NodeJS.ProcessEnv): WebhookConfig {
  const url = env.WEBHOOK_URL?.trim() || null;
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError(`WEBHOOK_URL không phải là địa chỉ hợp lệ: "${url}"`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ConfigError('WEBHOOK_URL phải dùng http:// hoặc https://');
    if (!env.WEBHOOK_SECRET || env.WEBHOOK_SECRET.length < 16) {
      throw new ConfigError('WEBHOOK_SECRET (ít nhất 16 ký tự) là bắt buộc khi đặt WEBHOOK_URL: mọi lần gửi đều được ký');
    }
  }
  return {
    url,
    secret: env.WEBHOOK_SECRET || null,
    maxAttempts: integer('WEBHOOK_MAX_ATTEMPTS', env.WEBHOOK_MAX_ATTEMPTS, 10, 1, 100),
    backoffSeconds: integer('WEBHOOK_BACKOFF_SECONDS', env.WEBHOOK_BACKOFF_SECONDS, 30, 0, 86400),
    intervalSeconds: integer('WEBHOOK_INTERVAL_SECONDS', env.WEBHOOK_INTERVAL_SECONDS, 15, 1, 86400),
    timeoutSeconds: integer('WEBHOOK_TIMEOUT_SECONDS', env.WEBHOOK_TIMEOUT_SECONDS, 10, 1, 300),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
