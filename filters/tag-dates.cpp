// tag-dates: the third filter of the pipeline. Marks every date and time expression
// of Chinese news text with its calendar value, TimeML style (SPEC "tag-dates");
// the grammar and the resolution are in lib/.
#include <iostream>
#include <optional>
#include <string>

#include "jianbao/cli.hpp"
#include "jianbao/date_tagging.hpp"

int main(int argc, char** argv) {
  bool list = false;
  std::optional<std::string> reference_date;  // an empty one is invalid, not absent
  jianbao::CommandLine command_line(
      "tag-dates",
      "Mark each date and time expression of Chinese news text as\n"
      "<TIMEX3 type=\"DATE|TIME\" value=\"...\">...</TIMEX3>, with its calendar value.\n"
      "Reads any lines; tags the text after the last TAB (the whole line for plain text,\n"
      "the TEXT field of the article stream) and changes no other byte.\n");
  command_line.add_flag(0, "list", "print LINE<TAB>SURFACE<TAB>VALUE<TAB>TYPE rows instead", list);
  command_line.add_option('r', "ref-date", "DATE",
                          "the date the text was written, as YYYY-MM-DD, which\n"
                          "今年, 昨天 and 1月28日 count from (default: a date\n"
                          "in the file name)",
                          reference_date);
  if (auto status = jianbao::parse_command_line(command_line, argc, argv)) return *status;

  jianbao::DateTaggingOptions options;
  options.list = list;
  if (reference_date) {
    options.reference_date = jianbao::parse_iso_date(*reference_date);
    if (!options.reference_date) {
      std::cerr << "tag-dates: invalid --ref-date '" << *reference_date << "' (want YYYY-MM-DD)\n";
      return jianbao::ExitUsage;
    }
  }
  jianbao::FilterIo io;
  io.reader.eager_lines = command_line.common().line_buffered;
  // A line cut at the page cap could cut a date in two (1月28日 → 1月, 8日).
  io.reader.whole_lines = true;
  jianbao::DateTagger tagger(options);
  return jianbao::run_filter(
      command_line,
      [&](const jianbao::Piece& piece, jianbao::OutputSink& sink) {
        tagger.tag_piece(piece, sink.buffer());
        sink.commit();
      },
      io);
}
