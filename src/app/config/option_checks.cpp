#include "app/config/option_checks.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <fmt/format.h>

#include "analysis/age_bands.hpp"
#include "analysis/forecast.hpp"
#include "app/config/suggest.hpp"
#include "core/error.hpp"

namespace hotspot {

bool is_iso_date(const std::string& d) {
  int y = 0, m = 0, day = 0;
  char tail = 0;
  return std::sscanf(d.c_str(), "%4d-%2d-%2d%c", &y, &m, &day, &tail) == 3 && d.size() == 10 &&
         std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
                                     std::chrono::day(static_cast<unsigned>(day))).ok() && y >= 1900 && y <= 2200;
}

void check_iso_date(const std::string& d) {
  if (!is_iso_date(d)) throw usage_error("config", fmt::format("'{}' is not a date YYYY-MM-DD.", d));
}

void check_iso_dates(const std::vector<std::string>& dates) {
  for (const std::string& d : dates) check_iso_date(d);
}

void check_clock_time(const std::string& t) {
  int hh = -1, mm = -1;
  char tail = 0;
  if (std::sscanf(t.c_str(), "%2d:%2d%c", &hh, &mm, &tail) != 2 || hh < 0 || hh > 23 || mm < 0 || mm > 59)
    throw usage_error("config", fmt::format("'{}' is not a time HH:MM.", t));
}

std::optional<std::string> first_repeated(const std::vector<std::string>& values) {
  for (std::size_t i = 0; i < values.size(); ++i)
    for (std::size_t k = 0; k < i; ++k)
      if (values[k] == values[i]) return values[i];
  return std::nullopt;
}

void check_age_range(const std::string& range) {
  if (!parse_age_range(range))
    throw usage_error("config", fmt::format("'{}' is not an age range such as 10-17 or 65+.", range));
}

void check_theme_ids(const RunConfig& cfg, const std::vector<std::string>& ids) {
  if (const auto twice = first_repeated(ids))  // each theme's files are written once per list entry
    throw usage_error("config", fmt::format("'{}' is listed twice. List each theme once.", *twice));
  std::vector<std::string> themes;
  for (const Theme& th : cfg.taxonomy.themes) themes.push_back(th.id);
  for (const std::string& id : ids)
    if (cfg.taxonomy.theme_index(id) < 0)
      throw usage_error("config", fmt::format("'{}' is not a theme.{} Themes: {}.", id, did_you_mean(id, themes),
                                              fmt::join(themes, ", ")));
}

bool is_snake_case(std::string_view id) {
  if (id.empty() || !std::islower(static_cast<unsigned char>(id[0]))) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

void check_snake_case_id(const std::string& id) {
  if (!is_snake_case(id)) throw usage_error("config", fmt::format("'{}' is not snake_case (a-z, 0-9, _).", id));
}

void check_forecast(const std::string& forecast) {
  if (forecast != KdeConfig::kBacktest) parse_forecast_method(forecast);
}

void check_min_count(int min_count) {
  if (min_count == 2)
    throw usage_error("config", "2 would withhold only counts of 1, and \"<2\" would say they are 1: use 0 or 1 "
                                "(no minimum) or 3 or more.");
}

}  // namespace hotspot
