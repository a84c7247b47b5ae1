#!/usr/bin/env bash
# despace (and split-articles after it) on pages outside the corpus: the corpus' gold
# text laid out again at seven column widths in nine styles of damage (relayout.py),
# 189 pages scored with the corpus scorer. Asserts accuracy floors, that no text
# changed, and that despace is idempotent on every page. Prints despace's figures by
# style and by column width.
#
# usage: relayout_accuracy_test.sh BIN_DIR SOURCE_DIR

source "$(dirname "${BASH_SOURCE[0]}")/../cli/accuracy_setup.sh"

"$py" "$src/tests/relayout/relayout.py" "$src/tests/corpus/gold" "$tmp" || { fail "relayout.py wrote the pages"; summary; exit; }
"$py" "$src/tests/corpus/score.py" --only despace,split --json "$tmp/score.json" "$bin" "$tmp/pages" "$tmp/gold" > /dev/null ||
    { fail "score.py scored the pages"; summary; exit; }

"$py" - "$tmp/score.json" "$tmp/index.tsv" <<'PY'
import json, sys
from collections import defaultdict
report = json.load(open(sys.argv[1]))
index = {k: v for k, *v in (line.split("\t") for line in open(sys.argv[2]).read().split("\n") if line)}
groups = defaultdict(lambda: [0, 0])
for key, page in report.items():
    if key == "overall":
        continue
    d = page["despace"]
    _, column, style = index[key]
    for group in ("style " + style, "column %2s" % column):
        groups[group][0] += d["decisions"]
        groups[group][1] += d["ws_err"]
for group in sorted(groups):
    decisions, errors = groups[group]
    print("     %-28s ws_acc %.4f (%d errors in %d decisions)" % (group, 1 - errors / decisions, errors, decisions))
PY

ws_acc=$(figure despace.ws_acc)
para_f1=$(figure despace.para_f1)
changed=$(figure despace.changed)
bnd_f1=$(figure split.bnd_f1)
title_acc=$(figure split.title_acc)
echo "     overall: despace ws_acc $ws_acc, para_f1 $para_f1, changed $changed;" \
     "split-articles bnd_f1 $bnd_f1, title_acc $title_acc"
check "despace ws_acc $ws_acc >= 0.998" at_least "$ws_acc" 0.998
check "despace para_f1 $para_f1 >= 0.985" at_least "$para_f1" 0.985
check "despace changed no character" [ "$changed" = 0 ]
check "split-articles bnd_f1 $bnd_f1 >= 0.96" at_least "$bnd_f1" 0.96
check "split-articles title_acc $title_acc >= 0.99" at_least "$title_acc" 0.99

check_idempotent "$tmp/pages"

summary
