import type { Database } from '../db/database.js';
import { DEFAULT_DEPARTMENTS } from '../modules/complaints/taxonomy.js';
import { generatePassword, hashPassword } from '../modules/auth/passwords.js';
import { ensureDefaultRuleSet } from '../modules/routing/rule-set-repo.js';

/**
 * First start on an empty database: the default departments and one admin. The password
 * comes from ADMIN_PASSWORD or is generated and returned once (the caller prints it).
 */
export async function bootstrap(db: Database, opts: { adminEmail: string; adminPassword?: string }): Promise<{ generatedPassword: string | null; createdAdmin: boolean }> {
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>('select count(*)::int as n from users');
  await db.transaction(async (tx) => {
    for (const d of DEFAULT_DEPARTMENTS) {
      await tx.query('insert into departments (code, name, name_zh) values ($1, $2, $3) on conflict (code) do nothing', [d.code, d.name, d.nameZh]);
    }
    // Routing rule set version 1: the seeds' defaults (category → department, safety → urgent + management).
    await ensureDefaultRuleSet(tx, new Date());
  });
  if (n > 0) return { generatedPassword: null, createdAdmin: false };
  const password = opts.adminPassword ?? generatePassword();
  const rows = await db.query(
    `insert into users (email, name, role, password_hash, locale) values ($1, 'Administrator', 'admin', $2, 'zh-CN')
     on conflict (lower(email)) do nothing returning 1`,
    [opts.adminEmail, await hashPassword(password)],
  );
  return { generatedPassword: rows.length && !opts.adminPassword ? password : null, createdAdmin: rows.length > 0 };
}
