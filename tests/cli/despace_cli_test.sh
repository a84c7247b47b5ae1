#!/usr/bin/env bash
# CLI tests for despace: runs the built binary the way users do (files, stdin, pipes,
# compressed and GB18030 input, bad input, closed pipes, full disks) and checks exit
# statuses, messages and that equivalent inputs give identical output.
#
# usage: despace_cli_test.sh BIN_DIR SOURCE_DIR
# Prints one line per check and "N passed, N failed"; exits 1 on any failure.

set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 BIN_DIR SOURCE_DIR" >&2
    exit 2
fi
despace=$1/despace
pages=$2/tests/corpus/pages
export LC_ALL=C

source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/despace_cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# run ARGS...: runs despace with stdin from /dev/null unless redirected by the caller;
# leaves stdout in $tmp/out, stderr in $tmp/err and the exit status in $status.
run() {
    "$despace" "$@" >"$tmp/out" 2>"$tmp/err"
    status=$?
}
# run_stdin FILE ARGS...: the same with FILE on stdin.
run_stdin() {
    local input=$1
    shift
    "$despace" "$@" <"$input" >"$tmp/out" 2>"$tmp/err"
    status=$?
}
same() { cmp -s "$1" "$2"; }
err_is() { [ "$(cat "$tmp/err")" = "$1" ]; }
err_empty() { [ ! -s "$tmp/err" ]; }
lines() { wc -l <"$1" | tr -d ' '; }

if [ ! -x "$despace" ]; then
    fail "despace binary at $despace"
    summary
    exit 1
fi

page=$tmp/page.txt
cat "$pages"/000.txt >"$page"
run "$page" </dev/null
cp "$tmp/out" "$tmp/expected"
check "plain file: exit 0, no message, some output" eval '[ $status -eq 0 ] && err_empty && [ -s "$tmp/expected" ]'

# --help and --version on stdout, exit 0.
run --help </dev/null
check "--help exits 0 on stdout" eval '[ $status -eq 0 ] && err_empty && grep -q "^Usage: despace " "$tmp/out"'
for option in --keep-lines --encoding --strict --line-buffered --help --version; do
    check "--help lists $option" grep -q -- "$option" "$tmp/out"
done
run -h </dev/null
check "-h is --help" eval '[ $status -eq 0 ] && grep -q "^Usage: despace " "$tmp/out"'
run --version </dev/null
check "--version exits 0 on stdout" eval '[ $status -eq 0 ] && err_empty && grep -Eq "^despace \(jianbao\) [0-9]+\.[0-9]+\.[0-9]+$" "$tmp/out"'
run -V </dev/null
check "-V is --version" eval '[ $status -eq 0 ] && grep -q "^despace (jianbao) " "$tmp/out"'

# Usage errors: exit 2, one line on stderr naming the program, nothing on stdout.
run --no-such-option "$page" </dev/null
check "unknown option exits 2" eval '[ $status -eq 2 ] && [ ! -s "$tmp/out" ]'
check "unknown option: one line starting with despace:" eval '[ "$(lines "$tmp/err")" -eq 1 ] && grep -q "^despace: .*--no-such-option" "$tmp/err"'
run -x </dev/null
check "unknown short option exits 2" eval '[ $status -eq 2 ] && grep -q "^despace: " "$tmp/err"'
run --encoding </dev/null
check "--encoding without NAME exits 2" eval '[ $status -eq 2 ] && grep -q "^despace: .*requires an argument" "$tmp/err"'
run --encoding NO-SUCH-CHARSET "$page" </dev/null
check "unknown --encoding exits 2 with one line" eval '[ $status -eq 2 ] && [ "$(lines "$tmp/err")" -eq 1 ] && grep -q "^despace: unknown encoding .NO-SUCH-CHARSET." "$tmp/err" && [ ! -s "$tmp/out" ]'
empty_name="despace: unknown encoding '' (try 'despace --help')"
run -e '' "$page" </dev/null
check "-e '' (an empty NAME) exits 2 with one line" eval '[ $status -eq 2 ] && err_is "$empty_name" && [ ! -s "$tmp/out" ]'
run --encoding= "$page" </dev/null
check "--encoding= (an empty NAME) exits 2 with one line" eval '[ $status -eq 2 ] && err_is "$empty_name" && [ ! -s "$tmp/out" ]'

# stdin, '-', and files agree.
run_stdin "$page"
check "stdin equals FILE" eval '[ $status -eq 0 ] && same "$tmp/out" "$tmp/expected"'
run_stdin "$page" -
check "'-' reads stdin" eval '[ $status -eq 0 ] && same "$tmp/out" "$tmp/expected"'
cat "$page" | "$despace" >"$tmp/out" 2>"$tmp/err"
check "a pipe on stdin equals FILE" eval 'same "$tmp/out" "$tmp/expected"'
run "$page" "$page" </dev/null
cat "$tmp/expected" "$tmp/expected" >"$tmp/twice"
check "two FILEs are read in order" eval '[ $status -eq 0 ] && same "$tmp/out" "$tmp/twice"'

# A missing file among good ones: named on stderr, exit 1, the others still output.
run "$page" "$tmp/missing.txt" "$page" </dev/null
check "missing FILE exits 1" eval '[ $status -eq 1 ]'
check "missing FILE is named" err_is "despace: $tmp/missing.txt: No such file or directory"
check "the other FILEs are still processed" same "$tmp/out" "$tmp/twice"
mkdir "$tmp/dir"
run "$tmp/dir" "$page" </dev/null
check "directory: exit 1, named, others processed" eval '[ $status -eq 1 ] && err_is "despace: $tmp/dir: Is a directory" && same "$tmp/out" "$tmp/expected"'
if [ "$(id -u)" -ne 0 ]; then
    cp "$page" "$tmp/secret.txt"
    chmod 000 "$tmp/secret.txt"
    run "$tmp/secret.txt" </dev/null
    check "unreadable FILE: exit 1, named" eval '[ $status -eq 1 ] && err_is "despace: $tmp/secret.txt: Permission denied"'
fi

# Compressed input equals plain input.
gzip -c "$page" >"$tmp/page.txt.gz"
run "$tmp/page.txt.gz" </dev/null
check ".gz FILE equals plain" eval '[ $status -eq 0 ] && err_empty && same "$tmp/out" "$tmp/expected"'
run_stdin "$tmp/page.txt.gz"
check "gzip data on stdin is recognized" eval '[ $status -eq 0 ] && same "$tmp/out" "$tmp/expected"'
# Zero padding after the last member (a tape's block) is ignored, as gzip -dc does;
# other bytes after it are not.
{ cat "$tmp/page.txt.gz"; head -c 512 /dev/zero; } >"$tmp/padded.gz"
run "$tmp/padded.gz" </dev/null
check "zero-padded .gz equals plain" eval '[ $status -eq 0 ] && err_empty && same "$tmp/out" "$tmp/expected"'
{ cat "$tmp/padded.gz"; echo garbage; } >"$tmp/padded-garbage.gz"
run "$tmp/padded-garbage.gz" </dev/null
check "zero padding then garbage: exit 1, named" eval '[ $status -eq 1 ] && err_is "despace: $tmp/padded-garbage.gz: invalid gzip data (trailing garbage)"'
if command -v zstd >/dev/null; then
    zstd -q -c "$page" >"$tmp/page.txt.zst"
    run "$tmp/page.txt.zst" </dev/null
    check ".zst FILE equals plain" eval '[ $status -eq 0 ] && err_empty && same "$tmp/out" "$tmp/expected"'
    run_stdin "$tmp/page.txt.zst"
    check "zstd data on stdin is recognized" eval '[ $status -eq 0 ] && same "$tmp/out" "$tmp/expected"'
    head -c 2000 "$tmp/page.txt.zst" >"$tmp/cut.zst"
    run "$tmp/cut.zst" </dev/null
    check "truncated .zst: exit 1, named" eval '[ $status -eq 1 ] && err_is "despace: $tmp/cut.zst: unexpected end of file (truncated zstd data)"'
else
    fail ".zst input (zstd not installed: run scripts/install-deps)"
fi
head -c 3000 "$tmp/page.txt.gz" >"$tmp/cut.gz"
run "$tmp/cut.gz" "$page" </dev/null
check "truncated .gz: exit 1, named, next FILE still processed" eval '[ $status -eq 1 ] && err_is "despace: $tmp/cut.gz: unexpected end of file (truncated gzip data)" && tail -c "$(wc -c <"$tmp/expected")" "$tmp/out" | cmp -s - "$tmp/expected"'

# GB18030 input with --encoding equals the UTF-8 input.
if iconv -f UTF-8 -t GB18030 "$page" >"$tmp/page.gb18030" 2>/dev/null ||
    uconv -f UTF-8 -t GB18030 "$page" >"$tmp/page.gb18030" 2>/dev/null; then
    run --encoding GB18030 "$tmp/page.gb18030" </dev/null
    check "--encoding GB18030 equals the UTF-8 input" eval '[ $status -eq 0 ] && err_empty && same "$tmp/out" "$tmp/expected"'
    run_stdin "$tmp/page.gb18030" -e gb18030
    check "-e gb18030 on stdin" eval '[ $status -eq 0 ] && same "$tmp/out" "$tmp/expected"'
    gzip -c "$tmp/page.gb18030" >"$tmp/page.gb18030.gz"
    run --encoding=GB18030 "$tmp/page.gb18030.gz" </dev/null
    check "--encoding=GB18030 on a .gz FILE" eval '[ $status -eq 0 ] && same "$tmp/out" "$tmp/expected"'
    run --encoding GB18030 "$page" </dev/null
    check "UTF-8 read as GB18030 (mojibake) still exits 0" eval '[ $status -eq 0 ]'
else
    fail "making GB18030 input (iconv or uconv)"
fi
run --encoding UTF-8 "$page" </dev/null
check "--encoding UTF-8 equals no --encoding" eval '[ $status -eq 0 ] && same "$tmp/out" "$tmp/expected"'

# Line ends and BOM.
sed 's/$/\r/' "$page" >"$tmp/crlf.txt"
run "$tmp/crlf.txt" </dev/null
check "CRLF input equals LF input" eval '[ $status -eq 0 ] && same "$tmp/out" "$tmp/expected"'
tr '\n' '\r' <"$page" >"$tmp/cr.txt"
run "$tmp/cr.txt" </dev/null
check "CR input equals LF input" eval '[ $status -eq 0 ] && same "$tmp/out" "$tmp/expected"'
{ printf '\357\273\277'; cat "$page"; } >"$tmp/bom.txt"
run "$tmp/bom.txt" </dev/null
check "a BOM is dropped" eval '[ $status -eq 0 ] && same "$tmp/out" "$tmp/expected"'
# A U+FEFF that despace leaves at the start (its leading space repaired away) is
# text: it is written behind a mark, so that despace run again keeps it.
printf ' \357\273\277本报讯 会议召开。\n' >"$tmp/feff.txt"
"$despace" "$tmp/feff.txt" >"$tmp/feff.once"
"$despace" "$tmp/feff.once" >"$tmp/feff.twice"
check "a U+FEFF left at the start is kept, and despace stays idempotent" \
    eval '[ "$(head -c 6 "$tmp/feff.once" | od -An -tx1 | tr -d " \n")" = efbbbfefbbbf ] && same "$tmp/feff.once" "$tmp/feff.twice"'

# Form feeds: a line holding only a form feed after each page that ended in one.
{ cat "$page"; printf '\f'; cat "$page"; printf '\f'; } >"$tmp/two-pages.txt"
run "$tmp/two-pages.txt" </dev/null
check "a form-feed line after each page" eval '[ "$(grep -c "^$(printf "\f")\$" "$tmp/out")" -eq 2 ]'
{ cat "$tmp/expected"; printf '\f\n'; cat "$tmp/expected"; printf '\f\n'; } >"$tmp/two-expected"
check "pages are repaired alone" same "$tmp/out" "$tmp/two-expected"
"$despace" "$tmp/two-pages.txt" | "$despace" >"$tmp/again" 2>"$tmp/err"
check "despace | despace equals despace" same "$tmp/again" "$tmp/out"

# Invalid UTF-8: passed through byte for byte, one warning per file; --strict: exit 1.
printf '\xe4\xb8\xad \xff\xfe \xe6\x96\x87\nabc \x80\n' >"$tmp/bad.txt"
run "$tmp/bad.txt" </dev/null
check "invalid UTF-8: exit 0" eval '[ $status -eq 0 ]'
check "invalid UTF-8: one warning" err_is "despace: $tmp/bad.txt: invalid UTF-8 at byte 4 (passed through)"
check "invalid UTF-8: bytes pass through" eval '[ "$(tr -d " \n" <"$tmp/out" | od -An -tx1)" = "$(tr -d " \n" <"$tmp/bad.txt" | od -An -tx1)" ]'
run "$tmp/bad.txt" "$page" "$tmp/bad.txt" </dev/null
check "invalid UTF-8: one warning per file" eval '[ "$(lines "$tmp/err")" -eq 2 ]'
run --strict "$tmp/bad.txt" "$page" </dev/null
check "--strict: exit 1, message, other FILEs processed" eval '[ $status -eq 1 ] && err_is "despace: $tmp/bad.txt: invalid UTF-8 at byte 4" && same "$tmp/out" "$tmp/expected"'
run --strict "$page" </dev/null
check "--strict on valid input: exit 0" eval '[ $status -eq 0 ] && err_empty'

# Options that must not change what is written.
run --line-buffered "$tmp/two-pages.txt" </dev/null
check "--line-buffered writes the same bytes" eval '[ $status -eq 0 ] && same "$tmp/out" "$tmp/two-expected"'
run -k "$page" </dev/null
check "-k runs" eval '[ $status -eq 0 ] && err_empty && [ -s "$tmp/out" ]'
run --keep-lines "$page" </dev/null
cp "$tmp/out" "$tmp/keep"
run -ks "$page" </dev/null
check "bundled -ks equals --keep-lines --strict" eval '[ $status -eq 0 ] && same "$tmp/out" "$tmp/keep"'
: >"$tmp/empty.txt"
run "$tmp/empty.txt" </dev/null
check "empty input: empty output, exit 0" eval '[ $status -eq 0 ] && [ ! -s "$tmp/out" ] && err_empty'

# Output errors: a full disk is an error; a closed pipe ends quietly.
"$despace" "$page" >/dev/full 2>"$tmp/err"
status=$?
check "/dev/full: exit 1 with a message" eval '[ $status -eq 1 ] && err_is "despace: write error: No space left on device"'
big=$tmp/big.txt
for _ in $(seq 1 400); do cat "$pages"/*.txt; printf '\f'; done >"$big"
timeout 60 "$despace" "$big" 2>"$tmp/err" | head -1 >/dev/null
status=${PIPESTATUS[0]}
check "| head -1: exit 0, no hang" eval '[ $status -eq 0 ]'
check "| head -1: no message" err_empty
timeout 60 "$despace" --line-buffered "$big" 2>"$tmp/err" | head -c 100 >/dev/null
status=${PIPESTATUS[0]}
check "--line-buffered | head: exit 0, no message" eval '[ $status -eq 0 ] && err_empty'

summary
