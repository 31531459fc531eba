#include "analysis/local_stats.hpp"
