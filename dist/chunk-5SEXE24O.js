#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  CI_IDENTITY_OPTIONS,
  explicitIdentity,
  githubIdentity,
  gitlabIdentity
} from "./chunk-IVRWTRTI.js";
import "./chunk-VW2INED4.js";
import "./chunk-63NLDXJT.js";
import {
  list,
  oneOf,
  parse,
  str
} from "./chunk-N7PLTF7E.js";
import {
  APPROVAL_PREDICATE_TYPE,
  isPredicateTypeUri
} from "./chunk-LPHRMR6J.js";
import {
  loadPolicy,
  policyJsonSchema
} from "./chunk-LTVSCJGL.js";
import "./chunk-CE3SJGIG.js";
import "./chunk-2L5WH6HQ.js";
import "./chunk-ORKN2LZK.js";
import "./chunk-VL4GPTQJ.js";
import {
  findRepoRoot
} from "./chunk-VYLKKKIO.js";
import {
  imageReferenceRegExp,
  normalizedNameRegExp
} from "./chunk-QHQXHHTC.js";
import {
  require_dist
} from "./chunk-DML5XCCS.js";
import "./chunk-44QYIPQ7.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-6FSLFHTN.js";
import {
  EXIT,
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import {
  __toESM
} from "./chunk-YNPQFTY5.js";

// src/cli/commands/policy.ts
import { readFileSync, writeFileSync } from "node:fs";

// src/admission/index.ts
var import_yaml = __toESM(require_dist(), 1);

// src/admission/types.ts
var DEFAULT_FULCIO_URL = "https://fulcio.sigstore.dev";
var DEFAULT_REKOR_URL = "https://rekor.sigstore.dev";
var DEFAULT_POLICY_NAME = "shipgate-signed-images";
var DEFAULT_WORKLOAD_POLICY_NAME = "shipgate";
function keylessIdentity(spec) {
  if (spec.identity === void 0)
    throw new ShipgateError("INTERNAL", "admission: a policy without a public key needs a keyless identity");
  return spec.identity;
}

// src/admission/kyverno.ts
var KYVERNO_WEBHOOK_TIMEOUT_SECONDS = 30;
function attestorEntry(spec) {
  if (spec.publicKey !== void 0)
    return {
      entries: [
        { keys: { publicKeys: spec.publicKey, rekor: { ignoreTlog: true }, ctlog: { ignoreSCT: true } } }
      ]
    };
  const identity = keylessIdentity(spec);
  const keyless = { issuer: identity.issuer };
  if (identity.subject !== void 0) keyless.subject = identity.subject;
  else keyless.subjectRegExp = identity.subjectRegExp;
  keyless.rekor = { url: spec.rekorUrl };
  return { entries: [{ keyless }] };
}
var APPROVAL_CONDITIONS = [
  {
    all: [
      { key: "{{ approved }}", operator: "Equals", value: true },
      { key: "{{ forced }}", operator: "Equals", value: false }
    ]
  }
];
function attestations(spec) {
  const out = [];
  if (spec.requireApproval)
    out.push({
      type: APPROVAL_PREDICATE_TYPE,
      attestors: [attestorEntry(spec)],
      conditions: APPROVAL_CONDITIONS
    });
  for (const type of spec.attestations)
    if (!(spec.requireApproval && type === APPROVAL_PREDICATE_TYPE))
      out.push({ type, attestors: [attestorEntry(spec)] });
  return out;
}
function describeSigner(spec) {
  const signature = spec.publicKey !== void 0 ? "a signature by the given public key" : `a keyless signature from ${keylessIdentity(spec).issuer}`;
  return spec.requireApproval ? `${signature} and shipgate's approval attestation` : signature;
}
function kyvernoPolicy(spec) {
  const verify = {
    ...spec.signatureFormat === "bundle" ? { type: "SigstoreBundle" } : {},
    imageReferences: [...spec.images],
    mutateDigest: true,
    verifyDigest: true,
    required: true,
    attestors: [attestorEntry(spec)]
  };
  const required = attestations(spec);
  if (required.length > 0) verify.attestations = required;
  const metadata = { name: spec.name };
  if (spec.namespace !== void 0) metadata.namespace = spec.namespace;
  metadata.annotations = {
    "policies.kyverno.io/title": "Admit only images approved and signed by CI",
    "policies.kyverno.io/category": "Software Supply Chain Security",
    "policies.kyverno.io/subject": "Pod",
    "policies.kyverno.io/description": `Images matching ${spec.images.join(", ")} must carry ${describeSigner(spec)}.`
  };
  return {
    apiVersion: "kyverno.io/v1",
    kind: spec.namespace === void 0 ? "ClusterPolicy" : "Policy",
    metadata,
    spec: {
      validationFailureAction: spec.mode === "audit" ? "Audit" : "Enforce",
      webhookTimeoutSeconds: KYVERNO_WEBHOOK_TIMEOUT_SECONDS,
      failurePolicy: "Fail",
      background: false,
      rules: [
        {
          name: "verify-ci-signature",
          match: { any: [{ resources: { kinds: ["Pod"] } }] },
          verifyImages: [verify]
        }
      ]
    }
  };
}

// src/admission/policy-controller.ts
function predicateTypeCue(predicateType) {
  return `predicateType: ${JSON.stringify(predicateType)}
`;
}
var APPROVAL_CUE = `${predicateTypeCue(APPROVAL_PREDICATE_TYPE)}predicate: {
	approved: true
	forced: false
}
`;
function attestationName(predicateType, index) {
  const slug = predicateType.replace(/^[a-z]+:\/\//i, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 50).replace(/-+$/, "");
  return `${slug || "attestation"}-${index + 1}`;
}
function attestations2(spec) {
  const out = [];
  if (spec.requireApproval)
    out.push({
      name: "shipgate-approval",
      predicateType: APPROVAL_PREDICATE_TYPE,
      policy: { type: "cue", data: APPROVAL_CUE }
    });
  spec.attestations.filter((t) => !(spec.requireApproval && t === APPROVAL_PREDICATE_TYPE)).forEach(
    (predicateType, i) => out.push({
      name: attestationName(predicateType, i),
      predicateType,
      policy: { type: "cue", data: predicateTypeCue(predicateType) }
    })
  );
  return out;
}
function policyControllerPolicy(spec) {
  let authority;
  if (spec.publicKey !== void 0) {
    authority = { name: "ci-key", key: { data: spec.publicKey, hashAlgorithm: "sha256" } };
  } else {
    const signer = keylessIdentity(spec);
    const identity = { issuer: signer.issuer };
    if (signer.subject !== void 0) identity.subject = signer.subject;
    else identity.subjectRegExp = signer.subjectRegExp;
    authority = {
      name: "ci-keyless",
      keyless: { url: spec.fulcioUrl, identities: [identity] },
      ctlog: { url: spec.rekorUrl }
    };
  }
  if (spec.signatureFormat === "bundle") authority.signatureFormat = "bundle";
  const required = attestations2(spec);
  if (required.length > 0) authority.attestations = required;
  return {
    apiVersion: "policy.sigstore.dev/v1beta1",
    kind: "ClusterImagePolicy",
    metadata: { name: spec.name },
    spec: {
      images: spec.images.map((glob) => ({ glob })),
      authorities: [authority],
      mode: spec.mode === "audit" ? "warn" : "enforce"
    }
  };
}

// src/admission/rego.ts
var POD_TEMPLATE = `template_kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"}

obj := input.review.object

template := obj if obj.kind == "Pod"

template := obj.spec.template if template_kinds[obj.kind]

template := obj.spec.jobTemplate.spec.template if obj.kind == "CronJob"

pod := template.spec

containers contains c if {
	some field in ["initContainers", "containers", "ephemeralContainers"]
	some c in pod[field]
	is_object(c)
}

subject(c) := sprintf("container '%v'", [c.name]) if is_string(c.name)
else := "a container"

name_of(x) := x.name if is_string(x.name)
else := "(unnamed)"

# A field's value, null when absent or null; obj must be defined.
value(obj, key) := v if {
	v := obj[key]
	v != null
} else := null

# An object field, {} when absent, null or not an object.
object_at(obj, key) := v if {
	v := obj[key]
	is_object(v)
} else := {}
`;
var HEADER = `import future.keywords.contains
import future.keywords.if
import future.keywords.in
`;
var POD_SECURITY_REGO = `package shipgatepodsecurity

${HEADER}
${POD_TEMPLATE}
restricted if input.parameters.level == "restricted"

windows if pod.os.name == "windows"

has_value(x) if x != null

pod_sc := object_at(pod, "securityContext")

sc_of(c) := object_at(c, "securityContext")

report(id, control, what) := {"msg": sprintf("%v Pod Security Standard %v (%v): %v", [id, level_of(id), control, what]), "details": {"rule": id}}

level_of(id) := "restricted" if id >= "SG-K8S-120"

level_of(id) := "baseline" if id < "SG-K8S-120"

# Every place a security-context field can be set: the pod, then each container.
contexts contains ["the pod", pod.securityContext] if is_object(pod.securityContext)

contexts contains [subject(c), c.securityContext] if {
	some c in containers
	is_object(c.securityContext)
}

violation contains report("SG-K8S-101", "HostProcess", sprintf("%v sets hostProcess: true", [who])) if {
	some [who, sc] in contexts
	sc.windowsOptions.hostProcess == true
}

violation contains report("SG-K8S-102", "Host Namespaces", sprintf("%v: true", [field])) if {
	some field in ["hostNetwork", "hostPID", "hostIPC"]
	pod[field] == true
}

violation contains report("SG-K8S-103", "Privileged Containers", sprintf("%v is privileged", [subject(c)])) if {
	some c in containers
	c.securityContext.privileged == true
}

baseline_capabilities := {"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT"}

violation contains report("SG-K8S-104", "Capabilities", sprintf("%v adds %v", [subject(c), cap])) if {
	some c in containers
	is_object(c.securityContext.capabilities)
	some cap in c.securityContext.capabilities.add
	has_value(cap)
	not baseline_capabilities[cap]
}

violation contains report("SG-K8S-105", "HostPath Volumes", sprintf("volume %v is a hostPath", [name_of(v)])) if {
	some v in pod.volumes
	is_object(v)
	v.hostPath = _
}

violation contains report("SG-K8S-106", "Host Ports", sprintf("%v uses hostPort %v", [subject(c), port.hostPort])) if {
	some c in containers
	some port in c.ports
	is_object(port)
	has_value(port.hostPort)
	port.hostPort != 0
}

violation contains report("SG-K8S-107", "AppArmor", sprintf("%v sets appArmorProfile type %v", [who, sc.appArmorProfile.type])) if {
	some [who, sc] in contexts
	has_value(sc.appArmorProfile.type)
	not sc.appArmorProfile.type in {"RuntimeDefault", "Localhost"}
}

apparmor_allowed(v) if v == "runtime/default"

apparmor_allowed(v) if startswith(v, "localhost/")

violation contains report("SG-K8S-107", "AppArmor", sprintf("annotation %v is %v", [key, profile])) if {
	some key, profile in template.metadata.annotations
	startswith(key, "container.apparmor.security.beta.kubernetes.io/")
	has_value(profile)
	not apparmor_allowed(profile)
}

selinux_types := {"", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"}

violation contains report("SG-K8S-108", "SELinux", sprintf("%v sets seLinuxOptions.type %v", [who, sc.seLinuxOptions.type])) if {
	some [who, sc] in contexts
	is_object(sc.seLinuxOptions)
	has_value(sc.seLinuxOptions.type)
	not selinux_types[sprintf("%v", [sc.seLinuxOptions.type])]
}

violation contains report("SG-K8S-108", "SELinux", sprintf("%v sets seLinuxOptions.%v", [who, field])) if {
	some [who, sc] in contexts
	is_object(sc.seLinuxOptions)
	some field in ["user", "role"]
	has_value(sc.seLinuxOptions[field])
	sc.seLinuxOptions[field] != ""
}

violation contains report("SG-K8S-109", "/proc Mount Type", sprintf("%v sets procMount %v", [subject(c), c.securityContext.procMount])) if {
	some c in containers
	has_value(c.securityContext.procMount)
	c.securityContext.procMount != "Default"
}

violation contains report("SG-K8S-110", "Seccomp", sprintf("%v sets seccompProfile type Unconfined", [who])) if {
	some [who, sc] in contexts
	sc.seccompProfile.type == "Unconfined"
}

safe_sysctls := {"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"}

violation contains report("SG-K8S-111", "Sysctls", sprintf("sysctl %v", [s.name])) if {
	some s in pod.securityContext.sysctls
	is_string(s.name)
	not safe_sysctls[s.name]
}

restricted_volume_fields := {"name", "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"}

violation contains report("SG-K8S-121", "Volume Types", sprintf("volume %v is of type %v", [name_of(v), field])) if {
	restricted
	some v in pod.volumes
	is_object(v)
	some field, _ in v
	not restricted_volume_fields[field]
}

violation contains report("SG-K8S-122", "Privilege Escalation", sprintf("%v does not set allowPrivilegeEscalation: false", [subject(c)])) if {
	restricted
	not windows
	some c in containers
	not value(sc_of(c), "allowPrivilegeEscalation") == false
}

non_root(c) if value(sc_of(c), "runAsNonRoot") == true

non_root(c) if {
	value(sc_of(c), "runAsNonRoot") == null
	value(pod_sc, "runAsNonRoot") == true
}

violation contains report("SG-K8S-123", "Running as Non-root", sprintf("%v does not set runAsNonRoot: true", [subject(c)])) if {
	restricted
	some c in containers
	not non_root(c)
}

violation contains report("SG-K8S-124", "Running as Non-root user", sprintf("%v sets runAsUser: 0", [who])) if {
	restricted
	some [who, sc] in contexts
	sc.runAsUser == 0
}

seccomp_allowed := {"RuntimeDefault", "Localhost"}

# The profile's type when it is a scalar, else null (as if unset).
seccomp_type(sc) := t if {
	t := value(object_at(sc, "seccompProfile"), "type")
	not is_object(t)
	not is_array(t)
} else := null

seccomp_ok(c) if seccomp_allowed[seccomp_type(sc_of(c))]

seccomp_ok(c) if {
	seccomp_type(sc_of(c)) == null
	seccomp_allowed[seccomp_type(pod_sc)]
}

violation contains report("SG-K8S-125", "Seccomp", sprintf("%v has no RuntimeDefault or Localhost seccompProfile", [subject(c)])) if {
	restricted
	not windows
	some c in containers
	not seccomp_ok(c)
}

drops_all(c) if {
	some d in c.securityContext.capabilities.drop
	d == "ALL"
}

violation contains report("SG-K8S-126", "Capabilities", sprintf("%v does not drop ALL capabilities", [subject(c)])) if {
	restricted
	not windows
	some c in containers
	not drops_all(c)
}

violation contains report("SG-K8S-126", "Capabilities", sprintf("%v adds %v", [subject(c), cap])) if {
	restricted
	not windows
	some c in containers
	some cap in c.securityContext.capabilities.add
	has_value(cap)
	cap != "NET_BIND_SERVICE"
}
`;
var ALLOWED_REGISTRIES_REGO = `package shipgateallowedregistries

${HEADER}
${POD_TEMPLATE}
hub := {"docker.io", "index.docker.io", "registry-1.docker.io"}

# The reference without digest and tag; a ":" before the last "/" is a registry port.
image_name(image) := regex.replace(split(trim_space(image), "@")[0], ":[^:/]*$", "")

explicit_registry(parts) if {
	count(parts) > 1
	contains(parts[0], ".")
}

explicit_registry(parts) if {
	count(parts) > 1
	contains(parts[0], ":")
}

explicit_registry(parts) if {
	count(parts) > 1
	parts[0] == "localhost"
}

split_name(parts) := [lower(parts[0]), array.slice(parts, 1, count(parts))] if explicit_registry(parts)

split_name(parts) := ["docker.io", parts] if not explicit_registry(parts)

hub_path(path) := ["library", path[0]] if count(path) == 1

hub_path(path) := path if count(path) != 1

# docker's normal form: nginx is docker.io/library/nginx, index.docker.io is docker.io.
normalized(image) := lower(concat("/", array.concat(["docker.io"], hub_path(path)))) if {
	[registry, path] := split_name(split(image_name(image), "/"))
	hub[registry]
}

normalized(image) := lower(concat("/", array.concat([registry], path))) if {
	[registry, path] := split_name(split(image_name(image), "/"))
	not hub[registry]
}

allowed(image) if regex.match(input.parameters.namePattern, normalized(image))

# An image that cannot be normalised is not allowed either.
violation contains {"msg": msg, "details": {"rule": "SG-K8S-026", "image": c.image}} if {
	some c in containers
	is_string(c.image)
	trim_space(c.image) != ""
	not allowed(c.image)
	msg := sprintf("SG-K8S-026 %v uses image %v, which is not from an allowed registry (%v)", [subject(c), c.image, concat(", ", input.parameters.registries)])
}
`;

// src/admission/workload.ts
var KYVERNO_WEBHOOK_TIMEOUT_SECONDS2 = 30;
function kyvernoMatch(spec) {
  return {
    match: { any: [{ resources: { kinds: ["Pod"] } }] },
    ...spec.excludeNamespaces.length > 0 && {
      exclude: { any: [{ resources: { namespaces: [...spec.excludeNamespaces] } }] }
    }
  };
}
function kyvernoPolicy2(spec, name, [title, category], description, rule) {
  return {
    apiVersion: "kyverno.io/v1",
    kind: "ClusterPolicy",
    metadata: {
      name,
      annotations: {
        "policies.kyverno.io/title": title,
        "policies.kyverno.io/category": category,
        "policies.kyverno.io/subject": "Pod",
        "policies.kyverno.io/description": description
      }
    },
    spec: {
      validationFailureAction: spec.mode === "audit" ? "Audit" : "Enforce",
      webhookTimeoutSeconds: KYVERNO_WEBHOOK_TIMEOUT_SECONDS2,
      failurePolicy: "Fail",
      // Audit mode is for finding what would be refused: report on what already runs, too.
      background: true,
      rules: [{ ...rule }]
    }
  };
}
function kyvernoWorkloadPolicies(spec) {
  const out = [];
  if (spec.pss !== void 0)
    out.push(
      kyvernoPolicy2(
        spec,
        `${spec.name}-pod-security-${spec.pss}`,
        [`Pod Security Standard: ${spec.pss}`, "Pod Security Standards"],
        `Pods must meet the ${spec.pss} Pod Security Standard (version ${spec.pssVersion}), as shipgate checks the manifests in CI (SG-K8S-1NN).`,
        {
          name: `pod-security-${spec.pss}`,
          ...kyvernoMatch(spec),
          validate: { podSecurity: { level: spec.pss, version: spec.pssVersion } }
        }
      )
    );
  if (spec.registries !== void 0) {
    const pattern = imageReferenceRegExp(spec.registries);
    const message = `Images must come from an allowed registry: ${spec.registries.join(", ")} (SG-K8S-026).`;
    out.push(
      kyvernoPolicy2(
        spec,
        `${spec.name}-allowed-registries`,
        ["Allowed image registries", "Software Supply Chain Security"],
        message,
        {
          name: "allowed-registries",
          ...kyvernoMatch(spec),
          validate: {
            message,
            foreach: [
              {
                list: "request.object.spec.[ephemeralContainers, initContainers, containers][]",
                deny: {
                  conditions: {
                    all: [
                      {
                        key: `{{ regex_match('${pattern}', to_lower(element.image)) }}`,
                        operator: "Equals",
                        value: false
                      }
                    ]
                  }
                }
              }
            ]
          }
        }
      )
    );
  }
  return out;
}
var WORKLOAD_KINDS = [
  { apiGroups: [""], kinds: ["Pod", "ReplicationController"] },
  { apiGroups: ["apps"], kinds: ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"] },
  { apiGroups: ["batch"], kinds: ["Job", "CronJob"] }
];
function constraintTemplate(kind, description, parameters, rego) {
  return {
    apiVersion: "templates.gatekeeper.sh/v1",
    kind: "ConstraintTemplate",
    metadata: { name: kind.toLowerCase(), annotations: { description } },
    spec: {
      crd: {
        spec: {
          names: { kind },
          validation: { openAPIV3Schema: { type: "object", properties: parameters } }
        }
      },
      targets: [{ target: "admission.k8s.gatekeeper.sh", rego }]
    }
  };
}
function constraint(spec, kind, name, parameters) {
  return {
    apiVersion: "constraints.gatekeeper.sh/v1beta1",
    kind,
    metadata: { name },
    spec: {
      enforcementAction: spec.mode === "audit" ? "dryrun" : "deny",
      match: {
        kinds: WORKLOAD_KINDS.map((k) => ({ apiGroups: [...k.apiGroups], kinds: [...k.kinds] })),
        ...spec.excludeNamespaces.length > 0 && { excludedNamespaces: [...spec.excludeNamespaces] }
      },
      parameters
    }
  };
}
var POD_SECURITY_KIND = "ShipgatePodSecurity";
var ALLOWED_REGISTRIES_KIND = "ShipgateAllowedRegistries";
function gatekeeperObjects(spec) {
  const out = [];
  if (spec.pss !== void 0)
    out.push(
      constraintTemplate(
        POD_SECURITY_KIND,
        "The Pod Security Standards' baseline and restricted controls, as shipgate's SG-K8S-1NN manifest rules check them.",
        { level: { type: "string", enum: ["baseline", "restricted"] } },
        POD_SECURITY_REGO
      ),
      constraint(spec, POD_SECURITY_KIND, `${spec.name}-pod-security-${spec.pss}`, { level: spec.pss })
    );
  if (spec.registries !== void 0)
    out.push(
      constraintTemplate(
        ALLOWED_REGISTRIES_KIND,
        "Container images from the registry allow-list only, as shipgate's SG-K8S-026 checks them. namePattern, generated from registries, matches the normalised image name (docker.io/library/nginx).",
        {
          registries: { type: "array", items: { type: "string" } },
          namePattern: { type: "string" }
        },
        ALLOWED_REGISTRIES_REGO
      ),
      constraint(spec, ALLOWED_REGISTRIES_KIND, `${spec.name}-allowed-registries`, {
        registries: [...spec.registries],
        namePattern: normalizedNameRegExp(spec.registries)
      })
    );
  return out;
}
function namespaceLabels(spec, namespace) {
  const level = spec.pss ?? "restricted";
  const modes = spec.mode === "audit" ? ["audit", "warn"] : ["enforce", "audit", "warn"];
  const labels = {};
  for (const m of modes) {
    labels[`pod-security.kubernetes.io/${m}`] = level;
    labels[`pod-security.kubernetes.io/${m}-version`] = spec.pssVersion;
  }
  return { apiVersion: "v1", kind: "Namespace", metadata: { name: namespace, labels } };
}
function namespaceLabelCommand(object) {
  const meta = object.metadata;
  const pairs = Object.entries(meta.labels).map(([k, v]) => `${k}=${v}`);
  return `kubectl label --overwrite namespace ${meta.name} ${pairs.join(" ")}`;
}

// src/admission/index.ts
function usage(message, hint) {
  return new ShipgateError("USAGE", message, hint === void 0 ? {} : { hint });
}
var DNS_SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
var DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
function identityOf(o) {
  if (o.publicKey !== void 0) {
    const keyless = [
      ["--github-repository", o.githubRepository],
      ["--gitlab-project", o.gitlabProject],
      ["--issuer", o.issuer],
      ["--workflow", o.workflow],
      ["--ref", o.ref],
      ["--ref-pattern", o.refPattern]
    ];
    for (const [flag, v] of keyless)
      if (v !== void 0)
        throw usage(`${flag} cannot be combined with --key: a key-based signature has no CI identity`);
    return void 0;
  }
  const kinds = [
    o.githubRepository !== void 0 && "--github-repository",
    o.gitlabProject !== void 0 && "--gitlab-project",
    o.issuer !== void 0 && "--issuer"
  ].filter((k) => typeof k === "string");
  if (kinds.length !== 1)
    throw usage(
      kinds.length === 0 ? "policy admission: no signer identity given" : `policy admission: give only one of ${kinds.join(", ")}`,
      "use --github-repository OWNER/REPO, --gitlab-project GROUP/PROJECT, --issuer URL with --subject-regexp RE, or --key PUBLIC.pem"
    );
  const only = (flags, allowedWith) => {
    for (const [flag, v] of flags)
      if (v !== void 0) throw usage(`${flag} cannot be combined with ${allowedWith}`);
  };
  if (o.githubRepository !== void 0) {
    only(
      [
        ["--gitlab-server", o.gitlabServer],
        ["--gitlab-ci-config", o.gitlabCiConfig],
        ["--subject-regexp", o.subjectRegExp],
        ["--subject", o.subject]
      ],
      "--github-repository"
    );
    return githubIdentity({
      repository: o.githubRepository,
      ...o.workflow !== void 0 && { workflow: o.workflow },
      ...o.ref !== void 0 && { ref: o.ref },
      ...o.refPattern !== void 0 && { refPattern: o.refPattern }
    });
  }
  if (o.gitlabProject !== void 0) {
    only(
      [
        ["--workflow", o.workflow],
        ["--subject-regexp", o.subjectRegExp],
        ["--subject", o.subject]
      ],
      "--gitlab-project"
    );
    return gitlabIdentity({
      project: o.gitlabProject,
      ...o.gitlabServer !== void 0 && { server: o.gitlabServer },
      ...o.gitlabCiConfig !== void 0 && { ciConfig: o.gitlabCiConfig },
      ...o.ref !== void 0 && { ref: o.ref },
      ...o.refPattern !== void 0 && { refPattern: o.refPattern }
    });
  }
  only(
    [
      ["--workflow", o.workflow],
      ["--gitlab-server", o.gitlabServer],
      ["--gitlab-ci-config", o.gitlabCiConfig],
      ["--ref", o.ref],
      ["--ref-pattern", o.refPattern]
    ],
    "--issuer"
  );
  return explicitIdentity({
    issuer: o.issuer ?? "",
    ...o.subjectRegExp !== void 0 && { subjectRegExp: o.subjectRegExp },
    ...o.subject !== void 0 && { subject: o.subject }
  });
}
function httpsUrl(flag, value) {
  let ok;
  try {
    ok = new URL(value).protocol === "https:";
  } catch {
    ok = false;
  }
  if (!ok) throw usage(`${flag}: "${value}" is not an https URL`);
  return value.replace(/\/+$/, "");
}
function admissionSpec(o) {
  if (o.images.length === 0)
    throw usage("policy admission: no --images given", 'for example --images "ghcr.io/acme/*"');
  for (const glob of o.images)
    if (/\s/.test(glob) || glob.includes("@") || glob.startsWith("/"))
      throw usage(`--images: "${glob}" is not an image glob`, "use a repository glob such as ghcr.io/acme/*");
  const name = o.name ?? DEFAULT_POLICY_NAME;
  if (name.length > 253 || !DNS_SUBDOMAIN.test(name))
    throw usage(
      `--name: "${name}" is not a valid Kubernetes name`,
      'use lowercase letters, digits, "-" and "."'
    );
  if (o.namespace !== void 0) {
    if (o.format === "policy-controller")
      throw usage(
        "--namespace: a ClusterImagePolicy is cluster-scoped",
        "leave out --namespace; label namespaces with policy.sigstore.dev/include=true instead"
      );
    if (o.namespace.length > 63 || !DNS_LABEL.test(o.namespace))
      throw usage(`--namespace: "${o.namespace}" is not a valid namespace name`);
  }
  const attestations3 = [...new Set(o.requireAttestations ?? [])];
  for (const t of attestations3)
    if (!isPredicateTypeUri(t))
      throw usage(
        `--require-attestation: "${t}" is not a predicate type URI`,
        "for example https://slsa.dev/provenance/v1"
      );
  const signatureFormat = o.signatureFormat ?? "legacy";
  if (o.publicKey !== void 0) {
    if (!/^-----BEGIN PUBLIC KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END PUBLIC KEY-----\s*$/.test(o.publicKey))
      throw usage(
        "--key: not a PEM public key",
        'give the public key ("-----BEGIN PUBLIC KEY-----"), not the private key'
      );
    if (o.format === "policy-controller" && signatureFormat === "bundle")
      throw usage(
        "--signature-format bundle: policy-controller reads sigstore bundles for keyless signatures only",
        "leave out --signature-format (cosign tags are written by default) or sign keylessly"
      );
  }
  const identity = identityOf(o);
  const spec = {
    name,
    images: [...new Set(o.images)],
    rekorUrl: httpsUrl("--rekor-url", o.rekorUrl ?? DEFAULT_REKOR_URL),
    fulcioUrl: DEFAULT_FULCIO_URL,
    attestations: attestations3,
    requireApproval: o.requireApproval ?? true,
    signatureFormat
  };
  if (identity !== void 0) spec.identity = identity;
  if (o.publicKey !== void 0) spec.publicKey = o.publicKey.trim() + "\n";
  if (o.namespace !== void 0) spec.namespace = o.namespace;
  if (o.mode === "audit") spec.mode = "audit";
  return spec;
}
var REGISTRY_ENTRY = /^[A-Za-z0-9.*:_/-]+$/;
var PSS_VERSION = /^(?:latest|v1\.[0-9]{1,2})$/;
function workloadSpec(o) {
  const registries = o.allowedRegistries?.length ? [...new Set(o.allowedRegistries)] : void 0;
  if (o.pss === void 0 && registries === void 0) return void 0;
  for (const e of registries ?? [])
    if (!REGISTRY_ENTRY.test(e) || e.startsWith("/"))
      throw usage(
        `allowed registry "${e}" is not REGISTRY[/PATH]`,
        "for example ghcr.io/acme or *.dkr.ecr.*.amazonaws.com"
      );
  const pssVersion = o.pssVersion ?? "latest";
  if (!PSS_VERSION.test(pssVersion))
    throw usage(`--pss-version: "${pssVersion}" is not latest or v1.NN`, "for example v1.31");
  const excludeNamespaces = [...new Set(o.excludeNamespaces ?? [])];
  for (const ns of excludeNamespaces)
    if (ns.length > 63 || !DNS_LABEL.test(ns))
      throw usage(`--exclude-namespace: "${ns}" is not a valid namespace name`);
  const name = o.name ?? DEFAULT_WORKLOAD_POLICY_NAME;
  if (name.length > 200 || !DNS_SUBDOMAIN.test(name))
    throw usage(
      `--name: "${name}" is not a valid Kubernetes name`,
      'use lowercase letters, digits, "-" and "."'
    );
  return {
    name,
    ...o.pss !== void 0 && { pss: o.pss },
    pssVersion,
    ...registries !== void 0 && { registries },
    mode: o.mode ?? "enforce",
    excludeNamespaces
  };
}
function admissionPlan(o) {
  const signerFlag = [
    ["--images", o.images.length > 0 ? true : void 0],
    ["--github-repository", o.githubRepository],
    ["--gitlab-project", o.gitlabProject],
    ["--issuer", o.issuer],
    ["--key", o.publicKey]
  ].find(([, v]) => v !== void 0)?.[0];
  const workload = workloadSpec(o);
  const { format } = o;
  if (format === "policy-controller" || format === "kyverno" && workload === void 0) {
    if (workload !== void 0)
      throw usage(
        "--format policy-controller verifies signatures only",
        "use --format kyverno, gatekeeper or pss-labels for --pss and allowed registries"
      );
    return { format, signature: admissionSpec(o) };
  }
  if (format === "kyverno") {
    if (o.namespace !== void 0 && (o.namespace.length > 63 || !DNS_LABEL.test(o.namespace)))
      throw usage(`--namespace: "${o.namespace}" is not a valid namespace name`);
    return {
      format,
      ...signerFlag !== void 0 && { signature: admissionSpec(o) },
      ...workload !== void 0 && { workload },
      ...o.namespace !== void 0 && { namespace: o.namespace }
    };
  }
  if (signerFlag !== void 0)
    throw usage(
      `${signerFlag} cannot be combined with --format ${format}: it cannot verify signatures`,
      "generate the signature policy with --format kyverno or policy-controller"
    );
  if (workload === void 0)
    throw usage(
      `--format ${format}: nothing to generate`,
      "give --pss LEVEL, --allowed-registry or --config FILE (the policy file)"
    );
  if (format === "gatekeeper") {
    if (o.namespace !== void 0)
      throw usage(
        "--namespace: Gatekeeper constraints are cluster-scoped",
        "use --exclude-namespace to leave namespaces out"
      );
    return { format, workload };
  }
  if (workload.pss === void 0 || workload.registries !== void 0)
    throw usage(
      "--format pss-labels: Pod Security Admission enforces a --pss level only",
      "give --pss LEVEL; for allowed registries use --format kyverno or gatekeeper"
    );
  if (o.namespace === void 0)
    throw usage("--format pss-labels: which namespace?", "give --namespace NS (the namespace to label)");
  if (o.namespace.length > 63 || !DNS_LABEL.test(o.namespace))
    throw usage(`--namespace: "${o.namespace}" is not a valid namespace name`);
  if (workload.excludeNamespaces.length > 0)
    throw usage("--exclude-namespace: Pod Security Admission labels only the namespace given");
  return { format, workload, namespace: o.namespace };
}
function withNamespace(policy, namespace) {
  if (namespace === void 0) return policy;
  return {
    ...policy,
    kind: "Policy",
    metadata: { ...policy.metadata, namespace }
  };
}
function yamlDocument(comment, object) {
  return `${comment.map((l) => `# ${l}`).join("\n")}
${(0, import_yaml.stringify)(object, { lineWidth: 0 })}`;
}
function workloadHeader(plan, w) {
  const what = [
    ...w.pss !== void 0 ? [`the ${w.pss} Pod Security Standard (${w.pssVersion})`] : [],
    ...w.registries !== void 0 ? [`images from ${w.registries.join(", ")} only`] : []
  ].join(" and ");
  const audit = w.mode === "audit" ? [
    "Audit mode: violations are reported, nothing is refused. Re-generate with --mode enforce once they are fixed."
  ] : [];
  return [`Generated by shipgate policy admission (${plan.format}): ${what}.`, ...audit];
}
function renderAdmission(plan) {
  const docs = [];
  if (plan.signature !== void 0 && (plan.format === "kyverno" || plan.format === "policy-controller"))
    docs.push(renderAdmissionYaml(plan.format, plan.signature));
  const w = plan.workload;
  if (w !== void 0) {
    const header = workloadHeader(plan, w);
    if (plan.format === "kyverno")
      for (const p of kyvernoWorkloadPolicies(w))
        docs.push(yamlDocument(header, withNamespace(p, plan.namespace)));
    else if (plan.format === "gatekeeper")
      for (const p of gatekeeperObjects(w)) docs.push(yamlDocument(header, p));
    else if (plan.namespace !== void 0) {
      const ns = namespaceLabels(w, plan.namespace);
      docs.push(
        yamlDocument(
          [
            ...header,
            "Apply with kubectl apply -f, or label an existing namespace with:",
            namespaceLabelCommand(ns)
          ],
          ns
        )
      );
    }
  }
  return docs.join("---\n");
}
function admissionPolicy(format, spec) {
  return format === "kyverno" ? kyvernoPolicy(spec) : policyControllerPolicy(spec);
}
function renderAdmissionYaml(format, spec) {
  const id = spec.identity;
  const signer = id === void 0 ? [`Admits ${spec.images.join(", ")} only when signed by the public key below (no transparency log).`] : [
    `Admits ${spec.images.join(", ")} only when signed keylessly by issuer ${id.issuer},`,
    id.subject !== void 0 ? `subject ${id.subject}` : `subject matching ${id.subjectRegExp ?? ""}`,
    ...id.example !== void 0 ? [`e.g. ${id.example}`] : []
  ];
  const header = [
    `Generated by shipgate policy admission (${format}).`,
    ...signer,
    ...spec.requireApproval ? [`and only with shipgate's approval attestation (approved, not forced) by the same signer.`] : [],
    `Signatures are read from ${spec.signatureFormat === "bundle" ? "sigstore bundles attached as OCI referrers" : "cosign's .sig/.att tags"}.`,
    ...id === void 0 ? [] : [
      "SANs are compared case-sensitively: keep the owner/project spelling exactly as the CI platform shows it."
    ]
  ].map((l) => `# ${l}`).join("\n");
  return `${header}
${(0, import_yaml.stringify)(admissionPolicy(format, spec), { lineWidth: 0 })}`;
}

// src/cli/commands/policy.ts
var HELP = `Usage: shipgate policy check [FILE]    validate a policy file (default: shipgate.yaml at the repository root)
       shipgate policy schema          print the policy file's JSON Schema (for editor completion)
       shipgate policy admission --images GLOB SIGNER [options]
                                       print a Kubernetes policy admitting only images signed by CI (keyless)
       shipgate policy admission --pss LEVEL | --allowed-registry R | --config FILE [options]
                                       print admission policies for what pods run as and where images come from

Admission policy (docs/admission.md, docs/manifests.md):
      --format FMT               kyverno (ClusterPolicy, default), policy-controller (ClusterImagePolicy,
                                 signatures only), gatekeeper (ConstraintTemplate + Constraint, workloads
                                 only) or pss-labels (Namespace with Pod Security Admission labels)
      --mode MODE                enforce (default) or audit: report only (Kyverno Audit, Gatekeeper dryrun,
                                 policy-controller warn, PSA audit and warn labels)
  Workloads (kyverno, gatekeeper, pss-labels):
  -c, --config FILE              take manifests.pss and manifests.allowed-registries from this policy file
      --pss LEVEL                baseline or restricted Pod Security Standard (privileged: none)
      --pss-version V            Kubernetes version of the standards: latest (default) or v1.NN
      --allowed-registry R       images only from R, e.g. ghcr.io/acme (repeatable; replaces the policy's)
      --exclude-namespace NS     leave NS out, e.g. kube-system (repeatable; kyverno and gatekeeper)
  Signatures (kyverno, policy-controller):
      --images GLOB              images the policy covers, e.g. ghcr.io/acme/* (repeatable)
  Signer, one of:
      --github-repository O/R    GitHub Actions in OWNER/REPO, spelt exactly as on GitHub
        --workflow FILE          only this workflow, e.g. .github/workflows/release.yml (default any)
      --gitlab-project G/P       GitLab CI in GROUP/PROJECT, spelt exactly as on GitLab
        --gitlab-server URL      GitLab instance, the OIDC issuer (default https://gitlab.com)
        --gitlab-ci-config PATH  CI configuration path (default .gitlab-ci.yml)
      --ref REF                  only this ref, e.g. refs/heads/main (default any branch or tag)
      --ref-pattern RE           only refs matching RE, e.g. 'refs/tags/v.*' (anchored for you)
      --issuer URL               any other OIDC issuer, with --subject-regexp RE (anchored) or --subject SAN
      --key PUBLIC.pem           key-based signing: the public key (no transparency log is required)
  Options:
      --no-require-approval      do not require shipgate's approval attestation (required by default:
                                 predicate https://shipgate.dev/attestation/approval/v1, approved, not forced)
      --signature-format FMT     legacy (cosign .sig/.att tags, default) or bundle (sigstore bundles as OCI
                                 referrers: Kyverno type SigstoreBundle, policy-controller 0.13+)
      --require-attestation T    also require an attestation of predicate type T by the same signer
                                 (repeatable), e.g. https://slsa.dev/provenance/v1
      --rekor-url URL            transparency log (default https://rekor.sigstore.dev)
      --name NAME                policy name (default shipgate-signed-images; workload policies: their prefix,
                                 default shipgate)
      --namespace NS             kyverno: namespaced Policies instead of ClusterPolicies;
                                 pss-labels: the namespace to label
  -o, --output FILE              write the YAML to FILE instead of stdout
`;
var ADMISSION_OPTIONS = {
  help: { type: "boolean", short: "h" },
  format: { type: "string" },
  images: { type: "string", multiple: true },
  ...CI_IDENTITY_OPTIONS,
  issuer: { type: "string" },
  "subject-regexp": { type: "string" },
  subject: { type: "string" },
  "require-attestation": { type: "string", multiple: true },
  "no-require-approval": { type: "boolean" },
  "signature-format": { type: "string" },
  key: { type: "string" },
  "rekor-url": { type: "string" },
  name: { type: "string" },
  namespace: { type: "string" },
  output: { type: "string", short: "o" },
  mode: { type: "string" },
  config: { type: "string", short: "c" },
  pss: { type: "string" },
  "pss-version": { type: "string" },
  "allowed-registry": { type: "string", multiple: true },
  "exclude-namespace": { type: "string", multiple: true }
};
function workloadOptions(p) {
  const file = str(p, "config");
  const policy = file === void 0 ? void 0 : loadPolicy(findRepoRoot(), file);
  const level = str(p, "pss") === void 0 ? policy?.manifests.pss ?? "privileged" : oneOf(p, "pss", ["privileged", "baseline", "restricted"], "privileged");
  const flagged = list(p, "allowed-registry");
  const registries = flagged.length > 0 ? flagged : policy?.manifests["allowed-registries"];
  return {
    ...level !== "privileged" && { pss: level },
    ...registries !== void 0 && { allowedRegistries: [...registries] }
  };
}
function readPublicKey(file) {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new ShipgateError("INPUT", `--key: cannot read ${file}`, { cause: e });
  }
}
function admission(argv) {
  const p = parse("policy admission", argv, ADMISSION_OPTIONS);
  if (p.values.help) {
    process.stdout.write(HELP);
    return EXIT.OK;
  }
  if (p.positionals.length > 0)
    throw new ShipgateError("USAGE", `policy admission: unexpected argument "${p.positionals[0]}"`, {
      hint: "give images with --images GLOB"
    });
  const format = oneOf(
    p,
    "format",
    ["kyverno", "policy-controller", "gatekeeper", "pss-labels"],
    "kyverno"
  );
  const opt = (name) => {
    const v = str(p, name);
    return v === void 0 ? {} : { [name.replace(/-([a-z])/g, (_, c) => c.toUpperCase())]: v };
  };
  const key = str(p, "key");
  const plan = admissionPlan({
    format,
    images: list(p, "images"),
    ...opt("github-repository"),
    ...opt("workflow"),
    ...opt("gitlab-project"),
    ...opt("gitlab-server"),
    ...opt("gitlab-ci-config"),
    ...opt("ref"),
    ...opt("ref-pattern"),
    ...opt("issuer"),
    ...str(p, "subject-regexp") !== void 0 && { subjectRegExp: str(p, "subject-regexp") },
    ...opt("subject"),
    ...opt("rekor-url"),
    ...opt("name"),
    ...opt("namespace"),
    requireAttestations: list(p, "require-attestation"),
    requireApproval: p.values["no-require-approval"] !== true,
    signatureFormat: oneOf(p, "signature-format", ["legacy", "bundle"], "legacy"),
    ...key !== void 0 && { publicKey: readPublicKey(key) },
    ...workloadOptions(p),
    ...opt("pss-version"),
    mode: oneOf(p, "mode", ["enforce", "audit"], "enforce"),
    excludeNamespaces: list(p, "exclude-namespace")
  });
  const yaml = renderAdmission(plan);
  const output = str(p, "output");
  if (output === void 0) process.stdout.write(yaml);
  else writeFileSync(output, yaml);
  return EXIT.OK;
}
async function run(argv) {
  if (argv[0] === "admission") return admission(argv.slice(1));
  const p = parse("policy", argv, { help: { type: "boolean", short: "h" } });
  const [sub, file] = p.positionals;
  if (p.values.help || !sub) {
    process.stdout.write(HELP);
    return p.values.help ? EXIT.OK : EXIT.INPUT_ERROR;
  }
  if (sub === "schema") {
    process.stdout.write(`${JSON.stringify(policyJsonSchema(), null, 2)}
`);
    return EXIT.OK;
  }
  if (sub === "check") {
    const policy = loadPolicy(findRepoRoot(), file);
    process.stdout.write(`${policy.source}: valid (fail on ${policy.gate["fail-on"]} or above)
`);
    return EXIT.OK;
  }
  throw new ShipgateError("USAGE", `policy: unknown subcommand "${sub}"`, {
    hint: 'use "check", "schema" or "admission"'
  });
}
export {
  run
};
