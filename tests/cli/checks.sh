# The check harness every CLI and database test script sources: each check prints
# "ok   NAME" or "FAIL NAME", and summary prints the counts and fails if any did.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"
#   check NAME COMMAND...     passes when COMMAND succeeds
#   pass NAME / fail NAME     record a result decided otherwise
#   summary                   "N passed, N failed"; status 1 when any failed

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
check() {
    local name=$1
    shift
    if "$@"; then pass "$name"; else fail "$name"; fi
}
summary() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
