#pragma once
// Progress for long work, on stderr, only when stderr is a terminal and the
// user did not ask for --quiet, so logs and pipes stay clean.
//
// A stage is shown once it has run for a second: a ticker thread redraws one
// line in place ("[ingest] 4/12 2017-04.csv  3.2 s") a few times a second, so
// even work that reports nothing (reading the wards, one large file) shows it
// is alive. Anything else written to the console goes through console(),
// which first clears that line, so progress never shares a line with output.
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <ostream>
#include <streambuf>
#include <string>
#include <thread>

namespace hotspot {

class Progress {
 public:
  // `out`: where the run's own lines go (stdout). quiet: none of them, and no progress.
  // `terminal`: draw progress (default: whether stderr is a terminal).
  Progress(std::ostream& out, bool quiet);
  Progress(std::ostream& out, bool quiet, bool terminal, std::FILE* sink,
           std::chrono::milliseconds show_after = std::chrono::seconds(1));
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  bool enabled() const { return enabled_; }

  // Starts a stage; the line appears after a second.
  void begin(const std::string& stage);
  // Where a stage is: "done/total detail". A count below the last one shown
  // for the same stage and total is ignored, so the counter only goes forward.
  void update(const std::string& stage, std::size_t done, std::size_t total, const std::string& detail = {});
  // Ends the stage: clears its line and, if it was shown, leaves "[stage] summary".
  void finish(const std::string& stage, const std::string& summary);

  // The run's console lines: discarded under --quiet, otherwise written after
  // clearing any progress line.
  std::ostream& console() { return console_; }
  // Lines that --quiet keeps (the final line), written the same way.
  std::ostream& always() { return always_; }
  // Warnings (stderr, kept under --quiet), written the same way.
  std::ostream& warnings() { return warnings_; }

 private:
  class LineBuf : public std::streambuf {
   public:
    LineBuf(Progress& owner, std::ostream* target) : owner_(owner), target_(target) {}

   protected:
    int overflow(int ch) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

   private:
    Progress& owner_;
    std::ostream* target_;  // null: discard
  };

  void tick();
  void draw_locked();
  void clear_locked();

  const bool enabled_;
  std::FILE* sink_;
  const std::chrono::milliseconds show_after_;  // shorter stages stay silent
  LineBuf console_buf_, always_buf_, warnings_buf_;
  std::ostream console_, always_, warnings_;

  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread ticker_;
  bool stop_ = false;
  std::string stage_, detail_;
  std::size_t done_ = 0, total_ = 0;  // the count shown
  std::chrono::steady_clock::time_point started_{};
  bool active_ = false, drawn_ = false;
};

}  // namespace hotspot
