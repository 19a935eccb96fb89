/**
 * First-screen JavaScript (issue 5: ≤ 300 kB gzipped): what a browser must download before
 * the staff UI's first screen (sign-in, then the queue) or the service hall can run — the
 * entry chunk plus the chunk of that app and everything they import statically, from Vite's
 * chunk graph (dist/web/.vite/manifest.json). Lazily loaded screens (admin, desk, board…) are
 * not on the first screen and are reported separately as the whole bundle.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { progress, round, withTarget, type Figure } from './report.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist/web');
const MANIFEST = path.join(DIST, '.vite/manifest.json');

interface Chunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, Chunk>;

/** The chunk keys loaded with `start`: it and its static imports, transitively. */
export function staticClosure(manifest: Manifest, start: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...start];
  while (todo.length) {
    const key = todo.pop()!;
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    todo.push(...(manifest[key].imports ?? []));
  }
  return seen;
}

function gzipKb(files: Iterable<string>): { raw: number; gzip: number; count: number } {
  let raw = 0;
  let gzip = 0;
  let count = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(DIST, f));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
    count += 1;
  }
  return { raw: round(raw / 1024), gzip: round(gzip / 1024), count };
}

export function runBundleSize(): Figure[] {
  if (!fs.existsSync(MANIFEST)) {
    progress('bundle: building the web UI (npm run build:web)');
    execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entry) throw new Error('bundle: no entry chunk in the Vite manifest');
  const dynamicOfEntry = manifest[entry]!.dynamicImports ?? [];
  const app = (name: string) => {
    const key = dynamicOfEntry.find((k) => k.includes(name));
    if (!key) throw new Error(`bundle: the entry does not load ${name}`);
    return [...staticClosure(manifest, [entry, key])].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
  };
  const staff = gzipKb(app('staff-entry'));
  const hall = gzipKb(app('HallApp'));
  const all = gzipKb(new Set(Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js'))));
  return [
    withTarget({ name: 'ui.staff_first_screen_js_gzip', value: staff.gzip, unit: 'kB', rawKb: staff.raw, chunks: staff.count,
      what: 'entry + staff app chunk + their static imports (sign-in and queue), gzip' }, '<=', 300),
    withTarget({ name: 'ui.hall_first_screen_js_gzip', value: hall.gzip, unit: 'kB', rawKb: hall.raw, chunks: hall.count,
      what: 'entry + service hall chunk + their static imports, gzip' }, '<=', 300),
    { name: 'ui.all_js_gzip', value: all.gzip, unit: 'kB', rawKb: all.raw, chunks: all.count, what: 'every chunk, including lazily loaded screens' },
  ];
}
