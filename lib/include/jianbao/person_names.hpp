// Chinese personal names, as they sign articles: （安豪）, （王勇、兰杰）, 张倩倩.
// split-articles uses them to tell an author's signature from a short headline.
#pragma once

#include <string_view>

namespace jianbao {

// True when `name` (UTF-8, no spaces) reads as one personal name: two to four Han
// characters opening with a common surname, single (王) or compound (欧阳).
bool looks_like_person_name(std::string_view name);

// True when `names` is one or more personal names separated by 、，, or spaces:
// 王勇、兰杰, 冀美丽 郭倩楠.
bool looks_like_name_list(std::string_view names);

}  // namespace jianbao
