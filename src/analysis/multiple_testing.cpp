#include "analysis/multiple_testing.hpp"
