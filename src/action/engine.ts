import { scanGatePush } from '../pipeline/push';
import { runPipeline } from '../pipeline/run';
import { scanToSign, signingPush, signScanned } from '../pipeline/scan-sign';
import type { Engine } from './main';

/** The real pipeline, push and signing the action runs (tests wrap it to point at local services). */
export const ENGINE: Engine = { runPipeline, scanGatePush, scanToSign, signScanned, signingPush };
