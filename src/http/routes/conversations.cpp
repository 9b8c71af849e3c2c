// What members say to their gym, and what it remembers:
//   POST .../members/{member_id}/conversations            store a conversation
//   GET  .../members/{member_id}/conversations?limit=      its conversations, latest first
//   GET  .../members/{member_id}/conversations/{session_id} one, with its turns and facts
//   GET  .../members/{member_id}/memory?q=&limit=&threshold= its conversations that answer a question
// under /api/gyms/{gym_id}. The coaching staff (managers, coaches) post and
// read any member's; a member posts and reads their own (another member is a
// 404, like an unknown one). A post stores the turns, the summary and the
// facts its member's sentences state in one transaction: a refused post
// writes nothing. Posting a session again with the same turns changes
// nothing and answers 200 with what was stored (a client may retry); with
// other turns it is a 409: a session's turns are never rewritten.
#include "common/utc_time.h"
#include "db/conversation_repository.h"
#include "db/member_repository.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/request_parsing.h"
#include "http/routes/answered.h"
#include "http/routes/conversation_json.h"
#include "http/routes/conversation_parsing.h"
#include "http/routes/gym_scope.h"
#include "memory/digest.h"
#include "memory/question.h"

namespace ws::http {
namespace json = boost::json;
namespace {

std::string conversation_path(const std::string& gym_id, const std::string& member_id, const std::string& session) {
  return "/api/gyms/" + gym_id + "/members/" + member_id + "/conversations/" + session;
}

Response stored_answer(int status, const std::string& gym_id, const Conversation& conversation,
                       json::array facts) {
  return json_response(status, json::object{{"conversation", conversation_to_json(conversation)},
                                            {"facts", std::move(facts)}})
      .header("Location", conversation_path(gym_id, conversation.member_id, conversation.session_id));
}

// The session was stored before: the same turns are a retry, other turns a conflict.
Result<Response> stored_before(db::Connection& c, const std::string& gym_id, const std::string& member_id,
                               const PostedConversation& posted, const std::string& turns_sha256) {
  WS_ASSIGN_OR_RETURN(Conversation stored, db::get_conversation(c, member_id, posted.session_id));
  if (stored.turns_sha256 != turns_sha256) {
    return make_error(ErrorKind::conflict, "session_conflict",
                      "session_id: this member's conversation " + posted.session_id +
                          " was stored with other turns; a session's turns are never rewritten",
                      "session_id");
  }
  WS_ASSIGN_OR_RETURN(auto facts, db::session_facts(c, member_id, posted.session_id));
  return stored_answer(200, gym_id, stored, facts_to_json(facts));
}

Result<Response> store_conversation(db::Connection& c, const std::string& gym_id, const std::string& member_id,
                                    const PostedConversation& posted) {
  WS_ASSIGN_OR_RETURN(Member member, db::get_member(c, member_id));
  db::NewConversation conversation{member.id, posted.session_id, posted.turns,
                                   memory::digest_conversation(posted.session_id, posted.turns)};
  WS_ASSIGN_OR_RETURN(auto stored, db::insert_conversation(c, gym_id, conversation));
  if (!stored) return stored_before(c, gym_id, member.id, posted, conversation.digest.turns_sha256);
  return stored_answer(201, gym_id, stored->conversation, facts_to_json(stored->facts));
}

Result<Response> conversations_of(db::Connection& c, const std::string& member_id, int limit) {
  WS_ASSIGN_OR_RETURN(Member member, db::get_member(c, member_id));
  WS_ASSIGN_OR_RETURN(auto conversations, db::list_conversations(c, member.id, limit));
  json::array out;
  for (const Conversation& conversation : conversations) out.push_back(conversation_to_json(conversation));
  return json_response(200, json::object{{"conversations", std::move(out)}}).header("Cache-Control", "no-store");
}

Result<Response> conversation_of(db::Connection& c, const std::string& member_id, const std::string& session_id) {
  WS_ASSIGN_OR_RETURN(Member member, db::get_member(c, member_id));
  WS_ASSIGN_OR_RETURN(Conversation conversation, db::get_conversation(c, member.id, session_id));
  WS_ASSIGN_OR_RETURN(auto turns, db::conversation_turns(c, member.id, session_id));
  WS_ASSIGN_OR_RETURN(auto facts, db::session_facts(c, member.id, session_id));
  json::array said;
  for (const ConversationTurn& turn : turns) said.push_back(turn_to_json(turn));
  return json_response(200, json::object{{"conversation", conversation_to_json(conversation)},
                                         {"turns", std::move(said)},
                                         {"facts", facts_to_json(facts)}})
      .header("Cache-Control", "no-store");
}

Result<Response> memory_of(db::Connection& c, const std::string& member_id, const MemoryQuestion& question,
                           const std::string& now) {
  memory::QuestionTerms terms = memory::question_terms(question.q);
  db::MemorySearch search{terms.topics, terms.words, now, question.threshold, question.limit};
  WS_ASSIGN_OR_RETURN(auto matches, db::search_memory(c, member_id, search));
  json::array out;
  for (const MemoryMatch& match : matches) out.push_back(match_to_json(match));
  json::object asked{{"q", question.q},
                     {"topics", json::array(terms.topics.begin(), terms.topics.end())},
                     {"words", json::array(terms.words.begin(), terms.words.end())},
                     {"threshold", question.threshold},
                     {"limit", question.limit}};
  return json_response(200, json::object{{"query", std::move(asked)}, {"matches", std::move(out)}})
      .header("Cache-Control", "no-store");
}

void post_conversation(Services& s, Request& request, const ResponderPtr& responder) {
  auto posted = parse_body_with(request.body, parse_posted_conversation);
  if (!posted) return responder->respond(error_response(posted.error()));
  answer_in_gym(s, request, responder, kCoachingAndMember,
                [member = request.param("member_id"), posted = std::move(*posted)](db::Connection& c,
                                                                                  const db::GymPlace& place) {
                  return answered(store_conversation(c, place.gym_id, member, posted));
                });
}

void list_conversations(Services& s, Request& request, const ResponderPtr& responder) {
  auto limit = parse_conversation_limit(request.query);
  if (!limit) return responder->respond(error_response(limit.error()));
  answer_in_gym(s, request, responder, kCoachingAndMember,
                [member = request.param("member_id"), limit = *limit](db::Connection& c, const db::GymPlace&) {
                  return answered(conversations_of(c, member, limit));
                });
}

void get_conversation(Services& s, Request& request, const ResponderPtr& responder) {
  auto session = parse_session_id(request.param("session_id"));
  if (!session) return responder->respond(error_response(session.error()));
  answer_in_gym(s, request, responder, kCoachingAndMember,
                [member = request.param("member_id"), session = *session](db::Connection& c, const db::GymPlace&) {
                  return answered(conversation_of(c, member, session));
                });
}

void search_memory(Services& s, Request& request, const ResponderPtr& responder) {
  auto question = parse_memory_question(request.query);
  if (!question) return responder->respond(error_response(question.error()));
  answer_in_gym(s, request, responder, kCoachingAndMember,
                [member = request.param("member_id"), question = *question,
                 now = utc_timestamp_millis(s.clock.now())](db::Connection& c, const db::GymPlace&) {
                  return answered(memory_of(c, member, question, now));
                });
}

}  // namespace

void add_conversation_routes(Router& router, Services& s) {
  const std::string member = "/api/gyms/{gym_id}/members/{member_id}";
  router.add("POST", member + "/conversations", {signed_in(s)}, with_services(s, post_conversation));
  router.add("GET", member + "/conversations", {signed_in(s)}, with_services(s, list_conversations));
  router.add("GET", member + "/conversations/{session_id}", {signed_in(s)}, with_services(s, get_conversation));
  router.add("GET", member + "/memory", {signed_in(s)}, with_services(s, search_memory));
}

}  // namespace ws::http
