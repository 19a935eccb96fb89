import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * Real receiving ends for tests and the bench: an SMTP server (smtp-server) that keeps what
 * it receives, and an HTTP "SMS provider" (node:http) whose answer a test can choose.
 */
export interface SmtpSink {
  port: number;
  url: string;
  mails: ParsedMail[];
  /** Raw count, also when parsing is off (bench). */
  received: number;
  /** Refuse the next RCPT TO with this SMTP code (e.g. 550), then accept again. */
  refuseNext(code: number | null): void;
  close(): Promise<void>;
}

export async function startSmtpSink(opts: { parse?: boolean } = {}): Promise<SmtpSink> {
  const parse = opts.parse !== false;
  let refuse: number | null = null;
  const sink: SmtpSink = {
    port: 0, url: '', mails: [], received: 0,
    refuseNext: (code) => { refuse = code; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    maxClients: 200,
    onRcptTo(_address, _session, cb) {
      if (refuse) {
        const code = refuse;
        refuse = null;
        const err = Object.assign(new Error(`refused by the test (${code})`), { responseCode: code });
        cb(err);
        return;
      }
      cb();
    },
    onData(stream, _session, cb) {
      if (!parse) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          sink.received++;
          cb();
        });
        return;
      }
      simpleParser(stream).then((mail) => {
        sink.mails.push(mail);
        sink.received++;
        cb();
      }, (err: Error) => cb(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  return sink;
}

export interface SmsSink {
  url: string;
  requests: Array<{ auth: string | undefined; body: unknown }>;
  /** Status the provider answers with (200 by default). */
  status: number;
  close(): Promise<void>;
}

export async function startSmsSink(): Promise<SmsSink> {
  const sink: SmsSink = { url: '', requests: [], status: 200, close: async () => undefined };
  let n = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => { raw += c.toString('utf8'); });
    req.on('end', () => {
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // kept as text: the test sees what arrived
      }
      sink.requests.push({ auth: req.headers.authorization, body });
      res.writeHead(sink.status, { 'content-type': 'application/json' });
      res.end(sink.status < 300 ? JSON.stringify({ id: `sms-${++n}` }) : JSON.stringify({ error: 'test says no' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  sink.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
