// to-tsv: the last filter of the pipeline. Reads the article stream and writes one row
// per article, as PostgreSQL COPY text with a header or as JSON Lines (SPEC "to-tsv");
// the logic is in lib/.
#include <optional>
#include <stdexcept>
#include <string>

#include "jianbao/article_table.hpp"
#include "jianbao/cli.hpp"

int main(int argc, char** argv) {
  jianbao::TableOptions options;
  bool no_header = false;
  std::optional<std::string> columns;
  jianbao::CommandLine command_line(
      "to-tsv",
      "Gather the article stream by SOURCE and ARTICLE into one row per article:\n"
      "source, page, article, section, title, byline, dateline, dates, chars, text.\n"
      "Writes TSV in PostgreSQL's COPY text format after a header line, or JSON\n"
      "Lines. TIMEX3 markup is taken out of the text; its DATE values fill dateline\n"
      "and dates. A line without TABs (plain text) becomes a row of its own.\n");
  command_line.add_flag(0, "no-header", "leave out the header line", no_header);
  command_line.add_option(0, "columns", "LIST", "write only these columns, in this order\n(comma-separated names)",
                          columns);
  command_line.add_flag(0, "keep-tags", "keep the TIMEX3 markup in the text", options.keep_tags);
  command_line.add_flag(0, "json", "write JSON Lines instead of TSV", options.json);
  command_line.set_option_help("strict",
                                "make invalid input bytes, or a line that is not an\n"
                                "article stream line, an error: skip the rest of the\n"
                                "FILE and exit 1 (instead of a warning)");
  command_line.set_option_help("line-buffered", "flush output after every row");
  if (auto status = jianbao::parse_command_line(command_line, argc, argv)) return *status;
  options.header = !no_header;
  if (columns) {
    try {
      options.columns = jianbao::parse_column_list(*columns);
    } catch (const std::invalid_argument& error) {
      jianbao::warn(command_line, std::string("--columns: ") + error.what());
      return jianbao::ExitUsage;
    }
  }

  // A stream line longer than the page cap would otherwise be cut in two, and its
  // second half, without TABs, taken for a plain-text row.
  jianbao::FilterIo io;
  io.reader.whole_lines = true;
  // Under --line-buffered (tail -f) lines reach the table as they come, not when
  // their page ends, so a page's rows go out as soon as the next page begins.
  io.reader.eager_lines = command_line.common().line_buffered;
  jianbao::TableWriter writer(options, command_line.common().strict,
                              [&](const std::string& message) { jianbao::warn(command_line, message); });
  return jianbao::run_filter(
      command_line,
      [&](const jianbao::Piece& piece, jianbao::OutputSink& sink) {
        writer.write(piece, sink.buffer());
        sink.commit();
      },
      io,
      [&](jianbao::OutputSink& sink) {
        writer.end_file(sink.buffer());
        sink.commit();
      });
}
