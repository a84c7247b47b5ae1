#!/usr/bin/env bash
# Tests examples/cron/process-new-pages as cron would run it: a first run processes
# the pages, a second run does nothing, a new page is picked up alone, a broken page
# makes the run fail without stopping the others, and a run started while another
# holds the lock leaves at once.
#
# usage: cron_example_test.sh BIN_DIR SOURCE_DIR
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 BIN_DIR SOURCE_DIR" >&2
    exit 2
fi
bin=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
script=$source_dir/examples/cron/process-new-pages
export LC_ALL=C

source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cron_example.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
in=$tmp/incoming
out=$tmp/out
mkdir -p "$in"
cp "$source_dir/tests/corpus/pages/000.txt" "$in/2023-01-30.txt"
cp "$source_dir/tests/corpus/pages/001.txt" "$in/2024-08-01.txt"

run() {
    JIANBAO_HOME=$source_dir BUILD=$bin "$script" "$in" "$out" >"$tmp/stdout" 2>&1
    status=$?
}
snapshot() { (cd "$out" && find . -type f ! -name '.*' ! -name jianbao.log -printf '%p %T@ %s\n' | sort); }

run
check "first run: exit 0, silent" eval '[ $status -eq 0 ] && [ ! -s "$tmp/stdout" ]'
check "first run: a table per page and articles.tsv" eval '[ -s "$out/2023-01-30.tsv" ] && [ -s "$out/2024-08-01.tsv" ] && [ -s "$out/articles.tsv" ]'
check "first run: logged" grep -q " 2 pages done$" "$out/jianbao.log"
before=$(snapshot)
sleep 1
run
check "second run: exit 0, nothing touched" eval '[ $status -eq 0 ] && [ "$(snapshot)" = "$before" ]'
check "second run: logged as nothing new" eval '[ "$(tail -n 1 "$out/jianbao.log" | cut -d" " -f3-)" = "nothing new in $in" ]'

gzip -c "$source_dir/tests/corpus/pages/003.txt" >"$in/20230111.txt.gz"
run
check "a new page is processed alone" eval '[ $status -eq 0 ] && grep -q " 1 pages done$" "$out/jianbao.log" && [ -s "$out/20230111.tsv" ]'

head -c 100 "$in/20230111.txt.gz" >"$in/broken.txt.gz"
cp "$source_dir/tests/corpus/pages/000.txt" "$in/2023-02-01.txt"
run
check "a broken page: exit 1" eval '[ $status -ne 0 ]'
check "a broken page: the other new page is still done" eval '[ -s "$out/2023-02-01.tsv" ] && [ ! -e "$out/broken.tsv" ]'
check "a broken page: logged" grep -q "FAILED: 1 pages done" "$out/jianbao.log"
rm "$in/broken.txt.gz"

touch "$in/2023-02-01.txt"
exec 8>"$out/.process-new-pages.lock"
flock 8
run
check "while another run holds the lock: leave at once" eval '[ $status -eq 0 ] && tail -n 1 "$out/jianbao.log" | grep -q "another run is still busy"'
exec 8>&-

summary
