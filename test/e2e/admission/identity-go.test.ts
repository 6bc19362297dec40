/** Every signer-identity regexp compiles under Go's regexp (RE2, what Kyverno and policy-controller use) and decides every SAN as JavaScript does. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { CASES } from '../../support/signer-identities';
import { CACHE_DIR, describeWithTools } from '../../support/tools';

const GO_MATCHER = `package main

import (
	"encoding/json"
	"os"
	"regexp"
)

type item struct {
	Re string \`json:"re"\`
	S  string \`json:"s"\`
}

func main() {
	var items []item
	if err := json.NewDecoder(os.Stdin).Decode(&items); err != nil {
		panic(err)
	}
	out := make([]bool, len(items))
	for i, it := range items {
		out[i] = regexp.MustCompile(it.Re).MatchString(it.S)
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
`;

describeWithTools('signer identities under Go regexp (RE2)', ['go'], () => {
  it('every generated regexp compiles in Go and decides every SAN as JavaScript does', () => {
    const dir = join(CACHE_DIR, 'admission-go');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.go'), GO_MATCHER);
    const items = CASES.flatMap((c) =>
      [...c.accept, ...c.reject].map((s) => ({ re: c.identity.subjectRegExp!, s })),
    );
    const out = execFileSync('go', ['run', join(dir, 'main.go')], {
      input: JSON.stringify(items),
      encoding: 'utf8',
      env: { ...process.env, GOCACHE: join(dir, 'gocache'), GO111MODULE: 'off', GOFLAGS: '' },
      timeout: 180_000,
    });
    const goResults = JSON.parse(out) as boolean[];
    expect(goResults).toHaveLength(items.length);
    items.forEach((item, i) => {
      const accepted = CASES.some((c) => c.identity.subjectRegExp === item.re && c.accept.includes(item.s));
      expect(goResults[i], `${item.re} vs ${JSON.stringify(item.s)}`).toBe(accepted);
    });
  }, 200_000);
});
