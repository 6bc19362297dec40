/**
 * A lint worker thread (see lint-pool.ts): lints the batches of Dockerfiles it is sent with the options it was
 * started with, and answers each with the results or the error, as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lintDockerfiles, type DockerfileLintOptions } from './lint';
import { batchError, type BatchReply, type BatchRequest } from './lint-pool';

const options = workerData as DockerfileLintOptions;
const port = parentPort!;

port.on('message', (req: BatchRequest) => {
  void lintDockerfiles(req.inputs, options).then(
    (results) => port.postMessage({ batch: req.batch, results } satisfies BatchReply),
    (e: unknown) => port.postMessage({ batch: req.batch, error: batchError(e) } satisfies BatchReply),
  );
});

// Batches are sent only once the linter is loaded, so a worker that starts late takes no work it cannot do yet.
port.postMessage({ ready: true } satisfies BatchReply);
