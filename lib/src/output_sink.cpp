// Output sink: the buffered standard output every filter writes to; see the header.
// Partial writes and EINTR are retried; EPIPE and other errors become exceptions.
#include "jianbao/output_sink.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <ctime>
#include <cstring>
#include <string_view>

namespace jianbao {
namespace {

// SIGTERM, SIGINT or SIGHUP while a block of output is written is held until the
// block is out: the buffer always ends at a line end, so a filter stopped by one of
// them leaves whole lines (whole rows, for to-tsv), never half of one. A reader that
// has stopped reading (a stalled pipe, a terminal held by ^S) would hold the filter
// forever, though (they were once blocked for the write, which made it unkillable):
// half a second after the signal, or at a second one, the filter dies of it in the
// middle of the write. So the signals are not blocked, and can interrupt a write that
// waits; a handler holds them, and SIGALRM from a timer ends the grace. A signal the
// filter was started with ignored stays ignored.
constexpr int kTerminationSignals[] = {SIGTERM, SIGINT, SIGHUP};
constexpr long kTerminationGraceNanoseconds = 500'000'000;

std::atomic<bool> writing_block{false};
std::atomic<int> held_signal{0};
timer_t grace_timer;
bool alarm_was_ignored = false;
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free,
              "used in a signal handler");

// The signal's default action, at once. Async-signal-safe.
void die_of(int signal_number) {
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  sigaction(signal_number, &default_action, nullptr);
  sigset_t only;
  sigemptyset(&only);
  sigaddset(&only, signal_number);
  sigprocmask(SIG_UNBLOCK, &only, nullptr);
  raise(signal_number);
}

extern "C" void hold_termination(int signal_number) {
  if (signal_number == SIGALRM) {
    const int held = held_signal.load();
    if (held != 0) {
      die_of(held);
    } else if (!alarm_was_ignored) {
      die_of(SIGALRM);  // not our timer's: its default action
    }
    return;
  }
  if (!writing_block.load() || held_signal.load() != 0) {
    die_of(signal_number);
    return;
  }
  held_signal.store(signal_number);
  struct itimerspec grace {};
  grace.it_value.tv_nsec = kTerminationGraceNanoseconds;
  if (timer_settime(grace_timer, 0, &grace, nullptr) != 0) die_of(signal_number);
}

// Installs hold_termination, once per process, for the signals that have their
// default action; without a timer for the grace, they keep it.
void hold_termination_while_writing() {
  static const bool installed = [] {
    struct sigevent alarm_event {};
    alarm_event.sigev_notify = SIGEV_SIGNAL;
    alarm_event.sigev_signo = SIGALRM;
    if (timer_create(CLOCK_MONOTONIC, &alarm_event, &grace_timer) != 0) return false;
    struct sigaction hold {};
    hold.sa_handler = hold_termination;
    hold.sa_flags = SA_RESTART;
    sigemptyset(&hold.sa_mask);
    for (int signal_number : kTerminationSignals) sigaddset(&hold.sa_mask, signal_number);
    sigaddset(&hold.sa_mask, SIGALRM);
    struct sigaction previous {};
    sigaction(SIGALRM, &hold, &previous);
    alarm_was_ignored = previous.sa_handler == SIG_IGN;
    sigset_t alarm;
    sigemptyset(&alarm);
    sigaddset(&alarm, SIGALRM);
    sigprocmask(SIG_UNBLOCK, &alarm, nullptr);
    for (int signal_number : kTerminationSignals) {
      if (sigaction(signal_number, nullptr, &previous) == 0 && previous.sa_handler == SIG_DFL) {
        sigaction(signal_number, &hold, nullptr);
      }
    }
    return true;
  }();
  (void)installed;
}

// Marks a block's write; a signal held meanwhile takes effect when it is out (or
// when the write failed).
class TerminationDeferred {
 public:
  TerminationDeferred() { writing_block.store(true); }
  ~TerminationDeferred() {
    writing_block.store(false);
    if (const int held = held_signal.load()) die_of(held);
  }
  TerminationDeferred(const TerminationDeferred&) = delete;
  TerminationDeferred& operator=(const TerminationDeferred&) = delete;
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
  if (write == nullptr) {
    fit_blocks_to_pipe();
    hold_termination_while_writing();
  }
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
