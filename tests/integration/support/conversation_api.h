#pragma once
// Conversations posted and memory searched through the API, for the tests
// of the conversation routes (gyms, staff and members as in gym_api.h and
// member_setup.h).
#include <cctype>
#include <string>
#include <tuple>
#include <vector>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "support/member_setup.h"

namespace ws::test {

class ConversationApiTest : public GymMembersTest {
 protected:
  // role, text, at
  using Turn = std::tuple<std::string, std::string, std::string>;

  static std::string conversations_path(const TestGym& gym, const std::string& member_id) {
    return gym.member(member_id) + "/conversations";
  }

  static std::string conversation_body(const std::string& session_id, const std::vector<Turn>& turns) {
    boost::json::array said;
    for (const auto& [role, text, at] : turns) said.push_back({{"role", role}, {"text", text}, {"at", at}});
    return boost::json::serialize(boost::json::object{{"session_id", session_id}, {"turns", std::move(said)}});
  }

  HttpReply post_conversation(const TestGym& gym, const std::string& member_id, const std::string& body,
                              const SignedIn& by) {
    return client_->post(conversations_path(gym, member_id), body, by.auth());
  }

  // GET .../memory?q= (q percent-encoded here) as `by`: the body, expected 200.
  boost::json::value search_memory(const TestGym& gym, const std::string& member_id, const std::string& question,
                                   const SignedIn& by, const std::string& more = "") {
    auto reply = client_->get(gym.member(member_id) + "/memory?q=" + percent_encoded(question) + more, by.auth());
    EXPECT_EQ(reply.status, 200) << question << ": " << reply.body;
    return boost::json::parse(reply.body);
  }

  // POST .../generate-training as the gym's manager: the workout, expected 201.
  boost::json::value generate_for(const TestGym& gym, const std::string& member_id, const std::string& text) {
    auto reply = client_->post(gym.member(member_id) + "/generate-training",
                               boost::json::serialize(boost::json::object{{"user_input", text}}), gym.manager.auth());
    EXPECT_EQ(reply.status, 201) << reply.body;
    return boost::json::parse(reply.body);
  }

  static std::string percent_encoded(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
        out += static_cast<char>(c);
      } else {
        out += '%';
        out += hex[c >> 4];
        out += hex[c & 15];
      }
    }
    return out;
  }
};

}  // namespace ws::test
