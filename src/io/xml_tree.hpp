#pragma once
// Small helpers over pugixml for the XML a run writes (QGIS files, inline SVG):
// the library does all escaping; numbers are formatted the same way on every run.
#include <initializer_list>
#include <pugixml.hpp>
#include <string>
#include <utility>

namespace hotspot::xml {

using Attrs = std::initializer_list<std::pair<const char*, std::string>>;

// Appends <name a="v" .../> to parent and returns it.
pugi::xml_node child(pugi::xml_node parent, const char* name, Attrs attrs = {});
// Appends attributes to an element, in the order given.
void add_attributes(pugi::xml_node element, Attrs attrs);
// Appends <name>text</name> to parent and returns it.
pugi::xml_node text_child(pugi::xml_node parent, const char* name, const std::string& text);
// Appends a line break as text: compact SVG keeps one element a line, readable in the page source.
void line_break(pugi::xml_node parent);
// Shortest text that reads back as the same double.
std::string num(double v);
// Every text and attribute value in the tree as printable() shows it (\xNN):
// XML 1.0 and HTML cannot hold control characters.
void escape_unprintable(pugi::xml_node node);
// The children of a node (a fragment: one or more sibling elements) as compact
// text, no indent or declaration: also how inline SVG is written into HTML.
std::string fragment_string(const pugi::xml_node& container);
// Parses a fragment written by fragment_string and appends its elements to parent.
void append_fragment(pugi::xml_node parent, const std::string& fragment);
// A whole QGIS document (.qgs or .qml): QGIS's doctype, then the tree indented by two spaces.
std::string qgis_document_string(const pugi::xml_document& doc);
// A document whose first node is QGIS's doctype.
void add_qgis_doctype(pugi::xml_document& doc);

}  // namespace hotspot::xml
