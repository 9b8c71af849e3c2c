#pragma once
// Status/Result: the error type every module returns instead of throwing across
// module boundaries. ErrorKind maps one-to-one onto an HTTP status in http/.
#include <string>
#include <utility>
#include <variant>

namespace ws {

enum class ErrorKind {
  invalid_argument,   // malformed input: 400
  unauthorized,       // missing/bad credentials: 401
  forbidden,          // 403
  not_found,          // 404
  conflict,           // 409
  payload_too_large,  // 413
  unprocessable,      // well-formed but violates a rule: 422
  unavailable,        // dependency down or overloaded: 503
  internal,           // a bug or an unexpected failure: 500
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string code;     // stable machine-readable code, e.g. "unknown_exercise"
  std::string message;  // human-readable, names the field at fault
  std::string field;    // JSON path of the field at fault, empty when none
};

inline Error make_error(ErrorKind kind, std::string code, std::string message,
                        std::string field = {}) {
  return Error{kind, std::move(code), std::move(message), std::move(field)};
}

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result<void> equivalent.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}
  static Status Ok() { return Status(); }
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace ws

// Propagation: return a failed Status's or Result's error from the enclosing
// function (which returns a Status or a Result of any type).
//   WS_RETURN_IF_ERROR(write_file(path));
//   WS_ASSIGN_OR_RETURN(auto rows, fetch_rows(c));
#define WS_RETURN_IF_ERROR(expr)                          \
  do {                                                    \
    if (auto ws_status_ = (expr); !ws_status_) {          \
      return ws_status_.error();                          \
    }                                                     \
  } while (false)

#define WS_CONCAT_INNER_(a, b) a##b
#define WS_CONCAT_(a, b) WS_CONCAT_INNER_(a, b)
#define WS_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp) return tmp.error();                   \
  lhs = std::move(tmp).value()
#define WS_ASSIGN_OR_RETURN(lhs, expr) WS_ASSIGN_OR_RETURN_IMPL_(WS_CONCAT_(ws_result_, __LINE__), lhs, expr)
