#!/usr/bin/env bash
# The pages written outside the corpus (tests/written/): scored with the corpus
# scorer against their gold. Asserts despace's accuracy floors, that no text
# changed, that despace is idempotent on every page, and split-articles' and
# tag-dates' floors on the pages with articles and dates gold.
#
# usage: written_accuracy_test.sh BIN_DIR SOURCE_DIR

source "$(dirname "${BASH_SOURCE[0]}")/../cli/accuracy_setup.sh"

pages=$src/tests/written/pages

"$py" "$src/tests/corpus/score.py" --only despace --json "$tmp/score.json" "$bin" "$pages" "$src/tests/written/gold" > /dev/null ||
    { fail "score.py scored the pages"; summary; exit; }

ws_acc=$(figure despace.ws_acc)
para_f1=$(figure despace.para_f1)
changed=$(figure despace.changed)
echo "     despace ws_acc $ws_acc, para_f1 $para_f1, changed $changed"
check "despace ws_acc $ws_acc >= 0.994" at_least "$ws_acc" 0.994
check "despace para_f1 $para_f1 >= 0.97" at_least "$para_f1" 0.97
check "despace changed no character" [ "$changed" = 0 ]

check_idempotent "$pages"

# split-articles on the pages with articles gold (sets 3-5), tag-dates on those with
# dates gold too (sets 4-5), each set of pages scored alone.
score_subset() {  # NAME ONLY GOLD_SUFFIX: scores the pages that have gold/*.GOLD_SUFFIX
    local dir=$tmp/$1 gold page name
    mkdir -p "$dir/pages" "$dir/gold"
    for gold in "$src/tests/written/gold"/*."$3"; do
        name=${gold##*/}
        name=${name%%.*}
        cp "$pages/$name.txt" "$dir/pages/"
        cp "$src/tests/written/gold/$name".* "$dir/gold/"
    done
    "$py" "$src/tests/corpus/score.py" --only "$2" --json "$tmp/score.json" "$bin" "$dir/pages" "$dir/gold" > /dev/null
}
if score_subset articles split articles.txt; then
    bnd_f1=$(figure split.bnd_f1)
    title_acc=$(figure split.title_acc)
    echo "     split-articles bnd_f1 $bnd_f1, title_acc $title_acc"
    check "split-articles bnd_f1 $bnd_f1 >= 0.90" at_least "$bnd_f1" 0.90
    check "split-articles title_acc $title_acc >= 0.95" at_least "$title_acc" 0.95
else
    fail "score.py scored split-articles"
fi
if score_subset dates dates dates.tsv; then
    men_f1=$(figure dates.men_f1)
    val_acc=$(figure dates.val_acc)
    trap_fp=$(figure dates.trap_fp)
    echo "     tag-dates men_f1 $men_f1, val_acc $val_acc, trap_fp $trap_fp"
    check "tag-dates men_f1 $men_f1 >= 0.9" at_least "$men_f1" 0.9
    check "tag-dates val_acc $val_acc >= 0.95" at_least "$val_acc" 0.95
    check "tag-dates trap_fp $trap_fp <= 5" at_least 5 "$trap_fp"
else
    fail "score.py scored tag-dates"
fi

summary
