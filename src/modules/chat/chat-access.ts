import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../http/context.js';
import { notFound } from '../../errors.js';
import { signToken, verifyToken } from '../../security/signed-tokens.js';
import type { Principal } from '../auth/principal.js';
import { getSession, insertSession, type ChatLocale, type ChatSessionRow } from './chat-store.js';

const PURPOSE = 'chat-session';
const TOKEN_DAYS = 7;

/** The signed token an anonymous visitor keeps to come back to their chat (widget: sessionStorage). */
export function chatToken(ctx: AppContext, sessionId: string): string {
  return signToken(ctx.signingSecret, PURPOSE, { sid: sessionId }, new Date(ctx.clock.now().getTime() + TOKEN_DAYS * 86_400_000));
}

/**
 * The customer side of a chat: a valid chat token, or the signed-in customer's own session.
 * Anything else — another customer's session, a forged or expired token — is "no such chat".
 */
export async function customerSession(
  ctx: AppContext,
  p: Principal | null,
  ref: { sessionId?: string; sessionToken?: string },
): Promise<ChatSessionRow> {
  let id: string | undefined;
  if (ref.sessionToken) {
    const v = verifyToken(ctx.signingSecret, PURPOSE, ref.sessionToken, ctx.clock.now());
    if (!v.ok || typeof v.data.sid !== 'string') throw notFound('No such chat session.');
    id = v.data.sid;
    if (ref.sessionId && ref.sessionId !== id) throw notFound('No such chat session.');
  } else {
    id = ref.sessionId;
  }
  const s = id ? await getSession(ctx.db, id) : null;
  if (!s) throw notFound('No such chat session.');
  if (!ref.sessionToken && (p?.kind !== 'customer' || s.customer_id !== p.customerId)) throw notFound('No such chat session.');
  return s;
}

/** A new chat, tied to the signed-in customer if there is one. */
export async function openSession(ctx: AppContext, p: Principal | null, locale: ChatLocale): Promise<ChatSessionRow> {
  const id = randomUUID();
  await insertSession(ctx.db, { id, customerId: p?.kind === 'customer' ? p.customerId : null, locale, now: ctx.clock.now() });
  return (await getSession(ctx.db, id))!;
}
