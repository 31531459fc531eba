// Emerging Hot Spot classes on hand-made series, one per class, and the
// Mann-Kendall statistic against a direct computation.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <string>
#include <vector>
#include <memory>
#include <span>

#include "analysis/emerging_classes.hpp"
#include "analysis/mann_kendall.hpp"

using namespace hotspot;
using Catch::Matchers::WithinAbs;

namespace {

// A series from letters: H = significant hot (z = 3 + i * slope), C = significant
// cold, . = not significant (z = 0.5). `slope` adds a trend to the hot z-scores.
struct Series {
  std::vector<double> z;
  std::vector<bool> sig;
};
// std::vector<bool> has no span view: copy into a plain bool array per call.
EmergingClass classify(const std::string& pattern, double slope = 0) {
  Series s;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const double t = static_cast<double>(i);
    if (pattern[i] == 'H') s.z.push_back(3 + slope * t), s.sig.push_back(true);
    else if (pattern[i] == 'C') s.z.push_back(-3 - slope * t), s.sig.push_back(true);
    else s.z.push_back(0.5), s.sig.push_back(false);
  }
  std::unique_ptr<bool[]> sig(new bool[s.sig.size()]);
  for (std::size_t i = 0; i < s.sig.size(); ++i) sig[i] = s.sig[i];
  return classify_emerging(s.z, std::span<const bool>(sig.get(), s.sig.size()));
}

}  // namespace

TEST_CASE("every emerging hot spot class on a hand-made series", "[emerging]") {
  const std::string none(20, '.');
  CHECK(classify(none) == EmergingClass::NoPattern);
  CHECK(classify(std::string(19, '.') + "H") == EmergingClass::NewHot);
  CHECK(classify(std::string(16, '.') + "HHHH") == EmergingClass::ConsecutiveHot);
  CHECK(classify(std::string(20, 'H'), 0.5) == EmergingClass::IntensifyingHot);   // z rising every month
  CHECK(classify(std::string(20, 'H')) == EmergingClass::PersistentHot);          // flat: no trend
  CHECK(classify(std::string(20, 'H'), -0.1) == EmergingClass::DiminishingHot);   // z falling, still hot
  CHECK(classify("..H...H..H....H....H") == EmergingClass::SporadicHot);
  CHECK(classify("..C...H..C....H....H") == EmergingClass::OscillatingHot);
  CHECK(classify("HHHHHHHHHHHHHHHHHHH.") == EmergingClass::HistoricalHot);
  // The cold mirror images.
  CHECK(classify(std::string(19, '.') + "C") == EmergingClass::NewCold);
  CHECK(classify(std::string(16, '.') + "CCCC") == EmergingClass::ConsecutiveCold);
  CHECK(classify(std::string(20, 'C'), 0.5) == EmergingClass::IntensifyingCold);  // ever colder
  CHECK(classify(std::string(20, 'C')) == EmergingClass::PersistentCold);
  CHECK(classify(std::string(20, 'C'), -0.1) == EmergingClass::DiminishingCold);
  CHECK(classify("..C...C..C....C....C") == EmergingClass::SporadicCold);
  CHECK(classify("..H...C..H....C....C") == EmergingClass::OscillatingCold);
  CHECK(classify("CCCCCCCCCCCCCCCCCCC.") == EmergingClass::HistoricalCold);
  // Boundaries: a hot run that started earlier, broken, is not consecutive; 17 of 20 hot is under 90%.
  CHECK(classify("....H.......HHHHHHHH") == EmergingClass::SporadicHot);
  CHECK(classify("...HHHHHHHHHHHHHHHHH") == EmergingClass::ConsecutiveHot);
  CHECK(classify("HHHHHHHHH..HHHHHHHHH") == EmergingClass::PersistentHot);  // 18 of 20 = 90%, no trend
  CHECK(classify("..HHHHHHHHHHHHHHHHHH") == EmergingClass::IntensifyingHot);  // 90%, and z rose from 0.5 to 3
  CHECK(emerging_class_name(EmergingClass::OscillatingHot) == "oscillating hot spot");
}

TEST_CASE("Mann-Kendall against a direct computation, with ties", "[emerging]") {
  std::mt19937 rng(3);
  std::uniform_int_distribution<int> v(0, 6);  // many ties
  for (int trial = 0; trial < 200; ++trial) {
    const std::size_t n = 3 + static_cast<std::size_t>(trial % 30);
    std::vector<double> x(n);
    for (double& e : x) e = v(rng) + (trial % 3 == 0 ? 0.1 * static_cast<double>(&e - x.data()) : 0);
    double s = 0;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) s += x[j] > x[i] ? 1 : x[j] < x[i] ? -1 : 0;
    double ties = 0;
    for (std::size_t i = 0; i < n; ++i) {
      bool first = true;
      for (std::size_t k = 0; k < i; ++k) first = first && x[k] != x[i];
      if (!first) continue;
      double t = 0;
      for (std::size_t k = 0; k < n; ++k) t += x[k] == x[i];
      ties += t * (t - 1) * (2 * t + 5);
    }
    const double dn = static_cast<double>(n);
    const double var = (dn * (dn - 1) * (2 * dn + 5) - ties) / 18;
    const MannKendall mk = mann_kendall(x);
    CHECK(mk.s == s);
    CHECK_THAT(mk.variance, WithinAbs(var, 1e-9));
    if (var > 0 && s != 0) {
      const double z = (s - (s > 0 ? 1 : -1)) / std::sqrt(var);
      CHECK_THAT(mk.z, WithinAbs(z, 1e-12));
      CHECK_THAT(mk.p, WithinAbs(std::erfc(std::abs(z) / std::sqrt(2.0)), 1e-12));
    }
  }
  // A strictly rising series of 10: S = 45, Var = 125, Z = 44/sqrt(125) = 3.935, tau = 1.
  std::vector<double> up(10);
  for (std::size_t i = 0; i < up.size(); ++i) up[i] = static_cast<double>(i);
  const MannKendall r = mann_kendall(up);
  CHECK(r.s == 45);
  CHECK(r.variance == 125);
  CHECK_THAT(r.z, WithinAbs(44 / std::sqrt(125.0), 1e-12));
  CHECK(r.tau == 1);
  CHECK(r.p < 0.001);
}

TEST_CASE("sfhotspot-style summary classes", "[emerging]") {
  auto summary = [](const std::string& pattern, std::size_t recent) {
    std::vector<double> z;
    std::unique_ptr<bool[]> sig(new bool[pattern.size()]);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      z.push_back(pattern[i] == 'H' ? 3 : 0);
      sig[i] = pattern[i] == 'H';
    }
    return summary_class(z, std::span<const bool>(sig.get(), pattern.size()), recent);
  };
  CHECK(summary("............", 3) == SummaryClass::None);
  CHECK(summary("HHHHHHHHHHHH", 3) == SummaryClass::Persistent);
  CHECK(summary(".........HHH", 3) == SummaryClass::Emerging);
  CHECK(summary("HHHHHHHH....", 3) == SummaryClass::Former);
  CHECK(summary("..H.....H...", 3) == SummaryClass::Intermittent);
}
