#include "analysis/kde.hpp"
