# Shared by the bin/ scripts: reads the env file and refuses to go on without a required
# secret, or with a demo value, naming the variable in one line. Sourced, not run.

DUBAN_HOME="${DUBAN_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
DUBAN_ENV_FILE="${DUBAN_ENV_FILE:-/etc/duban/duban.env}"

duban_die() {
    echo "duban: $*" >&2
    exit 1
}

# systemd passes the env file with EnvironmentFile=; by hand (root) the scripts read it here.
# Values already in the environment win, as with systemd.
duban_load_env() {
    [ -r "$DUBAN_ENV_FILE" ] || return 0
    local line key value
    while IFS= read -r line || [ -n "$line" ]; do
        case "$line" in ''|'#'*) continue ;; esac
        key="${line%%=*}"
        value="${line#*=}"
        case "$key" in *[!A-Za-z0-9_]*|'') continue ;; esac
        value="${value%\"}"; value="${value#\"}"
        if [ -z "${!key+x}" ]; then export "$key=$value"; fi
    done < "$DUBAN_ENV_FILE"
}

# The demo stack's secrets: never in production.
DUBAN_DEMO_VALUES="duban-web-secret duban-accounts-secret duban_app duban_owner duban123 admin changeme"

duban_require() {
    local name value demo
    for name in "$@"; do
        value="${!name:-}"
        [ -n "$value" ] || duban_die "$name is not set (see docs/DEPLOYMENT.md)"
        for demo in $DUBAN_DEMO_VALUES; do
            [ "$value" != "$demo" ] || duban_die "$name has the demo value '$demo'; generate a new one (see docs/DEPLOYMENT.md)"
        done
    done
}

# A password or secret must be long enough to survive guessing (openssl rand -base64 32 gives 44).
duban_require_strong() {
    local name
    duban_require "$@"
    for name in "$@"; do
        [ "${#name}" -gt 0 ] && [ "$(printf %s "${!name}" | wc -c)" -ge 16 ] \
            || duban_die "$name is shorter than 16 characters; generate one with: openssl rand -base64 32 (see docs/DEPLOYMENT.md)"
    done
}

# The OIDC client secret travels in an HTTP Basic header, form-encoded by one side and not by the
# other: '+', '/' and '=' of base64 break the code exchange (Keycloak answers "Invalid client
# credentials"). Hex has none of them.
duban_require_token() {
    local name="$1"
    duban_require_strong "$name"
    case "${!name}" in *[!A-Za-z0-9._~-]*) duban_die "$name may hold only letters, digits and - . _ ~; generate one with: openssl rand -hex 32 (see docs/DEPLOYMENT.md)" ;; esac
}

# The audit key: base64 of at least 32 bytes.
duban_require_key() {
    local name="$1" bytes
    duban_require "$name"
    bytes="$(printf %s "${!name}" | base64 -d 2>/dev/null | wc -c)" || bytes=0
    [ "$bytes" -ge 32 ] || duban_die "$name must be base64 of at least 32 bytes; generate one with: openssl rand -base64 32 (see docs/DEPLOYMENT.md)"
}

duban_require_https() {
    local name
    for name in "$@"; do
        duban_require "$name"
        case "${!name}" in https://*) ;; *) duban_die "$name must be an https:// URL (see docs/DEPLOYMENT.md)" ;; esac
    done
}
