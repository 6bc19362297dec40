/** Orchestration: scan (lint, image walk, vulnerabilities) → gate → push, one way for every front door. */
export { runPipeline, type PipelineInputs } from './run';
export { scanGatePush, type PrePushStep, type PushRequest, type PushOutcome } from './push';
export type { PipelineOptions } from './types';
