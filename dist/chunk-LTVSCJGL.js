#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  MALWARE_MODES,
  defaultPolicy,
  findPolicyFile
} from "./chunk-CE3SJGIG.js";
import {
  FAIL_ON_VALUES
} from "./chunk-2L5WH6HQ.js";
import {
  $ZodArray,
  $ZodBoolean,
  $ZodCustom,
  $ZodDefault,
  $ZodEnum,
  $ZodISODate,
  $ZodISODateTime,
  $ZodISODuration,
  $ZodISOTime,
  $ZodLiteral,
  $ZodNever,
  $ZodNumber,
  $ZodNumberFormat,
  $ZodObject,
  $ZodOptional,
  $ZodRecord,
  $ZodString,
  $ZodStringFormat,
  $ZodType,
  $constructor,
  _boolean,
  _gte,
  _int,
  _isoDate,
  _isoDateTime,
  _isoDuration,
  _isoTime,
  _lte,
  _minLength,
  _never,
  _number,
  _positive,
  _refine,
  _regex,
  _string,
  _trim,
  clone,
  describe,
  installLazyProp,
  normalizeParams,
  own,
  parse,
  parseAsync,
  safeParse,
  safeParseAsync,
  shallowClone,
  toJSONSchema
} from "./chunk-VL4GPTQJ.js";
import {
  require_dist
} from "./chunk-DML5XCCS.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  oneLine
} from "./chunk-KDR2SZEQ.js";
import {
  __export,
  __toESM
} from "./chunk-YNPQFTY5.js";

// src/policy/load.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";

// node_modules/zod/v4/mini/schemas.js
var ZodMiniType = /* @__PURE__ */ $constructor("ZodMiniType", (inst, def) => {
  if (!inst._zod)
    throw new Error("Uninitialized schema in ZodMiniType.");
  $ZodType.init(inst, def);
  inst.def = def;
  inst.type = def.type;
}, {
  // `with` is an alias for `check`: the same function object, not a wrapper.
  get with() {
    return this.check;
  },
  set with(value) {
    own(this, "with", value);
  },
  parse(data, params) {
    return parse(this, data, params, { callee: this.parse });
  },
  parseAsync(data, params) {
    return parseAsync(this, data, params, { callee: this.parseAsync });
  },
  safeParse(data, params) {
    return safeParse(this, data, params);
  },
  safeParseAsync(data, params) {
    return safeParseAsync(this, data, params);
  },
  check(...checks) {
    const def = this.def;
    return this.clone({
      ...def,
      checks: [
        ...def.checks ?? [],
        ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
      ]
    }, { parent: true });
  },
  clone(_def, params) {
    return clone(this, _def, params);
  },
  brand() {
    return this;
  },
  register(reg, meta2) {
    reg.add(this, meta2);
    return this;
  },
  apply(fn, ...args) {
    return args.length === 0 ? fn(this) : fn(this, ...args);
  }
});
var ZodMiniString = /* @__PURE__ */ $constructor("ZodMiniString", (inst, def) => {
  $ZodString.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function string(params) {
  return _string(ZodMiniString, params);
}
var ZodMiniStringFormat = /* @__PURE__ */ $constructor("ZodMiniStringFormat", (inst, def) => {
  $ZodStringFormat.init(inst, def);
  ZodMiniString.init(inst, def);
});
var ZodMiniNumber = /* @__PURE__ */ $constructor("ZodMiniNumber", (inst, def) => {
  $ZodNumber.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function number(params) {
  return _number(ZodMiniNumber, params);
}
var ZodMiniNumberFormat = /* @__PURE__ */ $constructor("ZodMiniNumberFormat", (inst, def) => {
  $ZodNumberFormat.init(inst, def);
  ZodMiniNumber.init(inst, def);
});
function int(params) {
  return _int(ZodMiniNumberFormat, params);
}
var ZodMiniBoolean = /* @__PURE__ */ $constructor("ZodMiniBoolean", (inst, def) => {
  $ZodBoolean.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function boolean(params) {
  return _boolean(ZodMiniBoolean, params);
}
var ZodMiniNever = /* @__PURE__ */ $constructor("ZodMiniNever", (inst, def) => {
  $ZodNever.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function never(params) {
  return _never(ZodMiniNever, params);
}
var ZodMiniArray = /* @__PURE__ */ $constructor("ZodMiniArray", (inst, def) => {
  $ZodArray.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function array(element, params) {
  return new ZodMiniArray({
    type: "array",
    element,
    ...normalizeParams(params)
  });
}
var ZodMiniObject = /* @__PURE__ */ $constructor("ZodMiniObject", (inst, def) => {
  $ZodObject.init(inst, def);
  ZodMiniType.init(inst, def);
  installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function strictObject(shape, params) {
  return new ZodMiniObject({
    type: "object",
    shape,
    catchall: /* @__PURE__ */ never(),
    ...normalizeParams(params)
  });
}
var ZodMiniRecord = /* @__PURE__ */ $constructor("ZodMiniRecord", (inst, def) => {
  $ZodRecord.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function record(keyType, valueType, params) {
  if (!valueType || !valueType._zod) {
    return new ZodMiniRecord({
      type: "record",
      keyType: /* @__PURE__ */ string(),
      valueType: keyType,
      ...normalizeParams(valueType)
    });
  }
  return new ZodMiniRecord({
    type: "record",
    keyType,
    valueType,
    ...normalizeParams(params)
  });
}
var ZodMiniEnum = /* @__PURE__ */ $constructor("ZodMiniEnum", (inst, def) => {
  $ZodEnum.init(inst, def);
  ZodMiniType.init(inst, def);
  inst.options = [...inst._zod.values];
});
// @__NO_SIDE_EFFECTS__
function _enum(values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodMiniEnum({
    type: "enum",
    entries,
    ...normalizeParams(params)
  });
}
var ZodMiniLiteral = /* @__PURE__ */ $constructor("ZodMiniLiteral", (inst, def) => {
  $ZodLiteral.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function literal(value, params) {
  return new ZodMiniLiteral({
    type: "literal",
    values: Array.isArray(value) ? value : [value],
    ...normalizeParams(params)
  });
}
var ZodMiniOptional = /* @__PURE__ */ $constructor("ZodMiniOptional", (inst, def) => {
  $ZodOptional.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
  return new ZodMiniOptional({
    type: "optional",
    innerType
  });
}
var ZodMiniDefault = /* @__PURE__ */ $constructor("ZodMiniDefault", (inst, def) => {
  $ZodDefault.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function _default(innerType, defaultValue) {
  return new ZodMiniDefault({
    type: "default",
    innerType,
    get defaultValue() {
      return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
    }
  });
}
var ZodMiniCustom = /* @__PURE__ */ $constructor("ZodMiniCustom", (inst, def) => {
  $ZodCustom.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function refine(fn, _params = {}) {
  return _refine(ZodMiniCustom, fn, _params);
}
var describe2 = describe;

// node_modules/zod/v4/mini/iso.js
var iso_exports = {};
__export(iso_exports, {
  ZodMiniISODate: () => ZodMiniISODate,
  ZodMiniISODateTime: () => ZodMiniISODateTime,
  ZodMiniISODuration: () => ZodMiniISODuration,
  ZodMiniISOTime: () => ZodMiniISOTime,
  date: () => date,
  datetime: () => datetime,
  duration: () => duration,
  time: () => time
});
var ZodMiniISODateTime = /* @__PURE__ */ $constructor("ZodMiniISODateTime", (inst, def) => {
  $ZodISODateTime.init(inst, def);
  ZodMiniStringFormat.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function datetime(params) {
  return _isoDateTime(ZodMiniISODateTime, params);
}
var ZodMiniISODate = /* @__PURE__ */ $constructor("ZodMiniISODate", (inst, def) => {
  $ZodISODate.init(inst, def);
  ZodMiniStringFormat.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function date(params) {
  return _isoDate(ZodMiniISODate, params);
}
var ZodMiniISOTime = /* @__PURE__ */ $constructor("ZodMiniISOTime", (inst, def) => {
  $ZodISOTime.init(inst, def);
  ZodMiniStringFormat.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function time(params) {
  return _isoTime(ZodMiniISOTime, params);
}
var ZodMiniISODuration = /* @__PURE__ */ $constructor("ZodMiniISODuration", (inst, def) => {
  $ZodISODuration.init(inst, def);
  ZodMiniStringFormat.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function duration(params) {
  return _isoDuration(ZodMiniISODuration, params);
}

// src/policy/schema.ts
function described(schema, description) {
  return schema.check(describe2(description));
}
var SEVERITY_VALUES = ["critical", "high", "medium", "low", "info"];
var GATE_PARTS = ["dockerfile", "manifests", "vulnerabilities", "secrets", "config", "malware"];
var isoDate = described(iso_exports.date(), "A date, YYYY-MM-DD");
var globList = described(array(string().check(_minLength(1))), "Glob patterns (picomatch syntax)");
var nonEmpty = () => string().check(_minLength(1));
var count = number().check(int(), _gte(0), _lte(1e6));
var positiveInt = () => number().check(int(), _positive());
var reasonText = () => string().check(_trim(), _minLength(1));
var gateSchema = described(
  strictObject({
    "fail-on": described(
      _default(_enum(FAIL_ON_VALUES), "high"),
      "Block when an unsuppressed finding is at or above this severity (`info`: any finding blocks); `none` never blocks on severity."
    ),
    "only-fixable": described(
      _default(boolean(), false),
      "Vulnerabilities without a fixed version do not count toward fail-on and max."
    ),
    max: described(
      _default(
        strictObject({
          critical: optional(count),
          high: optional(count),
          medium: optional(count),
          low: optional(count),
          info: optional(count)
        }),
        {}
      ),
      "Block when more unsuppressed findings than this exist at a severity (across the gated parts)."
    ),
    parts: described(
      _default(array(_enum(GATE_PARTS)), [...GATE_PARTS]),
      "Which parts of the scan can block. Secrets and malware block whenever they are listed here."
    )
  }),
  "When the gate blocks."
);
var dockerfileSchema = described(
  strictObject({
    "require-non-root": described(
      _default(boolean(), false),
      "Block when the final stage runs as root or sets no USER, whatever the rule severity."
    ),
    "require-multistage": described(
      _default(boolean(), false),
      "Block when a single-stage build carries compilers or package managers into the final image."
    ),
    "require-digest-pinned-base": described(
      _default(boolean(), false),
      "Block when a base image is not pinned by digest (FROM image@sha256:...)."
    ),
    "minimal-base": described(
      optional(array(nonEmpty())),
      'Allow-list of final-stage base images (glob patterns on the image name, e.g. "gcr.io/distroless/*"). When set, any other final base blocks.'
    ),
    "allowed-registries": described(
      optional(array(nonEmpty())),
      'Registries base images may come from (e.g. docker.io, ghcr.io, "*.dkr.ecr.*.amazonaws.com").'
    ),
    shellcheck: described(
      _default(boolean(), true),
      "Run ShellCheck on every RUN script (findings SC1000-SC9999, as hadolint reports them) when a shellcheck binary is on PATH."
    ),
    history: described(
      _default(boolean(), true),
      "Lint a scanned image's build history with the Dockerfile rules that apply to a built image (history lint)."
    )
  }),
  "Properties every Dockerfile must have."
);
var manifestsSchema = described(
  strictObject({
    pss: described(
      _default(_enum(["privileged", "baseline", "restricted"]), "privileged"),
      "Pod Security Standards level to check manifests against (restricted includes baseline); privileged checks none of the SG-K8S-1NN controls."
    ),
    "allowed-registries": described(
      optional(array(nonEmpty())),
      'Registries container images in manifests may come from (e.g. ghcr.io/org, "*.dkr.ecr.*.amazonaws.com"); when set, SG-K8S-026 reports any other.'
    )
  }),
  "Kubernetes manifest checks."
);
var imageSchema = described(
  strictObject({
    "max-size-mb": described(
      _default(positiveInt(), 1024),
      "SG-IMG-007 reports an image whose compressed size is over this many MiB."
    ),
    "max-layers": described(
      _default(positiveInt(), 50),
      "SG-IMG-008 reports an image with more layers than this."
    ),
    "max-age-days": described(
      _default(positiveInt(), 365),
      "SG-IMG-010 reports an image built more than this many days ago."
    )
  }),
  "Limits of the image configuration checks."
);
var ruleOverride = described(
  strictObject({
    enabled: described(optional(boolean()), "false turns the rule off; true turns an optional rule on."),
    severity: described(optional(_enum(SEVERITY_VALUES)), "Severity to report this rule with.")
  }),
  "Override for one rule."
);
var ignoreSchema = described(
  strictObject({
    id: described(
      nonEmpty(),
      "Rule id (SG-DF-001) or vulnerability id or alias (CVE-2024-1234, GHSA-...); globs allowed."
    ),
    paths: described(optional(globList), "Only findings at these repository paths or image paths."),
    packages: described(optional(globList), "Only vulnerabilities in these packages (name or purl)."),
    images: described(
      optional(globList),
      "Only findings in these images (reference without tag or digest)."
    ),
    reason: described(reasonText(), "Why this is acceptable (required; shown in reports)."),
    expires: described(optional(isoDate), "The ignore stops applying after this date (YYYY-MM-DD).")
  }),
  "A finding the gate accepts, with a reason."
);
var secretAllowSchema = described(
  strictObject({
    fingerprint: described(
      optional(nonEmpty()),
      "Fingerprint of one secret finding (from the JSON report)."
    ),
    rule: described(optional(nonEmpty()), "A secret rule id (SG-SEC-003): every finding of it."),
    paths: described(optional(globList), "Only secrets at these paths (image or repository)."),
    reason: described(reasonText(), "Why this secret is acceptable (e.g. a test fixture)."),
    expires: described(optional(isoDate), "The allowance stops applying after this date (YYYY-MM-DD).")
  }).check(
    refine((a) => a.fingerprint !== void 0 || a.rule !== void 0, {
      message: "needs a fingerprint or a rule"
    })
  ),
  "A secret finding that may pass."
);
var policySchema = described(
  strictObject({
    version: described(literal(1), "Schema version of this file; always 1."),
    gate: _default(gateSchema, {
      "fail-on": "high",
      "only-fixable": false,
      max: {},
      parts: [...GATE_PARTS]
    }),
    dockerfile: _default(dockerfileSchema, {
      "require-non-root": false,
      "require-multistage": false,
      "require-digest-pinned-base": false,
      shellcheck: true,
      history: true
    }),
    manifests: _default(manifestsSchema, { pss: "privileged" }),
    image: _default(imageSchema, { "max-size-mb": 1024, "max-layers": 50, "max-age-days": 365 }),
    rules: described(
      _default(record(string().check(_regex(/^[A-Za-z][A-Za-z0-9_-]*$/)), ruleOverride), {}),
      "Per-rule overrides keyed by rule id."
    ),
    ignores: described(_default(array(ignoreSchema), []), "Findings the gate accepts."),
    secrets: described(
      _default(strictObject({ allow: _default(array(secretAllowSchema), []) }), { allow: [] }),
      "Secrets always block unless allowed here."
    ),
    vulnerabilities: described(
      _default(
        strictObject({
          "ignore-unfixed": described(
            _default(boolean(), false),
            "Hide vulnerabilities that have no fix yet."
          ),
          vex: described(
            _default(array(nonEmpty()), []),
            "OpenVEX documents to apply (paths relative to this file)."
          ),
          kev: described(
            optional(_enum(["off", "report", "block"])),
            "CISA's Known Exploited Vulnerabilities catalogue: report shows which vulnerabilities are in it; block also refuses the image when an unsuppressed one is (and when the catalogue cannot be loaded). Default off."
          ),
          epss: described(
            optional(_enum(["off", "report"])),
            "FIRST's EPSS scores (probability of exploitation in 30 days): report shows them. Default off."
          ),
          "epss-above": described(
            optional(number().check(_gte(0), _lte(1))),
            "Refuse the image when an unsuppressed vulnerability has an EPSS score above this (0 to 1), or when the scores cannot be loaded. Implies epss: report."
          ),
          "epss-file": described(
            optional(nonEmpty()),
            "A local EPSS file (epss_scores-YYYY-MM-DD.csv[.gz], relative to this file) instead of the download; implies epss: report."
          ),
          "kev-file": described(
            optional(nonEmpty()),
            "A local copy of known_exploited_vulnerabilities.json (relative to this file) instead of the download; implies kev: report."
          )
        }),
        { "ignore-unfixed": false, vex: [] }
      ),
      "Vulnerability matching options."
    ),
    malware: described(
      _default(
        strictObject({
          mode: described(
            _default(_enum(MALWARE_MODES), "required"),
            "required: malware scanning that could not run (ClamAV or its signature database missing) blocks; optional: it is a warning, and the report says malware scanning did not run."
          ),
          "clamav-db": described(
            optional(nonEmpty()),
            "ClamAV signature database folder (relative to this file); default ClamAV's own."
          )
        }),
        { mode: "required" }
      ),
      "Malware scanning."
    ),
    analyzers: described(
      _default(
        record(string().check(_regex(/^[a-z][a-z0-9-]*$/)), _enum(["required", "optional"])),
        {}
      ),
      "Per image analyzer (see the JSON report's `analyzers`): required (default) blocks when it fails; optional makes its failure a warning, recorded in the report and the decision."
    )
  }),
  "shipgate policy (shipgate.yaml)"
);
function policyJsonSchema() {
  const schema = toJSONSchema(policySchema, { io: "input", unrepresentable: "any" });
  return {
    $schema: schema.$schema,
    $id: "https://raw.githubusercontent.com/shipgate/shipgate/main/schemas/shipgate.schema.json",
    title: "shipgate.yaml",
    ...schema
  };
}

// src/policy/load.ts
var MAX_POLICY_BYTES = 4 * 1024 * 1024;
function loadPolicy(repoRoot, explicitPath) {
  let file;
  if (explicitPath) {
    file = isAbsolute(explicitPath) ? explicitPath : resolve(repoRoot, explicitPath);
    if (!existsSync(file))
      throw new ShipgateError("NOT_FOUND", `policy file ${explicitPath} does not exist`, {
        hint: "check the --config flag or the action input `config`"
      });
    if (statSync(file).isDirectory())
      throw new ShipgateError("INPUT", `policy file ${explicitPath} is a directory`, {
        hint: "give the path of the shipgate.yaml file itself"
      });
  } else {
    file = findPolicyFile(repoRoot);
    if (!file) return defaultPolicy();
  }
  const rel = relative(repoRoot, file);
  const display = rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split("\\").join("/") : file;
  if (statSync(file).size > MAX_POLICY_BYTES)
    throw new ShipgateError("CONFIG_INVALID", `${display} is larger than ${MAX_POLICY_BYTES >> 20} MiB`, {
      hint: "a policy is a few kilobytes; move long ignore lists into fewer, broader entries"
    });
  const policy = parsePolicy(readFileSync(file, "utf8"), display);
  return { ...policy, baseDir: resolve(file, "..") };
}
function parsePolicy(text, name = "shipgate.yaml") {
  const doc = (0, import_yaml.parseDocument)(text, { prettyErrors: true, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0];
    const where = pos ? `:${pos.line}:${pos.col}` : "";
    const msg = yamlError.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "syntax error";
    throw new ShipgateError("CONFIG_INVALID", `${name}${where}: YAML syntax error: ${msg}`);
  }
  let data;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new ShipgateError("CONFIG_INVALID", `${name}: ${oneLine(e.message)}`, {
      hint: "use fewer YAML aliases (*name); write the values out"
    });
  }
  if (data === null || data === void 0)
    throw new ShipgateError(
      "CONFIG_INVALID",
      `${name}: the file is empty (expected a mapping with version: 1)`
    );
  if (typeof data !== "object" || Array.isArray(data))
    throw new ShipgateError("CONFIG_INVALID", `${name}: expected a mapping with version: 1 at the top level`);
  const parsed = policySchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
    throw new ShipgateError(
      "CONFIG_INVALID",
      `${name}: ${first ? describeIssue(first, data) : "invalid"}${more}`,
      {
        hint: "see docs/policy.md for every key, or point your editor at schemas/shipgate.schema.json"
      }
    );
  }
  return { ...parsed.data, source: name };
}
function describeIssue(issue, input) {
  const path = formatPath(issue.path);
  const at = path ? `${path}: ` : "";
  const value = valueAt(input, issue.path);
  if (value === void 0 && (issue.code === "invalid_value" || issue.code === "invalid_type"))
    return `${at}required`;
  switch (issue.code) {
    case "invalid_value":
      if (issue.path.length && issue.path[issue.path.length - 1] === "version")
        return `${at}unsupported version ${show(value)} (expected 1)`;
      return `${at}invalid value ${show(value)} (expected one of ${issue.values.map(String).join(", ")})`;
    case "unrecognized_keys":
      return issue.keys.map((k) => `${formatPath([...issue.path, k])}: unknown key`).join(", ").concat(suggestion(issue.keys[0]));
    case "invalid_type":
      return `${at}expected ${issue.expected}, got ${typeName(value)}${show(value) ? ` ${show(value)}` : ""}`;
    case "invalid_format":
      if (issue.format === "date") return `${at}invalid date ${show(value)} (expected YYYY-MM-DD)`;
      return `${at}invalid ${issue.format} ${show(value)}`;
    case "too_small":
      if (typeof value === "string") return `${at}must not be empty`;
      return `${at}must be at least ${String(issue.minimum)}`;
    case "too_big":
      return `${at}must be at most ${String(issue.maximum)}`;
    case "invalid_key":
      return `${at}invalid key`;
    default:
      return `${at}${issue.message}`;
  }
}
var KNOWN_KEYS = [
  "version",
  "gate",
  "fail-on",
  "only-fixable",
  "max",
  "parts",
  "dockerfile",
  "require-non-root",
  "require-multistage",
  "require-digest-pinned-base",
  "minimal-base",
  "allowed-registries",
  "manifests",
  "pss",
  "rules",
  "enabled",
  "severity",
  "ignores",
  "id",
  "paths",
  "packages",
  "images",
  "reason",
  "expires",
  "secrets",
  "allow",
  "fingerprint",
  "rule",
  "vulnerabilities",
  "ignore-unfixed",
  "vex",
  "kev",
  "epss",
  "epss-above",
  "epss-file",
  "kev-file"
];
function suggestion(key) {
  if (!key) return "";
  const norm = (s) => s.toLowerCase().replace(/[_\s]/g, "-");
  const k = norm(key);
  const hit = KNOWN_KEYS.find(
    (known) => known !== key && (known === k || known === `${k}s` || `${known}s` === k)
  );
  return hit ? ` (did you mean "${hit}"?)` : "";
}
function formatPath(path) {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}
function valueAt(input, path) {
  let cur = input;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return void 0;
    cur = cur[p];
  }
  return cur;
}
function typeName(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "list";
  if (typeof v === "object") return "mapping";
  return typeof v;
}
function show(v) {
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (v === void 0) return "(missing)";
  if (typeof v === "object" && v !== null) return "";
  return String(v);
}

export {
  policyJsonSchema,
  loadPolicy,
  parsePolicy
};
