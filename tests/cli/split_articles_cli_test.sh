#!/usr/bin/env bash
# CLI tests for split-articles: runs the built binary the way users do (files, stdin,
# pipes from despace, compressed and bad input, closed pipes, full disks), checks exit
# statuses, messages and the stream's shape, and runs the recipes that jianbao(7)
# gives for the article stream.
#
# usage: split_articles_cli_test.sh BIN_DIR SOURCE_DIR
# Prints one line per check and "N passed, N failed"; exits 1 on any failure.

set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 BIN_DIR SOURCE_DIR" >&2
    exit 2
fi
split=$1/split-articles
despace=$1/despace
to_tsv=$1/to-tsv
source_dir=$2
pages=$source_dir/tests/corpus/pages
export LC_ALL=C

source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/split_articles_cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# run ARGS...: stdout in $tmp/out, stderr in $tmp/err, exit status in $status.
run() {
    "$split" "$@" >"$tmp/out" 2>"$tmp/err"
    status=$?
}
err_empty() { [ ! -s "$tmp/err" ]; }
lines() { wc -l <"$1" | tr -d ' '; }
# Every line of FILE has exactly five TAB-separated fields, numbers in PAGE and ARTICLE.
five_fields() { awk -F'\t' 'NF != 5 || $2 !~ /^[0-9]+$/ || $3 !~ /^[0-9]+$/ { bad = 1 } END { exit bad }' "$1"; }
# The non-whitespace bytes of FILE's TEXT fields (stream) or of a text FILE.
stream_text() { cut -f5 "$1" | tr -d ' \t\n\f\r'; }
plain_text() { tr -d ' \t\n\f\r' <"$1"; }

for binary in "$split" "$despace" "$to_tsv"; do
    if [ ! -x "$binary" ]; then
        fail "binary at $binary"
        summary
        exit 1
    fi
done

page=$tmp/000.txt
"$despace" "$pages/000.txt" >"$page"
run "$page" </dev/null
cp "$tmp/out" "$tmp/expected"
check "despaced page: exit 0, no message, some output" eval '[ $status -eq 0 ] && err_empty && [ -s "$tmp/expected" ]'
check "every line has five fields" five_fields "$tmp/expected"
check "no text lost" eval '[ "$(stream_text "$tmp/expected")" = "$(plain_text "$page")" ]'
check "SOURCE is the file name" eval '[ "$(cut -f1 "$tmp/expected" | sort -u)" = "$page" ]'
check "ROLEs are the eight names" eval '! cut -f4 "$tmp/expected" | grep -Evq "^(section|title|subtitle|byline|body|caption|signature|fragment)$"'
check "ARTICLE numbers start at 1" eval '[ "$(head -1 "$tmp/expected" | cut -f3)" = 1 ]'

# stdin, '-', --source.
"$split" <"$page" >"$tmp/stdin" 2>"$tmp/err"
check "stdin: SOURCE is -" eval '[ "$(cut -f1 "$tmp/stdin" | sort -u)" = "-" ]'
check "stdin gives the same stream but SOURCE" eval '[ "$(cut -f2- "$tmp/stdin")" = "$(cut -f2- "$tmp/expected")" ]'
run - <"$page"
check "- is stdin" cmp -s "$tmp/out" "$tmp/stdin"
run --source 2023-01-30.txt <"$page"
check "--source names the stream" eval '[ "$(cut -f1 "$tmp/out" | sort -u)" = 2023-01-30.txt ] && [ "$(cut -f2- "$tmp/out")" = "$(cut -f2- "$tmp/expected")" ]'
run --source=x.txt "$page"
check "--source=NAME" eval '[ "$(cut -f1 "$tmp/out" | sort -u)" = x.txt ]'

# Pages and files: PAGE counts form feeds, ARTICLE starts again for each FILE.
printf '本报讯 甲地召开会议。\n（安豪）\n\f\n本报讯 乙地召开会议。\n（王勇）\n\f\n' >"$tmp/two-pages.txt"
run "$tmp/two-pages.txt" "$tmp/two-pages.txt"
check "form feeds number the pages" eval '[ "$(cut -f2 "$tmp/out" | tr "\n" " ")" = "1 1 2 2 1 1 2 2 " ]'
check "articles are numbered per FILE" eval '[ "$(cut -f3 "$tmp/out" | tr "\n" " ")" = "1 1 2 2 1 1 2 2 " ]'
# Under one --source the FILEs are one source: pages and articles are numbered on, so
# to-tsv makes a row of each article instead of joining two of them.
run --source X "$tmp/two-pages.txt" "$tmp/two-pages.txt"
check "--source with two FILEs: the pages are numbered on" eval '[ "$(cut -f2 "$tmp/out" | tr "\n" " ")" = "1 1 2 2 3 3 4 4 " ]'
check "--source with two FILEs: the articles are numbered on" eval '[ "$(cut -f3 "$tmp/out" | tr "\n" " ")" = "1 1 2 2 3 3 4 4 " ]'
"$split" --source X "$tmp/two-pages.txt" "$tmp/two-pages.txt" | "$to_tsv" --no-header --columns article,byline >"$tmp/rows"
check "--source with two FILEs | to-tsv: a row per article" eval '[ "$(tr "\t\n" ": " <"$tmp/rows")" = "1:（安豪） 2:（王勇） 3:（安豪） 4:（王勇） " ]'

# Compressed input.
gzip -c "$page" >"$tmp/page.txt.gz"
run "$tmp/page.txt.gz"
check ".gz is read" eval '[ $status -eq 0 ] && [ "$(cut -f2- "$tmp/out")" = "$(cut -f2- "$tmp/expected")" ]'

# Invalid UTF-8 passes through with one warning; --strict makes it an error.
printf '本报讯 会议\377召开。\n' >"$tmp/bad.txt"
run "$tmp/bad.txt"
check "invalid UTF-8: exit 0, passed through" eval '[ $status -eq 0 ] && grep -q "$(printf "\377")" "$tmp/out"'
check "invalid UTF-8: one warning naming the file" eval '[ "$(lines "$tmp/err")" -eq 1 ] && grep -q "^split-articles: $tmp/bad.txt: invalid UTF-8 at byte 16" "$tmp/err"'
run --strict "$tmp/bad.txt"
check "--strict: exit 1" eval '[ $status -eq 1 ] && grep -q "^split-articles: " "$tmp/err"'

# A missing FILE among good ones.
run "$tmp/missing.txt" "$page"
check "missing FILE: exit 1, the others processed" eval '[ $status -eq 1 ] && [ "$(cut -f2- "$tmp/out")" = "$(cut -f2- "$tmp/expected")" ]'
check "missing FILE: one message naming it" eval '[ "$(lines "$tmp/err")" -eq 1 ] && grep -q "^split-articles: $tmp/missing.txt: " "$tmp/err"'

# Options.
run --help
check "--help: exit 0 on stdout" eval '[ $status -eq 0 ] && err_empty && grep -q "^Usage: split-articles " "$tmp/out"'
run --version
check "--version" eval '[ $status -eq 0 ] && grep -Eq "^split-articles \(jianbao\) [0-9]+\.[0-9]+\.[0-9]+$" "$tmp/out"'
run --no-such-option
check "unknown option: exit 2, one line" eval '[ $status -eq 2 ] && [ "$(lines "$tmp/err")" -eq 1 ] && [ ! -s "$tmp/out" ]'
run --source '' </dev/null
check "an empty --source NAME: exit 2, one line" eval '[ $status -eq 2 ] && [ "$(lines "$tmp/err")" -eq 1 ] && grep -q "^split-articles: --source needs a NAME" "$tmp/err" && [ ! -s "$tmp/out" ]'
run --source
check "--source without NAME: exit 2" eval '[ $status -eq 2 ]'
run --encoding NO-SUCH-CHARSET "$page"
check "unknown --encoding: exit 2" eval '[ $status -eq 2 ] && [ "$(lines "$tmp/err")" -eq 1 ]'

# GB18030 input.
if command -v iconv >/dev/null; then
    iconv -f UTF-8 -t GB18030 "$page" >"$tmp/page.gb"
    run --encoding GB18030 "$tmp/page.gb"
    check "--encoding GB18030" eval '[ $status -eq 0 ] && [ "$(cut -f2- "$tmp/out")" = "$(cut -f2- "$tmp/expected")" ]'
fi

# Closed pipe and full disk.
big=$tmp/big.txt
for i in $(seq 200); do cat "$page"; printf '\f\n'; done >"$big"
"$split" "$big" 2>"$tmp/err" | head -1 >/dev/null
check "closed pipe: quiet" err_empty
if [ -w /dev/full ]; then
    "$split" "$page" >/dev/full 2>"$tmp/err"
    status=$?
    check "/dev/full: exit 1 with a message" eval '[ $status -eq 1 ] && grep -q "^split-articles: write error" "$tmp/err"'
fi

# The pipeline over every corpus page: nothing lost, five fields.
for p in "$pages"/*.txt; do
    "$despace" "$p" | "$split" --source "$(basename "$p")" >"$tmp/stream" 2>"$tmp/err"
    check "despace | split-articles on $(basename "$p"): five fields, nothing lost" \
        eval 'five_fields "$tmp/stream" && [ "$(stream_text "$tmp/stream")" = "$(plain_text "$p")" ]'
done

# A paragraph longer than the 1 MiB page cap stays one paragraph, all of it.
python3 -c 'import sys; sys.stdout.write("标题\n" + "会议于1月28日召开，" * 120000 + "\n")' > "$tmp/long.txt"
"$split" "$tmp/long.txt" > "$tmp/long.out"
check "a 3.6 MB paragraph is one body line" eval '[ "$(grep -c "	body	" "$tmp/long.out")" = 1 ]'
check "with all its text" eval '[ "$(cut -f5 "$tmp/long.out" | tr -d "\n" | wc -c)" = "$(tr -d "\n" < "$tmp/long.txt" | wc -c)" ]'

# The recipes of jianbao(7), run as printed there, on page 000's stream.
manual=$tmp/jianbao.7.txt
if command -v mandoc >/dev/null; then
    mandoc -Tutf8 "$source_dir/man/jianbao.7" | perl -CSD -pe 's/.\x08//g' >"$manual"  # drop overstrikes
else
    fail "mandoc, to read the recipes in jianbao(7)"
    : >"$manual"
fi
cp "$tmp/expected" "$tmp/page.articles"
# recipe COMMAND EXPECTED: COMMAND appears in jianbao(7) and prints EXPECTED.
recipe() {
    local command=$1 expected=$2
    check "jianbao(7) shows: $command" grep -qF -- "$command" "$manual"
    local got
    got=$(cd "$tmp" && eval "$command")
    check "recipe output: $command" eval '[ "$got" = "$expected" ]'
}
titles=$(awk -F'\t' '$4 == "title"' "$tmp/page.articles" | cut -f5)
recipe "awk -F'\t' '\$4 == \"title\" { print \$5 }' page.articles" "$titles"
check "page 000 has its displaced headlines as titles" eval 'printf "%s\n" "$titles" | grep -q "^坚守岗位保供水$"'
articles=$(cut -f3 "$tmp/page.articles" | sort -u | wc -l | tr -d ' ')
recipe "cut -f1-3 page.articles | sort -u | cut -f1,2 | uniq -c" "$(printf '%7d %s\t1' "$articles" "$page")"
byline=$(awk -F'\t' '$4 ~ /byline|signature/ && $5 ~ /安豪/ { print $3 }' "$tmp/page.articles" | sort -u)
expected_lines=$(awk -F'\t' -v list=" $(echo $byline) " 'index(list, " " $3 " ")' "$tmp/page.articles")
recipe "awk -F'\t' 'NR == FNR { if (\$4 ~ /byline|signature/ && \$5 ~ /安豪/) want[\$1 FS \$3]; next } (\$1 FS \$3) in want' page.articles page.articles" "$expected_lines"
check "安豪 signed something on page 000" eval '[ -n "$byline" ]'

summary
