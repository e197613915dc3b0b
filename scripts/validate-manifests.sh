#!/usr/bin/env bash
# Validates the Kubernetes manifests in deploy/ offline (no cluster, no network once installed):
#
# 1. every manifest (deploy/*.yaml but kustomization.yaml, which is kustomize's input, not an object)
#    against Kubernetes' OpenAPI schemas of a pinned version, strictly (an unknown field is an error),
#    with kubernetes-validate; a kind or apiVersion it has no schema for fails too (the tool only warns);
# 2. the ConfigMap that kustomization.yaml generates from locales/: rendered by `kubectl kustomize` where
#    kubectl is installed (it is on this project's machines), else built the way kustomize builds it,
#    and validated the same way;
# 3. what schemas cannot see: the generator lists exactly the locale files there are (kustomize cannot
#    glob, so a new locale must be added by hand), en.yaml among them, under the ConfigMap size limit;
#    kustomization.yaml lists every manifest; selectors match the pods' labels; probes and the Service
#    name a declared port; the mounted ConfigMap is the generated one, at the --locales path; the user id
#    is the image's; the drain fits in the grace period and the readiness probe notices a drain within
#    the drain delay (README, "Deployment").
#
# Usage: scripts/validate-manifests.sh [DEPLOY_DIR]     (default deploy; exit 0 valid, 1 invalid)
#        KUBERNETES_VERSION=1.31.0 scripts/validate-manifests.sh
set -euo pipefail
cd "$(dirname "$0")/.."

KUBERNETES_VERSION=${KUBERNETES_VERSION:-1.30.0}
VALIDATOR_VERSION=1.37.0   # pinned: the schemas ship inside the package, so a pin fixes the verdict
deploy=${1:-deploy}
[ -f "$deploy/kustomization.yaml" ] || { echo "error: no $deploy/kustomization.yaml" >&2; exit 2; }

installed=$(python3 -c 'from kubernetes_validate.version import __version__ as v; print(v)' 2>/dev/null || true)
if [ "$installed" != "$VALIDATOR_VERSION" ]; then
    python3 -m pip install --quiet --disable-pip-version-check "kubernetes-validate==$VALIDATOR_VERSION" 2>&1 \
        | grep -v "Running pip as the 'root' user" || true
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

manifests=()
for file in "$deploy"/*.yaml; do
    [ "$(basename "$file")" = kustomization.yaml ] || manifests+=("$file")
done

status=0
# kubernetes-validate prints one line per object: INFO passed, ERROR did not validate (exit 1), or WARN when
# it has no schema for the kind, which it does not count as a failure; here it is one.
validate() {  # validate DIR FILE...: FILEs relative to DIR (so that the output names them readably)
    local dir=$1 output rc=0
    shift
    output=$(cd "$dir" && python3 -m kubernetes_validate --kubernetes-version "$KUBERNETES_VERSION" --strict "$@" 2>&1) || rc=$?
    printf '%s\n' "$output"
    if [ "$rc" -ne 0 ] || grep -q '^WARN' <<<"$output"; then status=1; fi
}
validate . "${manifests[@]}"

# The generated objects (the ConfigMap), as kustomize renders them.
rendered="$scratch/rendered.yaml"
if command -v kubectl >/dev/null 2>&1; then
    if kubectl kustomize --load-restrictor LoadRestrictionsNone "$deploy" >"$rendered"; then
        echo "rendered $deploy with kubectl kustomize ($(kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: //p'))"
    else
        echo "ERROR kubectl kustomize could not render $deploy"
        status=1
        : >"$rendered"
    fi
else
    echo "kubectl not found: the ConfigMap is built from kustomization.yaml by this script, not rendered by kustomize"
fi

python3 - "$deploy" "$rendered" "$scratch/generated-configmaps.yaml" <<'PY' || status=1
import os, re, sys, yaml

deploy, rendered, configmaps_out = sys.argv[1:4]
errors = []
def check(condition, message):
    if not condition:
        errors.append(message)

def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return [doc for doc in yaml.safe_load_all(f) if doc]
    except (OSError, yaml.YAMLError) as error:
        print(f"ERROR {path}: {' '.join(str(error).split())}")
        sys.exit(1)

kustomization = load(os.path.join(deploy, "kustomization.yaml"))[0]
objects = {}
for name in sorted(os.listdir(deploy)):
    if name.endswith(".yaml") and name != "kustomization.yaml":
        for doc in load(os.path.join(deploy, name)):
            if isinstance(doc, dict) and "kind" in doc:
                objects.setdefault(doc["kind"], []).append(doc)

# kustomization.yaml lists every manifest, and only files that exist.
listed = set(kustomization.get("resources", []))
present = {n for n in os.listdir(deploy) if n.endswith(".yaml") and n != "kustomization.yaml"}
check(listed == present, f"kustomization.yaml resources {sorted(listed)} != manifests in {deploy} {sorted(present)}")

# The generated ConfigMaps: the locale folder (en.yaml among its files) and one per brand (partial files,
# named checkout-messages-brand-NAME); each exactly one folder's *.yaml, under 1 MiB.
generators = kustomization.get("configMapGenerator", [])
check(sum(1 for g in generators if not g["name"].startswith("checkout-messages-brand-")) == 1,
      "expected one configMapGenerator for the locale folder (and any number of checkout-messages-brand-NAME)")
generated = []
for generator in generators:
    files = generator.get("files", [])
    folders = {os.path.dirname(f) for f in files}
    check(len(folders) == 1, f"{generator['name']}: files from more than one folder: {sorted(folders)}")
    folder = os.path.normpath(os.path.join(deploy, folders.pop())) if folders else deploy
    on_disk = sorted(n for n in os.listdir(folder) if n.endswith(".yaml")) if os.path.isdir(folder) else []
    names = [os.path.basename(f) for f in files]
    missing, extra = sorted(set(on_disk) - set(names)), sorted(set(names) - set(on_disk))
    check(not missing, f"{generator['name']}: locale files not listed in kustomization.yaml: {missing}")
    check(not extra, f"{generator['name']}: listed but not in {folder}: {extra}")
    check(len(names) == len(set(names)), f"{generator['name']}: a file is listed twice")
    if not generator["name"].startswith("checkout-messages-brand-"):
        check("en.yaml" in names, f"{generator['name']}: en.yaml (the source locale) is missing: the service rejects the folder")
    check(generator.get("options", {}).get("disableNameSuffixHash") is True,
          f"{generator['name']}: disableNameSuffixHash must be true (a fixed name is updated in place, for --watch)")
    data = {}
    for name in names:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                data[name] = f.read()
    size = sum(len(k.encode()) + len(v.encode()) for k, v in data.items())
    check(size < 1024 * 1024, f"{generator['name']}: {size} bytes, over the 1 MiB a ConfigMap may hold")
    generated.append({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": generator["name"]}, "data": data})
    print(f"{generator['name']}: {len(names)} locale files, {size} bytes")

# Prefer kustomize's own rendering where there is one (same content, as a cross-check).
if os.path.exists(rendered) and os.path.getsize(rendered):
    kustomized = [d for d in load(rendered) if d.get("kind") == "ConfigMap"]
    for mine in generated:
        theirs = next((d for d in kustomized if d["metadata"]["name"] == mine["metadata"]["name"]), None)
        check(theirs is not None and theirs.get("data") == mine["data"],
              f"{mine['metadata']['name']}: kustomize's rendering differs from the locale files")
    generated = kustomized or generated
with open(configmaps_out, "w", encoding="utf-8") as f:
    yaml.safe_dump_all(generated, f, allow_unicode=True)

# Names are DNS-1123 labels; selectors select the pods; ports and volumes line up.
for kind, docs in objects.items():
    for doc in docs:
        name = doc.get("metadata", {}).get("name", "")
        check(re.fullmatch(r"[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?", name or "") is not None,
              f"{kind} {name!r}: not a DNS-1123 label")
deployments = objects.get("Deployment", [])
check(len(deployments) == 1, "expected one Deployment")
if deployments:
    deployment = deployments[0]
    spec = deployment["spec"]
    pod = spec["template"]["spec"]
    pod_labels = spec["template"]["metadata"].get("labels", {})
    def selects(selector, what):
        check(bool(selector) and all(pod_labels.get(k) == v for k, v in selector.items()),
              f"{what} selector {selector} does not select the Deployment's pods {pod_labels}")
    selects(spec["selector"].get("matchLabels"), "Deployment")
    for service in objects.get("Service", []):
        selects(service["spec"].get("selector"), f"Service {service['metadata']['name']}")
    for pdb in objects.get("PodDisruptionBudget", []):
        selects(pdb["spec"]["selector"].get("matchLabels"), f"PodDisruptionBudget {pdb['metadata']['name']}")
    for hpa in objects.get("HorizontalPodAutoscaler", []):
        target = hpa["spec"]["scaleTargetRef"]
        check((target["kind"], target["name"]) == ("Deployment", deployment["metadata"]["name"]),
              f"HorizontalPodAutoscaler {hpa['metadata']['name']} targets {target['kind']} {target['name']}")
        check("replicas" not in spec, "Deployment sets replicas, which every apply would reset under the autoscaler")

    containers = pod["containers"]
    check(len(containers) == 1, "expected one container")
    container = containers[0]
    ports = {p.get("name") for p in container.get("ports", [])} | {p["containerPort"] for p in container.get("ports", [])}
    for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
        if probe in container:
            check(container[probe]["httpGet"]["port"] in ports, f"{probe} names port {container[probe]['httpGet']['port']}, not declared")
    for path, probe in (("/livez", "livenessProbe"), ("/readyz", "readinessProbe")):
        check(container.get(probe, {}).get("httpGet", {}).get("path") == path, f"{probe} must GET {path}")
    for service in objects.get("Service", []):
        for port in service["spec"]["ports"]:
            check(port.get("targetPort", port["port"]) in ports, f"Service port {port['port']} targets an undeclared port")

    args = container.get("args", [])
    def option(flag, default=None):
        return args[args.index(flag) + 1] if flag in args and args.index(flag) + 1 < len(args) else default
    check(args[:1] == ["serve"], "args must start with the serve command (they replace the image's CMD)")
    check(option("--port") is not None and int(option("--port")) in ports, "--port is not a declared container port")
    locales_dir = option("--locales")
    check("--watch" not in args or locales_dir is not None or "--brand" in args, "--watch needs --locales or --brand")
    mounts = {m["mountPath"].rstrip("/"): m["name"] for m in container.get("volumeMounts", [])}
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    # Every --brand NAME=DIR is a mount of a brand ConfigMap, as a whole folder (a subPath never updates).
    for index, arg in enumerate(args):
        if arg != "--brand" or index + 1 >= len(args):
            continue
        name, _, folder = args[index + 1].partition("=")
        check(re.fullmatch(r"[a-z0-9-]{1,64}", name) is not None, f"--brand {args[index + 1]}: a brand name is [a-z0-9-]{{1,64}}")
        volume = volumes.get(mounts.get(folder.rstrip("/")), {})
        check(volume.get("configMap", {}).get("name") in {g["name"] for g in generators if g["name"].startswith("checkout-messages-brand-")},
              f"--brand {args[index + 1]}: {folder} is not a mount of a generated brand ConfigMap")
    if locales_dir:
        volume = volumes.get(mounts.get(locales_dir.rstrip("/")), {})
        check(volume.get("configMap", {}).get("name") in {g["name"] for g in generators},
              f"--locales {locales_dir} is not a mount of the generated ConfigMap")
        check(not any(m.get("subPath") for m in container.get("volumeMounts", []) if m["mountPath"].rstrip("/") == locales_dir.rstrip("/")),
              "the locale folder is mounted with subPath, which never updates")

    # Drain timing: delay + timeout within the grace period; a drain noticed by the readiness probe
    # within the delay.
    delay, timeout = float(option("--drain-delay", 0)), float(option("--drain-timeout", 25))
    grace = pod.get("terminationGracePeriodSeconds", 30)
    check(delay + timeout < grace, f"--drain-delay {delay} + --drain-timeout {timeout} must stay below terminationGracePeriodSeconds {grace}")
    readiness = container.get("readinessProbe", {})
    noticed = readiness.get("periodSeconds", 10) * readiness.get("failureThreshold", 3)
    check(noticed <= delay, f"the readiness probe notices a drain after up to {noticed} s, more than --drain-delay {delay}")

    # Non-root, as the image's numeric user.
    security = pod.get("securityContext", {})
    check(security.get("runAsNonRoot") is True, "runAsNonRoot must be true")
    dockerfile = os.path.join(deploy, "..", "Dockerfile")
    if os.path.exists(dockerfile):
        users = re.findall(r"^USER\s+(\d+)", open(dockerfile).read(), re.M)
        check(users and int(users[-1]) == security.get("runAsUser"),
              f"runAsUser {security.get('runAsUser')} is not the Dockerfile's USER {users[-1] if users else '(none numeric)'}")

for error in errors:
    print(f"ERROR {error}")
print(f"consistency: {'failed, ' + str(len(errors)) + ' error(s)' if errors else 'passed'}")
sys.exit(1 if errors else 0)
PY

[ -s "$scratch/generated-configmaps.yaml" ] && validate "$scratch" generated-configmaps.yaml

if [ "$status" -eq 0 ]; then
    echo "manifests valid against Kubernetes $KUBERNETES_VERSION (kubernetes-validate $VALIDATOR_VERSION, strict)"
else
    echo "manifests INVALID" >&2
fi
exit "$status"
