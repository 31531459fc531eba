#include "io/xml_tree.hpp"

#include <fmt/format.h>
#include <sstream>
#include <stdexcept>

#include "core/text.hpp"

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

namespace {

bool needs_escape(const char* text) { return !is_printable(text); }

// True when a value in the tree holds a control byte or a byte that is not UTF-8.
bool has_unprintable(const pugi::xml_node& node) {
  if (needs_escape(node.value())) return true;
  for (const pugi::xml_attribute a : node.attributes())
    if (needs_escape(a.value())) return true;
  for (const pugi::xml_node c : node.children())
    if (has_unprintable(c)) return true;
  return false;
}

}  // namespace

// Every value as printable() shows it (\xNN). XML 1.0 cannot hold a control
// character at all (pugixml writes &#1;, which no parser accepts: QGIS would
// not open the project), and a byte that is not UTF-8 spoils the whole file.
void escape_unprintable(pugi::xml_node node) {
  if (needs_escape(node.value())) node.set_value(printable(node.value()).c_str());
  for (pugi::xml_attribute a : node.attributes())
    if (needs_escape(a.value())) a.set_value(printable(a.value()).c_str());
  for (pugi::xml_node c : node.children()) escape_unprintable(c);
}


std::string fragment_string(const pugi::xml_node& container) {
  std::ostringstream out;
  if (has_unprintable(container)) {  // rare: a copy with the values escaped
    pugi::xml_document copy;
    for (const pugi::xml_node n : container.children()) copy.append_copy(n);
    escape_unprintable(copy);
    for (pugi::xml_node n : copy.children()) n.print(out, "", pugi::format_raw);
    return out.str();
  }
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
  constexpr unsigned kFormat = pugi::format_indent | pugi::format_no_declaration;
  if (has_unprintable(doc)) {  // rare: a copy with the values escaped
    pugi::xml_document copy;
    copy.reset(doc);
    escape_unprintable(copy);
    copy.save(out, "  ", kFormat, pugi::encoding_utf8);
    return out.str();
  }
  doc.save(out, "  ", kFormat, pugi::encoding_utf8);
  return out.str();
}

}  // namespace hotspot::xml
