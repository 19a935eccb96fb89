/**
 * Runs training off the event loop. Training the built-in corpus takes ~2 s of CPU (segment,
 * train, 5-fold CV); inline, that would stall every other request of the instance for as long,
 * so the server trains in a worker thread. The CLI has nothing else to serve and trains inline.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { trainAndEvaluate, type TrainOutcome, type TrainRequest } from './train-and-evaluate.js';

// From the server bundle (dist/server, what `npm start` runs) the worker is its own bundle
// beside this one. From the TypeScript sources, worker threads do not inherit tsx's loader
// (`tsx src/...`, vitest), so the worker starts as a line of plain JavaScript that imports its
// TypeScript entry through tsx's API — the ESM build of it: its CommonJS build cannot tsImport
// from a worker.
const FROM_SOURCES = import.meta.url.endsWith('.ts');

function workerScript(): { script: string | URL; eval: boolean } {
  if (!FROM_SOURCES) return { script: new URL('./train-worker.mjs', import.meta.url), eval: false };
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./train-worker.ts', import.meta.url).href;
  return {
    script: `const { workerData } = require('node:worker_threads');
import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}));`,
    eval: true,
  };
}

type WorkerReply = { ok: true; outcome: TrainOutcome } | { ok: false; error: string };

function inWorker(request: TrainRequest): Promise<TrainOutcome> {
  return new Promise((resolve, reject) => {
    const { script, eval: isCode } = workerScript();
    const worker = new Worker(script, { eval: isCode, workerData: { request } });
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
