#include "app/report/page_refs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>
#include <vector>

namespace hotspot {
namespace {

// The classes of a class attribute.
std::vector<std::string> classes(const char* attr) {
  std::istringstream in(attr);
  std::vector<std::string> out;
  for (std::string c; in >> c;) out.push_back(c);
  return out;
}

}  // namespace

std::string pages_of(pugi::xml_node body, const std::string& section_class) {
  std::size_t page = 0, first = 0, last = 0;
  for (const pugi::xml_node s : body.children("section")) {
    const std::vector<std::string> c = classes(s.attribute("class").value());
    if (std::find(c.begin(), c.end(), "page") == c.end()) continue;
    ++page;
    if (std::find(c.begin(), c.end(), section_class) == c.end()) continue;
    if (first == 0) first = page;
    last = page;
  }
  if (first == 0) return "";
  return first == last ? fmt::format(" (page {})", first) : fmt::format(" (pages {}\u2013{})", first, last);
}

void fill_page_refs(pugi::xml_node body) {
  for (const pugi::xpath_node x : body.select_nodes(".//*[@data-pages]")) {
    pugi::xml_node n = x.node();
    const std::string where = pages_of(body, n.attribute("data-pages").value());
    std::string text = n.text().get();
    if (const std::size_t at = text.find("{pages}"); at != std::string::npos) text.replace(at, 7, where);
    n.text().set(text.c_str());
    n.remove_attribute("data-pages");
  }
}

}  // namespace hotspot
