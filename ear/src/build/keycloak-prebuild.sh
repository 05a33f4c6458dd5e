#!/usr/bin/env bash
# Build step of the dist profile (not shipped): a copy of the unpacked Keycloak distribution
# with Duban's keycloak.conf and production realm, pre-built with `kc.sh build` (offline, ~40 s)
# so that the installed server starts --optimized and its tree can stay read-only.
#   keycloak-prebuild.sh KEYCLOAK_HOME TARGET_DIR DIST_SOURCES REALM_JSON
set -euo pipefail
source_home="$1"; target="$2"; dist="$3"; realm="$4"
rm -rf "$target"
mkdir -p "$(dirname "$target")"
cp -a "$source_home" "$target"
rm -rf "$target/data"
mkdir -p "$target/data/import"
cp "$dist/keycloak/keycloak.conf" "$target/conf/keycloak.conf"
cp "$realm" "$target/data/import/duban-realm.json"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}" \
    "$target/bin/kc.sh" build
rm -rf "$target/data/tmp"
