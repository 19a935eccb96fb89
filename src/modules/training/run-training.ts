/**
 * Runs training off the event loop. Training the built-in corpus takes ~2 s of CPU (segment,
 * train, 5-fold CV); inline, that would stall every other request of the instance for as long,
 * so the server trains in a worker thread. The CLI has nothing else to serve and trains inline.
 */
import { Worker } from 'node:worker_threads';
import { trainAndEvaluate, type TrainOutcome, type TrainRequest } from './train-and-evaluate.js';

type WorkerReply = { ok: true; outcome: TrainOutcome } | { ok: false; error: string };

function inWorker(request: TrainRequest): Promise<TrainOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./train-worker-boot.mjs', import.meta.url), {
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
