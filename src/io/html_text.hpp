#pragma once
// Text for the HTML pages a run writes, which are built as strings. SVG is not
// escaped here: it is built with pugixml (io/xml_tree.hpp), which escapes.
#include <string>

namespace hotspot {

// The XML escapes (&amp; &lt; &gt; &quot; &apos;), valid in HTML5 text and
// attributes, after control bytes and bytes that are not UTF-8 are written as
// \xNN (core/text.hpp printable): a label from the config may hold them, and
// HTML has no way to show them.
std::string html_escape(const std::string& s);

}  // namespace hotspot
