// Input sources: the bytes of one FILE operand (a path, or '-' for stdin), with .gz
// and .zst decompressed and --encoding converted to UTF-8. The page reader sits on top.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace jianbao {

// A FILE that cannot be opened or read to its end; what() is "NAME: reason".
class InputError : public std::runtime_error {
 public:
  InputError(std::string_view name, std::string_view reason);
};

// An --encoding name ICU does not know; what() is the whole one-line message.
class UnknownEncoding : public std::runtime_error {
 public:
  explicit UnknownEncoding(std::string_view name);
};

// Characters --encoding could not convert (each became U+FFFD).
struct ConversionReport {
  std::uint64_t bad_sequences = 0;
  // Offset of the first bad sequence in the (decompressed) input bytes.
  std::optional<std::uint64_t> first_offset;
};

class InputSource {
 public:
  explicit InputSource(std::string name) : name_(std::move(name)) {}
  virtual ~InputSource() = default;
  InputSource(const InputSource&) = delete;
  InputSource& operator=(const InputSource&) = delete;

  // Reads up to `size` (> 0) bytes into `buffer`; returns 0 only at the end of the
  // input. Throws InputError when the input cannot be read (I/O error, corrupt or
  // truncated compressed data).
  virtual std::size_t read(char* buffer, std::size_t size) = 0;

  // Waits up to `timeout` for more bytes to read (or the input's end); false when
  // none came. The page reader asks after a read that brought fewer bytes than it
  // asked for, to tell a pause of the input (tail -f) from a read that a pipe's
  // capacity cut short. A source that cannot tell says false at once: a short read
  // then counts as a pause.
  virtual bool wait_for_input(std::chrono::milliseconds /*timeout*/) { return false; }

  // What --encoding could not convert so far (always empty without --encoding).
  virtual ConversionReport conversion_report() const { return {}; }

  // The name messages use: the FILE operand as given ('-' for stdin).
  const std::string& name() const { return name_; }

 private:
  std::string name_;
};

struct InputOptions {
  // ICU converter name of the input charset; empty (or any name of UTF-8) reads
  // the bytes as they are, so invalid UTF-8 can pass through unchanged.
  std::string encoding;
};

// Opens a FILE operand: "-" is stdin. ".gz" / ".zst" names are decompressed; other
// names (and stdin) are decompressed when they start with the gzip or zstd magic.
// Throws InputError naming the file (missing, a directory, unreadable), or
// UnknownEncoding.
std::unique_ptr<InputSource> open_input(const std::string& path, const InputOptions& options = {});

// The same layering over an already open descriptor (not closed by the source).
std::unique_ptr<InputSource> open_input_fd(int fd, std::string name, const InputOptions& options = {});

// Throws UnknownEncoding unless ICU has a converter called `name`. Returns true
// when the name means UTF-8 (no conversion needed).
bool check_encoding(const std::string& name);

// Bytes held in memory, handed out at most `max_read` at a time: for tests that
// feed readers in 1-byte and odd-sized chunks.
class StringSource : public InputSource {
 public:
  explicit StringSource(std::string data, std::size_t max_read = SIZE_MAX, std::string name = "-");
  std::size_t read(char* buffer, std::size_t size) override;
  // Every byte is at hand: the input never pauses.
  bool wait_for_input(std::chrono::milliseconds /*timeout*/) override { return true; }

 private:
  std::string data_;
  std::size_t position_ = 0;
  std::size_t max_read_;
};

// Layers over any source (tests compose them with StringSource).
enum class Compression { none, gzip, zstd };
std::unique_ptr<InputSource> decompress(std::unique_ptr<InputSource> compressed, Compression compression);
std::unique_ptr<InputSource> convert_to_utf8(std::unique_ptr<InputSource> input, const std::string& encoding);

}  // namespace jianbao
