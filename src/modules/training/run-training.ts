/**
 * Runs training off the event loop. Training the built-in corpus takes ~2 s of CPU (segment,
 * train, 5-fold CV); inline, that would stall every other request of the instance for as long,
 * so the server trains in a worker thread. The CLI has nothing else to serve and trains inline.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { trainAndEvaluate, type TrainOutcome, type TrainRequest } from './train-and-evaluate.js';

// Worker threads do not inherit tsx's loader from `tsx src/...` (nor vitest's), so the worker
// starts as a line of plain JavaScript that imports its TypeScript entry through tsx's API.
// The ESM build of tsx's API: its CommonJS build cannot tsImport from a worker.
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const BOOT = `const { workerData } = require('node:worker_threads');
import(${JSON.stringify(TSX_API)}).then((tsx) => tsx.tsImport(workerData.entry, ${JSON.stringify(import.meta.url)}));`;

type WorkerReply = { ok: true; outcome: TrainOutcome } | { ok: false; error: string };

function inWorker(request: TrainRequest): Promise<TrainOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: { entry: new URL('./train-worker.ts', import.meta.url).href, request },
    });
    let settled = false;
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      if (reply.ok) resolve(reply.outcome);
      else reject(new TrainingFailed(reply.error));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`training worker exited with code ${code}`));
      settled = true;
    });
  });
}

/** Training itself threw (inside the worker): running it again inline would throw too. */
class TrainingFailed extends Error {
  constructor(reason: string) {
    super(`training failed: ${reason}`);
  }
}

export async function runTraining(request: TrainRequest, opts: { inline?: boolean } = {}): Promise<TrainOutcome> {
  if (opts.inline) return trainAndEvaluate(request);
  try {
    return await inWorker(request);
  } catch (err) {
    if (err instanceof TrainingFailed) throw err;
    // The worker could not start (no tsx, a broken install): slower inline training beats none.
    console.warn('loopdesk: training worker unavailable, training inline:', err instanceof Error ? err.message : err);
    return trainAndEvaluate(request);
  }
}
