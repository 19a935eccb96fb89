import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../../../errors.js';
import type { AppContext } from '../../../http/context.js';
import { publicUrl } from '../../../http/public-url.js';
import { signToken } from '../../../security/signed-tokens.js';
import { createEmailTransport } from '../../notify/transports/email-transport.js';
import { createSmsTransport } from '../../notify/transports/sms-transport.js';
import type { PortalLocale } from '../portal-locale.js';
import { codeEmail, codeSms } from './code-texts.js';
import {
  CODE_TTL_MS, hashCode, MAX_CODES_PER_ADDRESS, MAX_CODES_PER_IP, newCode, RATE_WINDOW_MS, type Address,
} from './code-rules.js';

export const MAGIC_LINK_PURPOSE = 'magic_link';

function rateLimited(message: string): AppError {
  return new AppError('rate_limited', message, [], { 'retry-after': String(RATE_WINDOW_MS / 1000) });
}

async function findCustomerId(ctx: AppContext, a: Address): Promise<string | null> {
  const [row] = a.channel === 'email'
    ? await ctx.db.query<{ id: string }>('select id from customers where lower(email) = $1', [a.value])
    : await ctx.db.query<{ id: string }>('select id from customers where phone = $1 order by created_at limit 1', [a.value]);
  return row?.id ?? null;
}

/**
 * Issues a one-time sign-in code. The answer never says whether the address belongs to a
 * customer: unknown addresses are counted against the limits like known ones, but nothing is
 * sent (the service hall serves customers we know — by an order or an earlier complaint).
 * Delivery runs after the answer, so its duration does not tell either.
 */
export async function requestCode(ctx: AppContext, a: Address, locale: PortalLocale, ip: string, log: FastifyBaseLogger): Promise<void> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - RATE_WINDOW_MS);
  const [counts] = await ctx.db.query<{ by_address: number; by_ip: number }>(
    `select (select count(*) from portal_codes where address = $1 and created_at > $3)::int as by_address,
            (select count(*) from portal_codes where ip = $2 and created_at > $3)::int as by_ip`,
    [a.value, ip, since],
  );
  if ((counts?.by_address ?? 0) >= MAX_CODES_PER_ADDRESS) throw rateLimited('Too many codes for this address; try again in 15 minutes.');
  if ((counts?.by_ip ?? 0) >= MAX_CODES_PER_IP) throw rateLimited('Too many codes requested from your network; try again in 15 minutes.');

  const customerId = await findCustomerId(ctx, a);
  const code = newCode();
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  const [row] = await ctx.db.query<{ id: string }>(
    `insert into portal_codes (address, channel, customer_id, code_hash, expires_at, ip, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [a.value, a.channel, customerId, hashCode(ctx.signingSecret, a.value, code), expiresAt, ip, now],
  );
  if (!customerId) return;

  const minutes = CODE_TTL_MS / 60_000;
  const send = async () => {
    if (a.channel === 'email') {
      const token = signToken(ctx.signingSecret, MAGIC_LINK_PURPOSE, { c: row!.id }, expiresAt);
      const link = `${publicUrl(ctx.config)}/hall/signin#magic=${encodeURIComponent(token)}`;
      const transport = createEmailTransport(ctx.config);
      try {
        await transport.send({ to: a.value, ...codeEmail(locale, code, link, minutes) });
      } finally {
        transport.close();
      }
    } else {
      await createSmsTransport(ctx.config).send({ to: a.value, text: codeSms(locale, code, minutes) });
    }
  };
  send().catch((err: unknown) => log.error({ err, channel: a.channel }, 'sign-in code delivery failed'));
}
