// Command line and driver shared by every filter; see the header. Parsing is our own
// (not getopt_long) so that it is reentrant, testable and its messages never depend
// on the locale.
#include "jianbao/cli.hpp"

#include <csignal>
#include <iostream>
#include <ostream>
#include <utility>

#include "jianbao/input_source.hpp"
#include "jianbao/version.hpp"

namespace jianbao {

namespace {

constexpr std::size_t kHelpColumn = 25;

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

}  // namespace

CommandLine::CommandLine(std::string program, std::string description)
    : program_(std::move(program)), description_(std::move(description)) {
  auto set_true = [](bool& target) { return [&target](const std::string&) { target = true; }; };
  options_.push_back({'e', "encoding", "NAME",
                      "read input in charset NAME (an ICU converter name such\n"
                      "as GB18030, GBK, Big5, UTF-16LE); output is UTF-8",
                      Kind::value, true, [this](const std::string& value) {
                        common_.encoding = value;
                        encoding_given_ = true;
                      }});
  options_.push_back({'s', "strict", "",
                      "make invalid input bytes an error (exit 1) instead\n"
                      "of passing them through with a warning",
                      Kind::flag, true, set_true(common_.strict)});
  options_.push_back({'l', "line-buffered", "", "flush output after every line", Kind::flag, true,
                      set_true(common_.line_buffered)});
  options_.push_back({'h', "help", "", "display this help and exit", Kind::help, true, nullptr});
  options_.push_back({'V', "version", "", "output version information and exit", Kind::version, true, nullptr});
}

void CommandLine::add_flag(char short_name, std::string long_name, std::string help, bool& target) {
  options_.push_back({short_name, std::move(long_name), "", std::move(help), Kind::flag, false,
                      [&target](const std::string&) { target = true; }});
}

void CommandLine::add_option(char short_name, std::string long_name, std::string argument_name, std::string help,
                             std::string& target) {
  options_.push_back({short_name, std::move(long_name), std::move(argument_name), std::move(help), Kind::value,
                      false, [&target](const std::string& value) { target = value; }});
}

void CommandLine::add_option(char short_name, std::string long_name, std::string argument_name, std::string help,
                             std::optional<std::string>& target) {
  options_.push_back({short_name, std::move(long_name), std::move(argument_name), std::move(help), Kind::value,
                      false, [&target](const std::string& value) { target = value; }});
}

void CommandLine::set_option_help(std::string_view long_name, std::string help) {
  for (Option& option : options_) {
    if (option.long_name == long_name) option.help = std::move(help);
  }
}

const CommandLine::Option& CommandLine::find_long(std::string_view name) const {
  const Option* match = nullptr;
  int matches = 0;
  std::string candidates;
  for (const Option& option : options_) {
    if (option.long_name == name) return option;
    if (!name.empty() && option.long_name.starts_with(name)) {
      match = &option;
      ++matches;
      candidates += " '--" + option.long_name + "'";
    }
  }
  const std::string given = quoted("--" + std::string(name));
  if (matches == 1) return *match;
  if (matches > 1) throw UsageError("option " + given + " is ambiguous; possibilities:" + candidates);
  throw UsageError("unrecognized option " + given);
}

const CommandLine::Option* CommandLine::find_short(char name) const {
  for (const Option& option : options_) {
    if (option.short_name != 0 && option.short_name == name) return &option;
  }
  return nullptr;
}

CommandLine::Action CommandLine::parse(const std::vector<std::string>& arguments) {
  files_.clear();
  bool operands_only = false;
  // Applies one option; help and version end the parse at once, as in GNU tools.
  auto apply = [](const Option& option, const std::string& value) -> std::optional<Action> {
    switch (option.kind) {
      case Kind::help:
        return Action::help;
      case Kind::version:
        return Action::version;
      case Kind::flag:
      case Kind::value:
        option.set(value);
        return std::nullopt;
    }
    return std::nullopt;
  };
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string& argument = arguments[i];
    if (operands_only || argument.size() < 2 || argument[0] != '-') {
      files_.push_back(argument);
      continue;
    }
    if (argument == "--") {
      operands_only = true;
      continue;
    }
    if (argument.starts_with("--")) {
      const std::size_t equals = argument.find('=');
      const std::string name = argument.substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
      const Option& option = find_long(name);
      std::string value;
      if (option.kind == Kind::value) {
        if (equals != std::string::npos) {
          value = argument.substr(equals + 1);
        } else if (i + 1 < arguments.size()) {
          value = arguments[++i];
        } else {
          throw UsageError("option " + quoted("--" + option.long_name) + " requires an argument");
        }
      } else if (equals != std::string::npos) {
        throw UsageError("option " + quoted("--" + option.long_name) + " doesn't allow an argument");
      }
      if (auto action = apply(option, value)) return *action;
      continue;
    }
    // A cluster of short options: -ks, -eGB18030, -e GB18030.
    for (std::size_t j = 1; j < argument.size(); ++j) {
      const Option* option = find_short(argument[j]);
      if (option == nullptr) throw UsageError("invalid option -- " + quoted(std::string(1, argument[j])));
      std::string value;
      if (option->kind == Kind::value) {
        if (j + 1 < argument.size()) {
          value = argument.substr(j + 1);
        } else if (i + 1 < arguments.size()) {
          value = arguments[++i];
        } else {
          throw UsageError("option requires an argument -- " + quoted(std::string(1, argument[j])));
        }
        j = argument.size();
      }
      if (auto action = apply(*option, value)) return *action;
    }
  }
  if (files_.empty()) files_.push_back("-");
  if (encoding_given_) {
    try {
      check_encoding(common_.encoding);
    } catch (const UnknownEncoding& error) {
      throw UsageError(error.what());
    }
  }
  return Action::run;
}

std::string CommandLine::help_text() const {
  std::string text = "Usage: " + program_ + " [OPTION]... [FILE]...\n" + description_;
  if (!text.ends_with('\n')) text += '\n';
  text += '\n';
  auto list = [&](bool common) {
    for (const Option& option : options_) {
      if (option.common != common) continue;
      std::string left = "  ";
      left += option.short_name != 0 ? std::string("-") + option.short_name + ", " : std::string("    ");
      left += "--" + option.long_name;
      if (!option.argument_name.empty()) left += "=" + option.argument_name;
      left.append(left.size() + 2 <= kHelpColumn ? kHelpColumn - left.size() : 2, ' ');
      std::string help = option.help;
      for (std::size_t at = help.find('\n'); at != std::string::npos; at = help.find('\n', at + 1)) {
        help.insert(at + 1, std::string(kHelpColumn, ' '));
      }
      text += left + help + "\n";
    }
  };
  list(false);
  list(true);
  text +=
      "\n"
      "With no FILE, or when FILE is -, read standard input. Input ending in .gz or\n"
      ".zst (or starting with their magic bytes) is decompressed.\n"
      "\n"
      "Exit status: 0 on success; 1 if a FILE could not be read, --strict found\n"
      "invalid input, or output could not be written; 2 on a usage error.\n";
  return text;
}

std::string CommandLine::version_text() const { return program_ + " (jianbao) " JIANBAO_VERSION "\n"; }

std::optional<int> parse_command_line(CommandLine& command_line, int argc, char** argv) {
  std::vector<std::string> arguments(argv + (argc > 0 ? 1 : 0), argv + argc);
  CommandLine::Action action;
  try {
    action = command_line.parse(arguments);
  } catch (const UsageError& error) {
    std::cerr << command_line.program() << ": " << error.what() << " (try '" << command_line.program()
              << " --help')\n";
    return ExitUsage;
  }
  if (action == CommandLine::Action::run) return std::nullopt;
  // Through the filters' own output, so that a write error is reported as theirs is.
  OutputSink standard_output;
  standard_output.buffer() =
      action == CommandLine::Action::help ? command_line.help_text() : command_line.version_text();
  try {
    standard_output.flush();
  } catch (const OutputClosed&) {
    // The reader has gone (| head): nothing to say.
  } catch (const OutputError& error) {
    std::cerr << command_line.program() << ": " << error.what() << "\n";
    return ExitFailure;
  }
  return ExitSuccess;
}

namespace {

constexpr std::size_t kLargePiece = std::size_t{256} << 10;

// One run over the FILE operands: messages, the --strict policy and the status.
class FilterRun {
 public:
  FilterRun(const CommandLine& command_line, const PieceHandler& handle, const FilterIo& io,
            const FileEndHandler& file_end)
      : command_line_(command_line),
        handle_(handle),
        file_end_(file_end),
        io_(io),
        messages_(io.messages != nullptr ? *io.messages : std::cerr),
        sink_(io.output_fd, command_line.common().line_buffered) {
    // Room for a capped page's output without regrowing; untouched, it costs nothing.
    sink_.buffer().reserve(io.reader.page_cap + (std::size_t{1} << 20));
  }

  int run() {
    int status = ExitSuccess;
    try {
      for (const std::string& file : command_line_.files()) {
        if (!run_file(file)) status = ExitFailure;
      }
      sink_.flush();
    } catch (const OutputClosed&) {
      // The reader has gone (| head): nothing more to do, nothing to say.
    } catch (const OutputError& error) {
      say(error.what());
      status = ExitFailure;
    }
    return status;
  }

 private:
  void say(const std::string& message) {
    const std::string line = command_line_.program() + ": " + message + "\n";
    messages_.write(line.data(), static_cast<std::streamsize>(line.size()));
    messages_.flush();
  }

  // False when the FILE could not be read to its end or --strict refused it.
  bool run_file(const std::string& file) {
    const bool ok = read_file(file);
    if (file_end_) file_end_(sink_);
    return ok;
  }

  bool read_file(const std::string& file) {
    const CommonOptions& common = command_line_.common();
    try {
      std::unique_ptr<InputSource> source = open_input(file, InputOptions{common.encoding});
      PageReader reader(*source, io_.reader);
      Piece piece;
      bool reported_conversion = false;
      bool first_piece = true;
      while (reader.next(piece)) {
        piece.source = file;
        piece.source_start = std::exchange(first_piece, false);
        if (piece.first_invalid_utf8) {
          const std::string where = file + ": invalid UTF-8 at byte " + std::to_string(*piece.first_invalid_utf8);
          if (common.strict) {
            say(where);
            return false;
          }
          say(where + " (passed through)");
        }
        if (!check_conversion(*source, reported_conversion)) return false;
        // Empty the sink before a large piece so it holds one piece's output, not two.
        if (piece.text.size() >= kLargePiece) sink_.flush();
        handle_(piece, sink_);
      }
      return check_conversion(*source, reported_conversion);
    } catch (const InputError& error) {
      say(error.what());
      return false;
    } catch (const BadData& error) {
      say(error.what());
      return false;
    }
  }

  // Reports what --encoding could not convert, once per FILE; false under --strict.
  // The converter reads ahead of the pieces, so --strict may stop a page early.
  bool check_conversion(const InputSource& source, bool& reported) {
    const ConversionReport report = source.conversion_report();
    if (reported || report.bad_sequences == 0) return true;
    reported = true;
    const std::string where = source.name() + ": invalid " + command_line_.common().encoding + " input at byte " +
                              std::to_string(report.first_offset.value_or(0));
    if (command_line_.common().strict) {
      say(where);
      return false;
    }
    say(where + " (replaced by U+FFFD)");
    return true;
  }

  const CommandLine& command_line_;
  const PieceHandler& handle_;
  const FileEndHandler& file_end_;
  const FilterIo& io_;
  std::ostream& messages_;
  OutputSink sink_;
};

}  // namespace

int run_filter(const CommandLine& command_line, const PieceHandler& handle, const FilterIo& io,
               const FileEndHandler& file_end) {
  // A closed pipe then shows up as EPIPE, which ends the run quietly, instead of a signal.
  std::signal(SIGPIPE, SIG_IGN);
  return FilterRun(command_line, handle, io, file_end).run();
}

void warn(const CommandLine& command_line, std::string_view message) {
  std::string line = command_line.program();
  line.append(": ").append(message).push_back('\n');
  std::cerr << line << std::flush;
}

}  // namespace jianbao
