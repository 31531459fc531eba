#pragma once
// Checks of single option values that their type and range cannot express
// (a date, a time, a theme id, a forecast method). Each throws a usage Error
// whose text follows "<file>:<line>: <table>.<key>: ", which the reader adds.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/config/config.hpp"
#include "core/error.hpp"

namespace hotspot {

// A calendar date written YYYY-MM-DD, from 1900 to 2200.
bool is_iso_date(const std::string& d);
void check_iso_date(const std::string& d);
void check_iso_dates(const std::vector<std::string>& dates);
// A local time HH:MM.
void check_clock_time(const std::string& t);
// The first value listed twice, if any.
std::optional<std::string> first_repeated(const std::vector<std::string>& values);
// Every id names a theme of the run (the taxonomy is read before these
// options), and none is listed twice: each theme's files are written once.
void check_theme_ids(const RunConfig& cfg, const std::vector<std::string>& ids);
// An id used in file and property names: snake_case (a-z first, then a-z, 0-9, _).
bool is_snake_case(std::string_view id);
void check_snake_case_id(const std::string& id);
// A method id of `hotspot evaluate`, or KdeConfig::kBacktest.
void check_forecast(const std::string& forecast);
// A theme's disclosure minimum: 2 would withhold only counts of 1, which "<2" gives away.
void check_min_count(int min_count);
// An age range "10-17" or "65+" (population.ages).
void check_age_range(const std::string& range);
// A list that must hold at least one value.
template <class V>
void check_not_empty(const std::vector<V>& values) {
  if (values.empty()) throw usage_error("config", "give at least one value.");
}

}  // namespace hotspot
