import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startEnv, startNodeFlags } from '../../scripts/build-server.js';
import { projectPath } from '../project-root.js';

/** What `npm start` runs is what the benchmarks and the bundle test run: its env prefix and node flags. */
describe("npm start's command line", () => {
  const script = (JSON.parse(fs.readFileSync(projectPath('package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;

  it('limits malloc arenas to 2 unless the caller chose a number (sh ${NAME:-default})', () => {
    expect(script).toMatch(/^MALLOC_ARENA_MAX=\$\{MALLOC_ARENA_MAX:-2\} node /);
    expect(startEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', MALLOC_ARENA_MAX: '2' });
    expect(startEnv({ MALLOC_ARENA_MAX: '4' }).MALLOC_ARENA_MAX).toBe('4');
    expect(startEnv({ MALLOC_ARENA_MAX: '' }).MALLOC_ARENA_MAX).toBe('2');
  });

  it('passes the node flags, not the env prefix or the script path', () => {
    const flags = startNodeFlags();
    expect(flags).toEqual(expect.arrayContaining(['--heap-growing-percent=50', '--max-semi-space-size=4']));
    expect(flags.every((f) => f.startsWith('--'))).toBe(true);
  });
});
