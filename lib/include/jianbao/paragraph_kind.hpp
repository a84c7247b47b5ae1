// What one paragraph of despace's output is, read from its own text: running text,
// a headline, a credit, a signature, a caption, debris. split-articles reads a page as
// a sequence of these and decides from their order where articles begin and end.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace jianbao {

enum class ParagraphKind {
  body,            // running text
  headline,        // short, without sentence punctuation: title, kicker, section label, crosshead
  byline,          // a credit: □ 文/安豪 图/范英哲, 记者 魏薇 通讯员 王红, 太报评, （文/司瑞东 图/申淼）
  name_signature,  // only names: （安豪）, （王勇、兰杰）, 张倩倩
  photo_caption,   // a caption with its photographer: ……整理方法。 王韵菲 摄
  picture_note,    // a caption pointing at the article's photo: 图为……
  notice_date,     // a date alone on its line, as under a notice: 2023年1月28日
  fragment,        // debris of extraction: 振, 11/
};

struct ParagraphTraits {
  ParagraphKind kind = ParagraphKind::body;
  std::size_t characters = 0;       // non-whitespace code points, counted up to 64: beyond, it is long
  bool opens_with_dateline = false; // 本报讯, 本报记者, 新华社太原1月5日电: a news item starts here
  bool ends_sentence = false;       // the last character closes a sentence: 。！？…”）
  bool ends_with_signature = false; // closed inline by its author: ……考试环境。（尹哲）
  bool section_like = false;        // a headline short enough to be a section label: 政务之要, 聚焦 安全生产
  bool crosshead_like = false;      // a headline inside an article: “等我回来并肩作战”, 一、……
  bool subtitle_like = false;       // a headline continuing the one above: ——论……
  bool organization = false;        // a headline naming who signs a notice: 交城县人民政府
  bool question_like = false;       // body shaped as a headline asking: 智能手环测的血氧准不准？
  bool editor_note = false;         // 编者按：……, 编后：……: the editor speaks about an article
  std::optional<int> continued_from;  // (上接1版): the article began on that page
  std::optional<int> continued_on;    // (下转2版): the article goes on on that page
};

// Classifies one paragraph (UTF-8, no newline; leading and trailing spaces ignored).
ParagraphTraits classify_paragraph(std::string_view paragraph);

}  // namespace jianbao
