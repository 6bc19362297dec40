/** The pure core: findings, packages, severities, the scan result, ShipgateError, the logger and text helpers. */
export { EXIT, ShipgateError, formatError, isShipgateError, toShipgateError, type ErrorCode } from './errors';
export type { Finding, FindingKind, RuleMeta } from './finding';
export { logger, mask } from './logger';
export type { Package } from './package';
export type { Decision, ScanResult } from './result';
export { compareSeverity, type Severity } from './severity';
export { oneLine, printable } from './text';
