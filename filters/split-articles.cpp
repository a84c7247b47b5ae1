// split-articles: the second filter of the pipeline. Reads despace's output and writes
// the article stream, SOURCE PAGE ARTICLE ROLE TEXT per paragraph (SPEC
// "split-articles"); the logic is in lib/.
#include <iostream>
#include <optional>
#include <string>

#include "jianbao/article_stream.hpp"
#include "jianbao/cli.hpp"

int main(int argc, char** argv) {
  std::optional<std::string> source;  // an empty NAME is refused, not taken for none
  jianbao::CommandLine command_line(
      "split-articles",
      "Split pages of despace's output into articles. Writes the article stream:\n"
      "one paragraph per line as SOURCE, PAGE, ARTICLE, ROLE and TEXT separated by\n"
      "TABs. ROLE is section, title, subtitle, byline, body, caption, signature or\n"
      "fragment; ARTICLE numbers the articles of each FILE from 1, or of all FILEs\n"
      "on under --source.\n");
  command_line.add_option(0, "source", "NAME",
                          "write NAME as SOURCE instead of the FILE's name; the\n"
                          "FILEs are then one source, numbered on across them",
                          source);
  command_line.set_option_help("line-buffered", "flush output after every page");
  if (auto status = jianbao::parse_command_line(command_line, argc, argv)) return *status;
  if (source && source->empty()) {
    std::cerr << "split-articles: --source needs a NAME (an empty SOURCE field would join every source)\n";
    return jianbao::ExitUsage;
  }

  // A paragraph is a line: one longer than the page cap must not become two.
  jianbao::FilterIo io;
  io.reader.whole_lines = true;
  jianbao::ArticleStreamWriter writer(source.value_or(""));
  return jianbao::run_filter(
      command_line,
      [&](const jianbao::Piece& piece, jianbao::OutputSink& sink) {
        writer.write(piece, sink.buffer());
        sink.commit();
      },
      io);
}
