import { Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** A byte size setting: '1mb', '512kb', '100000' (bytes when no unit). */
export const BYTE_SIZE = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i;

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/** The environment as read at boot. Names are the ones of docs/operations.md. */
export class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV = 'development';
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) PUBLIC_URL?: string;
  @IsOptional() @IsString() DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/gfmd';
  @IsOptional() @IsString() REDIS_URL = 'redis://127.0.0.1:6379';
  @IsOptional() @IsString() SMTP_URL?: string;
  @IsOptional() @IsString() @MaxLength(300) MAIL_FROM = 'GFMD Dialogues <no-reply@gfmd.local>';
  @IsOptional() @IsString() ADMIN_EMAIL?: string;
  @IsOptional() @IsString() @MinLength(12) ADMIN_PASSWORD?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10000) MAIL_RATE_PER_SECOND = 50;
  @IsOptional() @IsString() @MinLength(32) JWT_SECRET?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(60) JWT_TTL_SECONDS = 8 * 3600;
  /** Signs check-in codes and certificates; derived from JWT_SECRET when unset (docs/operations.md). */
  @IsOptional() @IsString() @MinLength(32) CHECKIN_SECRET?: string;
  @IsOptional() @Transform(toBool) @IsBoolean() SEED_DEMO = true;
  @IsOptional() @Transform(toBool) @IsBoolean() MIGRATIONS_RUN = true;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  @IsOptional() @IsString() WEB_DIST?: string;
  /** How long a public page's data may take before the plain shell goes instead (docs/operations.md). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(10000) WEB_PRERENDER_TIMEOUT_MS = 400;
  @IsOptional()
  @Matches(BYTE_SIZE, { message: "BODY_LIMIT must be a size such as '1mb', '512kb' or '100000'" })
  BODY_LIMIT = '1mb';
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(60) REMINDER_DAYS_BEFORE = 3;
  /**
   * Days after a dialogue ends when its people's personal data is erased (counts kept); the
   * organizers are warned 30 days before, so less than 31 would erase without warning.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(31, { message: 'RETENTION_DAYS must be at least 31: the organizers are warned 30 days before the erasure' })
  @Max(36500)
  RETENTION_DAYS = 730;
  /**
   * Days a sent email stays in the outbox (docs/operations.md, "Outbox retention"); 0 keeps them.
   * Unsent, failed and cancelled rows are never deleted by it.
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(36500) OUTBOX_SENT_RETENTION_DAYS = 180;
  /** Emails sent to one address in 24 hours at most (0: no cap); more are held as failed (docs/decisions.md). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) MAIL_PER_RECIPIENT_PER_DAY = 20;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) INVITATION_RESENDS_MAX = 3;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) SPACE_MESSAGES_PER_DAY = 5;
  @IsOptional() @IsString() QUEUE_PREFIX = '{gfmd}';
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_PER_MINUTE = 600;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_LOGIN_PER_MINUTE = 10;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_REGISTER_PER_MINUTE = 30;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(500) DB_POOL_SIZE = 20;
  @IsOptional() @Transform(toBool) @IsBoolean() TRUST_PROXY = false;
  @IsOptional() @IsString() CORS_ORIGINS?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) WORKER_CONCURRENCY = 20;
  /** Outbox rows due together that share one queue job (1: a job per row). docs/operations.md. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100) MAIL_JOB_GROUP_SIZE = 20;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) OUTBOX_SWEEP_INTERVAL_MS = 30000;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) AGENDA_UPDATE_COALESCE_MS = 60000;
  /** Webhooks (docs/webhooks.md): private, loopback and link-local receivers refused unless true. */
  @IsOptional() @Transform(toBool) @IsBoolean() WEBHOOKS_ALLOW_PRIVATE = false;
  /** Plain http receivers refused unless true (https only by default). */
  @IsOptional() @Transform(toBool) @IsBoolean() WEBHOOKS_ALLOW_HTTP = false;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(60000) WEBHOOKS_TIMEOUT_MS = 10000;
  /** Tries per delivery (the first and the retries), with exponential backoff from WEBHOOKS_BACKOFF_MS. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(20) WEBHOOKS_ATTEMPTS = 6;
  @IsOptional() @Transform(toInt) @IsInt() @Min(10) WEBHOOKS_BACKOFF_MS = 30000;
  /** Deliveries failing all their tries in a row after which a subscription is disabled and the admins told. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000) WEBHOOKS_DISABLE_AFTER = 5;
  /** Where documents are kept: unset → local disk under STORAGE_DIR; s3://… → an S3-compatible store (docs/operations.md). */
  @IsOptional()
  @Matches(/^(file:|s3s?:\/\/)/, { message: 'STORAGE_URL must start with s3://, s3s:// or file:' })
  STORAGE_URL?: string;
  @IsOptional() @IsString() STORAGE_DIR = '.data/documents';
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(2048) MAX_UPLOAD_MB = 50;
  /** A clamd to scan uploads with (host or host:port, INSTREAM over TCP); unset → no scan. */
  @IsOptional() @IsString() CLAMAV_HOST?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(65535) CLAMAV_PORT = 3310;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) CONTRIBUTIONS_PER_ADDRESS_PER_DAY = 5;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) CONTRIBUTIONS_PER_DIALOGUE_PER_DAY = 500;
}

export class ConfigValidationError extends Error {}

/** Validates the environment; throws with every problem listed (secrets are never echoed). */
export function validateEnvironment(env: NodeJS.ProcessEnv): EnvironmentVariables {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') raw[key] = value;
  const config = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false, forbidUnknownValues: false });
  const problems = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
  if (config.NODE_ENV === 'production') {
    if (!config.JWT_SECRET) problems.push('JWT_SECRET: required in production (at least 32 characters)');
    if (!config.PUBLIC_URL) problems.push('PUBLIC_URL: required in production (links in emails point at it)');
    if (!config.SMTP_URL) problems.push('SMTP_URL: required in production');
  }
  if (problems.length) throw new ConfigValidationError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}

/** The one typed view of the settings; nothing else reads process.env. */
@Injectable()
export class AppConfig {
  readonly env: EnvironmentVariables;
  private readonly devSecret = `dev-only-${Math.random().toString(36).slice(2)}-${Date.now()}-not-for-production`;

  constructor(env: EnvironmentVariables = validateEnvironment(process.env)) {
    this.env = env;
  }

  get isProduction() {
    return this.env.NODE_ENV === 'production';
  }
  get isTest() {
    return this.env.NODE_ENV === 'test';
  }
  get port() {
    return this.env.PORT;
  }
  get publicUrl() {
    return (this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`).replace(/\/+$/, '');
  }
  get databaseUrl() {
    return this.env.DATABASE_URL;
  }
  get redisUrl() {
    return this.env.REDIS_URL;
  }
  get smtpUrl() {
    return this.env.SMTP_URL ?? 'smtp://127.0.0.1:1025';
  }
  get mailFrom() {
    return this.env.MAIL_FROM;
  }
  get mailRatePerSecond() {
    return this.env.MAIL_RATE_PER_SECOND;
  }
  get jwtSecret() {
    return this.env.JWT_SECRET ?? this.devSecret;
  }
  /**
   * The key of check-in codes and certificate codes: CHECKIN_SECRET, else derived from JWT_SECRET
   * (production requires that), else a fixed development key, so the API and the worker agree
   * and printed badges survive a restart. Rotating it voids every printed badge.
   */
  get checkInSecret(): string {
    if (this.env.CHECKIN_SECRET) return this.env.CHECKIN_SECRET;
    const base = this.env.JWT_SECRET ?? 'gfmd-development-only-check-in-key';
    return createHmac('sha256', base).update('gfmd:check-in-codes:v1').digest('base64url');
  }
  get jwtTtlSeconds() {
    return this.env.JWT_TTL_SECONDS;
  }
  get adminEmail() {
    return this.env.ADMIN_EMAIL;
  }
  get adminPassword() {
    return this.env.ADMIN_PASSWORD;
  }
  get seedDemo() {
    return this.env.SEED_DEMO;
  }
  get migrationsRun() {
    return this.env.MIGRATIONS_RUN;
  }
  get logLevel() {
    return this.env.LOG_LEVEL;
  }
  get webDist() {
    return this.env.WEB_DIST;
  }
  get webPrerenderTimeoutMs() {
    return this.env.WEB_PRERENDER_TIMEOUT_MS;
  }
  get bodyLimit() {
    return this.env.BODY_LIMIT;
  }
  /** docs/operations.md, "Outbox retention" (0: sent emails are kept). */
  get outboxSentRetentionDays() {
    return this.env.OUTBOX_SENT_RETENTION_DAYS;
  }
  /** docs/operations.md, "Retention". */
  get retentionDays() {
    return this.env.RETENTION_DAYS;
  }
  get reminderDaysBefore() {
    return this.env.REMINDER_DAYS_BEFORE;
  }
  /** Caps on sending (docs/decisions.md, "Sending limits"). */
  get sendingLimits() {
    return {
      mailPerRecipientPerDay: this.env.MAIL_PER_RECIPIENT_PER_DAY,
      invitationResendsMax: this.env.INVITATION_RESENDS_MAX,
      spaceMessagesPerDay: this.env.SPACE_MESSAGES_PER_DAY,
    };
  }
  get queuePrefix() {
    return this.env.QUEUE_PREFIX;
  }
  get rateLimits() {
    return {
      perMinute: this.env.RATE_LIMIT_PER_MINUTE,
      loginPerMinute: this.env.RATE_LIMIT_LOGIN_PER_MINUTE,
      registerPerMinute: this.env.RATE_LIMIT_REGISTER_PER_MINUTE,
    };
  }
  get dbPoolSize() {
    return this.env.DB_POOL_SIZE;
  }
  get trustProxy() {
    return this.env.TRUST_PROXY;
  }
  get corsOrigins(): string[] {
    return (this.env.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  get workerConcurrency() {
    return this.env.WORKER_CONCURRENCY;
  }
  get mailJobGroupSize() {
    return this.env.MAIL_JOB_GROUP_SIZE;
  }
  get outboxSweepIntervalMs() {
    return this.env.OUTBOX_SWEEP_INTERVAL_MS;
  }
  get agendaUpdateCoalesceMs() {
    return this.env.AGENDA_UPDATE_COALESCE_MS;
  }
  /** docs/webhooks.md. */
  get webhooks() {
    return {
      allowPrivate: this.env.WEBHOOKS_ALLOW_PRIVATE,
      allowHttp: this.env.WEBHOOKS_ALLOW_HTTP,
      timeoutMs: this.env.WEBHOOKS_TIMEOUT_MS,
      attempts: this.env.WEBHOOKS_ATTEMPTS,
      backoffMs: this.env.WEBHOOKS_BACKOFF_MS,
      disableAfter: this.env.WEBHOOKS_DISABLE_AFTER,
    };
  }
  /** Documents: the store, the size limit and the virus scanner (docs/operations.md, "Documents"). */
  get documents() {
    return {
      storageUrl: this.env.STORAGE_URL,
      storageDir: this.env.STORAGE_DIR,
      maxUploadBytes: this.env.MAX_UPLOAD_MB * 1024 * 1024,
      clamav: this.env.CLAMAV_HOST ? { host: this.env.CLAMAV_HOST, port: this.env.CLAMAV_PORT } : undefined,
    };
  }
  get contributionLimits() {
    return {
      perAddressPerDay: this.env.CONTRIBUTIONS_PER_ADDRESS_PER_DAY,
      perDialoguePerDay: this.env.CONTRIBUTIONS_PER_DIALOGUE_PER_DAY,
    };
  }
}
