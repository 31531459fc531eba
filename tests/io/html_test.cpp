// HTML pages as pugixml trees: the library escapes, void elements close
// themselves, every other element keeps its end tag, style sheets stay raw.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "io/html_tree.hpp"

using namespace hotspot;

TEST_CASE("HTML page: text and attributes escaped by the library, HTML5 end tags", "[html]") {
  pugi::xml_document doc;
  const pugi::xml_node page = html::el(doc, "html", {{"lang", "en"}});
  const pugi::xml_node head = html::el(page, "head");
  html::el(head, "meta", {{"charset", "utf-8"}});
  html::el(head, "style", {}, "p { font-family: \"DejaVu Sans\"; }");
  const pugi::xml_node body = html::el(page, "body");
  const pugi::xml_node tr = html::el(html::el(body, "table"), "tr", {{"data-id", "a\"b<c>&'d"}});
  html::el(tr, "td", {}, "O'Brien & <Co> \"q\"");
  html::el(tr, "td", {}, "");
  html::text(html::el(tr, "td"), "x").append_child("b").text().set("y");
  html::newline(body);
  html::append_markup(body, "<svg><text x=\"1\">\n<tspan>5</tspan></text><path d=\"M0\"/></svg>\n");
  CHECK(html::page_string(doc) ==
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
        "<style>p { font-family: \"DejaVu Sans\"; }</style></head><body><table>"
        "<tr data-id=\"a&quot;b&lt;c>&amp;'d\"><td>O'Brien &amp; &lt;Co&gt; \"q\"</td><td></td><td>x<b>y</b></td></tr>"
        "</table>\n<svg><text x=\"1\">\n<tspan>5</tspan></text><path d=\"M0\"/></svg>\n</body></html>");
}

TEST_CASE("HTML page: a style sheet with < > or & is refused, markup that is not XML too", "[html]") {
  pugi::xml_document doc;
  html::el(html::el(doc, "head"), "style", {}, ".a > b { }");
  CHECK_THROWS_AS(html::page_string(doc), Error);
  pugi::xml_document other;
  CHECK_THROWS_AS(html::append_markup(other, "<p>unclosed"), Error);
}
