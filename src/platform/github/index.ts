export { omittedNote, planAnnotations } from './annotations';
export { inertLines } from './commands';
export { createClient } from './client';
export { commentMarker, upsertPrComment } from './comment';
export { readGitHubContext, type GitHubContext } from './context';
export { appendJobSummary } from './summary';
export { uploadSarif } from './upload';
