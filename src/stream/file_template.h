#pragma once
// A numbered file name ("seg_00042.ts"), written and read from one template:
// the names a playlist lists are the only names a request may use.
#include <optional>
#include <string>
#include <string_view>

namespace ws::stream {

struct FileTemplate {
  std::string_view prefix;
  std::string_view suffix;

  // prefix + the index on at least 5 digits + suffix: "seg_00042.ts".
  std::string format(int index) const;
  // The index in a name that is exactly prefix + 5 to 9 digits + suffix.
  std::optional<int> parse(std::string_view name) const;
  // The template as the playlist writers take it: "seg_%05d.ts".
  std::string uri_template() const;
  // The template as a DASH SegmentTemplate writes it: "seg_$Number%05d$.m4s".
  std::string dash_template() const;
};

}  // namespace ws::stream
