// TIMEX3 markup as tag-dates writes it, read back: to-tsv takes the tags out of the
// text and collects the values, so that a table holds clean text and its dates.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jianbao {

struct TimexValue {
  std::string type;   // DATE or TIME
  std::string value;  // 2023-01-28, XXXX-01-28, 2023-01-08T23:48, T09:30
};

// Appends `text` to `out` without its <TIMEX3 ...> and </TIMEX3> tags (unless
// `keep_tags`), and the values of its tags to `values`, in order. Only well-formed
// tags are markup; anything else that looks like one is text and stays.
void read_timex_markup(std::string_view text, bool keep_tags, std::string& out, std::vector<TimexValue>& values);

}  // namespace jianbao
