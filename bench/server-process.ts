/** Starts bench-server.ts (bundled, as `npm start` runs the server) in a child process and watches its memory. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildServer, SERVER_DIST, startEnv, startNodeFlags } from '../scripts/build-server.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');

export interface ServerProcess {
  pid: number;
  baseUrl: string;
  /** Port of the server's inbound SMTP listener. */
  smtpPort: number | null;
  token: string;
  /** Resident set size now, in MB (VmRSS), or null once the process is gone. */
  rssMb(): number | null;
  /** Peak resident set size since start, in MB (VmHWM). */
  peakRssMb(): number | null;
  stop(): Promise<void>;
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

let bundled: Promise<string> | null = null;

/**
 * bench-server.ts bundled like `npm start`'s server (scripts/build-server.ts), once per bench
 * run: the figures are those of the server users run, not of the sources through tsx.
 */
function benchServerBundle(): Promise<string> {
  bundled ??= buildServer({ 'bench-server': 'bench/bench-server.ts' }).then(() => path.join(SERVER_DIST, 'bench-server.mjs'));
  return bundled;
}

export async function startServerProcess(db: { databaseUrl: string } | { dataDir: string }): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = startEnv(process.env);
  delete env.BENCH_SERVER_DATABASE_URL;
  delete env.BENCH_SERVER_DATA_DIR;
  if ('databaseUrl' in db) env.BENCH_SERVER_DATABASE_URL = db.databaseUrl;
  else env.BENCH_SERVER_DATA_DIR = db.dataDir;
  // BENCH_SERVER_NODE_ARGS: extra node flags for the server under test, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
  // (node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...startNodeFlags(), ...nodeArgs, await benchServerBundle()], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<{ port: number; smtpPort: number | null; token: string; pid: number }>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { ready?: boolean; port: number; smtpPort: number | null; token: string; pid: number };
        if (msg.ready) resolve(msg);
      } catch {
        process.stderr.write(`[bench-server] ${line}\n`);
      }
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with code ${code} before it was ready`)));
  });
  const pid = ready.pid;
  return {
    pid,
    baseUrl: `http://127.0.0.1:${ready.port}`,
    smtpPort: ready.smtpPort ?? null,
    token: ready.token,
    rssMb: () => statusField(pid, 'VmRSS'),
    peakRssMb: () => statusField(pid, 'VmHWM'),
    async stop() {
      const done = exited(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await done;
      clearTimeout(timer);
    },
  };
}

/** Samples a process's RSS every `intervalMs` until stopped; returns the highest sample in MB. */
export function sampleRss(server: ServerProcess, intervalMs = 200): { stop(): number } {
  let max = server.rssMb() ?? 0;
  const timer = setInterval(() => {
    max = Math.max(max, server.rssMb() ?? 0);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      max = Math.max(max, server.rssMb() ?? 0);
      return max;
    },
  };
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function processTicks(pid: number): number {
  try {
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function machineTicks(): { busy: number; total: number } {
  const parts = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = parts.reduce((a, b) => a + b, 0);
  const idle = (parts[3] ?? 0) + (parts[4] ?? 0);
  return { busy: total - idle, total };
}

/**
 * CPU used while a measurement runs, in cores: by the server process, and by the whole
 * machine (which includes PostgreSQL, the load generator and anything else running).
 */
export function sampleCpu(pid: number): { stop(): { serverCores: number; machineBusyCores: number } } {
  const t0 = process.hrtime.bigint();
  const p0 = processTicks(pid);
  const m0 = machineTicks();
  return {
    stop() {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const m1 = machineTicks();
      const cpus = (m1.total - m0.total) / TICKS_PER_SECOND / seconds;
      return {
        serverCores: Math.round(((processTicks(pid) - p0) / TICKS_PER_SECOND / seconds) * 100) / 100,
        machineBusyCores: Math.round(((m1.busy - m0.busy) / Math.max(1, m1.total - m0.total)) * cpus * 100) / 100,
      };
    },
  };
}
