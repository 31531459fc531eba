#include "app/context/progress.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include "core/text.hpp"

namespace hotspot {
namespace {
using Clock = std::chrono::steady_clock;
constexpr auto kRedraw = std::chrono::milliseconds(250);
}  // namespace

Progress::Progress(std::ostream& out, bool quiet) : Progress(out, quiet, ::isatty(STDERR_FILENO) != 0, stderr) {}

Progress::Progress(std::ostream& out, bool quiet, bool terminal, std::FILE* sink, std::chrono::milliseconds show_after)
    : enabled_(!quiet && terminal),
      sink_(sink),
      show_after_(show_after),
      console_buf_(*this, quiet ? nullptr : &out),
      always_buf_(*this, &out),
      warnings_buf_(*this, &std::cerr),
      console_(&console_buf_),
      always_(&always_buf_),
      warnings_(&warnings_buf_) {
  if (enabled_) ticker_ = std::thread([this] { tick(); });
}

Progress::~Progress() {
  if (!ticker_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
    clear_locked();
  }
  wake_.notify_all();
  ticker_.join();
}

void Progress::begin(const std::string& stage) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  clear_locked();
  stage_ = stage;
  detail_.clear();
  started_ = Clock::now();
  active_ = true;
  done_ = 0;
  total_ = 0;
}

void Progress::update(const std::string& stage, std::size_t done, std::size_t total, const std::string& detail) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (!active_ || stage_ != stage) {  // a stage that did not call begin()
    stage_ = stage;
    started_ = Clock::now();
    active_ = true;
    done_ = 0;
    total_ = 0;
  }
  // Counters only go forward: threads report out of order, and a count of
  // another total starts afresh.
  if (total == total_ && done < done_) return;
  done_ = done;
  total_ = total;
  detail_ = fmt::format("{}/{} {}", done, total, detail);
}

void Progress::finish(const std::string& stage, const std::string& summary) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  const bool shown = active_ && stage_ == stage && Clock::now() - started_ >= show_after_;
  clear_locked();
  active_ = false;
  if (shown) {
    fmt::print(sink_, "[{}] {}\n", stage, printable(summary));
    std::fflush(sink_);
  }
}

void Progress::tick() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stop_) {
    wake_.wait_for(lock, kRedraw);
    if (!stop_ && active_ && Clock::now() - started_ >= show_after_) draw_locked();
  }
}

void Progress::draw_locked() {
  const double seconds = std::chrono::duration<double>(Clock::now() - started_).count();
  fmt::print(sink_, "\r\033[K[{}] {}  {:.0f} s", stage_, printable(detail_), seconds);
  std::fflush(sink_);
  drawn_ = true;
}

void Progress::clear_locked() {
  if (!drawn_) return;
  fmt::print(sink_, "\r\033[K");
  std::fflush(sink_);
  drawn_ = false;
}

int Progress::LineBuf::overflow(int ch) {
  if (ch == traits_type::eof()) return traits_type::not_eof(ch);
  const char c = static_cast<char>(ch);
  return xsputn(&c, 1) == 1 ? ch : traits_type::eof();
}

std::streamsize Progress::LineBuf::xsputn(const char* s, std::streamsize n) {
  if (!target_) return n;
  std::lock_guard<std::mutex> lock(owner_.mutex_);
  owner_.clear_locked();
  // Lines quote the config and the inputs (names, labels, paths): their control
  // bytes are shown as \xNN, never sent to the terminal. fmt::print and << of a
  // string write whole texts, so a UTF-8 character is never split between calls.
  const std::string_view text(s, static_cast<std::size_t>(n));
  if (is_printable(text)) target_->write(s, n);
  else {
    const std::string shown = printable(text);
    target_->write(shown.data(), static_cast<std::streamsize>(shown.size()));
  }
  target_->flush();  // before the ticker draws again, and before warnings on stderr
  return target_->good() ? n : 0;
}

int Progress::LineBuf::sync() {
  if (target_) target_->flush();
  return 0;
}

}  // namespace hotspot
