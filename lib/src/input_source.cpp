// Input sources: the bytes of one FILE operand, decompressed and converted to UTF-8.
// Plain files are read with read(2) into the caller's buffer; Boost.Iostreams and ICU
// are layered on only when the input is compressed or --encoding names another charset.
#include "jianbao/input_source.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <ios>
#include <optional>
#include <string>

#include <boost/iostreams/filter/symmetric.hpp>
#include <boost/iostreams/filtering_streambuf.hpp>

namespace jianbao {

InputError::InputError(std::string_view name, std::string_view reason)
    : std::runtime_error(std::string(name) + ": " + std::string(reason)) {}

UnknownEncoding::UnknownEncoding(std::string_view name)
    : std::runtime_error("unknown encoding '" + std::string(name) + "'") {}

namespace {

// A FILE operand's descriptor. Keeps the first bytes it was asked to peek at so that
// compression can be detected by magic number on pipes too.
class FileSource final : public InputSource {
 public:
  FileSource(int fd, bool owns_fd, std::string name) : InputSource(std::move(name)), fd_(fd), owns_fd_(owns_fd) {}
  ~FileSource() override {
    if (owns_fd_) ::close(fd_);
  }

  std::size_t read(char* buffer, std::size_t size) override {
    if (peeked_position_ < peeked_.size()) {
      std::size_t n = std::min(size, peeked_.size() - peeked_position_);
      std::memcpy(buffer, peeked_.data() + peeked_position_, n);
      peeked_position_ += n;
      return n;
    }
    return read_fd(buffer, size);
  }

  // A pipe or terminal tells by poll(2); a regular file is always ready.
  bool wait_for_input(std::chrono::milliseconds timeout) override {
    if (peeked_position_ < peeked_.size()) return true;
    pollfd descriptor{fd_, POLLIN, 0};
    int ready;
    do ready = ::poll(&descriptor, 1, static_cast<int>(timeout.count()));
    while (ready < 0 && errno == EINTR);
    return ready != 0;  // bytes, the input's end, or an error the next read reports
  }

  // The first `size` bytes of the input (fewer at its end), which read() still returns.
  std::string_view peek(std::size_t size) {
    while (peeked_.size() < size) {
      char byte[8];
      std::size_t n = read_fd(byte, std::min(sizeof byte, size - peeked_.size()));
      if (n == 0) break;
      peeked_.append(byte, n);
    }
    return std::string_view(peeked_).substr(0, std::min(size, peeked_.size()));
  }

 private:
  std::size_t read_fd(char* buffer, std::size_t size) {
    for (;;) {
      ssize_t n = ::read(fd_, buffer, size);
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno != EINTR) throw InputError(name(), std::strerror(errno));
    }
  }

  int fd_;
  bool owns_fd_;
  std::string peeked_;
  std::size_t peeked_position_ = 0;
};

// Compressed data that cannot be decoded; the decompressing source adds the file name.
class CorruptData : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Decoders for Boost.Iostreams symmetric_filter. Both hand out every byte that can be
// recovered before a corruption or truncation and report it on the following call:
// Boost's own filters throw with decoded bytes still unreturned (and its zstd filter,
// in 1.74, accepts a truncated last frame silently).
// The end of a decoder's filter() call. Boost's symmetric_filter calls filter() in a
// loop until the output is full or filter() returns false, and an exception then drops
// every byte of that loop: so an error waits until the bytes before it are handed out.
class DecoderErrors {
 public:
  void set(std::string message) {
    if (!message_) message_ = std::move(message);
  }
  bool failed() const { return message_.has_value(); }
  // Returns filter()'s result, or throws the error if no decoded bytes are pending.
  bool finish_call(std::size_t produced, bool output_full, bool more) {
    if (message_) {
      if (produced == 0 && !unreturned_output_) throw CorruptData(*message_);
      unreturned_output_ = false;
      return false;  // ends the read with its bytes; the next call throws
    }
    // The loop ends (and hands its bytes out) when the output fills or we return false.
    unreturned_output_ = more && !output_full && (unreturned_output_ || produced > 0);
    return more;
  }
  void reset() {
    message_.reset();
    unreturned_output_ = false;
  }

 private:
  std::optional<std::string> message_;
  bool unreturned_output_ = false;
};

class ZstdFrameDecoder {
 public:
  using char_type = char;

  ZstdFrameDecoder() : stream_(ZSTD_createDStream()) {
    if (stream_ == nullptr) throw std::bad_alloc();
  }
  ~ZstdFrameDecoder() { ZSTD_freeDStream(stream_); }
  ZstdFrameDecoder(const ZstdFrameDecoder&) = delete;
  ZstdFrameDecoder& operator=(const ZstdFrameDecoder&) = delete;

  bool filter(const char*& source_begin, const char* source_end, char*& target_begin, char* target_end,
              bool flush) {
    ZSTD_inBuffer in{source_begin, static_cast<std::size_t>(source_end - source_begin), 0};
    ZSTD_outBuffer out{target_begin, static_cast<std::size_t>(target_end - target_begin), 0};
    if (in.size > 0) saw_input_ = true;
    while (!errors_.failed() && out.pos < out.size) {
      const std::size_t in_before = in.pos, out_before = out.pos;
      const std::size_t result = ZSTD_decompressStream(stream_, &out, &in);
      if (ZSTD_isError(result)) {
        errors_.set(std::string("invalid zstd data (") + ZSTD_getErrorName(result) + ")");
        break;
      }
      // 0: a frame ended and is flushed. A call that moved nothing says nothing new.
      if (in.pos != in_before || out.pos != out_before) frame_open_ = result != 0;
      if (in.pos == in.size && out.pos == out_before) break;
    }
    source_begin += in.pos;
    target_begin += out.pos;
    if (flush && out.pos < out.size && (frame_open_ || !saw_input_)) {
      errors_.set("unexpected end of file (truncated zstd data)");
    }
    return errors_.finish_call(out.pos, out.pos == out.size, !flush || out.pos == out.size);
  }

  void close() {
    ZSTD_initDStream(stream_);
    frame_open_ = saw_input_ = false;
    errors_.reset();
  }

 private:
  ZSTD_DStream* stream_;
  bool frame_open_ = false;
  bool saw_input_ = false;
  DecoderErrors errors_;
};

// gzip members (RFC 1952) with zlib; concatenated members are read one after another.
// Zero bytes after the last member are padding (a tape's or dd's block), which gzip
// ignores too; anything after them, a member included, is trailing garbage as it is
// for gzip.
class GzipMemberDecoder {
 public:
  using char_type = char;

  GzipMemberDecoder() {
    if (inflateInit2(&stream_, 15 + 16) != Z_OK) throw std::bad_alloc();
  }
  ~GzipMemberDecoder() { inflateEnd(&stream_); }
  GzipMemberDecoder(const GzipMemberDecoder&) = delete;
  GzipMemberDecoder& operator=(const GzipMemberDecoder&) = delete;

  bool filter(const char*& source_begin, const char* source_end, char*& target_begin, char* target_end,
              bool flush) {
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(source_begin));
    stream_.avail_in = static_cast<uInt>(source_end - source_begin);
    stream_.next_out = reinterpret_cast<Bytef*>(target_begin);
    stream_.avail_out = static_cast<uInt>(target_end - target_begin);
    const uInt out_size = stream_.avail_out;
    while (!errors_.failed() && stream_.avail_out > 0) {
      if (!member_open_) {
        if (stream_.avail_in == 0) break;
        if (members_ > 0 && (padded_ || *stream_.next_in == 0)) {
          padded_ = true;
          while (stream_.avail_in > 0 && *stream_.next_in == 0) {
            ++stream_.next_in;
            --stream_.avail_in;
          }
          if (stream_.avail_in > 0) errors_.set("invalid gzip data (trailing garbage)");
          break;
        }
        if (saw_input_) inflateReset(&stream_);
        member_open_ = saw_input_ = true;
      }
      const int result = inflate(&stream_, Z_NO_FLUSH);
      if (result == Z_STREAM_END) {
        member_open_ = false;
      } else if (result == Z_BUF_ERROR) {
        break;  // no progress possible without more input
      } else if (result != Z_OK) {
        const std::string detail = stream_.msg != nullptr ? stream_.msg : "corrupt data";
        if (stream_.total_out == 0 && detail == "incorrect header check") {
          // No gzip header where a member should start: the file's first, or after one.
          errors_.set(members_ == 0 ? "not in gzip format" : "invalid gzip data (trailing garbage)");
        } else {
          errors_.set("invalid gzip data (" + detail + ")");
        }
      }
      if (result == Z_STREAM_END) ++members_;
    }
    source_begin = reinterpret_cast<const char*>(stream_.next_in);
    const std::size_t produced = out_size - stream_.avail_out;
    target_begin += produced;
    if (flush && stream_.avail_out > 0 && (member_open_ || !saw_input_)) {
      errors_.set(saw_input_ ? "unexpected end of file (truncated gzip data)" : "unexpected end of file");
    }
    return errors_.finish_call(produced, stream_.avail_out == 0, !flush || stream_.avail_out == 0);
  }

  void close() {
    inflateReset(&stream_);
    member_open_ = saw_input_ = padded_ = false;
    members_ = 0;
    errors_.reset();
  }

 private:
  z_stream stream_{};
  bool member_open_ = false;
  bool saw_input_ = false;
  bool padded_ = false;  // zero bytes followed the last member
  int members_ = 0;
  DecoderErrors errors_;
};

// Presents an InputSource as a Boost.Iostreams source device.
struct SourceDevice {
  using char_type = char;
  using category = boost::iostreams::source_tag;

  std::streamsize read(char* buffer, std::streamsize size) {
    std::size_t n = source->read(buffer, static_cast<std::size_t>(size));
    return n == 0 ? -1 : static_cast<std::streamsize>(n);
  }

  InputSource* source;
};

class DecompressingSource final : public InputSource {
 public:
  DecompressingSource(std::unique_ptr<InputSource> compressed, Compression compression)
      : InputSource(compressed->name()), compressed_(std::move(compressed)), compression_(compression) {
    constexpr std::streamsize buffer_size = 1 << 16;
    if (compression == Compression::gzip) {
      chain_.push(boost::iostreams::symmetric_filter<GzipMemberDecoder>(buffer_size), buffer_size);
    } else {
      chain_.push(boost::iostreams::symmetric_filter<ZstdFrameDecoder>(buffer_size), buffer_size);
    }
    chain_.push(SourceDevice{compressed_.get()}, buffer_size);
  }

  std::size_t read(char* buffer, std::size_t size) override {
    try {
      // Take only what the chain already holds, refilling it when empty: a refill
      // that throws then loses nothing already copied out.
      using traits = std::char_traits<char>;
      std::streamsize available = chain_.in_avail();
      if (available <= 0) {
        if (traits::eq_int_type(chain_.sgetc(), traits::eof())) return 0;
        available = chain_.in_avail();
      }
      const std::streamsize n = chain_.sgetn(buffer, std::min(static_cast<std::streamsize>(size), available));
      return n > 0 ? static_cast<std::size_t>(n) : 0;
    } catch (const CorruptData& error) {
      throw InputError(name(), error.what());
    } catch (const std::ios_base::failure&) {
      throw InputError(name(), compression_ == Compression::gzip ? "invalid gzip data" : "invalid zstd data");
    }
  }

  // Decoded bytes at hand, else the compressed input's.
  bool wait_for_input(std::chrono::milliseconds timeout) override {
    return chain_.in_avail() > 0 || compressed_->wait_for_input(timeout);
  }

 private:
  std::unique_ptr<InputSource> compressed_;
  Compression compression_;
  boost::iostreams::filtering_streambuf<boost::iostreams::input> chain_;
};

struct IcuConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using IcuConverter = std::unique_ptr<UConverter, IcuConverterCloser>;

IcuConverter open_converter(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  // An empty name would open ICU's default (locale-dependent) converter.
  if (name.empty()) throw UnknownEncoding(name);
  IcuConverter converter(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status) || converter == nullptr) throw UnknownEncoding(name);
  return converter;
}

bool is_utf8_converter(const UConverter* converter) {
  UErrorCode status = U_ZERO_ERROR;
  const char* canonical = ucnv_getName(converter, &status);
  return U_SUCCESS(status) && std::strcmp(canonical, "UTF-8") == 0;
}

// Converts another charset to UTF-8 with ICU, streaming through a pivot buffer.
// Unconvertible bytes become U+FFFD and are counted for the warning.
class TranscodingSource final : public InputSource {
 public:
  TranscodingSource(std::unique_ptr<InputSource> input, IcuConverter from)
      : InputSource(input->name()), input_(std::move(input)), from_(std::move(from)), utf8_(open_converter("UTF-8")) {
    UErrorCode status = U_ZERO_ERROR;
    ucnv_setToUCallBack(from_.get(), &TranscodingSource::on_bad_input, this, nullptr, nullptr, &status);
    pivot_source_ = pivot_target_ = pivot_.data();
  }

  std::size_t read(char* buffer, std::size_t size) override {
    while (out_position_ == out_end_) {
      if (finished_) return 0;
      convert_more();
    }
    std::size_t n = std::min(size, static_cast<std::size_t>(out_end_ - out_position_));
    std::memcpy(buffer, out_position_, n);
    out_position_ += n;
    return n;
  }

  ConversionReport conversion_report() const override { return report_; }

  // Converted or unconverted bytes at hand, else the input's.
  bool wait_for_input(std::chrono::milliseconds timeout) override {
    return finished_ || out_position_ != out_end_ || in_position_ != in_end_ || input_->wait_for_input(timeout);
  }

 private:
  void convert_more() {
    if (in_position_ == in_end_ && !input_ended_) {
      std::size_t n = input_->read(in_.data(), in_.size());
      in_chunk_offset_ = input_offset_;
      input_offset_ += n;
      in_position_ = in_.data();
      in_end_ = in_.data() + n;
      input_ended_ = n == 0;
    }
    char* target = out_.data();
    UErrorCode status = U_ZERO_ERROR;
    ucnv_convertEx(utf8_.get(), from_.get(), &target, out_.data() + out_.size(), &in_position_, in_end_,
                   pivot_.data(), &pivot_source_, &pivot_target_, pivot_.data() + pivot_.size(),
                   /*reset=*/first_call_, /*flush=*/input_ended_, &status);
    first_call_ = false;
    out_position_ = out_.data();
    out_end_ = target;
    if (status == U_BUFFER_OVERFLOW_ERROR) return;  // output full; more to come
    if (U_FAILURE(status)) throw InputError(name(), std::string("cannot convert: ") + u_errorName(status));
    if (input_ended_) finished_ = true;
  }

  static void on_bad_input(const void* context, UConverterToUnicodeArgs* args, const char* code_units,
                           int32_t length, UConverterCallbackReason reason, UErrorCode* status) {
    if (reason == UCNV_UNASSIGNED || reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR) {
      auto* self = static_cast<TranscodingSource*>(const_cast<void*>(context));
      self->record_bad_input(args->source, length);
    }
    UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, code_units, length, reason, status);
  }

  void record_bad_input(const char* after_bad_bytes, int32_t length) {
    ++report_.bad_sequences;
    if (report_.first_offset) return;
    // ICU hands the callback the position just past the bad bytes in our chunk.
    std::uint64_t offset = in_chunk_offset_;
    if (after_bad_bytes >= in_.data() && after_bad_bytes <= in_.data() + in_.size()) {
      std::uint64_t past = in_chunk_offset_ + static_cast<std::uint64_t>(after_bad_bytes - in_.data());
      offset = past >= static_cast<std::uint64_t>(length) ? past - static_cast<std::uint64_t>(length) : 0;
    }
    report_.first_offset = offset;
  }

  std::unique_ptr<InputSource> input_;
  IcuConverter from_;
  IcuConverter utf8_;
  std::array<char, 1 << 16> in_{};
  std::array<char, 1 << 17> out_{};
  std::array<UChar, 1 << 14> pivot_{};
  const char* in_position_ = nullptr;
  const char* in_end_ = nullptr;
  const char* out_position_ = nullptr;
  const char* out_end_ = nullptr;
  UChar* pivot_source_ = nullptr;
  UChar* pivot_target_ = nullptr;
  std::uint64_t input_offset_ = 0;
  std::uint64_t in_chunk_offset_ = 0;
  bool first_call_ = true;
  bool input_ended_ = false;
  bool finished_ = false;
  ConversionReport report_;
};

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

Compression compression_from_magic(std::string_view head) {
  if (head.size() >= 2 && head[0] == '\x1f' && head[1] == '\x8b') return Compression::gzip;
  if (head.size() >= 4 && head.substr(0, 4) == std::string_view("\x28\xb5\x2f\xfd", 4)) return Compression::zstd;
  return Compression::none;
}

std::unique_ptr<InputSource> layer(std::unique_ptr<FileSource> file, const InputOptions& options) {
  // Check the encoding first: a usage error must not depend on the input.
  IcuConverter converter;
  if (!options.encoding.empty()) {
    converter = open_converter(options.encoding);
    if (is_utf8_converter(converter.get())) converter.reset();
  }
  const std::string& name = file->name();
  Compression compression = Compression::none;
  if (ends_with(name, ".gz")) {
    compression = Compression::gzip;
  } else if (ends_with(name, ".zst")) {
    compression = Compression::zstd;
  } else {
    compression = compression_from_magic(file->peek(4));
  }
  std::unique_ptr<InputSource> source = std::move(file);
  source = decompress(std::move(source), compression);
  if (converter) source = std::make_unique<TranscodingSource>(std::move(source), std::move(converter));
  return source;
}

}  // namespace

std::unique_ptr<InputSource> open_input_fd(int fd, std::string name, const InputOptions& options) {
  return layer(std::make_unique<FileSource>(fd, /*owns_fd=*/false, std::move(name)), options);
}

std::unique_ptr<InputSource> open_input(const std::string& path, const InputOptions& options) {
  if (!options.encoding.empty()) check_encoding(options.encoding);
  if (path == "-") return open_input_fd(STDIN_FILENO, path, options);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError(path, std::strerror(errno));
  auto file = std::make_unique<FileSource>(fd, /*owns_fd=*/true, path);
  struct stat status;
  if (::fstat(fd, &status) != 0) throw InputError(path, std::strerror(errno));
  if (S_ISDIR(status.st_mode)) throw InputError(path, std::strerror(EISDIR));
  if (S_ISREG(status.st_mode)) ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  return layer(std::move(file), options);
}

bool check_encoding(const std::string& name) { return is_utf8_converter(open_converter(name).get()); }

std::unique_ptr<InputSource> decompress(std::unique_ptr<InputSource> compressed, Compression compression) {
  if (compression == Compression::none) return compressed;
  return std::make_unique<DecompressingSource>(std::move(compressed), compression);
}

std::unique_ptr<InputSource> convert_to_utf8(std::unique_ptr<InputSource> input, const std::string& encoding) {
  IcuConverter converter = open_converter(encoding);
  if (is_utf8_converter(converter.get())) return input;
  return std::make_unique<TranscodingSource>(std::move(input), std::move(converter));
}

StringSource::StringSource(std::string data, std::size_t max_read, std::string name)
    : InputSource(std::move(name)), data_(std::move(data)), max_read_(std::max<std::size_t>(max_read, 1)) {}

std::size_t StringSource::read(char* buffer, std::size_t size) {
  std::size_t n = std::min({size, max_read_, data_.size() - position_});
  std::memcpy(buffer, data_.data() + position_, n);
  position_ += n;
  return n;
}

}  // namespace jianbao
