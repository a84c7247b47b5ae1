#!/usr/bin/env python3
"""Pages outside the corpus, for despace: the corpus' gold text laid out again as
extraction leaves other pages, at other column widths (9-30 characters) and with the
SPEC's kinds of damage (justification spaces, a blank line after every visual line,
lines joined back with a space, spaces between Chinese and digits, a headline on the
line where its story starts, half-width punctuation, stories in columns of different
widths). The justified styles also space out a byline's two-character names. The
gold of each page is the gold it came from: only whitespace differs
(and, in the half-width style, the punctuation, in the page and its gold alike).

The article boundaries are offsets in the non-whitespace text, so the page's
articles gold holds for split-articles too.

usage: relayout.py GOLD_DIR OUT_DIR [COLUMNS]
writes OUT_DIR/pages/NNN.txt, OUT_DIR/gold/NNN.clean.txt and NNN.articles.txt (for
score.py --only despace,split), and OUT_DIR/index.tsv (NNN, source page, column,
style)."""
import os
import random
import sys
import unicodedata

OPT = "\u237d"  # the gold's "space or none"
OPENING = set("“‘（《「『")  # never ends a visual line (kinsoku)
CLOSING = set("，。、；：！？”’）》」』…—")  # never starts one: it hangs on the line before


def width(ch):
    return 2 if unicodedata.east_asian_width(ch) in "WF" or ch in "“”‘’…—" else 1


def is_paragraph(line):
    """Body text, which the layout wraps; anything else (headlines, bylines, short
    captions, signatures) keeps a line of its own."""
    plain = line.replace(OPT, "")
    return len(plain) > 24 and any(p in plain for p in "，。；！？,")


def wrap(text, column, indent):
    """Greedy wrap into visual lines of `column` display columns; the first is shorter
    by the paragraph indent, which extraction drops."""
    lines, cur, w = [], "", indent
    for ch in text:
        cw = width(ch)
        if w + cw > column and cur and ch not in CLOSING:
            carry = ""
            while cur and cur[-1] in OPENING:
                carry, cur = cur[-1] + carry, cur[:-1]
            lines.append(cur)
            cur, w = carry, sum(width(c) for c in carry)
        cur += ch
        w += cw
    if cur:
        lines.append(cur)
    return lines


def is_word(ch):
    return ch.isascii() and ch.isalnum()


def space_digits(line, rng):
    """Spaces the paper never printed between Chinese and digits or Latin (kind 4)."""
    out = []
    for i, ch in enumerate(line):
        if i > 0:
            a = line[i - 1]
            if ((is_word(a) and width(ch) == 2) or (width(a) == 2 and is_word(ch))) and rng.random() < 0.7:
                out.append(" ")
        out.append(ch)
    return "".join(out)


def letter_space(line):
    """Justification spaces between the characters of a full line (kind 1); ASCII
    text such as 37.79 or 50% stays whole."""
    out = []
    for ch in line:
        if ch == " ":
            continue
        if out and not (ch.isascii() and out[-1].isascii()):
            out.append(" ")
        out.append(ch)
    return "".join(out)


BYLINE_ROLES = ("记者", "本报记者", "通讯员", "见习记者", "特约记者", "实习生", "摄影")


def pad_names(line):
    """A byline's two-character names spaced out to line up with three-character
    ones, as papers set them: 记者 魏 薇 通讯员 王 红 孟 亮 文/摄."""
    words = line.split(" ")
    if words[0] not in BYLINE_ROLES:
        return line
    return " ".join(" ".join(w) if len(w) == 2 and w not in BYLINE_ROLES and "/" not in w else w for w in words)


def relayout(gold, column, style, rng):
    out = []
    head = None  # a headline waiting to share its story's first line (kind 6)
    story_columns = [column, min(30, column + 8), max(9, column - 4)]
    stories = 0  # lines that are not body text seen so far: headlines, bylines, ...
    for raw in gold.splitlines():
        if not raw.strip():
            continue
        text = raw.replace(OPT, " ")
        prefix = ""
        if head is not None:
            if text.startswith("本报讯") and is_paragraph(raw):
                prefix = head + " "
            else:
                out.append(head)
            head = None
        if style.get("inline") and not is_paragraph(raw) and len(text) <= 30 and "，" not in text and "," not in text:
            head = text
            continue
        if not is_paragraph(raw):
            stories += 1
            if style.get("justify"):
                text = pad_names(text)
            out.append(space_digits(text, rng) if style.get("digits") else text)
            if style.get("blank"):
                out.append("")
            continue
        # In the mixed style each story takes the next of three column widths.
        story_column = story_columns[stories % len(story_columns)] if style.get("mixed") else column
        visual = wrap(text, 2 * story_column, 4)
        visual[0] = prefix + visual[0]
        if style.get("digits"):
            visual = [space_digits(v, rng) for v in visual]
        if style.get("justify"):
            # Only full lines are justified, never a paragraph's last.
            visual = [letter_space(v) if i + 1 < len(visual) and rng.random() < style["justify"] else v
                      for i, v in enumerate(visual)]
        if style.get("joined"):
            out.append(" ".join(visual))  # kind 3: the breaks joined back with a space
        else:
            for v in visual:
                out.append(v)
                if style.get("blank"):
                    out.append("")  # kind 2: a blank line after every visual line
    if head is not None:
        out.append(head)
    return "\n".join(out) + "\n"


STYLES = {
    "plain": {},
    "blank": {"blank": True},
    "joined": {"joined": True},
    "digits": {"digits": True},
    "justify": {"justify": 0.2},
    "blank+justify+digits": {"blank": True, "justify": 0.2, "digits": True},
    # a headline and the start of its story (本报讯 ……) on one line
    "inline": {"inline": True},
    # half-width , : " in the Chinese text, which some pages use (kind 3)
    "halfwidth": {"halfwidth": True},
    # stories set in columns of different widths, side by side on the page
    "mixed": {"mixed": True},
}

HALF_WIDTH = str.maketrans({"，": ",", "：": ":", "“": '"', "”": '"'})


def main():
    gold_dir, out_dir = sys.argv[1], sys.argv[2]
    columns = [int(c) for c in sys.argv[3].split(",")] if len(sys.argv) > 3 else [9, 12, 15, 18, 22, 26, 30]
    os.makedirs(os.path.join(out_dir, "pages"), exist_ok=True)
    os.makedirs(os.path.join(out_dir, "gold"), exist_ok=True)
    index = []
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".clean.txt"):
            continue
        gold = open(os.path.join(gold_dir, name), encoding="utf-8").read()
        articles_path = os.path.join(gold_dir, name.replace(".clean.txt", ".articles.txt"))
        articles = open(articles_path, encoding="utf-8").read() if os.path.exists(articles_path) else None
        for column in columns:
            for style_name, style in STYLES.items():
                # Seeded by what the page is, so every run writes the same pages.
                rng = random.Random(f"{name}{column}{style_name}")
                key = f"{len(index):03d}"
                # The punctuation is text: the page and its gold change together.
                convert = (lambda t: t.translate(HALF_WIDTH)) if style.get("halfwidth") else (lambda t: t)
                with open(os.path.join(out_dir, "pages", key + ".txt"), "w", encoding="utf-8") as f:
                    f.write(relayout(convert(gold), column, style, rng))
                with open(os.path.join(out_dir, "gold", key + ".clean.txt"), "w", encoding="utf-8") as f:
                    f.write(convert(gold))
                if articles is not None:
                    with open(os.path.join(out_dir, "gold", key + ".articles.txt"), "w", encoding="utf-8") as f:
                        f.write(convert(articles))
                index.append(f"{key}\t{name[:3]}\t{column}\t{style_name}")
    with open(os.path.join(out_dir, "index.tsv"), "w") as f:
        f.write("\n".join(index) + "\n")


main()
