/**
 * Runs training off the event loop. Training the built-in corpus takes ~2 s of CPU (segment,
 * train, 5-fold CV); inline, that would stall every other request of the instance for as long,
 * so the server trains in a worker thread. The CLI has nothing else to serve and trains inline.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { trainAndEvaluate, type TrainOutcome, type TrainRequest } from './train-and-evaluate.js';

// Worker threads do not inherit tsx's loader from `tsx src/...` (nor vitest's), so the worker
// starts as a line of plain JavaScript that imports its TypeScript entry through tsx's API.
const TSX_API = createRequire(import.meta.url).resolve('tsx/esm/api');
const BOOT = `const { workerData } = require('node:worker_threads');
require(${JSON.stringify(TSX_API)}).tsImport(workerData.entry, ${JSON.stringify(import.meta.url)});`;

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
      else reject(new Error(`training failed: ${reply.error}`));
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

export async function runTraining(request: TrainRequest, opts: { inline?: boolean } = {}): Promise<TrainOutcome> {
  if (opts.inline) return trainAndEvaluate(request);
  return inWorker(request);
}
