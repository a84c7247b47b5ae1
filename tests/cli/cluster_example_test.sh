#!/usr/bin/env bash
# Tests examples/cluster/run-parallel with this machine as the only GNU parallel
# login: its articles.tsv must equal the one Makefile.pipeline makes serially.
#
# usage: cluster_example_test.sh BIN_DIR SOURCE_DIR
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 BIN_DIR SOURCE_DIR" >&2
    exit 2
fi
bin=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
export LC_ALL=C

source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"

if ! command -v parallel >/dev/null; then
    fail "GNU parallel (installed by scripts/install-deps)"
    summary
    exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cluster_example.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/pages"
cp "$source_dir/tests/corpus/pages/000.txt" "$tmp/pages/2023-01-30.txt"
cp "$source_dir/tests/corpus/pages/001.txt" "$tmp/pages/2024-08-01.txt"
gzip -c "$source_dir/tests/corpus/pages/003.txt" >"$tmp/pages/20230111.txt.gz"
for i in 1 2 3 4 5 6; do cp "$source_dir/tests/corpus/pages/003.txt" "$tmp/pages/extra-$i.txt"; done

make --no-print-directory -C "$source_dir" -f Makefile.pipeline pages BUILD="$bin" IN="$tmp/pages" OUT="$tmp/serial" \
    >"$tmp/make.log" 2>&1
check "serial run with make" eval '[ $? -eq 0 ] && [ -s "$tmp/serial/articles.tsv" ]'

JIANBAO_BIN=$bin "$source_dir/examples/cluster/run-parallel" : "$tmp/pages" "$tmp/cluster" >"$tmp/cluster.log" 2>&1
check "run-parallel with the local host as the only login" eval '[ $? -eq 0 ] || { cat "$tmp/cluster.log"; false; }'
check "the same articles.tsv as the serial run" cmp "$tmp/serial/articles.tsv" "$tmp/cluster/articles.tsv"
for table in "$tmp"/serial/*.tsv; do
    name=$(basename "$table")
    [ "$name" = articles.tsv ] && continue
    check "the same $name" cmp "$table" "$tmp/cluster/$name"
done

summary
