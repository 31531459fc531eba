#include "analysis/dbscan.hpp"
