/**
 * Set methods from ES2025 (Set.prototype.union and friends, Node.js 22+) for running gitlab-ci-local's
 * bundle on Node.js 20. Preloaded with `node --import`; does nothing where the methods exist.
 * Follows the spec's observable behaviour for Set arguments (the only kind gitlab-ci-local passes).
 */
const P = Set.prototype;
const def = (name, fn) => {
  if (typeof P[name] !== 'function')
    Object.defineProperty(P, name, { value: fn, writable: true, configurable: true });
};
def('union', function union(other) {
  const out = new Set(this);
  for (const v of other.keys()) out.add(v);
  return out;
});
def('intersection', function intersection(other) {
  const out = new Set();
  for (const v of this) if (other.has(v)) out.add(v);
  return out;
});
def('difference', function difference(other) {
  const out = new Set(this);
  for (const v of this) if (other.has(v)) out.delete(v);
  return out;
});
def('symmetricDifference', function symmetricDifference(other) {
  const out = new Set(this);
  for (const v of other.keys()) {
    if (this.has(v)) out.delete(v);
    else out.add(v);
  }
  return out;
});
def('isSubsetOf', function isSubsetOf(other) {
  for (const v of this) if (!other.has(v)) return false;
  return true;
});
def('isSupersetOf', function isSupersetOf(other) {
  for (const v of other.keys()) if (!this.has(v)) return false;
  return true;
});
def('isDisjointFrom', function isDisjointFrom(other) {
  for (const v of this) if (other.has(v)) return false;
  return true;
});
