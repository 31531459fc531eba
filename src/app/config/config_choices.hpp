#pragma once
// The choice options of the configuration as enums, each with its one name
// table beside it (app/config/choice.hpp). Enums the analysis or readers
// already define (Kernel, KdeOutput, Correction, IncidentFormat) get their
// tables in config_choices.cpp. The order of each table is the order of
// "must be one of ..." and of `hotspot options`.
#include <span>

#include "analysis/kde.hpp"
#include "analysis/multiple_testing.hpp"
#include "app/config/choice.hpp"
#include "io/incident_reader.hpp"

namespace hotspot {

// kde.grid: edges on multiples of the cell over study area + bandwidth, or QGIS Heatmap's grid.
enum class KdeGrid { Aligned, Qgis };
inline constexpr ChoiceName<KdeGrid> kKdeGridNames[] = {{KdeGrid::Aligned, "aligned"}, {KdeGrid::Qgis, "qgis"}};
constexpr std::span<const ChoiceName<KdeGrid>> choices_of(KdeGrid) { return kKdeGridNames; }

// kde.classes: the top forecast cells covering kde.coverage, mean + 1, 2, 3 sd of
// this period's surface, or top percentages of it.
enum class HotspotClasses { Coverage, Sd, TopPercent };
inline constexpr ChoiceName<HotspotClasses> kHotspotClassNames[] = {
    {HotspotClasses::Coverage, "coverage"}, {HotspotClasses::Sd, "sd"}, {HotspotClasses::TopPercent, "top_percent"}};
constexpr std::span<const ChoiceName<HotspotClasses>> choices_of(HotspotClasses) { return kHotspotClassNames; }

// clusters.ward_weights: queen weights for ward Gi*, binary (ArcGIS) or row-standardised (GeoDa).
enum class WardWeights { Row, Binary };
inline constexpr ChoiceName<WardWeights> kWardWeightNames[] = {{WardWeights::Row, "row"},
                                                                {WardWeights::Binary, "binary"}};
constexpr std::span<const ChoiceName<WardWeights>> choices_of(WardWeights) { return kWardWeightNames; }

// programme.measure: what a venue's catchment is scored by.
enum class VenueMeasure { Incidents, Kde };
inline constexpr ChoiceName<VenueMeasure> kVenueMeasureNames[] = {{VenueMeasure::Incidents, "incidents"},
                                                                  {VenueMeasure::Kde, "kde"}};
constexpr std::span<const ChoiceName<VenueMeasure>> choices_of(VenueMeasure) { return kVenueMeasureNames; }

// forward_plan.weekday, numbered as ISO 8601 (and std::chrono::weekday): Monday = 1.
enum class Weekday { Monday = 1, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };
inline constexpr ChoiceName<Weekday> kWeekdayNames[] = {
    {Weekday::Monday, "monday"},     {Weekday::Tuesday, "tuesday"}, {Weekday::Wednesday, "wednesday"},
    {Weekday::Thursday, "thursday"}, {Weekday::Friday, "friday"},   {Weekday::Saturday, "saturday"},
    {Weekday::Sunday, "sunday"}};
constexpr std::span<const ChoiceName<Weekday>> choices_of(Weekday) { return kWeekdayNames; }

// context.kind: how the report draws the reference layer.
enum class ContextKind { Roads, Rail, Water, Area };
inline constexpr ChoiceName<ContextKind> kContextKindNames[] = {
    {ContextKind::Roads, "roads"}, {ContextKind::Rail, "rail"}, {ContextKind::Water, "water"},
    {ContextKind::Area, "area"}};
constexpr std::span<const ChoiceName<ContextKind>> choices_of(ContextKind) { return kContextKindNames; }

// venues.format.
enum class VenueFormat { Csv, Ogr };
inline constexpr ChoiceName<VenueFormat> kVenueFormatNames[] = {{VenueFormat::Csv, "csv"}, {VenueFormat::Ogr, "ogr"}};
constexpr std::span<const ChoiceName<VenueFormat>> choices_of(VenueFormat) { return kVenueFormatNames; }

std::span<const ChoiceName<Kernel>> choices_of(Kernel);
std::span<const ChoiceName<KdeOutput>> choices_of(KdeOutput);
std::span<const ChoiceName<Correction>> choices_of(Correction);
std::span<const ChoiceName<IncidentFormat>> choices_of(IncidentFormat);

}  // namespace hotspot
