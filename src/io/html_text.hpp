#pragma once
// Text for the HTML pages a run writes, which are built as strings. SVG is not
// escaped here: it is built with pugixml (io/xml_tree.hpp), which escapes.
#include <string>

namespace hotspot {

// The XML escapes (&amp; &lt; &gt; &quot; &apos;), valid in HTML5 text and attributes.
std::string html_escape(const std::string& s);

}  // namespace hotspot
