// Output sink: the buffered standard output every filter writes to; see the header.
// Partial writes and EINTR are retried; EPIPE and other errors become exceptions.
#include "jianbao/output_sink.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <string_view>

namespace jianbao {
namespace {

// Holds back SIGTERM, SIGINT and SIGHUP while a block of output is written: the
// buffer always ends at a line end, so a filter stopped by one of them leaves whole
// lines (whole rows, for to-tsv), never half of one. The signal takes effect as soon
// as the block is out.
class TerminationDeferred {
 public:
  TerminationDeferred() {
    sigset_t deferred;
    sigemptyset(&deferred);
    sigaddset(&deferred, SIGTERM);
    sigaddset(&deferred, SIGINT);
    sigaddset(&deferred, SIGHUP);
    sigprocmask(SIG_BLOCK, &deferred, &previous_);
  }
  ~TerminationDeferred() { sigprocmask(SIG_SETMASK, &previous_, nullptr); }
  TerminationDeferred(const TerminationDeferred&) = delete;
  TerminationDeferred& operator=(const TerminationDeferred&) = delete;

 private:
  sigset_t previous_;
};

}  // namespace

void mark_leading_feff(std::string& first_output) {
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (std::string_view(first_output).starts_with(kByteOrderMark)) first_output.insert(0, kByteOrderMark);
}

OutputError::OutputError(int error_number)
    : std::runtime_error(std::string("write error: ") + std::strerror(error_number)), error_number_(error_number) {}

OutputSink::OutputSink(int fd, bool line_buffered, std::size_t block_size, WriteFunction write)
    : fd_(fd), line_buffered_(line_buffered), block_size_(block_size), write_(write != nullptr ? write : ::write) {
  if (write == nullptr) fit_blocks_to_pipe();
  buffer_.reserve(block_size_ + block_size_ / 4);
}

// A block written into a full pipe is written while the reader waits, and the
// filter computes nothing until the write returns: with Linux's default 64 KiB pipe
// and 1 MiB blocks, the stages of `despace | split-articles | ...` took turns instead
// of running side by side. So the pipe is widened to kPipeCapacity (the most an
// unprivileged process may ask for by default; a refusal keeps what it has) and a
// block is a quarter of whatever the pipe holds, so it goes in without waiting.
void OutputSink::fit_blocks_to_pipe() {
  constexpr int kPipeCapacity = 1 << 20;
  struct stat status {};
  if (fstat(fd_, &status) != 0 || !S_ISFIFO(status.st_mode)) return;
  int capacity = fcntl(fd_, F_GETPIPE_SZ);
  if (capacity > 0 && capacity < kPipeCapacity && fcntl(fd_, F_SETPIPE_SZ, kPipeCapacity) > 0) {
    capacity = fcntl(fd_, F_GETPIPE_SZ);
  }
  if (capacity > 0) block_size_ = std::min(block_size_, static_cast<std::size_t>(capacity) / 4);
}

void OutputSink::commit() {
  if (line_buffered_ || buffer_.size() >= block_size_) flush();
}

void OutputSink::flush() {
  if (buffer_.empty()) return;
  if (!started_) {
    mark_leading_feff(buffer_);
    started_ = true;
  }
  const TerminationDeferred deferred;
  write_all(buffer_.data(), buffer_.size());
  buffer_.clear();
}

void OutputSink::write_all(const char* data, std::size_t size) {
  while (size > 0) {
    ssize_t written = write_(fd_, data, size);
    if (written > 0) {
      data += written;
      size -= static_cast<std::size_t>(written);
      continue;
    }
    if (written < 0 && errno == EINTR) continue;
    if (written < 0 && errno == EPIPE) {
      buffer_.clear();
      throw OutputClosed();
    }
    const int error_number = written < 0 ? errno : EIO;
    buffer_.clear();
    throw OutputError(error_number);
  }
}

}  // namespace jianbao
