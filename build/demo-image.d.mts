/** Builds the demo image (examples/demo/Dockerfile) as an OCI layout at `out`. */
export function buildDemoImage(out: string): Promise<{ out: string; digest: string }>;
