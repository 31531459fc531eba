#include "analysis/hotspot_classes.hpp"
