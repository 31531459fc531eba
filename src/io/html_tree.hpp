#pragma once
// HTML pages built as pugixml trees, like the SVG (io/xml_tree.hpp): the
// library escapes every text and attribute, so nothing is escaped by hand.
// The tree is written as HTML5 (page_string): a void element (meta) closes
// itself, <meta .../>; every other HTML element keeps its end tag even when
// empty (<td></td>: HTML has no <td/>); inline SVG is written as SVG.
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "io/xml_tree.hpp"

namespace hotspot::html {

using xml::Attrs;

// Appends <name attrs...> to parent and returns it.
pugi::xml_node el(pugi::xml_node parent, const char* name, Attrs attrs = {});
// Appends <name attrs...>text</name> to parent and returns it.
pugi::xml_node el(pugi::xml_node parent, const char* name, Attrs attrs, std::string_view text);
// Appends text after what `parent` holds; returns parent, to go on with it.
pugi::xml_node text(pugi::xml_node parent, std::string_view text);
// A line break in the page's source, between elements, as the pages have always been laid out.
void newline(pugi::xml_node parent);
// Appends a copy of each child of `fragment` (a map's <svg>, a legend's <ul>).
void append_children(pugi::xml_node parent, const pugi::xml_node& fragment);
// Parses HTML that is also well-formed XML (a part of a page still built as
// text) and appends its nodes, line breaks included.
void append_markup(pugi::xml_node parent, const std::string& markup);

// A whole page: <!DOCTYPE html> and the tree. Its <style> may not hold < > or
// &, which a style element does not unescape (an internal Error if it does).
std::string page_string(pugi::xml_document& doc);

}  // namespace hotspot::html
