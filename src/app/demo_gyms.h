#pragma once
// Two demo gyms, seeded with the demo catalog so every role of the gyms API
// can be tried at once: each gym has a manager, a coach and 12 members with
// fitness profiles, preferences and remembered facts (an injured knee among
// them), a conversation with the coach, an unused invite, and gym A one
// member linked to a member account.
// Everything goes through the same repositories and tenancy functions as the
// server (create_gym, add_staff, redeem_invite...), so row-level security
// checks the seed like any request.
#include <optional>
#include <string>
#include <vector>

#include "common/conversation_domain.h"
#include "common/domain.h"
#include "common/gym_domain.h"
#include "common/result.h"
#include "db/database.h"

namespace ws::app {

struct DemoAccount {
  std::string email;
  std::string display_name;
};

struct DemoFact {
  FactCategory category = FactCategory::goal;
  std::string key;
  std::string value_json;  // a JSON object, as stored in member_facts.fact_value
  std::string quote;       // what the member said
};

struct DemoIdentity {
  std::string badge_id;
  std::string first_name;
  std::string last_name;
  Gender gender = Gender::prefer_not_to_say;
  std::string date_of_birth;  // YYYY-MM-DD
  std::string email;          // may be empty
  std::string phone;          // may be empty
};

struct DemoMembership {
  std::string type;                               // "standard", "premium", "student"...
  std::string since;                              // YYYY-MM-DD
  std::optional<std::string> expires;             // YYYY-MM-DD
  bool active = true;
};

struct DemoProfile {
  MemberLevel level = MemberLevel::beginner;
  double height_cm = 0;
  double weight_kg = 0;
  std::optional<double> target_weight_kg;
  std::vector<std::string> goals;
};

struct DemoPreferences {
  MemberLanguage language = MemberLanguage::fr;
  Intensity intensity = Intensity::medium;
  std::vector<std::string> training_days;
  int typical_duration_min = 45;
};

struct DemoMember {
  DemoIdentity identity;
  DemoMembership membership;
  DemoProfile profile;
  DemoPreferences preferences;
  std::vector<DemoFact> facts;
};

// A conversation a member of a demo gym had with its coach.
struct DemoConversation {
  std::string gym;    // the DemoGym's name
  std::string badge;  // the member who spoke
  std::string session_id;
  std::vector<ConversationTurn> turns;
};

struct DemoGym {
  std::string name;
  std::string timezone;
  std::string password;  // every demo account of this gym signs in with it
  DemoAccount manager;
  DemoAccount coach;
  std::optional<DemoAccount> member_account;  // linked (through an invite) to the member below
  std::string linked_badge;
  std::string invite_badge;  // a member with an unused invite of this code
  std::string invite_code;
  std::vector<DemoMember> members;
};

// The demo gyms (src/app/demo_gyms_data.cpp); their credentials are in the
// README ("Demo gyms").
const std::vector<DemoGym>& demo_gyms();
// Their conversations (src/app/demo_conversations.cpp).
const std::vector<DemoConversation>& demo_conversations();

struct DemoGymOutcome {
  std::string name;
  bool created = false;  // false: it was there already, left as it was
};

// Creates the accounts that are missing, then each gym its manager does not
// already have (one transaction per gym, so a gym is there whole or not at
// all). `db` connects as the owner role; row-level security applies to it.
Result<std::vector<DemoGymOutcome>> seed_demo_gyms(db::Database& db);

// The demo WODs in the library and, in each demo gym without classes, a
// schedule with bookings, results and logged rounds (demo_gyms_wods.cpp).
// Called by seed_demo_gyms once the gyms exist.
Status seed_demo_classes(db::Connection& c);

// The accounts and codes to try the gyms with, for the console.
std::string demo_credentials_text(const std::vector<DemoGymOutcome>& outcomes);

}  // namespace ws::app
