/**
 * Loopdesk's own folder (where package.json is). Files the server reads at run time —
 * migrations, the classifier's model and corpus, the built web UI — are found from here, so
 * they resolve the same from the TypeScript sources (tsx, vitest) and from the server bundle
 * in dist/server that `npm start` runs, whose modules no longer sit beside those files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (pkg.name === 'loopdesk') return dir;
    } catch {
      // no package.json here (or not readable): keep walking up
    }
    if (path.dirname(dir) === dir) throw new Error(`loopdesk: cannot find Loopdesk's package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, e.g. projectPath('src/db/migrations'). */
export function projectPath(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}
