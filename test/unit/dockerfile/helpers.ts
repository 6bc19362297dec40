import { lintDockerfile } from '../../../src/dockerfile/index';
import type { DockerfileLintOptions } from '../../../src/dockerfile/index';
import type { Finding } from '../../../src/core/finding';

export async function lint(content: string, options?: DockerfileLintOptions): Promise<Finding[]> {
  return (await lintDockerfile({ path: 'Dockerfile', content }, options)).findings;
}

/** Unsuppressed findings of one rule. */
export async function hits(
  ruleId: string,
  content: string,
  options?: DockerfileLintOptions,
): Promise<Finding[]> {
  return (await lint(content, options)).filter((f) => f.ruleId === ruleId && !f.suppressed);
}
