#pragma once
// Poisson tail probabilities for "is this count unusual against the baseline".

namespace hotspot {

// P(X >= k) for X ~ Poisson(lambda). 1 when k <= 0.
double poisson_upper_tail(long k, double lambda);
// P(X <= k) for X ~ Poisson(lambda).
double poisson_lower_tail(long k, double lambda);

}  // namespace hotspot
