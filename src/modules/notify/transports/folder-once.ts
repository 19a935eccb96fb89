import fs from 'node:fs';

/**
 * A folder the file transports (development mail outbox, SMS log) write into, made on first
 * use and again only when a write found it gone: a mkdir per message took about a third of a
 * send in the intake benchmark's profile.
 */
export function folderOnce(dir: string): { ensure(): Promise<void>; forget(): void } {
  let made: Promise<unknown> | null = null;
  return {
    async ensure() {
      made ??= fs.promises.mkdir(dir, { recursive: true }).catch((err: unknown) => {
        made = null; // a failed mkdir is tried again by the next send
        throw err;
      });
      await made;
    },
    forget() {
      made = null;
    },
  };
}

/** Runs a write into the folder; if the folder was removed meanwhile, makes it again and retries once. */
export async function writeInFolder(folder: ReturnType<typeof folderOnce>, write: () => Promise<void>): Promise<void> {
  await folder.ensure();
  await write().catch(async (err: unknown) => {
    if ((err as { code?: string }).code !== 'ENOENT') throw err;
    folder.forget();
    await folder.ensure();
    await write();
  });
}
