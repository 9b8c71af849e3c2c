#pragma once
// A PEGTL rule for a bracketed group — (...), [...] or {...}, strings inside
// skipped — matched by a loop rather than by recursion, so that deep nesting
// meets the parser's limit instead of the end of the stack. Used for the
// values of annotations, notes and vars, type arguments, and the components
// the parser leaves out.
#include <string>

#include <tao/pegtl.hpp>

namespace ws::wod::grammar {

namespace balanced_detail {

inline char closer_of(char open) { return open == '(' ? ')' : open == '[' ? ']' : open == '{' ? '}' : 0; }
inline bool is_closer(char c) { return c == ')' || c == ']' || c == '}'; }

template <typename ParseInput>
void skip_string(ParseInput& in) {
  in.bump(1);
  while (!in.empty() && in.peek_char() != '"') {
    char c = in.peek_char();
    if (c == '\n' || c == '\r') break;
    in.bump(c == '\\' && in.size(2) >= 2 ? 2 : 1);
  }
  if (in.empty() || in.peek_char() != '"') throw tao::pegtl::parse_error("'\"' closing the string", in);
  in.bump(1);
}

template <typename ParseInput>
bool scan(ParseInput& in, int max_depth) {
  if (in.empty() || closer_of(in.peek_char()) == 0) return false;
  std::string closers;
  do {
    if (in.empty()) throw tao::pegtl::parse_error(std::string("'") + closers.back() + "' closing the group", in);
    char c = in.peek_char();
    if (c == '"') {
      skip_string(in);
      continue;
    }
    if (closer_of(c) != 0) {
      if (static_cast<int>(closers.size()) >= max_depth) {
        throw tao::pegtl::parse_error("at most " + std::to_string(max_depth) + " levels of nested brackets", in);
      }
      closers.push_back(closer_of(c));
    } else if (is_closer(c)) {
      if (c != closers.back()) throw tao::pegtl::parse_error(std::string("'") + closers.back() + "' closing the group", in);
      closers.pop_back();
    }
    in.bump(1);
  } while (!closers.empty());
  return true;
}

}  // namespace balanced_detail

struct balanced_group {
  using rule_t = balanced_group;
  using subs_t = tao::pegtl::type_list<>;

  template <tao::pegtl::apply_mode, tao::pegtl::rewind_mode, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename State>
  static bool match(ParseInput& in, State& state) {
    return balanced_detail::scan(in, state.limits().max_nesting);
  }
};

}  // namespace ws::wod::grammar
