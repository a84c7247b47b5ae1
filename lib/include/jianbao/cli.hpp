// Command line and driver shared by every filter: the common options (SPEC "Common
// rules"), filter-specific options plugged in, and the loop that runs each FILE
// through the page reader into a per-piece callback, mapping errors to exit statuses.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "jianbao/exit_status.hpp"
#include "jianbao/output_sink.hpp"
#include "jianbao/page_reader.hpp"

namespace jianbao {

// The options every filter takes.
struct CommonOptions {
  std::string encoding;  // --encoding NAME; empty: UTF-8
  bool strict = false;   // --strict
  bool line_buffered = false;  // --line-buffered
};

// A bad command line; what() is the message without the program name.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class CommandLine {
 public:
  enum class Action { run, help, version };

  // `description` follows the usage line in --help: what the filter does.
  CommandLine(std::string program, std::string description);

  // Filter-specific options, listed in --help before the common ones. A short name of
  // 0 means long only. Help text may hold '\n' for continuation lines.
  void add_flag(char short_name, std::string long_name, std::string help, bool& target);
  void add_option(char short_name, std::string long_name, std::string argument_name, std::string help,
                  std::string& target);
  // The same, for an option whose empty value is no absence: nullopt when not given.
  void add_option(char short_name, std::string long_name, std::string argument_name, std::string help,
                  std::optional<std::string>& target);
  // Rewords the help of a common option (by long name) to say what it does in this
  // filter: what --strict refuses, what --line-buffered flushes after.
  void set_option_help(std::string_view long_name, std::string help);

  // Parses the arguments after argv[0]: GNU style (bundled short options, -eNAME,
  // --name=VALUE, unambiguous prefixes of long names, options after operands, "--").
  // Checks --encoding (an empty NAME too). Throws UsageError.
  Action parse(const std::vector<std::string>& arguments);

  std::string help_text() const;
  std::string version_text() const;  // "despace (jianbao) 0.1.0\n"
  const std::string& program() const { return program_; }
  const CommonOptions& common() const { return common_; }
  // The FILE operands; "-" alone when none were given.
  const std::vector<std::string>& files() const { return files_; }

 private:
  enum class Kind { flag, value, help, version };
  struct Option {
    char short_name;
    std::string long_name;
    std::string argument_name;
    std::string help;
    Kind kind;
    bool common;
    std::function<void(const std::string&)> set;
  };
  const Option& find_long(std::string_view name) const;
  const Option* find_short(char name) const;

  std::string program_;
  std::string description_;
  std::vector<Option> options_;
  CommonOptions common_;
  bool encoding_given_ = false;  // --encoding, even with an empty NAME
  std::vector<std::string> files_;
};

// Parses argv into `command_line`; prints --help / --version on stdout, or a usage
// error on stderr. Returns the exit status when the filter should not run.
std::optional<int> parse_command_line(CommandLine& command_line, int argc, char** argv);

// Where run_filter reads, writes and complains (tests point these elsewhere).
struct FilterIo {
  int output_fd = 1;
  std::ostream* messages = nullptr;  // null: std::cerr
  PageReaderOptions reader;
};

// Handles one piece of a page: appends output to sink.buffer(), then sink.commit().
using PieceHandler = std::function<void(const Piece& piece, OutputSink& sink)>;
// Called when a FILE ends, read to its end or not: for filters that gather across
// pages (to-tsv) to write out what they hold.
using FileEndHandler = std::function<void(OutputSink& sink)>;

// Bad data in a FILE that --strict makes an error: a handler throws it with a message
// naming the FILE; run_filter reports it, skips the rest of that FILE and exits 1.
class BadData : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Runs every FILE (stdin for "-") through the page reader and `handle`. Returns
// ExitSuccess, or ExitFailure when a FILE could not be read (the others are still
// processed), --strict found invalid input, or output could not be written. A closed
// output pipe ends the run quietly.
int run_filter(const CommandLine& command_line, const PieceHandler& handle, const FilterIo& io = {},
               const FileEndHandler& file_end = {});

// Writes "PROGRAM: message" on standard error: a warning from a piece handler.
void warn(const CommandLine& command_line, std::string_view message);

}  // namespace jianbao
