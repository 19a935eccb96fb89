import { openPglite } from '../src/db/pglite-database.js';
import { startServer, type RunningServer } from '../src/server/start-server.js';
import { testConfig } from '../src/test/test-app.js';

export const E2E_ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };

/**
 * A real HTTP server on an in-memory database serving the built UI (npm run build:web first).
 * `config` overrides settings, e.g. DATA_DIR to read the development mail outbox.
 */
export async function startE2eServer(config: Record<string, string> = {}): Promise<RunningServer> {
  const db = await openPglite(null);
  const server = await startServer(testConfig({ PORT: '0', ...config }), { db, listen: true, scheduler: true });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
