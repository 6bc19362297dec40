/**
 * Where a registry's credentials may go. They belong to one registry: its own origin gets them, another
 * origin (an upload location, blob storage behind a redirect) never does, and a token realm the registry
 * names gets them only where a forged or downgraded challenge cannot divert them.
 */

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** Whether `host` (host[:port]) is this machine. */
export function isLoopback(host: string): boolean {
  return LOOPBACK_HOST.test(host.replace(/:\d+$/, ''));
}

/**
 * What may be sent to the token realm a registry at `registry` (its base URL) named:
 * - 'credentials': the registry's own origin, or https — and when the registry itself speaks plain http
 *   (its challenge could be forged in transit) only a realm on the registry's own host name;
 * - 'anonymous': another https or loopback realm, asked for a token without credentials;
 * - 'refused': plain http to another machine, which could read or alter anything sent.
 */
export function realmAccess(realm: URL, registry: URL): 'credentials' | 'anonymous' | 'refused' {
  if (realm.origin === registry.origin) return 'credentials';
  if (realm.protocol === 'https:') {
    if (registry.protocol === 'https:' || realm.hostname === registry.hostname) return 'credentials';
    return 'anonymous';
  }
  if (realm.protocol === 'http:' && isLoopback(realm.host)) return 'anonymous';
  return 'refused';
}
