// Tests for the output sink: block and line buffering, blocks sized to a pipe,
// partial writes and EINTR, a closed pipe (quiet) versus a failed write (an error
// with a message).
#include "jianbao/output_sink.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <string>
#include <vector>

namespace jianbao {
namespace {

// A pipe whose read end the test drains.
class Pipe {
 public:
  Pipe() {
    EXPECT_EQ(::pipe(fds_), 0);
    ::fcntl(fds_[0], F_SETFL, O_NONBLOCK);
  }
  ~Pipe() {
    close_read();
    if (fds_[1] >= 0) ::close(fds_[1]);
  }
  int write_fd() const { return fds_[1]; }
  void close_read() {
    if (fds_[0] >= 0) ::close(fds_[0]);
    fds_[0] = -1;
  }
  std::string drain() {
    std::string text;
    char buffer[4096];
    ssize_t n;
    while ((n = ::read(fds_[0], buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(n));
    return text;
  }

 private:
  int fds_[2] = {-1, -1};
};

TEST(OutputSink, HoldsOutputUntilABlockFills) {
  Pipe pipe;
  OutputSink sink(pipe.write_fd(), /*line_buffered=*/false, /*block_size=*/16);
  sink.buffer() += "一二\n";
  sink.commit();
  EXPECT_EQ(pipe.drain(), "");
  sink.buffer() += "0123456789\n";
  sink.commit();
  EXPECT_EQ(pipe.drain(), "一二\n0123456789\n");
  sink.buffer() += "tail";
  sink.commit();
  EXPECT_EQ(pipe.drain(), "");
  sink.flush();
  EXPECT_EQ(pipe.drain(), "tail");
}

TEST(OutputSink, LineBufferedWritesEveryCommit) {
  Pipe pipe;
  OutputSink sink(pipe.write_fd(), /*line_buffered=*/true);
  EXPECT_TRUE(sink.line_buffered());
  sink.buffer() += "第一行\n";
  sink.commit();
  EXPECT_EQ(pipe.drain(), "第一行\n");
  sink.buffer() += "第二行\n";
  sink.commit();
  EXPECT_EQ(pipe.drain(), "第二行\n");
}

TEST(OutputSink, FlushOfNothingWritesNothing) {
  static int calls;
  calls = 0;
  OutputSink sink(1, false, 16, [](int, const void*, std::size_t size) -> ssize_t {
    ++calls;
    return static_cast<ssize_t>(size);
  });
  sink.flush();
  EXPECT_EQ(calls, 0);
}

// Writes at most three bytes per call and fails every other call with EINTR.
std::string stuttering_output;
ssize_t stuttering_write(int, const void* data, std::size_t size) {
  static bool interrupt = false;
  interrupt = !interrupt;
  if (interrupt) {
    errno = EINTR;
    return -1;
  }
  const std::size_t n = std::min<std::size_t>(size, 3);
  stuttering_output.append(static_cast<const char*>(data), n);
  return static_cast<ssize_t>(n);
}

TEST(OutputSink, RetriesPartialWritesAndInterrupts) {
  stuttering_output.clear();
  OutputSink sink(1, false, 1 << 20, stuttering_write);
  sink.buffer() += "抓好党的二十大精神\n";
  sink.flush();
  EXPECT_EQ(stuttering_output, "抓好党的二十大精神\n");
}

TEST(OutputSink, FullDeviceIsAWriteError) {
  int fd = ::open("/dev/full", O_WRONLY);
  if (fd < 0) GTEST_SKIP() << "no /dev/full";
  OutputSink sink(fd, false, 16);
  sink.buffer() += "text\n";
  try {
    sink.flush();
    FAIL() << "no error";
  } catch (const OutputError& error) {
    EXPECT_EQ(error.error_number(), ENOSPC);
    EXPECT_STREQ(error.what(), "write error: No space left on device");
  }
  ::close(fd);
}

TEST(OutputSink, ClosedDescriptorIsAWriteError) {
  OutputSink sink(-1, false, 16);
  sink.buffer() += "text\n";
  EXPECT_THROW(sink.flush(), OutputError);
}

TEST(OutputSink, WriteOfZeroBytesIsAnError) {
  OutputSink sink(1, false, 16, [](int, const void*, std::size_t) -> ssize_t { return 0; });
  sink.buffer() += "text\n";
  EXPECT_THROW(sink.flush(), OutputError);
}

TEST(OutputSink, ClosedPipeIsOutputClosed) {
  auto previous = std::signal(SIGPIPE, SIG_IGN);
  Pipe pipe;
  pipe.close_read();
  OutputSink sink(pipe.write_fd(), /*line_buffered=*/true);
  sink.buffer() += "nobody reads this\n";
  EXPECT_THROW(sink.commit(), OutputClosed);
  EXPECT_TRUE(sink.buffer().empty());
  std::signal(SIGPIPE, previous);
}

// A U+FEFF that starts the output as text is written behind a byte order mark, so
// that a reader, which drops a leading mark, still gets it; later ones are left alone.
TEST(OutputSink, MarksAU_FEFFThatStartsTheOutput) {
  Pipe pipe;
  OutputSink sink(pipe.write_fd(), /*line_buffered=*/true);
  sink.buffer() += "\xEF\xBB\xBF甲\n";
  sink.commit();
  sink.buffer() += "\xEF\xBB\xBF乙\n";
  sink.commit();
  EXPECT_EQ(pipe.drain(), "\xEF\xBB\xBF\xEF\xBB\xBF甲\n\xEF\xBB\xBF乙\n");

  Pipe other;
  OutputSink plain(other.write_fd(), /*line_buffered=*/true);
  plain.buffer() += "甲\xEF\xBB\xBF\n";
  plain.commit();
  EXPECT_EQ(other.drain(), "甲\xEF\xBB\xBF\n");
}

// On a pipe, blocks are a quarter of the pipe's capacity (widened first where the
// system allows), so that a block goes in while the reader is still busy.
TEST(OutputSink, BlocksFitInThePipe) {
  Pipe pipe;
  OutputSink sink(pipe.write_fd(), /*line_buffered=*/false, /*block_size=*/std::size_t{1} << 22);
  const int capacity = ::fcntl(pipe.write_fd(), F_GETPIPE_SZ);
  ASSERT_GT(capacity, 0);
  EXPECT_GE(capacity, 1 << 16);
  std::string line(capacity / 4 - 1, 'x');
  line += '\n';
  sink.buffer() += line;
  sink.commit();  // a whole quarter of the pipe: written at once
  EXPECT_EQ(pipe.drain(), line);
}

TEST(OutputSink, KeepsItsBlockSizeOnAFile) {
  char path[] = "/tmp/jianbao-sink-XXXXXX";
  int fd = ::mkstemp(path);
  ASSERT_GE(fd, 0);
  {
    OutputSink sink(fd, false, 1 << 20);
    sink.buffer() += std::string(1 << 19, 'y');
    sink.commit();  // half a block: held back
    EXPECT_EQ(::lseek(fd, 0, SEEK_END), 0);
    sink.flush();
  }
  EXPECT_EQ(::lseek(fd, 0, SEEK_END), 1 << 19);
  ::close(fd);
  ::unlink(path);
}

TEST(OutputSink, LargeOutputArrivesWhole) {
  std::string expected;
  for (int i = 0; i < 100000; ++i) expected += "第" + std::to_string(i) + "行\n";
  char path[] = "/tmp/jianbao-sink-XXXXXX";
  int fd = ::mkstemp(path);
  ASSERT_GE(fd, 0);
  {
    OutputSink sink(fd, false, 4096);
    for (int i = 0; i < 100000; ++i) {
      sink.buffer() += "第" + std::to_string(i) + "行\n";
      sink.commit();
    }
    sink.flush();
  }
  std::string written(expected.size() + 1, '\0');
  EXPECT_EQ(::pread(fd, written.data(), written.size(), 0), static_cast<ssize_t>(expected.size()));
  written.resize(expected.size());
  EXPECT_EQ(written, expected);
  ::close(fd);
  ::unlink(path);
}

}  // namespace
}  // namespace jianbao
