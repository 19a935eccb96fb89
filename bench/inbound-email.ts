/**
 * Inbound email throughput: real SMTP (nodemailer, pooled connections) into the server's own
 * listener. The listener answers 250 only after the raw message is stored AND processed
 * (parsed, customer matched, complaint classified and created or the reply threaded,
 * attachments checked and stored), so accepted messages per second is the issue's
 * "parsed and stored" figure. Mix: new complaints in Chinese and English from a pool of
 * senders, every 10th with a small PNG attachment, every 5th naming an early complaint's
 * [C-…] token (the thread lookup and sender check run; from a different sender it opens a
 * complaint of its own, from the same one it threads).
 */
import nodemailer from 'nodemailer';
import { CATEGORIES } from '../src/modules/complaints/taxonomy.js';
import { PHRASES } from './phrases.js';
import { progress, round, withTarget, type Figure } from './report.js';
import { sampleCpu, sampleRss, type ServerProcess } from './server-process.js';

const any = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096, 7)]);
const SENDERS = 5_000;

export interface EmailOptions {
  database: 'postgres' | 'pglite';
  seconds: number;
  connections: number;
}

function message(i: number, replyTo: string | null) {
  const p = PHRASES[any(CATEGORIES)];
  const zh = Math.random() < 0.6;
  const n = Math.floor(Math.random() * SENDERS);
  return {
    from: `${zh ? `客户${n}` : `Customer ${n}`} <mail${n}@bench.example.com>`,
    to: 'support@loopdesk.local',
    subject: replyTo ? `Re: ${replyTo}` : zh ? any(p.subjectZh) : any(p.subjectEn),
    text: zh ? `${any(p.detailZh)}${any(p.detailZh)}` : `${any(p.detailEn)} ${any(p.detailEn)}`,
    messageId: `<bench-${process.pid}-${i}-${Math.random().toString(36).slice(2)}@bench.example.com>`,
    ...(i % 10 === 0 ? { attachments: [{ filename: 'photo.png', content: PNG, contentType: 'image/png' }] } : {}),
  };
}

export async function runInboundEmail(server: ServerProcess, opts: EmailOptions): Promise<Figure[]> {
  if (!server.smtpPort) throw new Error('the bench server has no inbound SMTP listener');
  const transport = nodemailer.createTransport({
    host: '127.0.0.1', port: server.smtpPort, secure: false, ignoreTLS: true, pool: true,
    maxConnections: opts.connections, maxMessages: Infinity,
  });
  const latencies: number[] = [];
  let sent = 0;
  let failed = 0;
  let i = 0;
  const deadline = Date.now() + opts.seconds * 1000;
  progress(`email on ${opts.database}: ${opts.connections} SMTP connections for ${opts.seconds}s`);
  const rss = sampleRss(server);
  const cpu = sampleCpu(server.pid);
  const start = Date.now();
  const worker = async () => {
    while (Date.now() < deadline) {
      const n = i++;
      const t0 = performance.now();
      try {
        await transport.sendMail(message(n, n % 5 === 4 ? `[C-2026-${String(1 + (n % 50)).padStart(6, '0')}]` : null));
        sent++;
        latencies.push(performance.now() - t0);
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const seconds = (Date.now() - start) / 1000;
  const peakRss = rss.stop();
  const usage = cpu.stop();
  transport.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => round(latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN, 1);
  const common = { database: opts.database, connections: opts.connections, seconds: round(seconds, 1), sent, failed };
  return [
    withTarget({ name: `email.${opts.database}.messages_per_second`, value: round(sent / seconds), unit: 'messages/s', ...common }, '>=', 100),
    // What one core of the server process takes (the machine is shared: the server often gets a fraction of a core).
    { name: `email.${opts.database}.messages_per_server_core_second`, value: usage.serverCores > 0 ? round(sent / (usage.serverCores * seconds)) : 0, unit: 'messages/core-s', ...common },
    { name: `email.${opts.database}.latency_p50`, value: pct(50), unit: 'ms', ...common },
    { name: `email.${opts.database}.latency_p99`, value: pct(99), unit: 'ms', ...common },
    { name: `email.${opts.database}.failed`, value: failed, unit: 'messages', ...common },
    { name: `email.${opts.database}.server_peak_rss`, value: round(peakRss), unit: 'MB', ...common },
    { name: `email.${opts.database}.server_cpu`, value: round(usage.serverCores, 2), unit: 'cores', machineBusyCores: round(usage.machineBusyCores, 2), ...common },
  ];
}
