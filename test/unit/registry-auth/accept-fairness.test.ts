/**
 * New connections are not starved by busy keep-alive ones. Node.js accepts one connection per turn of its
 * event loop; a server answering every ready request in each turn accepts a burst of N new connections only
 * after about N rounds of its busy clients. Counted in answers, not in time: while a client process keeps
 * BUSY keep-alive connections busy, BURST new connections each ask for one token, and the busy clients'
 * answers in the meantime are counted. Starved, that is about BURST × BUSY answers; answered in arrival order
 * with the burst accepted first, a few rounds.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SERVICE, startAuthFixture, type AuthFixture } from '../../support/registry-auth';
import { TOKEN_KEY_TOOLS } from '../../support/token-keys';
import { describeWithTools } from '../../support/tools';

const BUSY = 100;
const BURST = 100;

/** The load, in a process of its own so that the server's event loop is the server's alone. */
const CLIENT = `
const { Agent, request } = require('node:http');
const [url, busyText, burstText] = process.argv.slice(1);
const busy = new Agent({ keepAlive: true, maxSockets: Number(busyText) });
const get = (agent) => new Promise((resolve, reject) => {
  request(url, { agent }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); })
    .on('error', reject).end();
});
let answers = 0;
let stop = false;
async function loop() { while (!stop) { await get(busy); answers++; } }
(async () => {
  const loops = Array.from({ length: Number(busyText) }, loop);
  while (answers < 2000) await new Promise((r) => setTimeout(r, 5));
  const before = answers;
  const statuses = await Promise.all(Array.from({ length: Number(burstText) }, () => get(new Agent({ keepAlive: false }))));
  const during = answers - before;
  stop = true;
  await Promise.all(loops);
  busy.destroy();
  console.log(JSON.stringify({ during, statuses: [...new Set(statuses)] }));
})().catch((e) => { console.error(e.message); process.exit(1); });
`;

describeWithTools('registry-auth accepts new connections under load', TOKEN_KEY_TOOLS, () => {
  let fixture: AuthFixture;

  beforeAll(async () => {
    fixture = await startAuthFixture('shipgate-rauth-fair-');
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it('answers a burst of new connections within a few rounds of the busy ones', async () => {
    const { auth } = fixture;
    const url = `${auth.server.url}/token?${new URLSearchParams({ service: SERVICE, scope: 'repository:team/app:pull' })}`;
    const child = spawn(process.execPath, ['-e', CLIENT, url, String(BUSY), String(BURST)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout) as { during: number; statuses: number[] };
    expect(result.statuses).toEqual([200]);
    // Starved, about BURST × BUSY (10,000; 2,600 to 7,500 measured). Accepted first, then answered in arrival
    // order: about two rounds of BUSY (190 to 200 measured).
    expect(result.during).toBeLessThan((BURST * BUSY) / 10);
    expect(auth.audit().length).toBeGreaterThan(2000 + BURST);
  }, 60_000);
});
