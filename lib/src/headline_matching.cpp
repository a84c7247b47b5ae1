// Matching displaced headlines to the articles they name, by the two-character words
// they share (idf-weighted over the page), with a dynamic program that keeps the
// headlines in page order and splits stories run together where the words change.
#include "jianbao/headline_matching.hpp"

#include <algorithm>
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
  template <typename Visit>
  void find(Word w, Visit& visit) const {
    const auto it = std::lower_bound(words_.begin(), words_.end(), w);
    if (it != words_.end() && *it == w) visit(static_cast<std::size_t>(it - words_.begin()));
  }

  bool characters_;
  std::vector<Entry> entries_;
  std::vector<Word> words_;
  std::bitset<0x10000> used_;  // BMP characters the words are made of
};

// Evidence needed to give an article a headline, and extra evidence to cut an article
// in two: each about two words found in one paragraph only (ln 31 ≈ 3.4 apiece).
constexpr double kPlacementCost = 3.0;
constexpr double kSplitCost = 3.0;
// A shared character says less than a shared word (医 against 医院).
constexpr double kCharacterWeight = 0.5;

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
  struct Paragraph {
    std::size_t article;
    std::size_t index;
    std::vector<Use> uses;
  };
  std::vector<Paragraph> paragraphs;
  std::vector<std::size_t> document_frequency(vocabulary.size());
  std::vector<std::size_t> last_seen(vocabulary.size(), std::numeric_limits<std::size_t>::max());
  std::vector<std::size_t> slot(vocabulary.size());
  for (std::size_t a = 0; a < articles.size(); ++a) {
    for (std::size_t p = 0; p < articles[a].paragraphs.size(); ++p) {
      Paragraph paragraph{a, p, {}};
      const std::size_t id = paragraphs.size();
      vocabulary.scan(articles[a].paragraphs[p], [&](std::size_t index) {
        if (last_seen[index] == id) {
          ++paragraph.uses[slot[index]].count;
          return;
        }
        last_seen[index] = id;
        slot[index] = paragraph.uses.size();
        ++document_frequency[index];
        paragraph.uses.push_back({index, 1});
      });
      paragraphs.push_back(std::move(paragraph));
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
  std::vector<std::vector<std::size_t>> users(vocabulary.size());  // headlines using each word
  vocabulary.for_each_use([&](std::size_t headline, std::size_t word) { users[word].push_back(headline); });
  // A word two headlines share (坚守 in 坚守岗位保供水 and 坚守“医”线) cannot tell them apart.
  for (std::size_t w = 0; w < weight.size(); ++w) {
    if (users[w].size() > 1) weight[w] = 0.0;
  }

  // Items of the program: each paragraph of a splittable article, each other article whole.
  // margin[h] = how much better headline h fits the item than the best other headline.
  struct Item {
    std::size_t article;
    std::size_t first_paragraph;
    bool article_start;
    std::vector<double> margin;
  };
  std::vector<Item> items;
  std::vector<double> affinity(m);
  for (std::size_t i = 0; i < paragraphs.size();) {
    const std::size_t a = paragraphs[i].article;
    const bool whole = !articles[a].splittable;
    Item item{a, paragraphs[i].index, paragraphs[i].index == 0, std::vector<double>(m, 0.0)};
    std::size_t end = i + 1;
    if (whole) {
      while (end < paragraphs.size() && paragraphs[end].article == a) ++end;
    }
    for (std::size_t p = i; p < end; ++p) {
      std::fill(affinity.begin(), affinity.end(), 0.0);
      for (const Use& use : paragraphs[p].uses) {
        const double evidence = weight[use.word] * (1.0 + std::log(static_cast<double>(use.count)));
        for (std::size_t h : users[use.word]) affinity[h] += evidence;
      }
      for (std::size_t h = 0; h < m; ++h) {
        double best_other = 0.0;
        for (std::size_t o = 0; o < m; ++o) {
          if (o != h) best_other = std::max(best_other, affinity[o]);
        }
        item.margin[h] += affinity[h] - best_other;
      }
    }
    items.push_back(std::move(item));
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
  std::vector<std::vector<std::size_t>> back(items.size(), std::vector<std::size_t>(states, 0));
  for (std::size_t t = 0; t < items.size(); ++t) {
    const Item& item = items[t];
    std::fill(next.begin(), next.end(), kImpossible);
    for (std::size_t s = 0; s < states; ++s) {
      if (score[s] == kImpossible) continue;
      const std::size_t used = last_used(s);  // headlines 0..used-1 are behind us
      auto offer = [&](std::size_t to, double value) {
        if (value > next[to]) {
          next[to] = value;
          back[t][to] = s;
        }
      };
      if (item.article_start) {
        offer(used == 0 ? 0 : 2 * used - 1, score[s]);  // the article stays untitled
      } else {
        offer(s, score[s] + (labeled(s) ? item.margin[used - 1] : 0.0));  // the story goes on
      }
      const double cost = kPlacementCost + (item.article_start ? 0.0 : kSplitCost);
      for (std::size_t h = used; h < m; ++h) offer(2 + 2 * h, score[s] + item.margin[h] - cost);
    }
    score.swap(next);
  }

  std::size_t state = static_cast<std::size_t>(std::max_element(score.begin(), score.end()) - score.begin());
  for (std::size_t t = items.size(); t-- > 0;) {
    const std::size_t previous = back[t][state];
    if (labeled(state) && (items[t].article_start || last_used(previous) != last_used(state))) {
      placements[last_used(state) - 1] = HeadlinePlacement{items[t].article, items[t].first_paragraph};
    }
    state = previous;
  }
  return placements;
}

}  // namespace jianbao
