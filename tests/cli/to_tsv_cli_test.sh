#!/usr/bin/env bash
# CLI tests for to-tsv: on the corpus pages' article streams and on hand-made bad
# input, checks the header, that every row has the header's field count, that the
# rows hold the stream's text exactly (after undoing COPY escaping), JSON Lines,
# options, messages and exit statuses.
#
# usage: to_tsv_cli_test.sh BIN_DIR SOURCE_DIR
# Prints one line per check and "N passed, N failed"; exits 1 on any failure.

set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 BIN_DIR SOURCE_DIR" >&2
    exit 2
fi
bin=$1
pages=$2/tests/corpus/pages
export LC_ALL=C

source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/to_tsv_cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

run() {
    "$bin/to-tsv" "$@" >"$tmp/out" 2>"$tmp/err"
    status=$?
}
err_empty() { [ ! -s "$tmp/err" ]; }
lines() { wc -l <"$1" | tr -d ' '; }
header='source	page	article	section	title	byline	dateline	dates	chars	text'
same_field_count() { awk -F'\t' 'NR == 1 { n = NF } NF != n { bad = 1 } END { exit bad }' "$1"; }
# The non-whitespace text of a table's fields after undoing COPY escaping, and of a
# stream's TEXT fields, each sorted by character so that row order does not matter.
# (The " / " that joins bylines is the table's, not the stream's.)
table_chars() {
    tail -n +2 "$1" | awk -F'\t' '{ gsub(/ \/ /, " ", $6); print $4 $5 $6 $10 }' |
        sed 's/\\n//g; s/\\t//g; s/\\\\/\\/g' | tr -d ' \t\n' | fold -w1 | sort | tr -d '\n'
}
stream_chars() { cut -f5 "$1" | tr -d ' \t\n' | fold -w1 | sort | tr -d '\n'; }

for tool in despace split-articles to-tsv; do
    [ -x "$bin/$tool" ] || { fail "binary $bin/$tool"; summary; exit 1; }
done

for p in "$pages"/*.txt; do
    page_name=$(basename "$p")
    "$bin/despace" "$p" | "$bin/split-articles" --source "$page_name" >"$tmp/$page_name.articles"
    run "$tmp/$page_name.articles"
    check "$page_name: exit 0, no message" eval '[ $status -eq 0 ] && err_empty'
    check "$page_name: header" eval '[ "$(head -1 "$tmp/out")" = "$header" ]'
    check "$page_name: every row has the header's field count" same_field_count "$tmp/out"
    check "$page_name: one row per article" eval '[ "$(($(lines "$tmp/out") - 1))" -eq "$(cut -f3 "$tmp/$page_name.articles" | sort -u | wc -l)" ]'
    check "$page_name: the rows hold the stream's text" eval '[ "$(table_chars "$tmp/out")" = "$(stream_chars "$tmp/$page_name.articles")" ]'
done
stream=$tmp/003.txt.articles

run --no-header "$stream"
check "--no-header" eval '[ "$(head -1 "$tmp/out" | cut -f1)" = 003.txt ]'
run --columns title,article "$stream"
check "--columns chooses and orders" eval '[ "$(head -2 "$tmp/out")" = "$(printf "title\tarticle\n太原全力保障“国考”笔试顺利进行\t1")" ]'
run --columns title,nope "$stream"
check "--columns with an unknown name: exit 2, one line" eval '[ $status -eq 2 ] && [ "$(lines "$tmp/err")" -eq 1 ] && grep -q "^to-tsv: --columns: unknown column .nope." "$tmp/err"'
run --columns= "$stream"
check "--columns= (an empty list): exit 2, one line, no output" eval '[ $status -eq 2 ] && [ "$(lines "$tmp/err")" -eq 1 ] && grep -q "^to-tsv: --columns: unknown column ..." "$tmp/err" && [ ! -s "$tmp/out" ]'
run --columns '' "$stream"
check "--columns '' (an empty list): exit 2" eval '[ $status -eq 2 ] && [ ! -s "$tmp/out" ]'
run --json "$stream"
check "--json: one object per article" eval '[ "$(lines "$tmp/out")" -eq "$(cut -f3 "$stream" | sort -u | wc -l)" ]'
if command -v /usr/bin/python3 >/dev/null; then
    check "--json: valid JSON with the ten fields" /usr/bin/python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    row = json.loads(line)
    assert list(row) == ["source", "page", "article", "section", "title", "byline", "dateline", "dates", "chars", "text"]
    assert isinstance(row["dates"], list) and row["chars"] == len(row["text"])
' "$tmp/out"
fi

# TIMEX3 markup: values in dateline and dates, tags out of the text unless --keep-tags.
printf 'p\t1\t1\tbody\t<TIMEX3 type="DATE" value="2023-01-28">1月28日</TIMEX3>上午\\路\n' >"$tmp/tagged"
run --columns dateline,dates,text "$tmp/tagged"
check "dates from the markup, tags removed, backslash escaped" eval '[ "$(tail -1 "$tmp/out")" = "$(printf "2023-01-28\t2023-01-28\t1月28日上午\\\\\\\\路")" ]'
run --keep-tags --columns text --no-header "$tmp/tagged"
check "--keep-tags" grep -q '<TIMEX3 type="DATE" value="2023-01-28">1月28日</TIMEX3>' "$tmp/out"

# Plain text, bad lines, --strict.
printf '第一行。\n\n第二行。\n' >"$tmp/plain.txt"
run --columns source,article,text "$tmp/plain.txt"
check "plain text: a row per line" eval '[ "$(tail -n +2 "$tmp/out")" = "$(printf "%s\t1\t第一行。\n%s\t2\t第二行。" "$tmp/plain.txt" "$tmp/plain.txt")" ]'
printf 'p\t1\t1\tbody\t好。\np\t1\tbody\t缺一列\np\t1\t1\tbody\t也好。\n' >"$tmp/bad.articles"
run --columns text "$tmp/bad.articles"
check "bad line: exit 0, skipped, the rest kept" eval '[ $status -eq 0 ] && [ "$(tail -1 "$tmp/out")" = "好。\\n也好。" ]'
check "bad line: one message with FILE:LINE" eval '[ "$(lines "$tmp/err")" -eq 1 ] && grep -q "^to-tsv: $tmp/bad.articles:2: expected 5 TAB-separated fields, found 4 (line skipped)$" "$tmp/err"'
run --strict --columns text "$tmp/bad.articles" "$stream"
check "--strict: exit 1, the other FILEs still processed" eval '[ $status -eq 1 ] && grep -q "^to-tsv: $tmp/bad.articles:2: " "$tmp/err" && [ "$(lines "$tmp/out")" -gt 2 ]'
printf 'p\t1\t1\tbody\t好。\np\t1\t1\ttitel\t标题\np\t1\t1\tbody\t也好。\n' >"$tmp/bad-role.articles"
run --columns title,text "$tmp/bad-role.articles"
check "unknown ROLE: exit 0, skipped, the rest kept" eval '[ $status -eq 0 ] && [ "$(tail -1 "$tmp/out")" = "$(printf "\t好。\\\\n也好。")" ]'
check "unknown ROLE: one message with FILE:LINE" eval '[ "$(lines "$tmp/err")" -eq 1 ] && grep -q "^to-tsv: $tmp/bad-role.articles:2: unknown ROLE .titel. (roles: .*) (line skipped)$" "$tmp/err"'
run --strict --columns text "$tmp/bad-role.articles"
check "unknown ROLE under --strict: exit 1, one message" eval '[ $status -eq 1 ] && [ "$(lines "$tmp/err")" -eq 1 ] && grep -q "^to-tsv: $tmp/bad-role.articles:2: unknown ROLE .titel." "$tmp/err"'

# A stream line longer than the 1 MiB page cap is one line: cut there, its second
# half (no TABs) became a plain-text row and its article's text lost it.
yes '会议于1月28日召开，' | head -n 50000 | tr -d '\n' >"$tmp/long-text"
{ printf 'x\t1\t1\ttitle\t标题\nx\t1\t1\tbody\t'; cat "$tmp/long-text"; printf '\nx\t1\t2\tbody\t第二篇。\n'; } >"$tmp/long.articles"
run --no-header --columns source,article,title,chars,text "$tmp/long.articles"
check "line over 1 MiB: exit 0, no message, one row per article" eval '[ $status -eq 0 ] && err_empty && [ "$(lines "$tmp/out")" -eq 2 ]'
check "line over 1 MiB: the row holds all its text" eval '[ "$(head -1 "$tmp/out")" = "$(printf "x\t1\t标题\t550000\t"; cat "$tmp/long-text")" ]'

# Files, messages, pipes.
run "$tmp/missing" "$stream"
check "missing FILE: exit 1, message, the others processed" eval '[ $status -eq 1 ] && grep -q "^to-tsv: $tmp/missing: " "$tmp/err" && [ "$(lines "$tmp/out")" -gt 2 ]'
"$bin/to-tsv" <"$stream" >"$tmp/stdin" 2>/dev/null
run "$stream"
check "stdin gives the same table" cmp -s "$tmp/stdin" "$tmp/out"
# --help says what --strict refuses here, as to-tsv(1) does: malformed lines too.
run --help
check "--help: --strict also refuses lines that are not stream lines" eval \
    '[ $status -eq 0 ] && sed -n "/--strict/,/^  -l/p" "$tmp/out" | tr -s " \n" "  " | grep -q "a line that is not an article stream line"'
run --version
check "--version" grep -q "^to-tsv (jianbao) " "$tmp/out"
run --nope
check "unknown option: exit 2" eval '[ $status -eq 2 ]'
for i in $(seq 300); do sed "s/^003.txt/p$i/" "$stream"; done >"$tmp/big"
"$bin/to-tsv" "$tmp/big" 2>"$tmp/err" | head -1 >/dev/null
check "closed pipe: quiet" err_empty
if [ -w /dev/full ]; then
    "$bin/to-tsv" "$stream" >/dev/full 2>"$tmp/err"
    status=$?
    check "/dev/full: exit 1 with a message" eval '[ $status -eq 1 ] && grep -q "^to-tsv: write error" "$tmp/err"'
fi

summary
