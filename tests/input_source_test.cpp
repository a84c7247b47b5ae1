// Tests for input sources: files, stdin-like descriptors, .gz and .zst (by name and
// by magic), --encoding through ICU, and errors that name the file.
#include "jianbao/input_source.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace jianbao {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "jianbao-input-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

void write_file(const fs::path& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out << data;
}

std::string gzip(const std::string& data) {
  z_stream stream{};
  deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, data.size()) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string zstd(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  std::size_t size = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
  EXPECT_FALSE(ZSTD_isError(size));
  out.resize(size);
  return out;
}

// Reads a source to its end, `chunk` bytes at a time; an error ends the text.
struct ReadResult {
  std::string text;
  std::string error;
};

ReadResult read_all(InputSource& source, std::size_t chunk = 1 << 16) {
  ReadResult result;
  std::string buffer(chunk, '\0');
  try {
    while (std::size_t n = source.read(buffer.data(), buffer.size())) result.text.append(buffer.data(), n);
  } catch (const InputError& error) {
    result.error = error.what();
  }
  return result;
}

ReadResult read_path(const fs::path& path, const InputOptions& options = {}) {
  auto source = open_input(path.string(), options);
  return read_all(*source);
}

std::string sample_text() {
  std::string text;
  std::mt19937 random(7);
  const char* words[] = {"抓 好 党 的", "二十大精神", "、", "2023 年", "1 月 28 日", "\n", "\n\n", "Latin words ", "。"};
  while (text.size() < 300000) text += words[random() % std::size(words)];
  return text;
}

TEST(StringSource, HandsOutAtMostMaxReadBytes) {
  StringSource source("abcdefg", 3);
  char buffer[10];
  EXPECT_EQ(source.read(buffer, 10), 3u);
  EXPECT_EQ(source.read(buffer, 2), 2u);
  EXPECT_EQ(source.read(buffer, 10), 2u);
  EXPECT_EQ(source.read(buffer, 10), 0u);
}

TEST(OpenInput, ReadsAPlainFile) {
  TempDir dir;
  write_file(dir / "page.txt", "第一版\n");
  ReadResult result = read_path(dir / "page.txt");
  EXPECT_EQ(result.text, "第一版\n");
  EXPECT_EQ(result.error, "");
}

TEST(OpenInput, MissingFileIsNamed) {
  TempDir dir;
  const std::string path = (dir / "missing.txt").string();
  try {
    open_input(path);
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()), path + ": No such file or directory");
  }
}

TEST(OpenInput, DirectoryIsNamed) {
  TempDir dir;
  fs::create_directory(dir / "sub");
  const std::string path = (dir / "sub").string();
  try {
    open_input(path);
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()), path + ": Is a directory");
  }
}

TEST(OpenInput, UnreadableFileIsNamed) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can read any file";
  TempDir dir;
  write_file(dir / "secret.txt", "x");
  fs::permissions(dir / "secret.txt", fs::perms::none);
  const std::string path = (dir / "secret.txt").string();
  try {
    open_input(path);
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()), path + ": Permission denied");
  }
}

TEST(OpenInput, GzipAndZstdByNameEqualPlain) {
  TempDir dir;
  const std::string text = sample_text();
  write_file(dir / "page.txt.gz", gzip(text));
  write_file(dir / "page.txt.zst", zstd(text));
  EXPECT_EQ(read_path(dir / "page.txt.gz").text, text);
  EXPECT_EQ(read_path(dir / "page.txt.zst").text, text);
  EXPECT_EQ(read_path(dir / "page.txt.gz").error, "");
}

TEST(OpenInput, CompressionIsRecognizedByMagicWithoutSuffix) {
  TempDir dir;
  write_file(dir / "gz-inside.txt", gzip("甲\n"));
  write_file(dir / "zst-inside.txt", zstd("乙\n"));
  EXPECT_EQ(read_path(dir / "gz-inside.txt").text, "甲\n");
  EXPECT_EQ(read_path(dir / "zst-inside.txt").text, "乙\n");
}

TEST(OpenInput, CompressedDataOnAPipe) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const std::string compressed = gzip("管道\n");
  ASSERT_EQ(::write(fds[1], compressed.data(), compressed.size()), static_cast<ssize_t>(compressed.size()));
  ::close(fds[1]);
  auto source = open_input_fd(fds[0], "-");
  EXPECT_EQ(read_all(*source).text, "管道\n");
  ::close(fds[0]);
}

TEST(OpenInput, ShortFilesAreNotMistakenForCompressed) {
  TempDir dir;
  write_file(dir / "one.txt", "\x1f");
  write_file(dir / "empty.txt", "");
  EXPECT_EQ(read_path(dir / "one.txt").text, "\x1f");
  EXPECT_EQ(read_path(dir / "empty.txt").text, "");
}

TEST(Decompress, ConcatenatedMembersAndFrames) {
  auto gz_reader = decompress(std::make_unique<StringSource>(gzip("一\n") + gzip("二\n"), 5), Compression::gzip);
  EXPECT_EQ(read_all(*gz_reader).text, "一\n二\n");
  auto zst_reader = decompress(std::make_unique<StringSource>(zstd("一\n") + zstd("二\n"), 5), Compression::zstd);
  EXPECT_EQ(read_all(*zst_reader).text, "一\n二\n");
}

// As gzip does: zero bytes after the last member are padding (a tape's block), read
// as the end; anything after them, or other bytes after a member, is trailing garbage.
TEST(Decompress, ZeroPaddingAfterTheLastGzipMemberIsIgnored) {
  const std::string text = sample_text();
  const std::string padding(512, '\0');
  for (std::size_t chunk : {1, 7, 4096}) {
    auto padded = decompress(std::make_unique<StringSource>(gzip(text) + padding, chunk), Compression::gzip);
    const ReadResult result = read_all(*padded, chunk);
    EXPECT_EQ(result.text, text) << chunk;
    EXPECT_EQ(result.error, "") << chunk;
    auto members = decompress(std::make_unique<StringSource>(gzip("一\n") + gzip("二\n") + padding, chunk),
                              Compression::gzip);
    EXPECT_EQ(read_all(*members, chunk).text, "一\n二\n") << chunk;
  }
  TempDir dir;
  write_file(dir / "zero-then-garbage.gz", gzip("ok\n") + padding + "garbage");
  ReadResult garbage = read_path(dir / "zero-then-garbage.gz");
  EXPECT_EQ(garbage.text, "ok\n");
  EXPECT_EQ(garbage.error, (dir / "zero-then-garbage.gz").string() + ": invalid gzip data (trailing garbage)");
  write_file(dir / "zero-then-member.gz", gzip("ok\n") + padding + gzip("more\n"));
  ReadResult member = read_path(dir / "zero-then-member.gz");
  EXPECT_EQ(member.text, "ok\n");
  EXPECT_EQ(member.error, (dir / "zero-then-member.gz").string() + ": invalid gzip data (trailing garbage)");
  write_file(dir / "only-zeros.gz", std::string("\x1f\x8b") + padding);
  EXPECT_NE(read_path(dir / "only-zeros.gz").error, "");
}

TEST(Decompress, ReadSizesDoNotMatter) {
  const std::string text = sample_text();
  for (std::size_t chunk : {1, 7, 4096}) {
    auto gz = decompress(std::make_unique<StringSource>(gzip(text), chunk), Compression::gzip);
    EXPECT_EQ(read_all(*gz, chunk).text, text) << chunk;
    auto zst = decompress(std::make_unique<StringSource>(zstd(text), chunk), Compression::zstd);
    EXPECT_EQ(read_all(*zst, chunk).text, text) << chunk;
  }
}

TEST(Decompress, TruncatedGzipIsAnErrorAfterTheTextBeforeIt) {
  const std::string text = sample_text();
  const std::string compressed = gzip(text);
  for (std::size_t keep : {compressed.size() / 2, compressed.size() - 4, std::size_t{5}}) {
    TempDir dir;
    write_file(dir / "cut.gz", compressed.substr(0, keep));
    ReadResult result = read_path(dir / "cut.gz");
    EXPECT_EQ(result.error, (dir / "cut.gz").string() + ": unexpected end of file (truncated gzip data)") << keep;
    EXPECT_EQ(text.substr(0, result.text.size()), result.text) << "not a prefix";
    if (keep == compressed.size() - 4) {
      EXPECT_EQ(result.text, text);  // only the length field is missing
    }
  }
}

TEST(Decompress, TruncatedZstdIsAnError) {
  const std::string text = sample_text();
  const std::string compressed = zstd(text);
  TempDir dir;
  write_file(dir / "cut.zst", compressed.substr(0, compressed.size() / 2));
  ReadResult result = read_path(dir / "cut.zst");
  EXPECT_EQ(result.error, (dir / "cut.zst").string() + ": unexpected end of file (truncated zstd data)");
  EXPECT_GT(result.text.size(), 0u);
  EXPECT_EQ(text.substr(0, result.text.size()), result.text) << "not a prefix";
}

TEST(Decompress, CorruptOrForeignData) {
  TempDir dir;
  write_file(dir / "plain.gz", "not compressed at all\n");
  EXPECT_EQ(read_path(dir / "plain.gz").error, (dir / "plain.gz").string() + ": not in gzip format");
  write_file(dir / "plain.zst", "not compressed at all\n");
  EXPECT_NE(read_path(dir / "plain.zst").error.find("invalid zstd data"), std::string::npos);
  write_file(dir / "garbage.gz", gzip("ok\n") + "garbage");
  ReadResult garbage = read_path(dir / "garbage.gz");
  EXPECT_EQ(garbage.text, "ok\n");
  EXPECT_EQ(garbage.error, (dir / "garbage.gz").string() + ": invalid gzip data (trailing garbage)");
  write_file(dir / "empty.gz", "");
  EXPECT_EQ(read_path(dir / "empty.gz").error, (dir / "empty.gz").string() + ": unexpected end of file");
}

TEST(Encoding, Gb18030BecomesUtf8WhateverTheReadSizes) {
  // "中文，GB18030 汉字。" in GB18030.
  const std::string gb18030 = "\xD6\xD0\xCE\xC4\xA3\xAC" "GB18030 " "\xBA\xBA\xD7\xD6\xA1\xA3";
  for (std::size_t chunk : {1, 2, 7, 4096}) {
    auto source = convert_to_utf8(std::make_unique<StringSource>(gb18030, chunk), "GB18030");
    EXPECT_EQ(read_all(*source, chunk).text, "中文，GB18030 汉字。") << chunk;
    EXPECT_EQ(source->conversion_report().bad_sequences, 0u);
  }
}

TEST(Encoding, OpenInputConvertsFilesAndCompressedFiles) {
  TempDir dir;
  write_file(dir / "gbk.txt.gz", gzip("\xD6\xD0\xCE\xC4\n"));
  EXPECT_EQ(read_path(dir / "gbk.txt.gz", {"GBK"}).text, "中文\n");
}

TEST(Encoding, Utf16WithBomKeepsTheBomForThePageReader) {
  auto source = convert_to_utf8(std::make_unique<StringSource>(std::string("\xFF\xFE\x2D\x4E", 4), 1), "UTF-16LE");
  EXPECT_EQ(read_all(*source).text, "\xEF\xBB\xBF中");
}

TEST(Encoding, BadBytesBecomeReplacementCharactersAndAreCounted) {
  const std::string gb18030 = std::string("ab\xD6\xD0") + "\xFF" + "cd" + "\x81\x30" + "\n";
  auto source = convert_to_utf8(std::make_unique<StringSource>(gb18030), "GB18030");
  const std::string text = read_all(*source).text;
  EXPECT_EQ(text.substr(0, 5), "ab中");
  EXPECT_NE(text.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(text.find("cd"), std::string::npos);
  const ConversionReport report = source->conversion_report();
  EXPECT_EQ(report.bad_sequences, 2u);
  EXPECT_EQ(report.first_offset, 4u);
}

TEST(Encoding, UnknownNameIsRejected) {
  EXPECT_THROW(check_encoding("NO-SUCH-CHARSET"), UnknownEncoding);
  EXPECT_THROW(check_encoding(""), UnknownEncoding);
  try {
    open_input("-", {"NO-SUCH-CHARSET"});
    FAIL() << "no error";
  } catch (const UnknownEncoding& error) {
    EXPECT_EQ(std::string(error.what()), "unknown encoding 'NO-SUCH-CHARSET'");
  }
}

TEST(Encoding, Utf8NamesMeanNoConversion) {
  EXPECT_TRUE(check_encoding("UTF-8"));
  EXPECT_TRUE(check_encoding("utf8"));
  EXPECT_FALSE(check_encoding("GB18030"));
  // Invalid UTF-8 then passes through byte for byte.
  auto source = convert_to_utf8(std::make_unique<StringSource>("a\xFF" "b"), "utf-8");
  EXPECT_EQ(read_all(*source).text, "a\xFF" "b");
}

}  // namespace
}  // namespace jianbao
