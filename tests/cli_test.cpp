// Tests for the shared command line (GNU-style parsing of the common and
// filter-specific options) and the driver that runs FILEs into a piece handler.
#include "jianbao/cli.hpp"
#include "jianbao/version.hpp"

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace jianbao {
namespace {

namespace fs = std::filesystem;

// A filter's command line as despace builds it, plus one value option.
struct TestCommandLine {
  bool keep_lines = false;
  std::string mode;
  CommandLine command_line{"demo", "Demonstrates the shared command line.\n"};
  TestCommandLine() {
    command_line.add_flag('k', "keep-lines", "keep the line structure", keep_lines);
    command_line.add_option('m', "mode", "MODE", "choose a mode", mode);
  }
  CommandLine::Action parse(std::vector<std::string> arguments) { return command_line.parse(arguments); }
};

std::string usage_error(std::vector<std::string> arguments) {
  TestCommandLine cli;
  try {
    cli.parse(std::move(arguments));
  } catch (const UsageError& error) {
    return error.what();
  }
  return "(no error)";
}

TEST(CommandLine, DefaultsReadStdin) {
  TestCommandLine cli;
  EXPECT_EQ(cli.parse({}), CommandLine::Action::run);
  EXPECT_THAT(cli.command_line.files(), testing::ElementsAre("-"));
  EXPECT_EQ(cli.command_line.common().encoding, "");
  EXPECT_FALSE(cli.command_line.common().strict);
  EXPECT_FALSE(cli.command_line.common().line_buffered);
  EXPECT_FALSE(cli.keep_lines);
}

TEST(CommandLine, LongAndShortFlags) {
  TestCommandLine cli;
  cli.parse({"--strict", "-l", "--keep-lines", "a.txt"});
  EXPECT_TRUE(cli.command_line.common().strict);
  EXPECT_TRUE(cli.command_line.common().line_buffered);
  EXPECT_TRUE(cli.keep_lines);
  EXPECT_THAT(cli.command_line.files(), testing::ElementsAre("a.txt"));
}

TEST(CommandLine, BundledShortFlags) {
  TestCommandLine cli;
  cli.parse({"-ksl"});
  EXPECT_TRUE(cli.keep_lines);
  EXPECT_TRUE(cli.command_line.common().strict);
  EXPECT_TRUE(cli.command_line.common().line_buffered);
}

TEST(CommandLine, OptionArgumentsInEveryForm) {
  for (std::vector<std::string> arguments : std::vector<std::vector<std::string>>{
           {"--encoding", "GB18030"}, {"--encoding=GB18030"}, {"-e", "GB18030"}, {"-eGB18030"},
           {"-ke", "GB18030"}, {"--enc=GB18030"}}) {
    TestCommandLine cli;
    cli.parse(arguments);
    EXPECT_EQ(cli.command_line.common().encoding, "GB18030") << testing::PrintToString(arguments);
  }
  TestCommandLine cli;
  cli.parse({"--mode=", "x"});
  EXPECT_EQ(cli.mode, "");
}

TEST(CommandLine, OperandsAnywhereDashAndDoubleDash) {
  TestCommandLine cli;
  cli.parse({"a.txt", "-k", "-", "--", "-s", "--weird"});
  EXPECT_TRUE(cli.keep_lines);
  EXPECT_FALSE(cli.command_line.common().strict);
  EXPECT_THAT(cli.command_line.files(), testing::ElementsAre("a.txt", "-", "-s", "--weird"));
}

TEST(CommandLine, UnambiguousPrefixes) {
  TestCommandLine cli;
  cli.parse({"--str", "--line", "--k"});
  EXPECT_TRUE(cli.command_line.common().strict);
  EXPECT_TRUE(cli.command_line.common().line_buffered);
  EXPECT_TRUE(cli.keep_lines);
}

TEST(CommandLine, UsageErrors) {
  EXPECT_EQ(usage_error({"--frobnicate"}), "unrecognized option '--frobnicate'");
  EXPECT_EQ(usage_error({"-x"}), "invalid option -- 'x'");
  EXPECT_EQ(usage_error({"-kx"}), "invalid option -- 'x'");
  EXPECT_EQ(usage_error({"--encoding"}), "option '--encoding' requires an argument");
  EXPECT_EQ(usage_error({"-e"}), "option requires an argument -- 'e'");
  EXPECT_EQ(usage_error({"--strict=yes"}), "option '--strict' doesn't allow an argument");
  EXPECT_EQ(usage_error({"--encoding", "NO-SUCH-CHARSET"}), "unknown encoding 'NO-SUCH-CHARSET'");
  EXPECT_EQ(usage_error({"--encoding", ""}), "unknown encoding ''");
  EXPECT_EQ(usage_error({"--encoding="}), "unknown encoding ''");
  EXPECT_EQ(usage_error({"-e", ""}), "unknown encoding ''");
  EXPECT_EQ(usage_error({"--="}), "unrecognized option '--'");
}

// An option whose value may be empty tells an empty value from no option at all.
TEST(CommandLine, OptionalValueTellsEmptyFromAbsent) {
  std::optional<std::string> columns;
  CommandLine command_line("demo", "x");
  command_line.add_option(0, "columns", "LIST", "choose columns", columns);
  command_line.parse({"file"});
  EXPECT_FALSE(columns);
  command_line.parse({"--columns="});
  EXPECT_EQ(columns, "");
  command_line.parse({"--columns", "title"});
  EXPECT_EQ(columns, "title");
}

// A filter says what a common option does in it (to-tsv's --strict refuses more).
TEST(CommandLine, ACommonOptionsHelpCanBeReworded) {
  TestCommandLine cli;
  cli.command_line.set_option_help("line-buffered", "flush output after every page");
  const std::string help = cli.command_line.help_text();
  EXPECT_NE(help.find("  -l, --line-buffered    flush output after every page\n"), std::string::npos) << help;
  EXPECT_EQ(help.find("after every line"), std::string::npos) << help;
}

TEST(CommandLine, AmbiguousPrefix) {
  bool alpha = false, alps = false;
  CommandLine command_line("demo", "x");
  command_line.add_flag(0, "alpha", "a", alpha);
  command_line.add_flag(0, "alps", "b", alps);
  try {
    command_line.parse({"--al"});
    FAIL() << "no error";
  } catch (const UsageError& error) {
    EXPECT_EQ(std::string(error.what()), "option '--al' is ambiguous; possibilities: '--alpha' '--alps'");
  }
  command_line.parse({"--alps"});  // exact, though also a prefix of nothing else
  EXPECT_TRUE(alps);
  EXPECT_FALSE(alpha);
  command_line.parse({"--alph"});
  EXPECT_TRUE(alpha);
}

TEST(CommandLine, HelpAndVersionWinAsSoonAsSeen) {
  TestCommandLine cli;
  EXPECT_EQ(cli.parse({"-k", "--help", "--no-such-option"}), CommandLine::Action::help);
  EXPECT_EQ(cli.parse({"-h"}), CommandLine::Action::help);
  EXPECT_EQ(cli.parse({"--version"}), CommandLine::Action::version);
  EXPECT_EQ(cli.parse({"-V"}), CommandLine::Action::version);
  EXPECT_EQ(cli.command_line.version_text(), "demo (jianbao) " JIANBAO_VERSION "\n");
}

TEST(CommandLine, HelpListsEveryOption) {
  TestCommandLine cli;
  const std::string help = cli.command_line.help_text();
  EXPECT_TRUE(help.starts_with("Usage: demo [OPTION]... [FILE]...\nDemonstrates the shared command line.\n"));
  for (const char* option : {"-k, --keep-lines", "-m, --mode=MODE", "-e, --encoding=NAME", "-s, --strict",
                             "-l, --line-buffered", "-h, --help", "-V, --version"}) {
    EXPECT_NE(help.find(option), std::string::npos) << option;
  }
  // Filter options come before the common ones; continuation lines are indented.
  EXPECT_LT(help.find("--keep-lines"), help.find("--encoding"));
  EXPECT_NE(help.find("\n                         as GB18030"), std::string::npos);
  for (std::size_t start = 0, end; (end = help.find('\n', start)) != std::string::npos; start = end + 1) {
    EXPECT_LE(end - start, 80u) << help.substr(start, end - start);
  }
}

// Runs the driver in-process over files, capturing output and messages.
class Driver : public testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "jianbao-cli-XXXXXX").string();
    dir_ = ::mkdtemp(pattern.data());
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string file(const std::string& name, const std::string& data) {
    std::ofstream(dir_ / name, std::ios::binary) << data;
    return (dir_ / name).string();
  }

  // Runs with a handler that echoes each piece in brackets and marks form feeds.
  int run(std::vector<std::string> arguments, int output_fd = -1) {
    CommandLine command_line("demo", "x");
    if (command_line.parse(arguments) != CommandLine::Action::run) return -1;
    const std::string out_path = (dir_ / "out").string();
    int fd = output_fd >= 0 ? output_fd : ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    messages_.str("");
    FilterIo io;
    io.output_fd = fd;
    io.messages = &messages_;
    int status = run_filter(
        command_line,
        [](const Piece& piece, OutputSink& sink) {
          sink.buffer() += "[" + std::string(piece.text) + "]";
          if (piece.form_feed) sink.buffer() += "<ff>";
          sink.commit();
        },
        io);
    if (output_fd < 0) {
      ::close(fd);
      std::ifstream in(out_path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      output_ = text.str();
    }
    return status;
  }

  fs::path dir_;
  std::ostringstream messages_;
  std::string output_;
};

TEST_F(Driver, RunsEveryFileInOrder) {
  const std::string a = file("a.txt", "甲\n\f乙\n"), b = file("b.txt", "丙\r\n");
  EXPECT_EQ(run({a, b}), ExitSuccess);
  EXPECT_EQ(output_, "[甲\n]<ff>[乙\n][丙\n]");
  EXPECT_EQ(messages_.str(), "");
}

TEST_F(Driver, PiecesNameTheirSourceAndMarkItsStart) {
  const std::string a = file("a.txt", "甲\f乙\f丙"), b = file("b.txt", "丁");
  CommandLine command_line("demo", "x");
  command_line.parse({a, b});
  std::vector<std::string> seen;
  FilterIo io;
  io.output_fd = ::open("/dev/null", O_WRONLY);
  io.messages = &messages_;
  run_filter(
      command_line,
      [&](const Piece& piece, OutputSink&) {
        seen.push_back(fs::path(piece.source).filename().string() + ":" + std::to_string(piece.page_number) +
                       (piece.source_start ? "*" : ""));
      },
      io);
  ::close(io.output_fd);
  EXPECT_THAT(seen, testing::ElementsAre("a.txt:1*", "a.txt:2", "a.txt:3", "b.txt:1*"));
}

TEST_F(Driver, MissingFileIsReportedAndTheOthersStillRun) {
  const std::string a = file("a.txt", "甲\n"), missing = (dir_ / "missing.txt").string();
  EXPECT_EQ(run({a, missing, a}), ExitFailure);
  EXPECT_EQ(output_, "[甲\n][甲\n]");
  EXPECT_EQ(messages_.str(), "demo: " + missing + ": No such file or directory\n");
}

TEST_F(Driver, DirectoryIsReported) {
  EXPECT_EQ(run({dir_.string()}), ExitFailure);
  EXPECT_EQ(messages_.str(), "demo: " + dir_.string() + ": Is a directory\n");
}

TEST_F(Driver, InvalidUtf8PassesThroughWithOneWarningPerFile) {
  const std::string bad = file("bad.txt", "a\xFF\n\fb\x80\n");
  EXPECT_EQ(run({bad, bad}), ExitSuccess);
  EXPECT_EQ(output_, "[a\xFF\n]<ff>[b\x80\n][a\xFF\n]<ff>[b\x80\n]");
  const std::string warning = "demo: " + bad + ": invalid UTF-8 at byte 1 (passed through)\n";
  EXPECT_EQ(messages_.str(), warning + warning);
}

TEST_F(Driver, StrictStopsTheFileAtItsFirstInvalidPage) {
  const std::string bad = file("bad.txt", "good\n\fa\xFF\n\fmore\n"), good = file("good.txt", "ok\n");
  EXPECT_EQ(run({"--strict", bad, good}), ExitFailure);
  EXPECT_EQ(output_, "[good\n]<ff>[ok\n]");
  EXPECT_EQ(messages_.str(), "demo: " + bad + ": invalid UTF-8 at byte 7\n");
}

TEST_F(Driver, EncodingErrorsAreReported) {
  const std::string gb = file("gb.txt", "\xD6\xD0\xFF\n");
  EXPECT_EQ(run({"--encoding", "GB18030", gb}), ExitSuccess);
  EXPECT_EQ(output_, "[中\xEF\xBF\xBD\n]");
  EXPECT_EQ(messages_.str(), "demo: " + gb + ": invalid GB18030 input at byte 2 (replaced by U+FFFD)\n");
  EXPECT_EQ(run({"--strict", "--encoding", "GB18030", gb}), ExitFailure);
  EXPECT_EQ(output_, "");
}

TEST_F(Driver, CompressedFilesAreDecompressed) {
  // gzip of "甲\n" (made with `printf '甲\n' | gzip -n`).
  const std::string gz = file("a.txt.gz", std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x7b\x3e\x65\x13\x17"
                                                     "\x00\x95\x93\xd0\xa6\x04\x00\x00\x00", 24));
  EXPECT_EQ(run({gz}), ExitSuccess);
  EXPECT_EQ(output_, "[甲\n]");
  EXPECT_EQ(messages_.str(), "");
}

TEST_F(Driver, FullDeviceIsAWriteError) {
  int fd = ::open("/dev/full", O_WRONLY);
  if (fd < 0) GTEST_SKIP() << "no /dev/full";
  const std::string a = file("a.txt", "甲\n");
  EXPECT_EQ(run({a}, fd), ExitFailure);
  EXPECT_EQ(messages_.str(), "demo: write error: No space left on device\n");
  ::close(fd);
}

TEST_F(Driver, ClosedPipeEndsQuietly) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ::close(fds[0]);
  const std::string a = file("a.txt", "甲\n");
  EXPECT_EQ(run({"--line-buffered", a, a}, fds[1]), ExitSuccess);
  EXPECT_EQ(messages_.str(), "");
  ::close(fds[1]);
}

}  // namespace
}  // namespace jianbao
