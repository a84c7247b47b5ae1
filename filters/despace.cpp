// despace: the first filter of the pipeline. Repairs the whitespace PDF extraction
// leaves in Chinese newspaper text, page by page (SPEC "despace"); the logic is in lib/.
#include "jianbao/cli.hpp"
#include "jianbao/whitespace_repair.hpp"

int main(int argc, char** argv) {
  jianbao::DespaceOptions options;
  jianbao::CommandLine command_line(
      "despace",
      "Repair the whitespace that PDF extraction leaves in Chinese newspaper text:\n"
      "remove layout spaces, rejoin visual lines into paragraphs, keep the spaces\n"
      "that carry meaning. Writes UTF-8, one paragraph per line, with headlines,\n"
      "bylines and captions on lines of their own; a line holding only a form feed\n"
      "separates pages.\n");
  command_line.add_flag('k', "keep-lines", "repair spaces but keep the line structure", options.keep_lines);
  if (auto status = jianbao::parse_command_line(command_line, argc, argv)) return *status;

  // Under --line-buffered (tail -f) the lines read so far are repaired when the input
  // pauses, rather than when their page ends.
  jianbao::FilterIo io;
  io.reader.lines_at_pause = command_line.common().line_buffered;
  return jianbao::run_filter(
      command_line,
      [&](const jianbao::Piece& piece, jianbao::OutputSink& sink) {
        jianbao::despace_page(piece.text, options, sink.buffer());
        if (piece.form_feed) sink.buffer().append("\f\n");
        sink.commit();
      },
      io);
}
