import { runPipeline } from '../pipeline/run';
import { run } from './main';

await run({ runPipeline });
