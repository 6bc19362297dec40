/** The GitHub Action front door: inputs → the pipeline → the output stage → upload, summary, annotations, outputs. */
import { scanGatePush } from '../pipeline/push';
import { runPipeline } from '../pipeline/run';
import { signImage } from '../pipeline/sign';
import { run } from './main';

await run({ runPipeline, scanGatePush, signImage });
