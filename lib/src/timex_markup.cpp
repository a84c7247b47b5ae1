// TIMEX3 markup read back: an opening tag <TIMEX3 type="…" value="…"> (attributes in
// any order, others ignored) up to its </TIMEX3>, never nested.
#include "jianbao/timex_markup.hpp"

#include <optional>

namespace jianbao {
namespace {

constexpr std::string_view kOpen = "<TIMEX3";
constexpr std::string_view kClose = "</TIMEX3>";

// The attribute's value in a tag's attribute list: name="value".
std::optional<std::string_view> attribute(std::string_view attributes, std::string_view name) {
  for (std::size_t at = attributes.find(name); at != std::string_view::npos; at = attributes.find(name, at + 1)) {
    const bool starts_word = at == 0 || attributes[at - 1] == ' ';
    const std::size_t quote = at + name.size() + 1;
    if (!starts_word || quote >= attributes.size() || attributes[at + name.size()] != '=' || attributes[quote] != '"')
      continue;
    const std::size_t end = attributes.find('"', quote + 1);
    if (end == std::string_view::npos) return std::nullopt;
    return attributes.substr(quote + 1, end - quote - 1);
  }
  return std::nullopt;
}

}  // namespace

void read_timex_markup(std::string_view text, bool keep_tags, std::string& out, std::vector<TimexValue>& values) {
  std::size_t done = 0;
  for (std::size_t open = text.find(kOpen); open != std::string_view::npos; open = text.find(kOpen, open + 1)) {
    const std::size_t tag_end = text.find('>', open);
    if (tag_end == std::string_view::npos) break;
    const std::string_view attributes = text.substr(open + kOpen.size(), tag_end - open - kOpen.size());
    const std::size_t close = text.find(kClose, tag_end + 1);
    const auto type = attribute(attributes, "type");
    const auto value = attribute(attributes, "value");
    // A literal "<TIMEX3 " in the text is no tag: its attributes would run into the
    // next real tag.
    const bool well_formed = (attributes.empty() || attributes.front() == ' ') &&
                             attributes.find('<') == std::string_view::npos && type && value &&
                             close != std::string_view::npos &&
                             text.substr(tag_end + 1, close - tag_end - 1).find('<') == std::string_view::npos;
    if (!well_formed) continue;
    values.push_back({std::string(*type), std::string(*value)});
    if (keep_tags) continue;
    out.append(text.substr(done, open - done));
    out.append(text.substr(tag_end + 1, close - tag_end - 1));
    done = close + kClose.size();
    open = done - 1;
  }
  out.append(text.substr(done));
}

}  // namespace jianbao
