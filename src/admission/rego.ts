/**
 * Rego for the Gatekeeper templates. Each control mirrors a shipgate manifest rule (the Pod Security
 * Standards controls SG-K8S-101..126 and the registry allow-list SG-K8S-026) field for field, and the
 * oracle test runs both on the same manifests with a real OPA. Written for OPA 0.x and 1.x alike: the
 * `future.keywords` imports, no `rego.v1`.
 *
 * Absent fields need care: OPA evaluates a call's arguments before a `not`, so `not f(x.missing)` and
 * `not x.missing != null` are false, not true, and a message whose sprintf argument is missing drops the
 * violation. Every value a `not` or a message reads therefore goes through a getter with an `else`
 * default, and the oracle test runs absent, null and mistyped fields.
 */

/** Workload kinds and where each keeps its pod template; shared by both templates. */
const POD_TEMPLATE = `template_kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"}

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

const HEADER = `import future.keywords.contains
import future.keywords.if
import future.keywords.in
`;

export const POD_SECURITY_REGO = `package shipgatepodsecurity

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

export const ALLOWED_REGISTRIES_REGO = `package shipgateallowedregistries

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
