/**
 * Builds the server bundle `npm start` runs: dist/server/main.mjs, plus the training worker
 * beside it (run-training.ts starts it from there). One JavaScript file per entry, with the
 * npm packages left as imports. Running the bundle with plain node instead of the sources
 * through tsx saves the loader and its transformed-source cache (~80 MB resident) and
 * per-start compilation; the code is the same.
 *
 *   tsx scripts/build-server.ts            → dist/server/{main,train-worker}.mjs
 * buildServer({ 'bench-server': 'bench/bench-server.ts' }) adds entries (the benchmarks run
 * their server the way `npm start` does).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_DIST = path.join(ROOT, 'dist/server');

function startWords(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.trim().split(/\s+/);
  if (!words.includes('node')) throw new Error(`package.json start script does not run node: ${pkg.scripts.start}`);
  return words;
}

/**
 * The node flags of `npm start` (package.json's start script: `[NAME=value …] node <flags>
 * dist/server/main.mjs`), so whatever else starts the bundle (benchmarks, tests) runs it as users
 * do — e.g. --heap-growing-percent, which decides how far the heap grows between full collections.
 */
export function startNodeFlags(): string[] {
  const words = startWords();
  return words.slice(words.indexOf('node') + 1).filter((w) => w.startsWith('--'));
}

/**
 * The environment the start script sets before `node` (e.g. `MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}`),
 * applied to `base` the way sh would: a `${NAME:-default}` value keeps what base already has.
 */
export function startEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const words = startWords();
  const env: NodeJS.ProcessEnv = { ...base };
  for (const w of words.slice(0, words.indexOf('node'))) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(w);
    if (!m) continue;
    const withDefault = /^\$\{([A-Za-z_][A-Za-z0-9_]*):-(.*)\}$/.exec(m[2]!);
    env[m[1]!] = withDefault ? (base[withDefault[1]!] || withDefault[2]!) : m[2]!;
  }
  return env;
}

export async function buildServer(extraEntries: Record<string, string> = {}, outdir = SERVER_DIST): Promise<void> {
  const entries: Record<string, string> = {
    main: 'src/server/main.ts',
    'train-worker': 'src/modules/training/train-worker.ts',
    ...extraEntries,
  };
  await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, path.join(ROOT, file)])),
    // Inside the project (the bundle finds its files from Loopdesk's package.json above it).
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildServer().then(
    () => console.log(`server bundle → ${path.relative(process.cwd(), SERVER_DIST) || '.'}`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
