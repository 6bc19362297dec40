/** The Dockerfile parser, its rules, hadolint/BuildKit pragmas and history mapping. */
export { parseDockerfile } from './parse';
export { lintDockerfile, lintDockerfiles, ruleAliases, toTarget } from './lint';
export { lintDockerfilesParallel } from './lint-pool';
export { dockerfileRules } from './rules/index';
export { loadHadolintConfig, parseHadolintConfig } from './hadolint';
export { matchHistoryToInstruction, ownHistoryEntries } from './history';
export { HISTORY_RULES, historyRules, lintHistory, MAX_HISTORY_BYTES } from './history-lint';
export { DOCKERFILE_DOCS } from './docs';
export type { DockerfileLintOptions, HadolintConfig } from './options';
export type { ParsedDockerfile, Stage, Instruction, ShellCommand, ImageRef, Span } from './types';
