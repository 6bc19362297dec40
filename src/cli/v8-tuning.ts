/**
 * V8 settings a command may set for its own workload, once its arguments are parsed. They are process-wide,
 * so only the CLI sets them (the action's combined lint and scan keep V8's defaults); they change when code
 * is optimised and how memory is laid out, never what a command reports.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * A lint run is short: its hot functions run thousands of times, not millions. V8 hands a function to
 * TurboFan after 3,000 calls by default, and those compiles run on threads of their own that, on a two-core
 * runner, take the core the lint itself needs (about a quarter of all CPU time linting the 300 fixture
 * files). Optimising later keeps the functions in V8's quicker tiers a while longer for less CPU time in all.
 */
const LINT_TURBOFAN_INVOCATIONS = 12_000;

export function tuneForLint(): void {
  setFlagsFromString(`--invocation-count-for-turbofan=${LINT_TURBOFAN_INVOCATIONS}`);
}

/**
 * An image walk allocates fast but keeps little: buffers and their wrappers die young. V8 doubles the young
 * generation whenever allocation is fast, up to 32 MB per semi-space pair, which added about 45 MB to the
 * peak memory of a scan and bought no measurable CPU time. The young generation keeps its starting size.
 */
export function tuneForImages(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
