import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { AppContext } from '../../../http/context.js';
import { acceptInboundEmail } from './accept-inbound-email.js';
import { recordSmtpListening } from '../channel-health.js';

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

const addressOf = (a: false | { address: string }) => (a ? a.address : null);

/**
 * The inbound mail listener (INBOUND_SMTP_PORT): point MX or a forwarding rule here. Each
 * message is stored raw and committed before the 250 reply (a sender that got 250 can forget
 * it); then it is processed. A message over INBOUND_EMAIL_MAX_BYTES is refused with 552 and a
 * database failure answers 451, so the sending server keeps the mail and retries.
 */
export async function startSmtpListener(
  ctx: AppContext,
  opts: { port: number; host?: string; log?: (msg: string, err?: unknown) => void },
): Promise<SmtpListener> {
  const maxBytes = ctx.config.INBOUND_EMAIL_MAX_BYTES;
  const log = opts.log ?? (() => {});
  const server = new SMTPServer({
    name: ctx.config.MAIL_DOMAIN,
    banner: 'Loopdesk inbound mail',
    size: maxBytes,
    // We receive, never relay: no AUTH, and no STARTTLS without a certificate (put a TLS-terminating MTA in front for that).
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    disableReverseLookup: true,
    maxClients: 200,
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // Past the limit the rest is drained, not kept.
        if (bytes <= maxBytes) chunks.push(chunk);
      });
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        if (stream.sizeExceeded || bytes > maxBytes) {
          callback(smtpError(552, `Message exceeds the maximum size of ${maxBytes} bytes`));
          return;
        }
        const raw = Buffer.concat(chunks, bytes);
        void (async () => {
          let id: string;
          try {
            ({ id } = await acceptInboundEmail(ctx, {
              raw, transport: 'smtp', envelopeFrom: addressOf(session.envelope.mailFrom),
              envelopeTo: session.envelope.rcptTo.map((r) => r.address), remoteAddress: session.remoteAddress ?? null,
            }));
          } catch (err) {
            log('inbound email could not be stored; the sender will retry', err);
            callback(smtpError(451, 'Temporary failure storing the message; try again later'));
            return;
          }
          callback(null, `Message accepted as ${id}`);
        })();
      });
    },
  });
  server.on('error', (err) => log('inbound SMTP listener error', err));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  recordSmtpListening(ctx, port);
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => recordSmtpListening(ctx, null)),
  };
}
