/** action.yml's `inputs:` block, from the option table. */
export function actionInputsBlock(): string;

/** templates/scan.yml's `spec:` header, from the option table. */
export function gitlabSpecBlock(): string;

/** action.yml text with its inputs from the table; the rest is kept. */
export function renderActionYml(text: string, file?: string): Promise<string>;

/** templates/scan.yml text with its spec header from the table; the job is kept. */
export function renderScanTemplate(text: string, file?: string): Promise<string>;

/** The front-door files that differ from what the table makes, with their up-to-date text. */
export function staleFrontDoors(root?: string): Promise<{ file: string; path: string; text: string }[]>;
