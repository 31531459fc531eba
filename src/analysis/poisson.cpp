#include "analysis/poisson.hpp"

#include <boost/math/special_functions/gamma.hpp>

namespace hotspot {

// P(X >= k) = P(k, lambda), the regularised lower incomplete gamma function;
// P(X <= k) = Q(k + 1, lambda), the upper one (Boost.Math).
double poisson_upper_tail(long k, double lambda) {
  if (k <= 0) return 1.0;
  if (lambda <= 0) return 0.0;
  return boost::math::gamma_p(static_cast<double>(k), lambda);
}

double poisson_lower_tail(long k, double lambda) {
  if (k < 0) return 0.0;
  if (lambda <= 0) return 1.0;
  return boost::math::gamma_q(static_cast<double>(k) + 1.0, lambda);
}

}  // namespace hotspot
