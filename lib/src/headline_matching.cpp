// Matching displaced headlines to the articles they name, by the two-character words
// they share (idf-weighted over the page), with a dynamic program that keeps the
// headlines in page order and splits stories run together where the words change.
#include "jianbao/headline_matching.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cmath>
#include <cstdint>
#include <limits>

#include "jianbao/char_class.hpp"

namespace jianbao {
namespace {

// A Han character or a two-character word, its code points packed (a character has
// no first one).
using Word = std::uint64_t;

Word make_word(char32_t first, char32_t second) { return (static_cast<Word>(first) << 21) | second; }
bool is_character(Word w) { return w < (Word{1} << 21); }

// Calls visit(word) for every pair of adjacent Han characters of a headline, and with
// `characters` for every Han character too.
template <typename Visit>
void for_each_word(std::string_view text, bool characters, Visit&& visit) {
  const std::uint16_t* table = bmp_flag_table();
  char32_t previous = 0;
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8(text, i, table);
    i += c.length;
    if (!(c.flags & kHan)) {
      previous = 0;
      continue;
    }
    if (characters) visit(make_word(0, c.cp));
    if (previous != 0) visit(make_word(previous, c.cp));
    previous = c.cp;
  }
}

// The headlines' words. Scanning a page costs one bit test for each character no
// headline uses, which is nearly all of them.
class Vocabulary {
 public:
  Vocabulary(const std::vector<std::string_view>& headlines, bool characters) : characters_(characters) {
    for (std::size_t h = 0; h < headlines.size(); ++h) {
      for_each_word(headlines[h], characters, [&](Word w) { entries_.push_back({w, h}); });
    }
    std::sort(entries_.begin(), entries_.end());
    entries_.erase(std::unique(entries_.begin(), entries_.end()), entries_.end());
    for (const Entry& e : entries_) {
      if (words_.empty() || words_.back() != e.word) words_.push_back(e.word);
      mark(static_cast<char32_t>(e.word & 0x1FFFFF));
      if (!is_character(e.word)) mark(static_cast<char32_t>(e.word >> 21));
    }
    // An open-addressing table from word to index, at most half full: a page's text
    // asks for a word at nearly every character the headlines use.
    std::size_t capacity = 16;
    while (capacity < 2 * words_.size()) capacity *= 2;
    slots_.assign(capacity, kEmptySlot);
    shift_ = 64 - static_cast<unsigned>(__builtin_ctzll(capacity));
    for (std::size_t index = 0; index < words_.size(); ++index) {
      std::size_t slot = home_slot(words_[index]);
      while (slots_[slot] != kEmptySlot) slot = (slot + 1) & (slots_.size() - 1);
      slots_[slot] = static_cast<std::uint32_t>(index);
    }
  }

  std::size_t size() const { return words_.size(); }

  // Calls visit(word index) for each of the headlines' words found in `text`. Reads
  // three-byte sequences (the BMP, where Han lives) directly: only characters the
  // headlines use matter, and everything else just ends a word.
  template <typename Visit>
  void scan(std::string_view text, Visit&& visit) const {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    char32_t previous = 0;
    for (std::size_t i = 0; i < size;) {
      const unsigned char lead = bytes[i];
      char32_t cp = 0;
      if (lead >= 0xE0 && lead <= 0xEF && i + 2 < size) {
        cp = ((lead & 0x0Fu) << 12) | ((bytes[i + 1] & 0x3Fu) << 6) | (bytes[i + 2] & 0x3Fu);
        i += 3;
      } else if (lead >= 0xF0) {
        const Utf8Char c = decode_utf8(text, i);
        if ((c.flags & kHan) && !(c.flags & kInvalid)) cp = c.cp;
        i += c.length;
      } else {
        ++i;
      }
      if (cp == 0 || (cp <= 0xFFFF && !used_[cp])) {
        previous = 0;
        continue;
      }
      if (characters_) find(make_word(0, cp), visit);
      if (previous != 0) find(make_word(previous, cp), visit);
      previous = cp;
    }
  }

  bool is_character_word(std::size_t index) const { return is_character(words_[index]); }

  // Calls visit(headline, word index) for every headline using each word.
  template <typename Visit>
  void for_each_use(Visit&& visit) const {
    for (const Entry& e : entries_) {
      const auto index = static_cast<std::size_t>(std::lower_bound(words_.begin(), words_.end(), e.word) - words_.begin());
      visit(e.headline, index);
    }
  }

 private:
  struct Entry {
    Word word;
    std::size_t headline;
    auto operator<=>(const Entry&) const = default;
  };
  void mark(char32_t cp) {
    if (cp <= 0xFFFF) used_[cp] = true;
  }
  static constexpr std::uint32_t kEmptySlot = std::numeric_limits<std::uint32_t>::max();
  std::size_t home_slot(Word w) const { return static_cast<std::size_t>((w * 0x9E3779B97F4A7C15ULL) >> shift_); }
  template <typename Visit>
  void find(Word w, Visit& visit) const {
    for (std::size_t slot = home_slot(w);; slot = (slot + 1) & (slots_.size() - 1)) {
      const std::uint32_t index = slots_[slot];
      if (index == kEmptySlot) return;
      if (words_[index] == w) {
        visit(static_cast<std::size_t>(index));
        return;
      }
    }
  }

  bool characters_;
  std::vector<Entry> entries_;
  std::vector<Word> words_;  // sorted
  std::vector<std::uint32_t> slots_;  // indices into words_, or kEmptySlot
  unsigned shift_ = 0;
  std::bitset<0x10000> used_;  // BMP characters the words are made of
};

// Evidence needed to give an article a headline, and extra evidence to cut an article
// in two: each about two words found in one paragraph only (ln 31 ≈ 3.4 apiece).
constexpr double kPlacementCost = 3.0;
constexpr double kSplitCost = 3.0;
// A shared character says less than a shared word (医 against 医院).
constexpr double kCharacterWeight = 0.5;

// 1 + ln tf: a word's second and later uses in a paragraph add less and less. Most
// counts are small, and a table of them spares a log per word use.
double repeat_weight(std::size_t count) {
  static const auto kSmall = [] {
    std::array<double, 64> table{};
    for (std::size_t n = 1; n < table.size(); ++n) table[n] = 1.0 + std::log(static_cast<double>(n));
    return table;
  }();
  return count < kSmall.size() ? kSmall[count] : 1.0 + std::log(static_cast<double>(count));
}

}  // namespace

std::size_t shared_words(std::string_view headline, const std::vector<std::string_view>& paragraphs) {
  const Vocabulary vocabulary({headline}, false);
  std::vector<bool> seen(vocabulary.size());
  std::size_t shared = 0;
  for (std::string_view paragraph : paragraphs) {
    vocabulary.scan(paragraph, [&](std::size_t index) {
      if (!seen[index]) {
        seen[index] = true;
        ++shared;
      }
    });
  }
  return shared;
}

std::vector<std::optional<HeadlinePlacement>> place_headlines(const std::vector<std::string_view>& headlines,
                                                              const std::vector<UntitledArticle>& articles) {
  std::vector<std::optional<HeadlinePlacement>> placements(headlines.size());
  if (headlines.empty() || articles.empty()) return placements;
  const Vocabulary vocabulary(headlines, true);
  const std::size_t m = headlines.size();

  // Which words each paragraph holds and how often, and in how many paragraphs each
  // word occurs.
  struct Use {
    std::size_t word;
    std::size_t count;
  };
  // A paragraph's uses are uses[first_use, end_use): one vector for the page, not one
  // allocation per paragraph.
  struct Paragraph {
    std::size_t article;
    std::size_t index;
    std::size_t first_use;
    std::size_t end_use;
  };
  std::vector<Paragraph> paragraphs;
  std::vector<Use> uses;
  std::size_t paragraph_count = 0;
  for (const UntitledArticle& article : articles) paragraph_count += article.paragraphs.size();
  paragraphs.reserve(paragraph_count);
  std::vector<std::size_t> document_frequency(vocabulary.size());
  std::vector<std::size_t> last_seen(vocabulary.size(), std::numeric_limits<std::size_t>::max());
  std::vector<std::size_t> slot(vocabulary.size());
  for (std::size_t a = 0; a < articles.size(); ++a) {
    for (std::size_t p = 0; p < articles[a].paragraphs.size(); ++p) {
      const std::size_t id = paragraphs.size();
      const std::size_t first_use = uses.size();
      vocabulary.scan(articles[a].paragraphs[p], [&](std::size_t index) {
        if (last_seen[index] == id) {
          ++uses[slot[index]].count;
          return;
        }
        last_seen[index] = id;
        slot[index] = uses.size();
        ++document_frequency[index];
        uses.push_back({index, 1});
      });
      paragraphs.push_back({a, p, first_use, uses.size()});
    }
  }
  // Rare words weigh most (idf); repeats add less and less (1 + ln tf).
  const double count = static_cast<double>(paragraphs.size());
  std::vector<double> weight(vocabulary.size());
  for (std::size_t w = 0; w < weight.size(); ++w) {
    if (document_frequency[w] == 0) continue;
    weight[w] = std::log((count + 0.5) / static_cast<double>(document_frequency[w])) *
                (vocabulary.is_character_word(w) ? kCharacterWeight : 1.0);
  }
  // The headlines using word w are users[first_user[w], first_user[w + 1]): the uses
  // come word by word.
  std::vector<std::size_t> users, first_user(vocabulary.size() + 1, 0);
  vocabulary.for_each_use([&](std::size_t headline, std::size_t word) {
    users.push_back(headline);
    ++first_user[word + 1];
  });
  for (std::size_t w = 0; w < weight.size(); ++w) first_user[w + 1] += first_user[w];
  // A word two headlines share (坚守 in 坚守岗位保供水 and 坚守“医”线) cannot tell them apart.
  for (std::size_t w = 0; w < weight.size(); ++w) {
    if (first_user[w + 1] - first_user[w] > 1) weight[w] = 0.0;
  }

  // Items of the program: each paragraph of a splittable article, each other article whole.
  // margins[t * m + h] = how much better headline h fits item t than the best other
  // headline.
  struct Item {
    std::size_t article;
    std::size_t first_paragraph;
    bool article_start;
  };
  std::vector<Item> items;
  std::vector<double> margins;
  items.reserve(paragraphs.size());
  margins.reserve(paragraphs.size() * m);
  std::vector<double> affinity(m);
  for (std::size_t i = 0; i < paragraphs.size();) {
    const std::size_t a = paragraphs[i].article;
    const bool whole = !articles[a].splittable;
    items.push_back({a, paragraphs[i].index, paragraphs[i].index == 0});
    margins.resize(margins.size() + m, 0.0);
    double* const margin = margins.data() + margins.size() - m;
    std::size_t end = i + 1;
    if (whole) {
      while (end < paragraphs.size() && paragraphs[end].article == a) ++end;
    }
    for (std::size_t p = i; p < end; ++p) {
      std::fill(affinity.begin(), affinity.end(), 0.0);
      for (std::size_t u = paragraphs[p].first_use; u < paragraphs[p].end_use; ++u) {
        const Use& use = uses[u];
        const double evidence = weight[use.word] * repeat_weight(use.count);
        for (std::size_t k = first_user[use.word]; k < first_user[use.word + 1]; ++k) affinity[users[k]] += evidence;
      }
      // The best other headline is the best one, or for the best one the second best:
      // found in one pass, where comparing each headline with every other took m².
      std::size_t best = 0;
      double first = 0.0, second = 0.0;
      for (std::size_t h = 0; h < m; ++h) {
        if (affinity[h] > first) {
          second = first;
          first = affinity[h];
          best = h;
        } else if (affinity[h] > second) {
          second = affinity[h];
        }
      }
      for (std::size_t h = 0; h < m; ++h) margin[h] += affinity[h] - (h == best ? second : first);
    }
    i = end;
  }

  // States: 0 = no headline used yet; 1 + 2u = headline u used, current story untitled;
  // 2 + 2u = the current story carries headline u.
  const std::size_t states = 1 + 2 * m;
  constexpr double kImpossible = -std::numeric_limits<double>::infinity();
  auto last_used = [](std::size_t state) { return state == 0 ? std::size_t{0} : (state - 1) / 2 + 1; };  // u + 1
  auto labeled = [](std::size_t state) { return state != 0 && (state - 1) % 2 == 1; };
  std::vector<double> score(states, kImpossible), next(states);
  score[0] = 0.0;
  // back[t * states + to]: the state before item t on the best path to state `to`.
  std::vector<std::size_t> back(items.size() * states, 0);
  for (std::size_t t = 0; t < items.size(); ++t) {
    const Item& item = items[t];
    const double* const margin = margins.data() + t * m;
    std::fill(next.begin(), next.end(), kImpossible);
    for (std::size_t s = 0; s < states; ++s) {
      if (score[s] == kImpossible) continue;
      const std::size_t used = last_used(s);  // headlines 0..used-1 are behind us
      auto offer = [&](std::size_t to, double value) {
        if (value > next[to]) {
          next[to] = value;
          back[t * states + to] = s;
        }
      };
      if (item.article_start) {
        offer(used == 0 ? 0 : 2 * used - 1, score[s]);  // the article stays untitled
      } else {
        offer(s, score[s] + (labeled(s) ? margin[used - 1] : 0.0));  // the story goes on
      }
      const double cost = kPlacementCost + (item.article_start ? 0.0 : kSplitCost);
      for (std::size_t h = used; h < m; ++h) offer(2 + 2 * h, score[s] + margin[h] - cost);
    }
    score.swap(next);
  }

  std::size_t state = static_cast<std::size_t>(std::max_element(score.begin(), score.end()) - score.begin());
  for (std::size_t t = items.size(); t-- > 0;) {
    const std::size_t previous = back[t * states + state];
    if (labeled(state) && (items[t].article_start || last_used(previous) != last_used(state))) {
      placements[last_used(state) - 1] = HeadlinePlacement{items[t].article, items[t].first_paragraph};
    }
    state = previous;
  }
  return placements;
}

}  // namespace jianbao
