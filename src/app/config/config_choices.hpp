#pragma once
// The choice options of the configuration as enums, each with its one name
// table (app/config/choice.hpp). Enums the analysis or readers already define
// (Kernel, KdeOutput, Correction, IncidentFormat) get their tables here too.
#include <vector>

#include "analysis/kde.hpp"
#include "analysis/multiple_testing.hpp"
#include "app/config/choice.hpp"
#include "io/incident_reader.hpp"

namespace hotspot {

// kde.grid: edges on multiples of the cell over study area + bandwidth, or QGIS Heatmap's grid.
enum class KdeGrid { Aligned, Qgis };
// kde.classes: the top forecast cells covering kde.coverage, mean + 1, 2, 3 sd of
// this period's surface, or top percentages of it.
enum class HotspotClasses { Coverage, Sd, TopPercent };
// clusters.ward_weights: queen weights for ward Gi*, binary (ArcGIS) or row-standardised (GeoDa).
enum class WardWeights { Row, Binary };
// programme.measure: what a venue's catchment is scored by.
enum class VenueMeasure { Incidents, Kde };
// forward_plan.weekday, numbered as ISO 8601 (and std::chrono::weekday): Monday = 1.
enum class Weekday { Monday = 1, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };
// context.kind: how the report draws the reference layer.
enum class ContextKind { Roads, Rail, Water, Area };
// venues.format.
enum class VenueFormat { Csv, Ogr };

const std::vector<ChoiceName<Kernel>>& choices_of(Kernel);
const std::vector<ChoiceName<KdeOutput>>& choices_of(KdeOutput);
const std::vector<ChoiceName<KdeGrid>>& choices_of(KdeGrid);
const std::vector<ChoiceName<HotspotClasses>>& choices_of(HotspotClasses);
const std::vector<ChoiceName<Correction>>& choices_of(Correction);
const std::vector<ChoiceName<WardWeights>>& choices_of(WardWeights);
const std::vector<ChoiceName<VenueMeasure>>& choices_of(VenueMeasure);
const std::vector<ChoiceName<Weekday>>& choices_of(Weekday);
const std::vector<ChoiceName<ContextKind>>& choices_of(ContextKind);
const std::vector<ChoiceName<IncidentFormat>>& choices_of(IncidentFormat);
const std::vector<ChoiceName<VenueFormat>>& choices_of(VenueFormat);

}  // namespace hotspot
