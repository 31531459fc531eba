#include "io/html_tree.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <sstream>

#include "core/error.hpp"

namespace hotspot::html {
namespace {

// HTML's void elements: they have no end tag, so they close themselves.
constexpr std::array<std::string_view, 13> kVoid = {"area", "base",  "br",   "col",    "embed", "hr", "img",
                                                    "input", "link", "meta", "source", "track", "wbr"};

bool is_void(std::string_view name) { return std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end(); }

// Gives every empty HTML element outside inline SVG an empty text, so the
// writer keeps its end tag, and checks the style sheets.
void prepare(pugi::xml_node n) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view name = c.name();
    if (name == "svg") continue;  // foreign content: <path/> is SVG's own
    if (name == "style" && std::strpbrk(c.child_value(), "<>&"))
      throw internal_error("html", "a style sheet holds < > or &, which a <style> element would not unescape");
    if (!c.first_child() && !is_void(name)) c.append_child(pugi::node_pcdata);
    prepare(c);
  }
}

}  // namespace

pugi::xml_node el(pugi::xml_node parent, const char* name, Attrs attrs) { return xml::child(parent, name, attrs); }

pugi::xml_node el(pugi::xml_node parent, const char* name, Attrs attrs, std::string_view text) {
  pugi::xml_node n = xml::child(parent, name, attrs);
  html::text(n, text);
  return n;
}

pugi::xml_node text(pugi::xml_node parent, std::string_view text) {
  if (!text.empty()) parent.append_child(pugi::node_pcdata).set_value(text.data(), text.size());
  return parent;
}

void newline(pugi::xml_node parent) { xml::line_break(parent); }

void append_children(pugi::xml_node parent, const pugi::xml_node& fragment) {
  for (pugi::xml_node n : fragment.children()) parent.append_copy(n);
}

void append_markup(pugi::xml_node parent, const std::string& markup) {
  if (markup.empty()) return;
  const pugi::xml_parse_result r = parent.append_buffer(
      markup.data(), markup.size(), pugi::parse_default | pugi::parse_fragment | pugi::parse_ws_pcdata);
  if (!r) throw internal_error("html", std::string("markup that is not well-formed: ") + r.description());
}

std::string page_string(pugi::xml_document& doc) {
  prepare(doc);
  xml::escape_unprintable(doc);  // names from the config may hold control bytes
  std::ostringstream out;
  out << "<!DOCTYPE html>\n";
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

}  // namespace hotspot::html
