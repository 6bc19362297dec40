/** The GitHub Action front door: inputs → the pipeline → the output stage → upload, summary, annotations, outputs. */
import { runPipeline } from '../pipeline/run';
import { run } from './main';

await run({ runPipeline });
