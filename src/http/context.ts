import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';

/** The services a route or command may use; built once per app instance. */
export interface AppContext {
  db: Database;
  clock: Clock;
  config: Config;
  /** Distinguishes app instances sharing one PostgreSQL (logs, scheduler ownership). */
  instanceId: string;
  /** HMAC key shared by every instance (signed survey and sign-in links); see security/signed-tokens.ts. */
  signingSecret: string;
}
