/** templates/scan.yml text with the release's image (name:tag@sha256:...) and `shipgate` command as defaults. */
export function pinnedTemplate(text: string, image: string): string;

/** Writes the GitLab component project of the release into outDir (which must be empty or absent). */
export function gitlabComponent(options: { root?: string; image: string; outDir: string }): void;
