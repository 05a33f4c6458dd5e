#!/usr/bin/env bash
# Build step of the dist profile (not shipped): a copy of the unpacked Keycloak distribution
# with Duban's keycloak.conf, production realm and login theme (themes/, next to the realm file),
# pre-built with `kc.sh build` (offline, ~40 s) so that the installed server starts --optimized and its tree can stay read-only.
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
# The realm's loginTheme "duban": Keycloak reads themes from its themes/ directory at run time.
cp -a "$(dirname "$realm")/themes/." "$target/themes/"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}" \
    "$target/bin/kc.sh" build
rm -rf "$target/data/tmp"
