/** Runs the action from the sources, in this process, the way its unit tests need it. */
import { run } from '../../src/action/main';
import { runPipeline } from '../../src/pipeline/run';

/** Runs `fn` with process.stdout captured (the runner commands the action writes there). */
export async function captureStdout<T>(fn: () => Promise<T>): Promise<{ value: T; out: string }> {
  const lines: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    const value = await fn();
    return { value, out: lines.join('') };
  } finally {
    process.stdout.write = write;
  }
}

/** The INPUT_* variables of action inputs, named as the runner names them (upper case, hyphens kept). */
function inputVars(inputs: Record<string, string>): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
}

/** Runs the action with the real pipeline on `base` plus `inputs`; returns its exit code and runner commands. */
export async function runSourceAction(
  base: NodeJS.ProcessEnv,
  inputs: Record<string, string>,
): Promise<{ code: number; log: string }> {
  const { value, out } = await captureStdout(() => run({ runPipeline }, { ...base, ...inputVars(inputs) }));
  return { code: value, log: out };
}
