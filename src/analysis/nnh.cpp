#include "analysis/nnh.hpp"
