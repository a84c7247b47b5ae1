#!/usr/bin/env bash
# despace on the pages written outside the corpus (tests/written/): scored with the
# corpus scorer against their gold. Asserts accuracy floors, that no text changed,
# and that despace is idempotent on every page.
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
check "despace para_f1 $para_f1 >= 0.975" at_least "$para_f1" 0.975
check "despace changed no character" [ "$changed" = 0 ]

check_idempotent "$pages"

summary
