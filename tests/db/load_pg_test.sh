#!/usr/bin/env bash
# Loads the corpus pages into a throw-away PostgreSQL server through
# `make -f Makefile.pipeline load-pg`, and checks that every article in the table
# equals the pipeline's row byte for byte (COPY's escaping undone and redone by the
# server: tabs, backslashes, newlines and all), that loading again adds no duplicate,
# and that a changed page replaces its rows.
#
# usage: load_pg_test.sh BIN_DIR SOURCE_DIR
# The server lives in a temporary folder and listens on a Unix socket only; as root,
# it runs as the postgres user (initdb refuses root). Prints one line per check and
# "N passed, N failed"; exits 1 on any failure.

set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 BIN_DIR SOURCE_DIR" >&2
    exit 2
fi
bin=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
export LC_ALL=C

source "$(dirname "${BASH_SOURCE[0]}")/../cli/checks.sh"
finish() {
    summary
    exit
}

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    fail "PostgreSQL server binaries (Debian's postgresql, installed by scripts/install-deps)"
    finish
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/load_pg.XXXXXX")
chmod 755 "$tmp"
as_server=()
if [ "$(id -u)" -eq 0 ]; then
    as_server=(runuser -u postgres --)
    chown postgres "$tmp"
fi
data=$tmp/data
socket=$tmp
cleanup() {
    "${as_server[@]}" "$pg_bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT

"${as_server[@]}" "$pg_bin/initdb" -D "$data" -A trust -U jianbao -E UTF8 --locale=C >"$tmp/initdb.log" 2>&1 ||
    { fail "initdb"; cat "$tmp/initdb.log"; finish; }
"${as_server[@]}" "$pg_bin/pg_ctl" -D "$data" -l "$tmp/server.log" -w \
    -o "-c listen_addresses='' -k $socket" start >/dev/null ||
    { fail "server start"; cat "$tmp/server.log"; finish; }
pass "throw-away server on a Unix socket"

export PGHOST=$socket PGUSER=jianbao PGDATABASE=postgres
psql -X -q -c "CREATE DATABASE news" || { fail "create database"; finish; }
export PGDATABASE=news

# The corpus pages, named with their dates, and a page with backslashes in it.
pages=$tmp/pages
out=$tmp/out
mkdir -p "$pages"
cp "$source_dir/tests/corpus/pages/000.txt" "$pages/2023-01-30.txt"
cp "$source_dir/tests/corpus/pages/001.txt" "$pages/2024-08-01.txt"
gzip -c "$source_dir/tests/corpus/pages/003.txt" >"$pages/20230111.txt.gz"
printf '路径\n本报讯 文件存放在C:\\\\新闻\\\\2023目录下，\\t不是制表符。\n（安豪）\n' >"$pages/backslash.txt"

load() {
    make --no-print-directory -C "$source_dir" -f Makefile.pipeline load-pg \
        BUILD="$bin" IN="$pages" OUT="$out" >"$tmp/make.log" 2>&1
}
table_rows() {
    psql -X -q -c "\\copy (SELECT * FROM articles ORDER BY source, article) TO stdout"
}
pipeline_rows() { tail -n +2 "$out/articles.tsv" | sort -t "$(printf '\t')" -k1,1 -k3,3n; }

load
check "make load-pg succeeds" eval '[ $? -eq 0 ] || { cat "$tmp/make.log"; false; }'
rows=$(($(wc -l <"$out/articles.tsv") - 1))
check "the pipeline made articles" eval '[ "$rows" -gt 20 ]'
check "the table holds every article" eval '[ "$(psql -X -At -c "SELECT count(*) FROM articles")" -eq "$rows" ]'
table_rows >"$tmp/table"
pipeline_rows >"$tmp/pipeline"
check "every row equals the pipeline's, byte for byte" cmp "$tmp/table" "$tmp/pipeline"
# What despace makes of that page's paragraph (the space after 本报讯 goes).
want='本报讯文件存放在C:\\新闻\\2023目录下，\t不是制表符。'
got=$(psql -X -At -c "SELECT text FROM articles WHERE source = 'backslash.txt'")
check "backslashes arrive intact" eval '[ "$got" = "$want" ]'
check "newlines in text arrive intact" eval \
    '[ "$(psql -X -At -c "SELECT count(*) FROM articles WHERE strpos(text, E'"'"'\\n'"'"') > 0")" -gt 0 ]'

load
check "loading again: no duplicates" eval '[ "$(psql -X -At -c "SELECT count(*) FROM articles")" -eq "$rows" ]'
table_rows >"$tmp/table2"
check "loading again: the same rows" cmp "$tmp/table2" "$tmp/pipeline"

printf '本报讯 新的一页。\n（安豪）\n' >"$pages/backslash.txt"
touch -d '+1 minute' "$pages/backslash.txt"
load
got=$(psql -X -At -c "SELECT string_agg(text, '|') FROM articles WHERE source = 'backslash.txt'")
check "a changed page replaces its rows" eval '[ "$got" = "本报讯新的一页。" ]'

finish
