# Sourced by the accuracy test scripts on pages outside the corpus (tests/relayout/,
# tests/written/), which are called as SCRIPT BIN_DIR SOURCE_DIR: checks the
# arguments, sets bin and src, py (Debian's python3 when there), a scratch folder
# tmp removed at exit, and the check harness (tests/cli/checks.sh); defines
#   figure NAME        the pooled figure NAME from the scorer's report $tmp/score.json
#   at_least A B       succeeds when A >= B
#   check_idempotent DIR   a check that despace | despace = despace on DIR/*.txt

set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 BIN_DIR SOURCE_DIR" >&2
    exit 2
fi
bin=$1
src=$2
export LC_ALL=C

source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/$(basename "$0" .sh).XXXXXX")
trap 'rm -rf "$tmp"' EXIT
py=/usr/bin/python3
[ -x "$py" ] || py=python3

figure() { "$py" -c 'import json, sys; print(round(json.load(open(sys.argv[1]))["overall"][sys.argv[2]], 4))' "$tmp/score.json" "$1"; }
at_least() { "$py" -c 'import sys; sys.exit(0 if float(sys.argv[1]) >= float(sys.argv[2]) else 1)' "$1" "$2"; }

check_idempotent() {
    local page not_idempotent=0
    for page in "$1"/*.txt; do
        "$bin/despace" "$page" > "$tmp/once"
        "$bin/despace" "$tmp/once" > "$tmp/twice"
        cmp -s "$tmp/once" "$tmp/twice" || { not_idempotent=$((not_idempotent + 1)); echo "     not idempotent: ${page##*/}"; }
    done
    check "despace | despace = despace on all $(ls "$1" | wc -l) pages" [ "$not_idempotent" = 0 ]
}
