import { z } from 'zod';

/** Every environment variable Loopdesk reads (README keeps the table). */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // PGlite's buffer cache (PostgreSQL shared_buffers): resident once used; a miss is a copy from the OS page cache.
  PGLITE_SHARED_BUFFERS: z.string().regex(/^\d+\s*(kB|MB|GB)$/, 'like 8MB').default('8MB'),
  // How V8 compiles the embedded database: baseline = ~100 MB less memory, ~20 % more CPU per statement (pglite-wasm-tier.ts).
  PGLITE_WASM_TIER: z.enum(['baseline', 'optimizing']).default('baseline'),
  ADMIN_EMAIL: z.string().default('admin@loopdesk.local'),
  ADMIN_PASSWORD: z.string().optional(),
  LOOPDESK_DEMO: z.string().optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  // A bearer token resolved this recently answers from memory (revocations evict at once, on every instance); 0 = off.
  AUTH_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  SLA_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  // A complaint from the same customer about the same category or order within this many days is a repeat.
  REPEAT_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  // Only behind a reverse proxy: otherwise X-Forwarded-For would let a client pick its own IP (and dodge the login limit).
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1'),
  // Base address of this installation as customers reach it: links in emails and SMS (survey, sign-in, progress page).
  PUBLIC_URL: z.string().url().optional(),
  // Outbound email. Unset: mail is written as .eml files under DATA_DIR/mail-outbox (development).
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Loopdesk <support@loopdesk.local>'),
  // Domain in the Message-IDs of outbound mail (threads replies back to their complaint).
  MAIL_DOMAIN: z.string().default('loopdesk.local'),
  // Inbound email: the SMTP listener's port (unset: no listener). IMAP polling: imaps://user:pass@host/INBOX.
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  IMAP_URL: z.string().optional(),
  IMAP_POLL_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  // Inbound mail larger than this is refused at the SMTP level (552) or skipped by the IMAP poller.
  INBOUND_EMAIL_MAX_BYTES: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
  // Per attachment and per message; larger or further files are recorded as rejected (the raw mail keeps them).
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1).default(10 * 1024 * 1024),
  ATTACHMENT_MAX_COUNT: z.coerce.number().int().min(0).max(100).default(10),
  // SMS through an HTTP provider: POST SMS_PROVIDER_URL with SMS_PROVIDER_AUTH as the Authorization header and
  // SMS_BODY_TEMPLATE ({{to}}, {{text}} JSON-escaped). Unset: messages are appended to SMS_LOG_FILE (development).
  SMS_PROVIDER_URL: z.string().url().optional(),
  SMS_PROVIDER_AUTH: z.string().optional(),
  SMS_BODY_TEMPLATE: z.string().default('{"to":"{{to}}","text":"{{text}}"}'),
  SMS_LOG_FILE: z.string().optional(),
  // Chat bot: emotion (0–1, max of anger and intensity) at which it hands over to a person at once.
  BOT_EMOTION_HANDOVER: z.coerce.number().min(0).max(1).default(0.6),
  // Chat flood control per connection (WebSocket) and per session: at most N messages per window.
  CHAT_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  CHAT_RATE_WINDOW_MS: z.coerce.number().int().min(100).default(5000),
  // Progress notices (src/modules/notify): quiet hours in NOTICE_TIME_ZONE (a customer may set their own;
  // "off" disables) hold back non-urgent email/SMS until they end; failed deliveries retry after
  // NOTICE_RETRY_BASE_MS × 2^(attempt−1) up to NOTICE_MAX_ATTEMPTS, then the notice is dead; a claimed
  // notice whose sender crashed is retried after NOTICE_LEASE_MS.
  NOTICE_QUIET_HOURS: z.string().regex(/^(off|\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2})$/, 'like 22:00-08:00 or off').default('22:00-08:00'),
  NOTICE_TIME_ZONE: z.string().default('Asia/Shanghai'),
  NOTICE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  NOTICE_RETRY_BASE_MS: z.coerce.number().int().min(0).default(30_000),
  NOTICE_LEASE_MS: z.coerce.number().int().min(1000).default(120_000),
  NOTICE_SEND_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(16),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof envSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
