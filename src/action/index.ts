import { getInputs } from './inputs';
import { realEngine } from './engine';
import { run } from './main';

await run(realEngine(() => getInputs(process.env).repoRoot));
