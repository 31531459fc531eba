#include "analysis/gistar_grid.hpp"
