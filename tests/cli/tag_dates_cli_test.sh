#!/usr/bin/env bash
# CLI tests for tag-dates: runs the built binary the way users do (files, stdin,
# pipes, compressed input, the article stream, bad options and bad input, closed
# pipes, full disks) and checks exit statuses, messages, --list, and that the
# output is the input plus markup, idempotent.
#
# usage: tag_dates_cli_test.sh BIN_DIR SOURCE_DIR
# Prints one line per check and "N passed, N failed"; exits 1 on any failure.

set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 BIN_DIR SOURCE_DIR" >&2
    exit 2
fi
tag_dates=$1/tag-dates
gold=$2/tests/corpus/gold
export LC_ALL=C

source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tag_dates_cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# run ARGS...: leaves stdout in $tmp/out, stderr in $tmp/err, the status in $status.
run() {
    "$tag_dates" "$@" >"$tmp/out" 2>"$tmp/err"
    status=$?
}
run_stdin() {
    local input=$1
    shift
    "$tag_dates" "$@" <"$input" >"$tmp/out" 2>"$tmp/err"
    status=$?
}
same() { cmp -s "$1" "$2"; }
err_is() { [ "$(cat "$tmp/err")" = "$1" ]; }
err_empty() { [ ! -s "$tmp/err" ]; }
lines() { wc -l <"$1" | tr -d ' '; }
# strip FILE: the file without TIMEX3 markup.
strip() { perl -pe 's{<TIMEX3 [^>]*>|</TIMEX3>}{}g' "$1"; }
tags() { grep -o '<TIMEX3 ' "$1" | wc -l | tr -d ' '; }

if [ ! -x "$tag_dates" ]; then
    fail "tag-dates binary at $tag_dates"
    summary
    exit 1
fi

page=$tmp/page.txt
sed 's/⍽/ /g' "$gold"/003.clean.txt >"$page"
run --ref-date 2023-01-10 "$page" </dev/null
cp "$tmp/out" "$tmp/expected"
check "plain file: exit 0, no message, dates tagged" eval '[ $status -eq 0 ] && err_empty && [ "$(tags "$tmp/expected")" -gt 20 ]'
check "only markup is added" eval 'strip "$tmp/expected" | cmp -s - "$page"'
check "values as in the spec" grep -q '<TIMEX3 type="TIME" value="2023-01-08T23:48">1月8日23时48分</TIMEX3>' "$tmp/expected"
check "traps stay untagged" eval 'grep -q "3.1级" "$tmp/expected" && grep -q "16天左右" "$tmp/expected"'

# --help and --version on stdout, exit 0.
run --help </dev/null
check "--help exits 0 on stdout" eval '[ $status -eq 0 ] && err_empty && grep -q "^Usage: tag-dates " "$tmp/out"'
for option in --list --ref-date --encoding --strict --line-buffered --help --version; do
    check "--help lists $option" grep -q -- "$option" "$tmp/out"
done
run --version </dev/null
check "--version exits 0 on stdout" eval '[ $status -eq 0 ] && err_empty && grep -Eq "^tag-dates \(jianbao\) [0-9]+\.[0-9]+\.[0-9]+$" "$tmp/out"'

# Usage errors: exit 2, one line on stderr naming the program, nothing on stdout.
run --no-such-option "$page" </dev/null
check "unknown option exits 2" eval '[ $status -eq 2 ] && [ ! -s "$tmp/out" ] && [ "$(lines "$tmp/err")" -eq 1 ] && grep -q "^tag-dates: " "$tmp/err"'
for bad in 2023-02-30 yesterday 2023-1-5 2023/01/10 20230110 2023-01-10x ''; do
    run --ref-date "$bad" "$page" </dev/null
    check "--ref-date $bad: exit 2, one line" eval '[ $status -eq 2 ] && [ ! -s "$tmp/out" ] && err_is "tag-dates: invalid --ref-date '"'$bad'"' (want YYYY-MM-DD)"'
done
run --ref-date </dev/null
check "--ref-date without a value exits 2" eval '[ $status -eq 2 ] && grep -q "^tag-dates: .*requires an argument" "$tmp/err"'
run -r 2023-01-10 "$page" </dev/null
check "-r is --ref-date" same "$tmp/out" "$tmp/expected"
run --ref-date=2023-01-10 "$page" </dev/null
check "--ref-date=DATE" same "$tmp/out" "$tmp/expected"

# stdin, '-', and files agree.
run_stdin "$page" --ref-date 2023-01-10
check "stdin equals FILE" eval '[ $status -eq 0 ] && same "$tmp/out" "$tmp/expected"'
run_stdin "$page" --ref-date 2023-01-10 -
check "'-' reads stdin" eval '[ $status -eq 0 ] && same "$tmp/out" "$tmp/expected"'
cat "$page" | "$tag_dates" --ref-date 2023-01-10 >"$tmp/out" 2>"$tmp/err"
check "a pipe on stdin equals FILE" same "$tmp/out" "$tmp/expected"
run --ref-date 2023-01-10 "$page" "$page" </dev/null
cat "$tmp/expected" "$tmp/expected" >"$tmp/twice"
check "two FILEs are read in order" eval '[ $status -eq 0 ] && same "$tmp/out" "$tmp/twice"'
printf '你好。' >"$tmp/no-newline.txt"
run "$tmp/no-newline.txt" "$tmp/no-newline.txt" </dev/null
check "a FILE's last line without a line end does not join the next FILE's first" eval '[ "$(cat "$tmp/out"; echo .)" = "$(printf "你好。\n你好。.")" ]'
run "$tmp/no-newline.txt" </dev/null
check "the last FILE's last line keeps having no line end" eval '[ "$(cat "$tmp/out"; echo .)" = "你好。." ]'
run --ref-date 2023-01-10 "$page" "$tmp/missing.txt" "$page" </dev/null
check "missing FILE: exit 1, named, others processed" eval '[ $status -eq 1 ] && err_is "tag-dates: $tmp/missing.txt: No such file or directory" && same "$tmp/out" "$tmp/twice"'
gzip -c "$page" >"$tmp/page.txt.gz"
run --ref-date 2023-01-10 "$tmp/page.txt.gz" </dev/null
check ".gz FILE equals plain" eval '[ $status -eq 0 ] && err_empty && same "$tmp/out" "$tmp/expected"'
run_stdin "$tmp/page.txt.gz" --ref-date 2023-01-10
check "gzip data on stdin is recognized" eval '[ $status -eq 0 ] && same "$tmp/out" "$tmp/expected"'

# GB18030 input with --encoding equals the UTF-8 input (output is UTF-8).
if iconv -f UTF-8 -t GB18030 "$page" >"$tmp/page.gb18030" 2>/dev/null; then
    run --encoding GB18030 --ref-date 2023-01-10 "$tmp/page.gb18030" </dev/null
    check "--encoding GB18030 equals the UTF-8 input" eval '[ $status -eq 0 ] && err_empty && same "$tmp/out" "$tmp/expected"'
else
    fail "making GB18030 input (iconv)"
fi

# Idempotent: tagging tagged text changes nothing.
"$tag_dates" --ref-date 2023-01-10 "$tmp/expected" >"$tmp/again" 2>"$tmp/err"
check "tag-dates | tag-dates equals tag-dates" same "$tmp/again" "$tmp/expected"

# --list: LINE SURFACE VALUE TYPE, one row per tag; LINE restarts with each FILE.
run --list --ref-date 2023-01-10 "$page" </dev/null
cp "$tmp/out" "$tmp/list"
check "--list: one row per tag" eval '[ "$(lines "$tmp/list")" -eq "$(tags "$tmp/expected")" ]'
check "--list: four fields, LINE a number, TYPE DATE or TIME" eval 'awk -F"\t" "NF != 4 || \$1 !~ /^[0-9]+\$/ || (\$4 != \"DATE\" && \$4 != \"TIME\") { bad = 1 } END { exit bad }" "$tmp/list"'
check "--list: the earthquake row" grep -qx "10	1月8日23时48分	2023-01-08T23:48	TIME" "$tmp/list"
run --list --ref-date 2023-01-10 "$page" "$page" </dev/null
check "--list: LINE restarts with each FILE" eval 'cat "$tmp/list" "$tmp/list" | cmp -s - "$tmp/out"'
run --list --ref-date 2023-01-10 "$tmp/expected" </dev/null
check "--list on tagged text lists the tags" same "$tmp/out" "$tmp/list"
check "--list | awk picks the TIME rows" eval '[ "$(awk -F"\t" "\$4 == \"TIME\"" "$tmp/list" | wc -l)" -eq 2 ]'

# Without --ref-date: a date in the file name, else X for what is unknown.
printf '今年，1月28日\n' >"$tmp/2023-01-30.txt"
run "$tmp/2023-01-30.txt" </dev/null
check "the file name's date" grep -q 'value="2023">今年<.*value="2023-01-28">1月28日<' "$tmp/out"
run_stdin "$tmp/2023-01-30.txt"
check "stdin without --ref-date: X" grep -q 'value="XXXX">今年<.*value="XXXX-01-28">1月28日<' "$tmp/out"

# The article stream: only the TEXT field is tagged, context per ARTICLE.
printf 'p.txt\t1\t1\tbody\t去年12月24日发病\np.txt\t1\t2\tbody\t2022年5月份开工\np.txt\t1\t1\tbody\t25日发烧\n' >"$tmp/stream.tsv"
run --ref-date 2023-01-10 "$tmp/stream.tsv" </dev/null
check "stream: fields untouched" eval 'strip "$tmp/out" | cmp -s - "$tmp/stream.tsv"'
check "stream: the article's month for 25日" grep -q 'value="2022-12-25">25日<' "$tmp/out"
printf '1\t2\t2023-01-10\t3月5日\n' >"$tmp/tabs.tsv"
run --ref-date 2023-01-10 "$tmp/tabs.tsv" </dev/null
check "only the text after the last TAB" eval '[ "$(cat "$tmp/out")" = "$(printf "1\t2\t2023-01-10\t<TIMEX3 type=\"DATE\" value=\"2023-03-05\">3月5日</TIMEX3>")" ]'

# Form feeds pass through; pages are contexts of their own.
{ cat "$page"; printf '\f'; cat "$page"; printf '\f\n'; } >"$tmp/two-pages.txt"
run --ref-date 2023-01-10 "$tmp/two-pages.txt" </dev/null
check "form feeds pass through, only markup added" eval 'strip "$tmp/out" | cmp -s - "$tmp/two-pages.txt"'
{ cat "$tmp/expected"; printf '\f'; cat "$tmp/expected"; printf '\f\n'; } >"$tmp/two-expected"
check "each page tagged alone" same "$tmp/out" "$tmp/two-expected"
run --line-buffered --ref-date 2023-01-10 "$tmp/two-pages.txt" </dev/null
check "--line-buffered writes the same bytes" same "$tmp/out" "$tmp/two-expected"

# A line longer than the 1 MiB page cap is tagged whole: cut there, 1月28日 became
# 1月 and 8日 (8 January).
yes '会议于1月28日召开，' | head -n 200000 | tr -d '\n' >"$tmp/long-line.txt"
echo >>"$tmp/long-line.txt"
run --ref-date 2023-01-30 "$tmp/long-line.txt" </dev/null
check "line over 1 MiB: every date whole, with its value" eval '[ $status -eq 0 ] && [ "$(grep -o "value=\"[^\"]*\">[^<]*<" "$tmp/out" | sort | uniq -c | tr -s " ")" = " 200000 value=\"2023-01-28\">1月28日<" ]'
check "line over 1 MiB: only markup is added" eval 'strip "$tmp/out" | cmp -s - "$tmp/long-line.txt"'

# Invalid UTF-8: passed through byte for byte, one warning; --strict: exit 1.
printf '\xe4\xb8\xad 1\xff月28日 \xe6\x96\x87\n今年\x80\n' >"$tmp/bad.txt"
run --ref-date 2023-01-10 "$tmp/bad.txt" </dev/null
check "invalid UTF-8: exit 0, one warning" eval '[ $status -eq 0 ] && err_is "tag-dates: $tmp/bad.txt: invalid UTF-8 at byte 5 (passed through)"'
check "invalid UTF-8: bytes pass through" eval 'strip "$tmp/out" | cmp -s - "$tmp/bad.txt"'
run --strict "$tmp/bad.txt" </dev/null
check "--strict: exit 1" eval '[ $status -eq 1 ] && err_is "tag-dates: $tmp/bad.txt: invalid UTF-8 at byte 5"'
: >"$tmp/empty.txt"
run "$tmp/empty.txt" </dev/null
check "empty input: empty output, exit 0" eval '[ $status -eq 0 ] && [ ! -s "$tmp/out" ] && err_empty'

# Output errors: a full disk is an error; a closed pipe ends quietly.
"$tag_dates" "$page" >/dev/full 2>"$tmp/err"
status=$?
check "/dev/full: exit 1 with a message" eval '[ $status -eq 1 ] && err_is "tag-dates: write error: No space left on device"'
big=$tmp/big.txt
for _ in $(seq 1 300); do cat "$page"; printf '\f'; done >"$big"
timeout 60 "$tag_dates" "$big" 2>"$tmp/err" | head -1 >/dev/null
status=${PIPESTATUS[0]}
check "| head -1: exit 0, no message" eval '[ $status -eq 0 ] && err_empty'

summary
