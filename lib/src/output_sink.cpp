// Output sink: the buffered standard output every filter writes to; see the header.
// Partial writes and EINTR are retried; EPIPE and other errors become exceptions.
#include "jianbao/output_sink.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace jianbao {

OutputError::OutputError(int error_number)
    : std::runtime_error(std::string("write error: ") + std::strerror(error_number)), error_number_(error_number) {}

OutputSink::OutputSink(int fd, bool line_buffered, std::size_t block_size, WriteFunction write)
    : fd_(fd), line_buffered_(line_buffered), block_size_(block_size), write_(write != nullptr ? write : ::write) {
  buffer_.reserve(block_size_ + block_size_ / 4);
}

void OutputSink::commit() {
  if (line_buffered_ || buffer_.size() >= block_size_) flush();
}

void OutputSink::flush() {
  if (buffer_.empty()) return;
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
