// Matching displaced headlines to the articles they name. Layout often leaves headlines
// and bylines at the end of the page, away from their text; a headline names its
// article with the article's own words (places, names, key phrases), so the words a
// headline shares with a paragraph, weighted by how rare they are on the page, say
// where it belongs. split-articles uses this for headlines found without a body.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace jianbao {

// Distinct two-character Han words of `headline` that also occur in `paragraphs`.
std::size_t shared_words(std::string_view headline, const std::vector<std::string_view>& paragraphs);

// An article without a headline of its own, as a candidate home for one.
struct UntitledArticle {
  std::vector<std::string_view> paragraphs;
  // The article may hold several stories run together (it was never closed by a
  // signature): a headline may then start its own article at a later paragraph.
  bool splittable = false;
};

// Where a headline goes: the article, and the paragraph its story starts at (0 for
// the whole article).
struct HeadlinePlacement {
  std::size_t article = 0;
  std::size_t first_paragraph = 0;
};

// Places displaced headlines (in page order) in the untitled articles (in page order).
// Layout keeps the order of stories, so placements follow the headlines' order; each
// article takes at most one headline from its start, and a splittable one may hand
// later paragraphs to the following headlines. A headline is placed only where its
// words mark it out from the other headlines by a clear margin; otherwise nullopt.
std::vector<std::optional<HeadlinePlacement>> place_headlines(const std::vector<std::string_view>& headlines,
                                                              const std::vector<UntitledArticle>& articles);

}  // namespace jianbao
