#!/usr/bin/env bash
# CLI tests for --line-buffered: a producer writes the first part of the input, then
# waits for the filter's first output before it writes the rest (a handshake, no
# timing guesses: a filter that holds its output back makes the wait time out), as
# tail -f does; and input that comes in one go gives the output it gives without -l.
#
# usage: line_buffered_test.sh BIN_DIR SOURCE_DIR
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

tmp=$(mktemp -d "${TMPDIR:-/tmp}/line_buffered.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

for tool in despace split-articles tag-dates to-tsv; do
    [ -x "$bin/$tool" ] || { fail "binary $bin/$tool"; summary; exit 1; }
done

# wait_for_lines FILE N: until FILE holds N lines, for 10 s at most.
wait_for_lines() {
    local i
    for i in $(seq 200); do
        [ "$(wc -l <"$1")" -ge "$2" ] && return 0
        sleep 0.05
    done
    return 1
}

# handshake FIRST REST N COMMAND: runs COMMAND (a shell command line) on a FIFO,
# writes FIRST, waits for N lines of output, then writes REST and closes the input.
# Leaves what came before REST in $tmp/early, all the output in $tmp/out, and
# whether the N lines came in time in $early_ok.
handshake() {
    local first=$1 rest=$2 n=$3 command=$4
    rm -f "$tmp/in" "$tmp/out" "$tmp/early" && mkfifo "$tmp/in" && : >"$tmp/out"
    sh -c "$command" <"$tmp/in" >"$tmp/out" 2>"$tmp/err" &
    local pid=$!
    exec 3>"$tmp/in"
    printf '%b' "$first" >&3
    if wait_for_lines "$tmp/out" "$n"; then early_ok=1; else early_ok=0; fi
    cp "$tmp/out" "$tmp/early"
    printf '%b' "$rest" >&3
    exec 3>&-
    wait "$pid"
}
# same_as_without_l INPUT COMMAND_WITHOUT_L: $tmp/out is what the command writes
# without --line-buffered on INPUT in one go.
same_as_without_l() { printf '%b' "$1" | sh -c "$2" | cmp -s - "$tmp/out"; }

# despace: the lines read before a pause are repaired and written at the pause.
handshake '第一行。\n' '第二行。\n' 1 "'$bin/despace' -l"
check "despace -l: the first line before the input goes on" eval '[ $early_ok -eq 1 ] && [ "$(cat "$tmp/early")" = 第一行。 ]'
check "despace -l: then the rest" same_as_without_l '第一行。\n第二行。\n' "'$bin/despace'"
handshake '标 题\n本报讯  今 天\n' '会议召开。\n' 1 "'$bin/despace' -kl"
check "despace -kl: the lines before a pause before the input goes on" eval '[ $early_ok -eq 1 ] && [ "$(head -1 "$tmp/early")" = "标题" ]'
check "despace -kl: then the rest" same_as_without_l '标 题\n本报讯  今 天\n会议召开。\n' "'$bin/despace' -k"

# Input in one go: a pause never falls inside a paragraph, with or without -k.
for p in "$pages"/*.txt; do
    page_name=$(basename "$p")
    for keep in "" -k; do
        "$bin/despace" $keep "$p" >"$tmp/expected"
        "$bin/despace" $keep -l "$p" >"$tmp/out"
        check "despace ${keep:+$keep }-l $page_name: FILE as without -l" cmp -s "$tmp/out" "$tmp/expected"
        cat "$p" | "$bin/despace" $keep -l >"$tmp/out"
        check "despace ${keep:+$keep }-l $page_name: pipe as without -l" cmp -s "$tmp/out" "$tmp/expected"
    done
done
# More than one read (256 KiB) from a FILE.
for _ in $(seq 40); do cat "$pages"/*.txt; done >"$tmp/big.txt"
"$bin/despace" "$tmp/big.txt" >"$tmp/expected"
"$bin/despace" -l "$tmp/big.txt" >"$tmp/out"
check "despace -l on a FILE of many reads: as without -l" cmp -s "$tmp/out" "$tmp/expected"

# to-tsv: lines are taken in as they come, and a page's rows written when the next
# page begins (rows wait for their page: a headline may come after other articles).
handshake 'a\t1\t1\tbody\t第一\na\t2\t2\tbody\t第二\n' 'a\t3\t3\tbody\t第三\n' 2 "'$bin/to-tsv' -l"
check "to-tsv -l: the header and the first page's row before the input goes on" eval '[ $early_ok -eq 1 ] && [ "$(tail -1 "$tmp/early" | cut -f3,10)" = "$(printf "1\t第一")" ]'
check "to-tsv -l: then the rest" same_as_without_l 'a\t1\t1\tbody\t第一\na\t2\t2\tbody\t第二\na\t3\t3\tbody\t第三\n' "'$bin/to-tsv'"
for p in "$pages"/*.txt; do
    page_name=$(basename "$p")
    "$bin/despace" "$p" | "$bin/split-articles" --source "$page_name" >"$tmp/articles"
    "$bin/to-tsv" "$tmp/articles" >"$tmp/expected"
    cat "$tmp/articles" | "$bin/to-tsv" -l >"$tmp/out"
    check "to-tsv -l $page_name: as without -l" cmp -s "$tmp/out" "$tmp/expected"
done

# The whole pipeline: a page that ended goes through every stage before the next.
first='标题一\n本报讯 今天会议召开。\n\f'
rest='标题二\n本报讯 明天会议召开。\n'
stages="'$bin/despace' -l | '$bin/split-articles' -l | '$bin/tag-dates' -l"
handshake "$first" "$rest" 2 "$stages"
check "despace | split-articles | tag-dates, all -l: the first page before the input goes on" eval '[ $early_ok -eq 1 ] && [ "$(cut -f3,4 "$tmp/early" | tr "\t\n" ",;")" = "1,title;1,body;" ]'
check "despace | split-articles | tag-dates, all -l: then the rest" same_as_without_l "$first$rest" "$(echo "$stages" | sed 's/ -l//g')"
handshake "$first" "$rest" 1 "$stages | '$bin/to-tsv' -l"
check "... | to-tsv -l: the header before the input goes on" eval '[ $early_ok -eq 1 ] && [ "$(cut -f1 "$tmp/early")" = source ]'
check "... | to-tsv -l: then the rest" same_as_without_l "$first$rest" "$(echo "$stages | '$bin/to-tsv' -l" | sed 's/ -l//g')"

summary
