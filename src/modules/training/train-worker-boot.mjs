// Worker threads do not inherit tsx's loader from `tsx src/...` (nor from vitest), so the worker
// starts here, in plain JavaScript, and imports its TypeScript entry through tsx's API.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
