#pragma once
// libsoup answers a request it cannot parse (a malformed request line or
// header, a Content-Length that is no number at all, a Transfer-Encoding it
// does not know) by itself, with no signal in between to give that answer
// our JSON error body. So every message starts out carrying that body,
// marked, and loses both as soon as its headers parse.
#include <cstddef>

#include <libsoup/soup.h>

namespace ws::http {

// At request-started.
void prepare_unparsed_answer(SoupServerMessage* message);
// Once the headers parse (got-headers).
void drop_unparsed_answer(SoupServerMessage* message);
// At request-finished: libsoup answered it with the body prepared.
bool answered_unparsed(SoupServerMessage* message);
std::size_t unparsed_answer_size();

}  // namespace ws::http
