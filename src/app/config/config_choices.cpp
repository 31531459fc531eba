#include "app/config/config_choices.hpp"

namespace hotspot {

// The order of each table is the order of "must be one of ..." and of `hotspot options`.

const std::vector<ChoiceName<Kernel>>& choices_of(Kernel) {
  // The kernel names belong to the analysis (kernel_name), which also reads method ids.
  static const std::vector<ChoiceName<Kernel>> names = [] {
    std::vector<ChoiceName<Kernel>> out;
    for (Kernel k : {Kernel::Quartic, Kernel::Epanechnikov, Kernel::Triangular, Kernel::Uniform, Kernel::Triweight,
                     Kernel::Gaussian})
      out.push_back({k, kernel_name(k)});
    return out;
  }();
  return names;
}

const std::vector<ChoiceName<KdeOutput>>& choices_of(KdeOutput) {
  static const std::vector<ChoiceName<KdeOutput>> names = {{KdeOutput::Density, "density"}, {KdeOutput::Raw, "raw"}};
  return names;
}

const std::vector<ChoiceName<KdeGrid>>& choices_of(KdeGrid) {
  static const std::vector<ChoiceName<KdeGrid>> names = {{KdeGrid::Aligned, "aligned"}, {KdeGrid::Qgis, "qgis"}};
  return names;
}

const std::vector<ChoiceName<HotspotClasses>>& choices_of(HotspotClasses) {
  static const std::vector<ChoiceName<HotspotClasses>> names = {
      {HotspotClasses::Coverage, "coverage"}, {HotspotClasses::Sd, "sd"}, {HotspotClasses::TopPercent, "top_percent"}};
  return names;
}

const std::vector<ChoiceName<Correction>>& choices_of(Correction) {
  static const std::vector<ChoiceName<Correction>> names = {
      {Correction::FalseDiscoveryRate, "fdr"}, {Correction::Bonferroni, "bonferroni"}, {Correction::None, "none"}};
  return names;
}

const std::vector<ChoiceName<WardWeights>>& choices_of(WardWeights) {
  static const std::vector<ChoiceName<WardWeights>> names = {{WardWeights::Row, "row"}, {WardWeights::Binary, "binary"}};
  return names;
}

const std::vector<ChoiceName<VenueMeasure>>& choices_of(VenueMeasure) {
  static const std::vector<ChoiceName<VenueMeasure>> names = {{VenueMeasure::Incidents, "incidents"},
                                                              {VenueMeasure::Kde, "kde"}};
  return names;
}

const std::vector<ChoiceName<Weekday>>& choices_of(Weekday) {
  static const std::vector<ChoiceName<Weekday>> names = {
      {Weekday::Monday, "monday"}, {Weekday::Tuesday, "tuesday"},   {Weekday::Wednesday, "wednesday"},
      {Weekday::Thursday, "thursday"}, {Weekday::Friday, "friday"}, {Weekday::Saturday, "saturday"},
      {Weekday::Sunday, "sunday"}};
  return names;
}

const std::vector<ChoiceName<ContextKind>>& choices_of(ContextKind) {
  static const std::vector<ChoiceName<ContextKind>> names = {
      {ContextKind::Roads, "roads"}, {ContextKind::Rail, "rail"}, {ContextKind::Water, "water"}, {ContextKind::Area, "area"}};
  return names;
}

const std::vector<ChoiceName<IncidentFormat>>& choices_of(IncidentFormat) {
  static const std::vector<ChoiceName<IncidentFormat>> names = {
      {IncidentFormat::PoliceUk, "police_uk"}, {IncidentFormat::MappedCsv, "mapped_csv"}, {IncidentFormat::Ogr, "ogr"}};
  return names;
}

const std::vector<ChoiceName<VenueFormat>>& choices_of(VenueFormat) {
  static const std::vector<ChoiceName<VenueFormat>> names = {{VenueFormat::Csv, "csv"}, {VenueFormat::Ogr, "ogr"}};
  return names;
}

}  // namespace hotspot
