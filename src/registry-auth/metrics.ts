/** The service's counters and latency histogram, rendered in the Prometheus text format for /metrics. */

export type Outcome =
  'granted' | 'partial' | 'refused' | 'unauthorized' | 'bad_request' | 'unavailable' | 'error';

const BUCKETS_S = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const PREFIX = 'shipgate_registry_auth';

function labelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** The counters as plain data: what a worker sends the primary, which adds up every worker's. */
export interface MetricsSnapshot {
  requests: [Outcome, number][];
  buckets: number[];
  count: number;
  sum: number;
  jwksFetches: [string, number][];
  jwksErrors: [string, number][];
}

function addInto<K>(into: Map<K, number>, entries: readonly [K, number][]): void {
  for (const [k, n] of entries) into.set(k, (into.get(k) ?? 0) + n);
}

export class Metrics {
  private readonly requests = new Map<Outcome, number>();
  private readonly buckets = BUCKETS_S.map(() => 0);
  private count = 0;
  private sum = 0;
  private readonly jwksFetches = new Map<string, number>();
  private readonly jwksErrors = new Map<string, number>();

  /** The sum of the snapshots (every worker's counters). */
  static merged(snapshots: readonly MetricsSnapshot[]): Metrics {
    const m = new Metrics();
    for (const s of snapshots) {
      addInto(m.requests, s.requests);
      addInto(m.jwksFetches, s.jwksFetches);
      addInto(m.jwksErrors, s.jwksErrors);
      s.buckets.forEach((n, i) => {
        if (i < m.buckets.length) m.buckets[i]! += n;
      });
      m.count += s.count;
      m.sum += s.sum;
    }
    return m;
  }

  snapshot(): MetricsSnapshot {
    return {
      requests: [...this.requests],
      buckets: [...this.buckets],
      count: this.count,
      sum: this.sum,
      jwksFetches: [...this.jwksFetches],
      jwksErrors: [...this.jwksErrors],
    };
  }

  request(outcome: Outcome, seconds: number): void {
    this.requests.set(outcome, (this.requests.get(outcome) ?? 0) + 1);
    this.count++;
    this.sum += seconds;
    BUCKETS_S.forEach((b, i) => {
      if (seconds <= b) this.buckets[i]!++;
    });
  }

  jwksFetch(issuer: string, ok: boolean): void {
    this.jwksFetches.set(issuer, (this.jwksFetches.get(issuer) ?? 0) + 1);
    if (!ok) this.jwksErrors.set(issuer, (this.jwksErrors.get(issuer) ?? 0) + 1);
  }

  render(): string {
    const lines: string[] = [
      `# HELP ${PREFIX}_requests_total Token requests by outcome.`,
      `# TYPE ${PREFIX}_requests_total counter`,
      ...[...this.requests].map(([o, n]) => `${PREFIX}_requests_total{outcome="${o}"} ${n}`),
      `# HELP ${PREFIX}_request_duration_seconds Time to answer a token request.`,
      `# TYPE ${PREFIX}_request_duration_seconds histogram`,
      ...BUCKETS_S.map((b, i) => `${PREFIX}_request_duration_seconds_bucket{le="${b}"} ${this.buckets[i]}`),
      `${PREFIX}_request_duration_seconds_bucket{le="+Inf"} ${this.count}`,
      `${PREFIX}_request_duration_seconds_sum ${this.sum}`,
      `${PREFIX}_request_duration_seconds_count ${this.count}`,
      `# HELP ${PREFIX}_jwks_fetches_total Requests for a CI issuer's OpenID configuration or keys.`,
      `# TYPE ${PREFIX}_jwks_fetches_total counter`,
      ...[...this.jwksFetches].map(
        ([i, n]) => `${PREFIX}_jwks_fetches_total{issuer="${labelValue(i)}"} ${n}`,
      ),
      `# HELP ${PREFIX}_jwks_fetch_errors_total Failed requests for a CI issuer's OpenID configuration or keys.`,
      `# TYPE ${PREFIX}_jwks_fetch_errors_total counter`,
      ...[...this.jwksErrors].map(
        ([i, n]) => `${PREFIX}_jwks_fetch_errors_total{issuer="${labelValue(i)}"} ${n}`,
      ),
    ];
    return `${lines.join('\n')}\n`;
  }
}
