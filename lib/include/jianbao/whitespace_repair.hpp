// Whitespace repair (despace): the first stage of the pipeline. Removes the layout
// spaces PDF extraction leaves in Chinese text, rejoins visual lines into paragraphs,
// and keeps the spaces that carry meaning (Latin words, headline clauses, bylines).
#pragma once

#include <string>
#include <string_view>

namespace jianbao {

struct DespaceOptions {
  // Repair spaces inside lines but keep the input's line structure (minus blank lines).
  bool keep_lines = false;
};

// Repairs one page. `page` holds the page's lines separated by '\n', with no '\r' and
// no form feed; bytes that are not valid UTF-8 pass through unchanged. Appends the
// repaired lines to `out`, each ending in '\n'; blank lines are dropped. Only
// whitespace differs between `page` and what is appended. A page of kMaxPageBytes
// (line_shape.hpp, 4 GiB less a byte) or more throws std::length_error. Returns
// whether the repair reached its fixed point, as it always should: false means
// its rounds ran into their bound (a bug, which the fuzz target looks for).
bool despace_page(std::string_view page, const DespaceOptions& options, std::string& out);

}  // namespace jianbao
