#!/usr/bin/env bash
# Installs everything tcim-harness needs on a bare machine, each step skipped when already done:
#   1. npm dependencies (npm ci, from the committed package-lock.json)
#   2. vegeta (the load generator) into .tools/bin with the Go toolchain (go install, pinned version)
#   3. Debian's chromium at /usr/bin/chromium (for the report's browser check), when running as root with apt-get
#   4. Debian's prometheus-pushgateway at /usr/bin/prometheus-pushgateway (the `load --push` test starts one on
#      loopback; never run as a service by the harness), when running as root with apt-get
# Set TCIM_SKIP_CHROMIUM=1 to skip step 3, TCIM_SKIP_PUSHGATEWAY=1 to skip step 4.
set -euo pipefail
cd "$(dirname "$0")/.."

VEGETA_MODULE="github.com/tsenart/vegeta/v12"
VEGETA_VERSION="v12.13.0"
TOOLS="$PWD/.tools/bin"

step() { printf '[setup] %s\n' "$*"; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
else
  step "npm dependencies present"
fi

if [ -x "$TOOLS/vegeta" ] && [ "$(cat "$TOOLS/vegeta.version" 2>/dev/null)" = "$VEGETA_VERSION" ]; then
  step "vegeta $VEGETA_VERSION present in .tools/bin"
else
  if ! command -v go >/dev/null 2>&1; then
    echo "[setup] error: the Go toolchain (go >= 1.22) is needed to install the load generator vegeta; install Go, or set TCIM_VEGETA to a vegeta binary you have" >&2
    exit 2
  fi
  step "installing vegeta $VEGETA_VERSION into .tools/bin (go install)"
  mkdir -p "$TOOLS"
  CGO_ENABLED=0 GOBIN="$TOOLS" GOFLAGS=-modcacherw go install -trimpath -ldflags='-s -w' "$VEGETA_MODULE@$VEGETA_VERSION"
  echo "$VEGETA_VERSION" > "$TOOLS/vegeta.version"
fi

if [ "${TCIM_SKIP_CHROMIUM:-0}" = "1" ]; then
  step "chromium skipped (TCIM_SKIP_CHROMIUM=1)"
elif [ -x /usr/bin/chromium ]; then
  step "chromium present at /usr/bin/chromium"
elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  step "installing Debian's chromium (apt-get)"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "[setup] warning: /usr/bin/chromium is missing and apt-get is not usable here; the report's browser check will be skipped with a notice" >&2
fi

if [ "${TCIM_SKIP_PUSHGATEWAY:-0}" = "1" ]; then
  step "prometheus-pushgateway skipped (TCIM_SKIP_PUSHGATEWAY=1)"
elif [ -x /usr/bin/prometheus-pushgateway ]; then
  step "prometheus-pushgateway present at /usr/bin/prometheus-pushgateway"
elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  step "installing Debian's prometheus-pushgateway (apt-get; its service is not needed, the test starts its own on loopback)"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus-pushgateway >/dev/null
else
  echo "[setup] warning: /usr/bin/prometheus-pushgateway is missing and apt-get is not usable here; the --push test will be skipped with a notice" >&2
fi
step "done"
