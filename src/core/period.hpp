#pragma once
// Calendar months and analysis periods. A month is a single integer
// (year * 12 + month - 1) so month arithmetic is plain integer arithmetic.
#include <string>
#include <string_view>

namespace hotspot {

using Month = int;  // year * 12 + (month - 1)

// Years a period may name. Police recorded-crime data starts long after 1900,
// and a year past 2100 is a typing mistake (2710 for 2017), so anything outside
// is a usage error rather than a run over an empty window.
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2100;

constexpr Month make_month(int year, int month) { return year * 12 + (month - 1); }
constexpr int month_year(Month m) { return m / 12; }
constexpr int month_of_year(Month m) { return m % 12 + 1; }
std::string format_month(Month m);  // "2017-04"

// An inclusive run of whole months.
inline constexpr int kDefaultYearStartMonth = 4;  // the UK financial year starts in April

struct Period {
  Month first = 0;
  Month last = 0;
  std::string label;  // as the user wrote it, e.g. "2017-Q2"

  int months() const { return last - first + 1; }
  bool contains(Month m) const { return m >= first && m <= last; }
  // The period of the same length that ends the month before this one starts.
  Period previous() const;
  // The same months one year earlier.
  Period year_earlier() const;
  // The 12 months before this period starts (the baseline window).
  Period baseline() const;
  // Every month any statistic of this period needs: baseline, previous period,
  // the year-earlier period and the period itself.
  Period needed_window() const;
  // Year to date: from the first month of the financial year holding the
  // period's last month (a year starts in month `year_start_month`, 1..12;
  // 4 = April) to that last month. 2017-03 with April: 2016-04..2017-03.
  Period year_to_date(int year_start_month) const;
  // The 12 months ending with the period's last month.
  Period rolling_year() const;
  std::string range_text() const;  // "2017-04" or "2017-04..2017-06"
};

// Parses "2017-04", "2017-Q2", "FY2017" (April 2017 to March 2018) or
// "2017-01..2017-06", with years from kMinYear to kMaxYear written as four
// digits. Throws a usage Error naming the text on failure.
Period parse_period(std::string_view text);

}  // namespace hotspot
