// Output sink: the buffered standard output every filter writes to. Filters append
// to one large reusable buffer; it goes out with write(2) in big blocks (sized to
// the pipe when the output is one), or after every line under --line-buffered. A closed pipe and a failed write are told apart.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <stdexcept>
#include <string>

namespace jianbao {

// Every reader, ours included, takes a U+FEFF at the start of its input for a byte
// order mark and drops it. Output that starts with U+FEFF as text (after a leading
// space was repaired away, or behind the input's own mark) therefore gets a mark in
// front, or the next filter, or the same one run again, would lose the character.
// Call on the first bytes of a filter's output; OutputSink does.
void mark_leading_feff(std::string& first_output);

// The reader of our output went away (EPIPE): the filter should stop quietly.
class OutputClosed : public std::exception {
 public:
  const char* what() const noexcept override { return "output closed"; }
};

// Output could not be written (ENOSPC, EIO, EBADF...); what() is "write error: REASON".
class OutputError : public std::runtime_error {
 public:
  explicit OutputError(int error_number);
  int error_number() const { return error_number_; }

 private:
  int error_number_;
};

class OutputSink {
 public:
  // write(2), or a stand-in for tests that inject failures.
  using WriteFunction = ssize_t (*)(int fd, const void* data, std::size_t size);

  explicit OutputSink(int fd = 1, bool line_buffered = false, std::size_t block_size = std::size_t{1} << 20,
                      WriteFunction write = nullptr);
  // Does not flush: errors could not be reported. Call flush() at the end.
  ~OutputSink() = default;
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;

  // Append output here, then call commit().
  std::string& buffer() { return buffer_; }
  // Writes what was appended when line-buffered or when a block has filled up.
  // Throws OutputClosed or OutputError.
  void commit();
  // Writes everything appended. Throws OutputClosed or OutputError.
  void flush();

  bool line_buffered() const { return line_buffered_; }

 private:
  void fit_blocks_to_pipe();
  void write_all(const char* data, std::size_t size);

  int fd_;
  bool line_buffered_;
  std::size_t block_size_;
  WriteFunction write_;
  std::string buffer_;
  bool started_ = false;  // some output was written
};

}  // namespace jianbao
