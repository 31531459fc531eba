#pragma once
// Page references the report can only know once every page is built: an
// element with data-pages="<class>" has "{pages}" in its text replaced by
// " (page 12)" or " (pages 3–8)", the printed pages of the sections with
// that class (each <section class="page ..."> is one printed page), and the
// attribute removed.
#include <pugixml.hpp>

#include <string>

namespace hotspot {

// " (page 3)", " (pages 3\u20138)", or "" when no section has the class.
std::string pages_of(pugi::xml_node body, const std::string& section_class);

// Fills every data-pages element under `body`.
void fill_page_refs(pugi::xml_node body);

}  // namespace hotspot
