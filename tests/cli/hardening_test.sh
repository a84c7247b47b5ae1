#!/usr/bin/env bash
# Bad input and faults, for every filter, from one table of cases: empty input, no
# final newline, CRLF and lone CR, a BOM, invalid UTF-8 of every kind, NUL bytes, a
# binary file, one 100 MB line, missing, directory and unreadable FILEs among good
# ones, a truncated .gz, GB18030 with and without --encoding, bad option values, a
# closed pipe, a full disk (for --help and --version too), and SIGTERM mid-stream.
# Each case checks the exit status, the messages, and that no character of the input
# is lost.
#
# usage: hardening_test.sh BIN_DIR SOURCE_DIR
# Prints one line per check and "N passed, N failed"; exits 1 on any failure.

set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 BIN_DIR SOURCE_DIR" >&2
    exit 2
fi
bin=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
export LC_ALL=C

source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"

filters=(despace split-articles tag-dates to-tsv)
for f in "${filters[@]}"; do
    [ -x "$bin/$f" ] || { fail "binary $bin/$f"; summary; exit 1; }
done
py=/usr/bin/python3
[ -x "$py" ] || py=python3

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hardening.XXXXXX")
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

# The non-whitespace text of FILE as FILTER wrote it: markup, fields and escapes
# undone (to-tsv: the text column, which holds plain-text input lines). For an input
# (FILTER "input"), the text a filter must keep: a BOM at byte 0 is framing, and
# to-tsv keeps only lines without a TAB (others are reported and skipped).
cat >"$tmp/text_of.py" <<'PY'
import re, sys
role, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
if role in ("input", "input-plain"):
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if role == "input-plain":
        data = b"\n".join(l for l in data.replace(b"\r", b"\n").split(b"\n") if b"\t" not in l)
elif role == "split-articles":
    data = b"".join(l.split(b"\t", 4)[4] for l in data.split(b"\n") if l.count(b"\t") >= 4)
elif role == "tag-dates":
    data = re.sub(rb"<TIMEX3 [^>]*>|</TIMEX3>", b"", data)
elif role == "to-tsv":
    rows = data.split(b"\n")[1:]
    texts = [r.split(b"\t")[9] for r in rows if r.count(b"\t") == 9]
    data = re.sub(rb"\\(.)", lambda m: {b"t": b"\t", b"n": b"\n", b"r": b"\r"}.get(m.group(1), m.group(1)), b"\n".join(texts))
text = data.decode("utf-8", "surrogateescape")
kept = "".join(c for c in text if not (c in " \t\n\r\f\v" or (ord(c) > 127 and c.isspace() and not 0xDC80 <= ord(c) <= 0xDCFF)))
sys.stdout.buffer.write(kept.encode("utf-8", "surrogateescape"))
PY
text_of() { "$py" "$tmp/text_of.py" "$1" "$2"; }
kept_text() {  # kept_text FILTER INPUT OUTPUT: the output holds the input's text
    local role=input
    [ "$1" = to-tsv ] && role=input-plain
    [ "$(text_of "$1" "$3" | od -An -tx1)" = "$(text_of "$role" "$2" | od -An -tx1)" ]
}
lines() { wc -l <"$1" | tr -d ' '; }
# run FILTER ARGS...: stdout in $tmp/out, stderr in $tmp/err, status in $status.
run() {
    local filter=$1
    shift
    "$bin/$filter" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    status=$?
}

# ---------------------------------------------------------------- inputs
cases=$tmp/cases
mkdir -p "$cases"
: >"$cases/empty.txt"
printf '本报讯 1月28日，会议召开。' >"$cases/no-final-newline.txt"
printf '交城：收心返岗干劲足\r\n本报讯 1月28日，会议\r\n召开。\r\n' >"$cases/crlf.txt"
printf '交城：收心返岗干劲足\r本报讯 1月28日，会议\r召开。\r' >"$cases/lone-cr.txt"
printf '\xef\xbb\xbf本报讯 1月28日，会议召开。\n' >"$cases/bom.txt"
printf 'a\0b\n本报\0讯 会议召开。\n' >"$cases/nul.txt"
head -c 30000 "$bin/despace" >"$cases/binary.txt"
cp "$source_dir/tests/corpus/pages/003.txt" "$cases/page.txt"
# Each kind of invalid UTF-8: truncated, overlong, surrogate, stray continuation, F5+.
printf '本报讯 会议\xe4\xb8召开。\n过长\xc0\xaf形式\n代理\xed\xa0\x80项\n孤立\x80字节\n越界\xf5\x80\x80\x80。\n' >"$cases/invalid.txt"
invalid_sequences=$'\xe4\xb8 \xc0\xaf \xed\xa0\x80 \x80 \xf5\x80\x80\x80'

# Every filter on every input case: status, one warning at most, text kept.
for filter in "${filters[@]}"; do
    for input in "$cases"/*.txt; do
        name=$(basename "$input" .txt)
        run "$filter" "$input"
        case $name in
            binary)
                # to-tsv also reports the lines with TABs that are no stream lines.
                check "$filter $name: exit 0 with a warning naming the file" eval \
                    '[ $status -eq 0 ] && head -n 1 "$tmp/err" | grep -q "^$filter: $input: invalid UTF-8 at byte [0-9]* (passed through)$"' ;;
            invalid)
                check "$filter $name: exit 0 with one warning naming the file" eval \
                    '[ $status -eq 0 ] && [ "$(lines "$tmp/err")" -eq 1 ] && grep -q "^$filter: $input: invalid UTF-8 at byte [0-9]* (passed through)$" "$tmp/err"' ;;
            *)
                check "$filter $name: exit 0, no message" eval '[ $status -eq 0 ] && [ ! -s "$tmp/err" ]' ;;
        esac
        # (to-tsv skips the binary file's lines that hold a TAB; it says so, checked above.)
        if [ "$filter $name" != "to-tsv binary" ]; then
            check "$filter $name: no character lost" kept_text "$filter" "$input" "$tmp/out"
        fi
        if [ "$filter" = to-tsv ]; then
            check "$filter $name: every row has ten fields" awk -F'\t' 'NF != 10 { bad = 1 } END { exit bad }' "$tmp/out"
        fi
    done
    run "$filter" "$cases/invalid.txt"
    for sequence in $invalid_sequences; do
        check "$filter: invalid bytes $(printf '%s' "$sequence" | od -An -tx1 | tr -d ' \n') pass through" \
            grep -qF -- "$sequence" "$tmp/out"
    done
    run "$filter" --strict "$cases/invalid.txt"
    check "$filter --strict on invalid UTF-8: exit 1, one message" eval '[ $status -eq 1 ] && [ "$(lines "$tmp/err")" -eq 1 ]'
done

# ---------------------------------------------------------------- files
mkdir -p "$tmp/a-directory"
printf '本报讯 会议召开。\n' >"$tmp/unreadable.txt"
chmod 000 "$tmp/unreadable.txt"
gzip -c "$cases/page.txt" >"$tmp/whole.txt.gz"
head -c $(($(stat -c %s "$tmp/whole.txt.gz") / 2)) "$tmp/whole.txt.gz" >"$tmp/truncated.txt.gz"
iconv -f UTF-8 -t GB18030 "$cases/page.txt" >"$tmp/page.gb18030"
for filter in "${filters[@]}"; do
    run "$filter" "$cases/page.txt" "$tmp/missing.txt" "$tmp/a-directory" "$cases/bom.txt"
    check "$filter: missing FILE and directory: exit 1" eval '[ $status -eq 1 ]'
    check "$filter: a message naming each, one line each" eval \
        '[ "$(lines "$tmp/err")" -eq 2 ] && grep -q "^$filter: $tmp/missing.txt: " "$tmp/err" && grep -q "^$filter: $tmp/a-directory: " "$tmp/err"'
    { cat "$cases/page.txt"; tail -c +4 "$cases/bom.txt"; } >"$tmp/good-ones"  # each FILE's BOM is its own
    check "$filter: the good FILEs still processed, nothing lost" kept_text "$filter" "$tmp/good-ones" "$tmp/out"
    if [ "$(id -u)" -ne 0 ]; then
        run "$filter" "$tmp/unreadable.txt" "$cases/page.txt"
        check "$filter: unreadable FILE: exit 1, message, the others processed" eval \
            '[ $status -eq 1 ] && grep -q "^$filter: $tmp/unreadable.txt: Permission denied" "$tmp/err" && [ -s "$tmp/out" ]'
    fi
    run "$filter" "$tmp/truncated.txt.gz"
    # (The cut may also leave half a character: a warning for that comes first.)
    check "$filter: truncated .gz: exit 1, a message naming it" eval \
        '[ $status -eq 1 ] && tail -n 1 "$tmp/err" | grep -q "^$filter: $tmp/truncated.txt.gz: .*truncated"'
    run "$filter" --encoding GB18030 "$tmp/page.gb18030"
    cp "$tmp/out" "$tmp/from-gb"
    run "$filter" "$cases/page.txt"
    if [ "$filter" = to-tsv ] || [ "$filter" = split-articles ]; then
        check "$filter: GB18030 with --encoding reads as UTF-8 does" eval '[ "$(cut -f2- "$tmp/from-gb")" = "$(cut -f2- "$tmp/out")" ]'
    else
        check "$filter: GB18030 with --encoding reads as UTF-8 does" cmp -s "$tmp/from-gb" "$tmp/out"
    fi
    run "$filter" "$tmp/page.gb18030"
    check "$filter: GB18030 without --encoding: passed through with a warning" eval \
        '[ $status -eq 0 ] && grep -q "invalid UTF-8 at byte" "$tmp/err"'
    run "$filter" --encoding NO-SUCH-CHARSET "$cases/page.txt"
    check "$filter: unknown --encoding: exit 2, one line, no output" eval \
        '[ $status -eq 2 ] && [ "$(lines "$tmp/err")" -eq 1 ] && grep -q "^$filter: " "$tmp/err" && [ ! -s "$tmp/out" ]'
done
for value in 2023-13-01 2023-02-30 yesterday 2023/01/30; do
    run tag-dates --ref-date "$value" "$cases/page.txt"
    check "tag-dates --ref-date $value: exit 2, one line" eval '[ $status -eq 2 ] && [ "$(lines "$tmp/err")" -eq 1 ] && [ ! -s "$tmp/out" ]'
done

# ---------------------------------------------------------------- pipes and faults
for i in $(seq 400); do cat "$cases/page.txt"; printf '\f'; done >"$tmp/big.txt"
"$bin/despace" "$tmp/big.txt" | "$bin/split-articles" >"$tmp/big.stream"
for filter in "${filters[@]}"; do
    input=$tmp/big.txt
    [ "$filter" = to-tsv ] && input=$tmp/big.stream
    timeout 60 "$bin/$filter" "$input" 2>"$tmp/err" | head -n 1 >/dev/null
    check "$filter | head -1: no message, no hang" eval '[ ${PIPESTATUS[0]} -ne 124 ] && [ ! -s "$tmp/err" ]'
    if [ -w /dev/full ]; then
        "$bin/$filter" "$input" >/dev/full 2>"$tmp/err"
        status=$?
        check "$filter >/dev/full: exit 1, one message" eval '[ $status -eq 1 ] && [ "$(lines "$tmp/err")" -eq 1 ] && grep -q "^$filter: write error" "$tmp/err"'
        for option in --help --version; do
            "$bin/$filter" "$option" >/dev/full 2>"$tmp/err"
            status=$?
            check "$filter $option >/dev/full: exit 1, the same message" eval \
                '[ $status -eq 1 ] && [ "$(cat "$tmp/err")" = "$filter: write error: No space left on device" ]'
        done
    fi
    # SIGTERM while writing to a slow reader: whatever was written ends at a line end.
    # The filter writes into a FIFO so that $! is its own PID: signalling by name
    # would also hit the same filter in tests that CTest runs alongside this one.
    rm -f "$tmp/fifo" && mkfifo "$tmp/fifo"
    { sleep 0.3; cat; } <"$tmp/fifo" >"$tmp/killed" &
    reader=$!
    "$bin/$filter" "$input" 2>/dev/null >"$tmp/fifo" &
    writer=$!
    sleep 0.1
    kill -TERM "$writer" 2>/dev/null
    wait "$writer" "$reader" 2>/dev/null
    # (tag-dates passes form feeds through: a page may end there.)
    check "$filter after SIGTERM: no partial line" eval '[ ! -s "$tmp/killed" ] || [ "$(tail -c 1 "$tmp/killed" | od -An -tx1 | tr -d " ")" = 0a ] || [ "$(tail -c 1 "$tmp/killed" | od -An -tx1 | tr -d " ")" = 0c ]'
    if [ "$filter" = to-tsv ]; then
        check "to-tsv after SIGTERM: every row whole" awk -F'\t' 'NF != 10 { bad = 1 } END { exit bad }' "$tmp/killed"
    fi
    # SIGTERM (and SIGHUP) while the reader has stopped reading for good: holding the
    # signal until the block is out must not keep the filter alive; it dies of the
    # signal within a second. (SIGINT cannot be tried here: a background job ignores it.)
    for signal in TERM HUP; do
        [ "$signal" = HUP ] && [ "$filter" != despace ] && continue
        rm -f "$tmp/fifo" && mkfifo "$tmp/fifo"
        exec 3<>"$tmp/fifo"  # a reader that never reads
        "$bin/$filter" "$input" 2>/dev/null >"$tmp/fifo" &
        writer=$!
        # Until it waits for room in the pipe (where the kernel says so; else 5 s).
        for _ in $(seq 100); do
            grep -q pipe_write "/proc/$writer/wchan" 2>/dev/null && break
            sleep 0.05
        done
        kill -"$signal" "$writer" 2>/dev/null
        for _ in $(seq 20); do
            kill -0 "$writer" 2>/dev/null || break
            sleep 0.05
        done
        if kill -0 "$writer" 2>/dev/null; then
            fail "$filter with a stalled reader: dies of SIG$signal within a second"
            kill -KILL "$writer" 2>/dev/null
            wait "$writer" 2>/dev/null
        else
            wait "$writer" 2>/dev/null
            status=$?
            check "$filter with a stalled reader: dies of SIG$signal within a second" \
                eval '[ $status -eq $((128 + $(kill -l "$signal"))) ]'
        fi
        exec 3>&-
    done 2>/dev/null  # (bash's notice of a job killed by SIGHUP)
done

# ---------------------------------------------------------------- one 100 MB line
# Bounded memory and linear time on a line with no newline at all. Under ASan the
# line is 20 MB and memory is not judged (the sanitizer's own shadow memory grows).
# despace cuts such a line at the 1 MiB page cap; split-articles, tag-dates and
# to-tsv read every line whole (a cut would split a paragraph, a date or a stream
# line in two), so their memory grows with the line: at most 4 bytes per byte of it
# on top.
mb=100
[ "${JIANBAO_SANITIZED:-0}" = 1 ] && mb=20
"$py" -c 'import sys; sys.stdout.write("本报讯 会议召开，" * (int(sys.argv[1]) * 10**6 // 4 // 27))' "$mb" >"$tmp/line25"
for i in 1 2 3 4; do cat "$tmp/line25"; done >"$tmp/line100"
rss_limit=65536
[ "${JIANBAO_SANITIZED:-0}" = 1 ] && rss_limit=99999999
for filter in "${filters[@]}"; do
    /usr/bin/time -f '%M %e' -o "$tmp/time25" "$bin/$filter" "$tmp/line25" >/dev/null 2>"$tmp/err"
    /usr/bin/time -f '%M %e' -o "$tmp/time100" "$bin/$filter" "$tmp/line100" >"$tmp/out100" 2>"$tmp/err"
    status=$?
    read -r rss seconds <"$tmp/time100"
    read -r _ seconds25 <"$tmp/time25"
    limit=$rss_limit
    case $filter in split-articles | tag-dates | to-tsv) limit=$((rss_limit + 4 * mb * 1024)) ;; esac
    check "$filter on one $mb MB line: exit 0, peak RSS $((rss / 1024)) MB ≤ $((limit / 1024)) MB" eval '[ $status -eq 0 ] && [ "$rss" -le "$limit" ]'
    check "$filter on one $mb MB line: time ${seconds}s vs ${seconds25}s on a quarter, linear" \
        awk -v a="$seconds" -v b="$seconds25" 'BEGIN { exit !(a <= 6 * b + 0.5) }'
    check "$filter on one $mb MB line: no character lost" eval \
        '[ "$(text_of "$([ "$filter" = to-tsv ] && echo to-tsv || echo "$filter")" "$tmp/out100" | wc -c)" -eq "$(text_of input "$tmp/line100" | wc -c)" ]'
done

summary
