#!/usr/bin/env bash
# The man pages are hand-written roff: this test keeps them clean under mandoc's
# linter and keeps each filter's OPTIONS section in step with its --help.
#
# usage: man_lint_test.sh BIN_DIR SOURCE_DIR
#   BIN_DIR     holds the built filters (despace, ...)
#   SOURCE_DIR  the source tree, whose man/ holds *.1 and *.7
# Prints one line per check and "N passed, N failed"; exits 1 on any failure.

set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 BIN_DIR SOURCE_DIR" >&2
    exit 2
fi
bin_dir=$1
man_dir=$2/man

source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/man_lint.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The long options (--foo-bar) in roff source, read from the OPTIONS section
# only: EXAMPLES may quote other programs' options (grep --line-buffered).
man_long_options() {
    awk '/^\.SH/ { in_options = ($0 ~ /^\.SH "?OPTIONS"?[ \t]*$/); next }
         in_options' "$1" |
        sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\f(..//g' -e 's/\\f\[[^]]*\]//g' |
        grep -oE -- '--[a-z][a-z-]*' | sed 's/-*$//' | sort -u
}

# The long options a filter lists in its --help.
help_long_options() {
    grep -oE -- '--[a-z][a-z-]*' "$1" | sed 's/-*$//' | sort -u
}

if ! command -v mandoc >/dev/null 2>&1; then
    fail "mandoc not found (scripts/install-deps installs it)"
    summary
    exit 1
fi

shopt -s nullglob
pages=("$man_dir"/*.1 "$man_dir"/*.7)
if [ ${#pages[@]} -eq 0 ]; then
    fail "no man pages under $man_dir"
fi

for page in "${pages[@]}"; do
    name=$(basename "$page")
    # The build fills in the version; any version will do for the linter.
    sed 's/@PROJECT_VERSION@/0.0.0/g' "$page" > "$tmp/$name"
    if lint=$(mandoc -Tlint -W warning "$tmp/$name" 2>&1) && [ -z "$lint" ]; then
        pass "mandoc -Tlint -W warning $name"
    else
        fail "mandoc -Tlint -W warning $name"
        printf '%s\n' "$lint" | sed "s|$tmp/||; s/^/     /"
    fi
done

# Every page's EXIT STATUS names all that gives status 1, as --help does: a FILE
# that could not be read, bad data under --strict, output that could not be written.
for page in "${pages[@]}"; do
    name=$(basename "$page")
    exit_status=$(awk '/^\.SH/ { in_exit = ($0 ~ /EXIT STATUS/); next } in_exit' "$page" | tr '\n' ' ')
    check "$name: EXIT STATUS 1 for a FILE not read, --strict and a failed write" eval \
        '[[ $exit_status == *"could not be read"* && $exit_status == *strict* && $exit_status == *"output could not be written"* ]]'
done

# Every section-1 page documents a filter in BIN_DIR: its OPTIONS section and its
# --help must name the same long options.
for page in "$man_dir"/*.1; do
    filter=$(basename "$page" .1)
    exe=$bin_dir/$filter
    if [ ! -x "$exe" ]; then
        fail "$filter: man/$filter.1 exists but $exe is not an executable"
        continue
    fi
    if ! "$exe" --help > "$tmp/$filter.help" 2> "$tmp/$filter.err"; then
        fail "$filter --help exits 0"
        continue
    fi
    help_long_options "$tmp/$filter.help" > "$tmp/$filter.help-options"
    man_long_options "$page" > "$tmp/$filter.man-options"
    if [ ! -s "$tmp/$filter.help-options" ]; then
        fail "$filter --help lists long options"
        continue
    fi
    missing_in_man=$(comm -23 "$tmp/$filter.help-options" "$tmp/$filter.man-options")
    missing_in_help=$(comm -13 "$tmp/$filter.help-options" "$tmp/$filter.man-options")
    if [ -z "$missing_in_man" ]; then
        pass "$filter: every option of --help is in man/$filter.1 OPTIONS"
    else
        fail "$filter: options in --help but not in man/$filter.1 OPTIONS:" $missing_in_man
    fi
    if [ -z "$missing_in_help" ]; then
        pass "$filter: every option of man/$filter.1 OPTIONS is in --help"
    else
        fail "$filter: options in man/$filter.1 OPTIONS but not in --help:" $missing_in_help
    fi
    # What --line-buffered flushes after (a line, a page, a row) differs by filter:
    # --help and the man page must say the same.
    help_flush=$(grep -- '--line-buffered' "$tmp/$filter.help" | grep -oE 'after every [a-z]+')
    man_flush=$(awk '/^\.BR .*\\-\\-line\\-buffered/ { getline; print; exit }' "$page" | grep -oE 'after every [a-z]+')
    check "$filter: --line-buffered flushes '$help_flush' in --help and '$man_flush' in man/$filter.1" \
        eval '[ -n "$help_flush" ] && [ "$help_flush" = "$man_flush" ]'
done

summary
