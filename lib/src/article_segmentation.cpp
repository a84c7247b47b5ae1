// Article segmentation: reads a page as a sequence of paragraph kinds and decides, in
// one walk, where articles begin and end; then places the headlines that were found
// without a body, and numbers the articles in the order they first appear.
#include "jianbao/article_segmentation.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

#include "jianbao/char_class.hpp"
#include "jianbao/headline_matching.hpp"
#include "jianbao/paragraph_kind.hpp"

namespace jianbao {

std::string_view role_name(ArticleRole role) {
  switch (role) {
    case ArticleRole::section: return "section";
    case ArticleRole::title: return "title";
    case ArticleRole::subtitle: return "subtitle";
    case ArticleRole::byline: return "byline";
    case ArticleRole::body: return "body";
    case ArticleRole::caption: return "caption";
    case ArticleRole::signature: return "signature";
    case ArticleRole::fragment: return "fragment";
  }
  return "body";
}

std::optional<ArticleRole> role_from_name(std::string_view name) {
  for (ArticleRole role : {ArticleRole::section, ArticleRole::title, ArticleRole::subtitle, ArticleRole::byline,
                           ArticleRole::body, ArticleRole::caption, ArticleRole::signature, ArticleRole::fragment}) {
    if (role_name(role) == name) return role;
  }
  return std::nullopt;
}

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Two short headline lines in a row are one headline set on two lines (坚守岗位保供水 /
// 春节服务“不打烊”); longer ones in a row are separate headlines.
constexpr std::size_t kShortHeadlineLine = 12;
// A line that reads as a name (文苑) above a headline is a section label up to this long.
constexpr std::size_t kLongestNameSection = 4;
// Under a title and its author, this many short lines in a row are a poem's lines.
constexpr std::size_t kShortestPoem = 2;
// A headline is the title of the text below it when they share this many words.
constexpr std::size_t kTitleEvidence = 2;
// The most bodies that sign a notice together, one per line, above its date.
constexpr std::size_t kLongestSignatureBlock = 4;
// How much of the text below a headline is compared with it.
constexpr std::size_t kParagraphsUnderTitle = 4;

std::string_view trim(std::string_view line) {
  const std::uint16_t* table = bmp_flag_table();
  std::size_t begin = 0, end = line.size();
  while (begin < end) {
    const Utf8Char c = decode_utf8(line, begin, table);
    if (!(c.flags & kSpace)) break;
    begin += c.length;
  }
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80) --start;
    const Utf8Char c = decode_utf8(line, start, table);
    if (!(c.flags & kSpace) || start + c.length != end) break;
    end = start;
  }
  return line.substr(begin, end - begin);
}

}  // namespace

// One page's walk. Segments are the page's articles before numbering; a continuation
// reuses the segment it continues.
class PageSegmentation {
 public:
  PageSegmentation(ArticleSplitter& splitter, std::uint64_t page_number) : splitter_(splitter), page_(page_number) {}

  void read(std::string_view page) {
    std::size_t start = 0;
    while (start <= page.size()) {
      std::size_t end = page.find('\n', start);
      if (end == std::string_view::npos) end = page.size();
      const std::string_view text = trim(page.substr(start, end - start));
      if (!text.empty()) lines_.push_back({text, classify_paragraph(text), kNone, ArticleRole::body});
      start = end + 1;
    }
    // 智能手环测的血氧准不准？ over 问：…… is the headline of a question and its answer.
    for (std::size_t i = 0; i + 1 < lines_.size(); ++i) {
      if (lines_[i].traits.question_like && opens_question(lines_[i + 1].text))
        lines_[i].traits.kind = ParagraphKind::headline;
    }
  }

  void walk() {
    if (splitter_.carried_) resume(*splitter_.carried_);
    for (std::size_t i = 0; i < lines_.size();) i = step(i);
    if (!pending_fragments_.empty()) {
      const std::size_t segment = current_ != kNone ? current_ : new_segment();
      for (std::size_t line : pending_fragments_) lines_[line].segment = segment;
    }
    place_displaced_headlines();
  }

  // Numbers the segments in order of appearance and writes the paragraphs out.
  void emit(bool page_end, std::vector<ArticleParagraph>& out) {
    for (Line& line : lines_) {
      Segment& segment = segments_[line.segment];
      if (!segment.article) segment.article = splitter_.next_article_++;
      out.push_back({line.text, *segment.article, line.role});
    }
    for (const auto& [segment, to_page] : jumps_out_) {
      splitter_.jumps_.push_back({*segments_[segment].article, page_, to_page});
    }
    splitter_.carried_.reset();
    if (!page_end && current_ != kNone) {
      const Segment& s = segments_[current_];
      if (s.article) splitter_.carried_ = ArticleSplitter::OpenArticle{*s.article, s.closed, s.has_body, s.last_finished};
    }
  }

 private:
  struct Line {
    std::string_view text;
    ParagraphTraits traits;
    std::size_t segment;
    ArticleRole role;
  };
  struct Segment {
    std::optional<std::uint64_t> article;  // known before numbering: resumed or jumped to
    bool titled = false;
    bool closed = false;          // ended by a signature, credit or photo caption
    bool has_body = false;
    bool last_finished = true;    // its last paragraph ends a sentence
    bool continued = false;       // resumed after other articles
    bool photo = false;           // a photo with its caption
    bool preface_only = false;    // its only text so far is an editor's note (编者按)
    std::vector<std::size_t> lines;
  };
  // Headline lines found without a body: a headline and its byline.
  struct DisplacedHeadline {
    std::vector<std::size_t> lines;
  };

  ParagraphKind kind(std::size_t i) const { return lines_[i].traits.kind; }
  const ParagraphTraits& traits(std::size_t i) const { return lines_[i].traits; }

  bool in_open_article() const { return current_ != kNone && !segments_[current_].closed; }
  // The current article has text, and no signature yet: a credit now closes it.
  bool after_body() const { return in_open_article() && segments_[current_].has_body; }

  std::size_t new_segment() {
    end_current();
    segments_.emplace_back();
    current_ = segments_.size() - 1;
    for (std::size_t line : pending_fragments_) assign(line, current_, ArticleRole::fragment);
    pending_fragments_.clear();
    return current_;
  }

  // The current article stops here; cut mid-sentence, it may resume further down.
  void end_current() {
    for (std::size_t* ended : {&interrupted_, &current_}) {
      if (*ended == kNone) continue;
      const Segment& s = segments_[*ended];
      if (!s.closed && s.has_body && !s.last_finished) unfinished_.push_back(*ended);
      *ended = kNone;
    }
  }

  void assign(std::size_t line, std::size_t segment, ArticleRole role) {
    lines_[line].segment = segment;
    lines_[line].role = role;
    segments_[segment].lines.push_back(line);
  }

  void resume(const ArticleSplitter::OpenArticle& open) {
    segments_.emplace_back();
    Segment& s = segments_.back();
    s.article = open.article;
    s.closed = open.closed;
    s.has_body = open.has_body;
    s.last_finished = open.last_finished;
    s.titled = true;  // numbered already: not a home for displaced headlines
    current_ = segments_.size() - 1;
  }

  std::size_t step(std::size_t i) {
    const ParagraphKind k = kind(i);
    if (k == ParagraphKind::fragment) {
      if (current_ != kNone) {
        assign(i, current_, ArticleRole::fragment);
      } else {
        pending_fragments_.push_back(i);
      }
      return i + 1;
    }
    // 交城县人民政府 above 2023年1月28日: the notice's signature; those who sign
    // together (岚川县医疗保障局 / 国家税务总局岚川县税务局, 宁川县第一中学 /
    // 李文华同志治丧委员会) stand one per line.
    if (k == ParagraphKind::headline && traits(i).organization && after_body()) {
      std::size_t date = i;
      while (date < lines_.size() && date - i < kLongestSignatureBlock && kind(date) == ParagraphKind::headline &&
             traits(date).organization)
        ++date;
      if (date < lines_.size() && kind(date) == ParagraphKind::notice_date) {
        for (std::size_t line = i; line <= date; ++line) close_with(line, ArticleRole::signature);
        return date + 1;
      }
    }
    // 编者按 under a headline, then the byline: the note opens the article, and the
    // byline still belongs to its head.
    if (k == ParagraphKind::byline && after_body() && segments_[current_].preface_only) {
      assign(i, current_, ArticleRole::byline);
      return i + 1;
    }
    if ((k == ParagraphKind::byline || k == ParagraphKind::name_signature || k == ParagraphKind::notice_date) &&
        after_body()) {
      close_with(i, k == ParagraphKind::byline ? ArticleRole::byline : ArticleRole::signature);
      return i + 1;
    }
    if (k == ParagraphKind::headline || k == ParagraphKind::byline || k == ParagraphKind::name_signature) {
      return head(i);
    }
    text(i);
    return i + 1;
  }

  static bool opens_question(std::string_view text) {
    return text.starts_with("问：") || text.starts_with("问:") || text.starts_with("问 ");
  }

  void close_with(std::size_t i, ArticleRole role) {
    assign(i, current_, role);
    segments_[current_].closed = true;
  }

  bool is_headline_line(std::size_t i) const {
    return kind(i) == ParagraphKind::headline || kind(i) == ParagraphKind::name_signature;
  }
  bool is_text(std::size_t i) const {
    const ParagraphKind k = kind(i);
    return k == ParagraphKind::body || k == ParagraphKind::picture_note || k == ParagraphKind::photo_caption ||
           k == ParagraphKind::notice_date;
  }

  // Headline lines, then credit lines: the head of an article when text follows,
  // else displaced headlines.
  std::size_t head(std::size_t i) {
    std::size_t j = i;
    while (j < lines_.size() && is_headline_line(j)) ++j;
    std::size_t k = j;
    while (k < lines_.size() && kind(k) == ParagraphKind::byline) ++k;
    // 春到西山 / □ 郝晓岚 / 一场细雨 / 把西山的梦唤醒 / …: a poem's short lines under its
    // title and author, then its last lines run together as text.
    std::size_t verses = k;
    if (k > j && j > i) {
      while (verses < lines_.size() && kind(verses) == ParagraphKind::headline &&
             traits(verses).characters <= kShortHeadlineLine)
        ++verses;
      if (verses - k < kShortestPoem || verses >= lines_.size() || !is_text(verses) ||
          traits(verses).opens_with_dateline)
        verses = k;
    }
    const bool text_follows = k < lines_.size() && (is_text(k) || verses > k);
    if (!text_follows) {
      end_current();
      displace(i, k);
      return k;
    }
    // “等我回来并肩作战”, 一、织密组织体系: a crosshead inside the running article, a
    // paragraph of its body (as a subtitle it would join the title in to-tsv's row).
    if (k - i == 1 && traits(i).crosshead_like && after_body()) {
      assign(i, current_, ArticleRole::body);
      return k;
    }
    // A headline over text it does not name, while an article cut mid-sentence waits
    // to resume: the headline was displaced, the text resumes that article.
    if (!unfinished_.empty() && kind(k) == ParagraphKind::body && !traits(k).opens_with_dateline &&
        shared_words(headline_text(i, j), text_below(k)) < kTitleEvidence) {
      end_current();
      displace(i, k);
      return k;
    }
    const std::size_t segment = new_segment();
    segments_[segment].titled = j > i;
    for (std::size_t line = i; line < k; ++line) {
      ArticleRole role = ArticleRole::title;
      if (kind(line) == ParagraphKind::byline) {
        role = ArticleRole::byline;
      } else if (line == i && j - i >= 2 &&
                 (traits(line).section_like || (kind(line) == ParagraphKind::name_signature &&
                                                traits(line).characters <= kLongestNameSection))) {
        // 文苑 reads as a name, but no name stands above a headline: a section label.
        role = ArticleRole::section;
      } else if (traits(line).subtitle_like) {
        role = ArticleRole::subtitle;
      }
      assign(line, segment, role);
    }
    for (std::size_t line = k; line < verses; ++line) assign(line, segment, ArticleRole::body);
    if (verses > k) segments_[segment].has_body = true;
    return verses;
  }

  std::string headline_text(std::size_t begin, std::size_t end) const {
    std::string text;
    for (std::size_t line = begin; line < end; ++line) {
      if (is_headline_line(line)) text.append(lines_[line].text).push_back('\n');
    }
    return text;
  }

  std::vector<std::string_view> text_below(std::size_t k) const {
    std::vector<std::string_view> below;
    for (std::size_t line = k; line < lines_.size() && below.size() < kParagraphsUnderTitle && is_text(line); ++line) {
      below.push_back(lines_[line].text);
    }
    return below;
  }

  // Groups headline lines [begin, end) into displaced headlines, to be placed later.
  void displace(std::size_t begin, std::size_t end) {
    DisplacedHeadline* group = nullptr;
    bool group_has_byline = false;
    for (std::size_t line = begin; line < end; ++line) {
      const bool byline = kind(line) == ParagraphKind::byline;
      bool starts_group = group == nullptr;
      if (!byline && group != nullptr) {
        const std::size_t previous = group->lines.back();
        const bool two_short_lines = !group_has_byline && is_headline_line(previous) &&
                                     traits(previous).characters <= kShortHeadlineLine &&
                                     traits(line).characters <= kShortHeadlineLine;
        starts_group = group_has_byline || !(two_short_lines || traits(line).subtitle_like);
      }
      if (starts_group) {
        displaced_.emplace_back();
        group = &displaced_.back();
        group_has_byline = false;
      }
      group->lines.push_back(line);
      group_has_byline |= byline;
      lines_[line].role = byline ? ArticleRole::byline
                                 : traits(line).subtitle_like ? ArticleRole::subtitle : ArticleRole::title;
    }
  }

  // Running text, a caption, or a date.
  void text(std::size_t i) {
    const ParagraphKind k = kind(i);
    const ParagraphTraits& t = traits(i);
    if (k == ParagraphKind::photo_caption) {
      // Under its own article's headline it is that article's photo; on its own it
      // is a photo item, complete in itself.
      if (in_open_article() && segments_[current_].titled && !segments_[current_].has_body) {
        assign(i, current_, ArticleRole::caption);
        return;
      }
      // Extraction sets a photo where it stood on the page, often inside another
      // article's text: that article may go on right after the caption.
      const std::size_t interrupted = in_open_article() ? current_ : kNone;
      current_ = kNone;
      const std::size_t segment = new_segment();
      assign(i, segment, ArticleRole::caption);
      segments_[segment].closed = segments_[segment].photo = true;
      interrupted_ = interrupted;
      return;
    }
    if (k == ParagraphKind::picture_note && in_open_article()) {
      assign(i, current_, ArticleRole::caption);
      return;
    }
    std::size_t segment = current_;
    // 读者 马文斌 then 编者按：本报已将此建议转交……: the editor answers the signed letter.
    if (t.editor_note && current_ != kNone && segments_[current_].closed && !segments_[current_].photo && i > 0 &&
        lines_[i - 1].segment == current_ && lines_[i - 1].role == ArticleRole::signature) {
      assign(i, current_, ArticleRole::body);
      return;
    }
    const auto jumped = t.continued_from ? jumped_article(*t.continued_from) : std::nullopt;
    if (jumped) {
      // (上接1版): the rest of an article that said (下转N版) on an earlier page.
      segment = new_segment();
      segments_[segment].article = *jumped;
      segments_[segment].titled = true;
    } else if (in_open_article()) {
      // 本报讯 after running text: the last article ended without a signature.
      if (t.opens_with_dateline && segments_[current_].has_body) segment = new_segment();
    } else if (t.opens_with_dateline) {
      segment = new_segment();
    } else if (interrupted_ != kNone && current_ != kNone && segments_[current_].photo) {
      segment = std::exchange(interrupted_, kNone);  // the text a photo caption interrupted goes on
      current_ = segment;
    } else if (!unfinished_.empty()) {
      end_current();
      segment = unfinished_.front();
      unfinished_.erase(unfinished_.begin());
      segments_[segment].continued = true;
      current_ = segment;
    } else {
      segment = new_segment();
    }
    assign(i, segment, k == ParagraphKind::picture_note ? ArticleRole::caption : ArticleRole::body);
    Segment& s = segments_[segment];
    s.preface_only = (!s.has_body || s.preface_only) && t.editor_note;
    s.has_body = true;
    s.last_finished = t.ends_sentence;
    if (t.ends_with_signature) s.closed = true;
    if (t.continued_on) {
      jumps_out_.push_back({segment, *t.continued_on});
      s.closed = true;
    }
  }

  // (上接1版) on this page: the article that said (下转N版) on page 1.
  std::optional<std::uint64_t> jumped_article(int from_page) {
    auto& jumps = splitter_.jumps_;
    auto match = std::find_if(jumps.begin(), jumps.end(), [&](const ArticleSplitter::Jump& j) {
      return j.from_page == static_cast<std::uint64_t>(from_page) && j.to_page == static_cast<int>(page_);
    });
    if (match == jumps.end()) {
      match = std::find_if(jumps.begin(), jumps.end(), [&](const ArticleSplitter::Jump& j) {
        return j.from_page == static_cast<std::uint64_t>(from_page);
      });
    }
    if (match == jumps.end()) return std::nullopt;
    const std::uint64_t article = match->article;
    jumps.erase(match);
    return article;
  }

  // Gives each displaced headline a home among the untitled articles, or its own.
  void place_displaced_headlines() {
    if (displaced_.empty()) return;
    std::vector<std::size_t> homes;
    std::vector<UntitledArticle> candidates;
    for (std::size_t s = 0; s < segments_.size(); ++s) {
      const Segment& segment = segments_[s];
      if (segment.titled || segment.lines.empty()) continue;
      UntitledArticle candidate;
      for (std::size_t line : segment.lines) candidate.paragraphs.push_back(lines_[line].text);
      candidate.splittable = !segment.closed && !segment.continued && segment.lines.size() >= 2;
      candidates.push_back(std::move(candidate));
      homes.push_back(s);
    }
    std::vector<std::string> texts;
    for (const DisplacedHeadline& group : displaced_) {
      std::string text;
      for (std::size_t line : group.lines) {
        if (kind(line) != ParagraphKind::byline) text.append(lines_[line].text).push_back('\n');
      }
      texts.push_back(std::move(text));
    }
    const std::vector<std::string_view> headlines(texts.begin(), texts.end());
    const auto placements = place_headlines(headlines, candidates);

    // Later paragraphs of a segment go to the headline that starts a story there
    // (placements come in page order, so each cut applies to what the last one left).
    for (std::size_t g = 0; g < displaced_.size(); ++g) {
      std::size_t segment;
      if (!placements[g]) {
        segments_.emplace_back();
        segment = segments_.size() - 1;
      } else if (placements[g]->first_paragraph == 0) {
        segment = homes[placements[g]->article];
      } else {
        const std::size_t home = homes[placements[g]->article];
        segments_.emplace_back();
        segment = segments_.size() - 1;
        const std::vector<std::size_t> home_lines = segments_[home].lines;
        const std::size_t cut = home_lines[placements[g]->first_paragraph];
        for (std::size_t line : home_lines) {
          if (line >= cut && lines_[line].segment == home) lines_[line].segment = segment;
        }
      }
      segments_[segment].titled = true;
      for (std::size_t line : displaced_[g].lines) lines_[line].segment = segment;
    }
  }

  ArticleSplitter& splitter_;
  std::uint64_t page_;
  std::vector<Line> lines_;
  std::vector<Segment> segments_;
  std::vector<DisplacedHeadline> displaced_;
  std::vector<std::size_t> unfinished_;        // segments cut mid-sentence, oldest first
  std::vector<std::size_t> pending_fragments_;  // debris before the first article
  std::vector<std::pair<std::size_t, int>> jumps_out_;
  std::size_t current_ = kNone;
  std::size_t interrupted_ = kNone;  // the article a standalone photo caption cut into
};

void ArticleSplitter::start_source() {
  next_article_ = 1;
  jumps_.clear();
  carried_.reset();
}

void ArticleSplitter::start_file() { carried_.reset(); }

void ArticleSplitter::split_page(std::string_view page, std::uint64_t page_number, bool page_end,
                                 std::vector<ArticleParagraph>& out) {
  PageSegmentation segmentation(*this, page_number);
  segmentation.read(page);
  segmentation.walk();
  segmentation.emit(page_end, out);
}

}  // namespace jianbao
