// Article segmentation: a page of despace's output (one paragraph per line) into
// articles, with the role of every paragraph. The second filter of the pipeline,
// split-articles, writes what this finds as the article stream (article_stream.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace jianbao {

enum class ArticleRole { section, title, subtitle, byline, body, caption, signature, fragment };

// The role's name in the article stream: "section", "title", ...
std::string_view role_name(ArticleRole role);
// The role a name in the article stream stands for; nullopt for a name that is none.
std::optional<ArticleRole> role_from_name(std::string_view name);

struct ArticleParagraph {
  std::string_view text;  // the paragraph, without its surrounding whitespace
  std::uint64_t article;  // 1-based within the source
  ArticleRole role;
};

// Splits the pages of one source in order, numbering articles across them. Reads each
// page as a sequence of paragraph kinds (paragraph_kind.hpp): datelines, headlines and
// photo captions open articles; signatures and credits close them; an article cut
// mid-sentence is resumed by the first later text that opens with no cue of its own;
// headlines found without a body are placed by their words (headline_matching.hpp).
class ArticleSplitter {
 public:
  // Starts a new source: articles are numbered from 1 again.
  void start_source();
  // Starts another FILE of the same source: numbering and jump lines go on, but a
  // page the last FILE left unfinished (cut, then an error) is not resumed.
  void start_file();

  // Appends the paragraphs of `page` (number `page_number` in the source) to `out`, in
  // page order; blank lines are skipped. `page_end` false: the page was too long to
  // read at once and goes on in the next call, which resumes its last article.
  void split_page(std::string_view page, std::uint64_t page_number, bool page_end,
                  std::vector<ArticleParagraph>& out);

 private:
  friend class PageSegmentation;

  // An article that said where it goes on: (下转2版).
  struct Jump {
    std::uint64_t article;
    std::uint64_t from_page;
    int to_page;
  };
  // The state of the last article of a page cut by the reader, for the next piece.
  struct OpenArticle {
    std::uint64_t article;
    bool closed;
    bool has_body;
    bool last_finished;
  };

  std::uint64_t next_article_ = 1;
  std::vector<Jump> jumps_;
  std::optional<OpenArticle> carried_;
};

}  // namespace jianbao
