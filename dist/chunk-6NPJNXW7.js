#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  redactUrl
} from "./chunk-6INDVNBY.js";
import {
  logger
} from "./chunk-HYPJQQQ3.js";

// src/oci/retry.ts
import { setTimeout as sleep } from "node:timers/promises";
var DEFAULT_RETRY = { retries: 4, baseMs: 500, maxMs: 3e4 };
function retryAfterMs(header, maxMs, now = Date.now()) {
  if (!header) return void 0;
  const s = header.trim();
  if (/^\d+$/.test(s)) return Math.min(Number(s) * 1e3, maxMs);
  const t = Date.parse(s);
  if (Number.isNaN(t)) return void 0;
  return Math.min(Math.max(0, t - now), maxMs);
}
function backoffMs(attempt, policy) {
  const exp = policy.baseMs * 2 ** attempt;
  return Math.min(policy.maxMs, exp / 2 + Math.random() * (exp / 2));
}
function abortError(what, signal) {
  if (signal.reason instanceof ShipgateError) return signal.reason;
  return new ShipgateError("NETWORK", `${what}: cancelled`, { cause: signal.reason });
}
async function withRetries(attempt, options) {
  const policy = { ...DEFAULT_RETRY, ...options.retry ?? {} };
  const { signal, what } = options;
  for (let n = 0; ; n++) {
    if (signal?.aborted) throw abortError(what, signal);
    const out = await attempt(n);
    if ("value" in out) return out.value;
    if (n >= policy.retries) throw out.giveUp();
    const wait = retryAfterMs(out.retryAfter, policy.maxMs) ?? backoffMs(n, policy);
    logger()[options.logLevel ?? "debug"](
      `${what}: ${out.transient}; retrying in ${Math.round(wait)} ms (attempt ${n + 2} of ${policy.retries + 1})`
    );
    try {
      await sleep(wait, void 0, signal ? { signal } : {});
    } catch (e) {
      if (signal?.aborted) throw abortError(what, signal);
      throw e;
    }
  }
}

// src/oci/http.ts
function isRetryableStatus(status) {
  return status === 408 || status === 429 || status >= 500 && status <= 599 && status !== 501 && status !== 505;
}
function networkReason(e) {
  const err = e;
  const text = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
  return text.replace(/\b[a-z][\w+.-]*:\/\/\S+/gi, (u) => redactUrl(u));
}
function refusedRedirect(e) {
  return e?.cause?.message === "unexpected redirect";
}
function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return "<invalid url>";
  }
}
function defaultGiveUp(hint) {
  return (f) => new ShipgateError("NETWORK", `${f.what}: ${f.reason} after ${f.attempts} attempts`, hint ? { hint } : {});
}
async function fetchWithRetry(url, init = {}, options = {}) {
  const what = options.what ?? redactUrl(url);
  const host = hostOf(url);
  const timeoutMs = options.timeoutMs ?? 6e4;
  const giveUp = options.giveUp ?? defaultGiveUp(options.hint);
  const { signal } = options;
  return withRetries(
    async (n) => {
      const ac = new AbortController();
      const onAbort = () => ac.abort(signal?.reason);
      signal?.addEventListener("abort", onAbort, { once: true });
      const timer = setTimeout(() => ac.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      timer.unref();
      const fail = (reason, res2) => ({
        transient: reason,
        retryAfter: res2?.headers.get("retry-after"),
        giveUp: () => giveUp({
          what,
          host,
          reason,
          attempts: n + 1,
          ...res2 ? { status: res2.status, statusText: res2.statusText } : {}
        })
      });
      let res;
      try {
        const hooks = {
          progress: () => {
            timer.refresh();
          }
        };
        res = await fetch(url, { ...typeof init === "function" ? init(hooks) : init, signal: ac.signal });
      } catch (e) {
        clearTimeout(timer);
        if (signal?.aborted) throw abortError(what, signal);
        if (refusedRedirect(e))
          throw new ShipgateError(
            "NETWORK",
            `${what}: ${host} answered with a redirect, which a request with a body does not follow`,
            { hint: "use the address the service redirects to" }
          );
        return fail(networkReason(e));
      } finally {
        signal?.removeEventListener("abort", onAbort);
      }
      if (!options.timeoutCoversBody) clearTimeout(timer);
      if (!isRetryableStatus(res.status)) return { value: res };
      clearTimeout(timer);
      await res.body?.cancel().catch(() => void 0);
      return fail(`HTTP ${res.status}`, res);
    },
    {
      what,
      ...options.retry ? { retry: options.retry } : {},
      ...signal ? { signal } : {},
      ...options.logLevel ? { logLevel: options.logLevel } : {}
    }
  );
}

export {
  DEFAULT_RETRY,
  backoffMs,
  fetchWithRetry
};
