#include "io/xml_tree.hpp"

#include <fmt/format.h>
#include <sstream>
#include <stdexcept>

namespace hotspot::xml {

pugi::xml_node child(pugi::xml_node parent, const char* name, Attrs attrs) {
  pugi::xml_node n = parent.append_child(name);
  add_attributes(n, attrs);
  return n;
}

void add_attributes(pugi::xml_node element, Attrs attrs) {
  for (const auto& [k, v] : attrs) element.append_attribute(k).set_value(v.c_str());
}

pugi::xml_node text_child(pugi::xml_node parent, const char* name, const std::string& text) {
  pugi::xml_node n = parent.append_child(name);
  n.text().set(text.c_str());
  return n;
}

void line_break(pugi::xml_node parent) { parent.append_child(pugi::node_pcdata).set_value("\n"); }

std::string num(double v) { return fmt::format("{}", v); }

std::string fragment_string(const pugi::xml_node& container) {
  std::ostringstream out;
  for (pugi::xml_node n : container.children()) n.print(out, "", pugi::format_raw);
  return out.str();
}

void append_fragment(pugi::xml_node parent, const std::string& fragment) {
  if (fragment.empty()) return;
  const pugi::xml_parse_result r =
      parent.append_buffer(fragment.data(), fragment.size(), pugi::parse_default | pugi::parse_fragment);
  if (!r) throw std::runtime_error(fmt::format("internal error: malformed XML fragment ({})", r.description()));
}

void add_qgis_doctype(pugi::xml_document& doc) {
  doc.append_child(pugi::node_doctype).set_value("qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'");
}

std::string qgis_document_string(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

}  // namespace hotspot::xml
