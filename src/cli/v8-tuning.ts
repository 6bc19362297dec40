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

/**
 * A token service runs for days and answers the same few requests millions of times, so what matters is how
 * soon it reaches its steady cost, which is when a burst after a start or a restart arrives:
 * - Left at 3,000 calls before TurboFan, the service still cost about 0.2 ms of CPU a token after 12,000
 *   requests under ab; optimised after 500 calls, it was down to about 0.11 ms within 4,000.
 * - The young generation starts small and doubles as the service allocates, to the size it then keeps. Until
 *   it gets there it is collected half as often again, each time copying the requests in flight; growing it
 *   to its full size at the first step cut the CPU time of a burst after start by about a tenth.
 */
const SERVICE_TURBOFAN_INVOCATIONS = 500;
const SERVICE_SEMI_SPACE_GROWTH = 16;

export function tuneForService(): void {
  setFlagsFromString(`--invocation-count-for-turbofan=${SERVICE_TURBOFAN_INVOCATIONS}`);
  setFlagsFromString(`--semi-space-growth-factor=${SERVICE_SEMI_SPACE_GROWTH}`);
}
