#include "architecture/source_file.h"

#include <cctype>

namespace ws::arch {
namespace {

bool is_identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// A left-to-right lexer: enough of C++ to tell code from comments, string and
// character literals (raw strings and digit separators included).
class Scanner {
 public:
  Scanner(std::string_view text, SourceFile& out) : text_(text), out_(out) {}

  void run() {
    while (pos_ < text_.size()) step();
  }

 private:
  void step() {
    char c = text_[pos_];
    if (c == '#' && at_line_start_) return directive();
    if (text_.substr(pos_, 2) == "//") return line_comment();
    if (text_.substr(pos_, 2) == "/*") return block_comment();
    if (c == '"') return raw_prefix() ? raw_string() : string_literal();
    if (c == '\'' && !digit_separator()) return char_literal();
    copy(c);
    ++pos_;
  }

  void copy(char c) {
    out_.code += c;
    if (c == '\n') {
      ++line_;
      at_line_start_ = true;
    } else if (!is_blank(c)) {
      at_line_start_ = false;
    }
  }

  void directive() {
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view line = text_.substr(pos_, end - pos_);
    size_t word = line.find_first_not_of(" \t", 1);
    if (word == std::string_view::npos || line.substr(word, 7) != "include") {
      copy('#');
      ++pos_;
      return;
    }
    size_t open = line.find_first_of("<\"", word + 7);
    if (open != std::string_view::npos) {
      char close = line[open] == '<' ? '>' : '"';
      size_t stop = line.find(close, open + 1);
      if (stop != std::string_view::npos)
        out_.includes.push_back({line_, close == '>', std::string(line.substr(open + 1, stop - open - 1))});
    }
    pos_ = end;  // the newline itself is copied by the next step
  }

  void line_comment() {
    while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
  }

  void block_comment() {
    size_t end = text_.find("*/", pos_ + 2);
    end = end == std::string_view::npos ? text_.size() : end + 2;
    blank_until(end);
  }

  // Skips text up to `end`, keeping its line breaks so line numbers still hold.
  void blank_until(size_t end) {
    for (; pos_ < end; ++pos_)
      if (text_[pos_] == '\n') copy('\n');
  }

  bool raw_prefix() const {
    size_t start = pos_;
    while (start > 0 && is_identifier_char(text_[start - 1])) --start;
    std::string_view prefix = text_.substr(start, pos_ - start);
    return prefix == "R" || prefix == "u8R" || prefix == "uR" || prefix == "UR" || prefix == "LR";
  }

  // A quote inside a number (1'000'000) separates digits; it opens no literal.
  bool digit_separator() const {
    size_t start = pos_;
    while (start > 0 && (is_identifier_char(text_[start - 1]) || text_[start - 1] == '\'')) --start;
    return start < pos_ && std::isdigit(static_cast<unsigned char>(text_[start]));
  }

  void raw_string() {
    size_t open = text_.find('(', pos_);
    std::string closing = ")" + std::string(text_.substr(pos_ + 1, open - pos_ - 1)) + "\"";
    size_t end = open == std::string_view::npos ? std::string_view::npos : text_.find(closing, open);
    if (end == std::string_view::npos) return copy_rest();
    int first_line = line_;
    size_t start = out_.code.size();
    out_.code += "\"\"";
    blank_until(end + closing.size());
    add_literal(start, first_line, std::string(text_.substr(open + 1, end - open - 1)));
  }

  void string_literal() {
    std::string body;
    size_t i = pos_ + 1;
    for (; i < text_.size() && text_[i] != '"' && text_[i] != '\n'; ++i) {
      bool escape = text_[i] == '\\';
      body += escape ? ' ' : text_[i];
      i += escape;
    }
    pos_ = i < text_.size() && text_[i] == '"' ? i + 1 : i;
    size_t start = out_.code.size();
    out_.code += "\"\"";
    add_literal(start, line_, std::move(body));
  }

  void char_literal() {
    size_t i = pos_ + 1;
    for (; i < text_.size() && text_[i] != '\'' && text_[i] != '\n'; ++i)
      if (text_[i] == '\\') ++i;
    pos_ = i < text_.size() && text_[i] == '\'' ? i + 1 : i;
    out_.code += "''";
  }

  void copy_rest() {
    while (pos_ < text_.size()) copy(text_[pos_++]);
  }

  // Literals separated by white space only are one literal to the compiler.
  void add_literal(size_t start, int line, std::string body) {
    bool adjacent = !out_.literals.empty() && out_.code.find_first_not_of(" \t\r\n", last_literal_end_) == start;
    if (adjacent) out_.literals.back().text += " " + body;
    else out_.literals.push_back({line, std::move(body)});
    last_literal_end_ = start + 2;
  }

  std::string_view text_;
  SourceFile& out_;
  size_t pos_ = 0;
  int line_ = 1;
  bool at_line_start_ = true;
  size_t last_literal_end_ = 0;
};

int count_lines(std::string_view text) {
  int lines = 0;
  for (char c : text) lines += c == '\n';
  return lines + (!text.empty() && text.back() != '\n');
}

}  // namespace

std::string first_folder(std::string_view path) {
  size_t slash = path.find('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

SourceFile scan_source(std::string path, std::string_view text) {
  SourceFile file;
  file.module = first_folder(path);
  file.path = std::move(path);
  file.line_count = count_lines(text);
  Scanner(text, file).run();
  return file;
}

}  // namespace ws::arch
