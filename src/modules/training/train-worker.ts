/** Worker-thread entry (see run-training.ts): trains one model version off the main event loop. */
import { parentPort, workerData } from 'node:worker_threads';
import { trainAndEvaluate, type TrainRequest } from './train-and-evaluate.js';

const { request } = workerData as { request: TrainRequest };
try {
  parentPort!.postMessage({ ok: true, outcome: trainAndEvaluate(request) });
} catch (err) {
  parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
}
