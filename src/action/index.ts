/** The GitHub Action front door: inputs → the pipeline → the output stage → upload, summary, annotations, outputs. */
import { ENGINE } from './engine';
import { run } from './main';

await run(ENGINE);
