import type { AppContext } from '../http/context.js';

/** Placeholder replaced by the demo seeder. */
export async function seedDemo(_ctx: AppContext): Promise<string | null> {
  return null;
}
