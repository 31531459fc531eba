#include "app/config/config_choices.hpp"

namespace hotspot {

// The order of each table is the order of "must be one of ..." and of `hotspot options`.

std::span<const ChoiceName<Kernel>> choices_of(Kernel) {
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

std::span<const ChoiceName<KdeOutput>> choices_of(KdeOutput) {
  static constexpr ChoiceName<KdeOutput> names[] = {{KdeOutput::Density, "density"}, {KdeOutput::Raw, "raw"}};
  return names;
}

std::span<const ChoiceName<Correction>> choices_of(Correction) {
  static constexpr ChoiceName<Correction> names[] = {
      {Correction::FalseDiscoveryRate, "fdr"}, {Correction::Bonferroni, "bonferroni"}, {Correction::None, "none"}};
  return names;
}

std::span<const ChoiceName<IncidentFormat>> choices_of(IncidentFormat) {
  static constexpr ChoiceName<IncidentFormat> names[] = {
      {IncidentFormat::PoliceUk, "police_uk"}, {IncidentFormat::MappedCsv, "mapped_csv"}, {IncidentFormat::Ogr, "ogr"}};
  return names;
}

}  // namespace hotspot
