#include "app/demo_gyms.h"

#include <ctime>
#include <map>
#include <sstream>

#include <boost/json/parse.hpp>

#include "accounts/invite_codes.h"
#include "accounts/passwords.h"
#include "app/demo_gyms_live.h"
#include "db/fact_repository.h"
#include "db/gym_repository.h"
#include "common/utc_time.h"
#include "db/invite_repository.h"
#include "db/member_data_repository.h"
#include "db/member_repository.h"
#include "db/tenancy.h"
#include "db/user_repository.h"

namespace ws::app {
namespace {

// A demo invite stays usable for a year after the seed, long enough to try.
constexpr int kInviteTtlSeconds = 365 * 24 * 3600;

std::optional<std::string> unless_empty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

// The account's id; created with the gym's password when missing (hashed
// once per gym: yescrypt is slow on purpose).
Result<std::string> ensure_account(db::Connection& c, const DemoAccount& account, const std::string& password,
                                   std::optional<std::string>& password_hash) {
  WS_ASSIGN_OR_RETURN(auto existing, db::find_credentials(c, account.email));
  if (existing) return existing->user_id;
  if (!password_hash) {
    WS_ASSIGN_OR_RETURN(password_hash, accounts::hash_password(password));
  }
  WS_ASSIGN_OR_RETURN(UserProfile created, db::create_user(c, account.email, *password_hash, account.display_name));
  return created.user_id;
}

struct GymAccounts {
  std::string manager;
  std::string coach;
  std::optional<std::string> member;
};

Result<GymAccounts> ensure_accounts(db::Connection& c, const DemoGym& gym) {
  std::optional<std::string> hash;
  GymAccounts ids;
  WS_ASSIGN_OR_RETURN(ids.manager, ensure_account(c, gym.manager, gym.password, hash));
  WS_ASSIGN_OR_RETURN(ids.coach, ensure_account(c, gym.coach, gym.password, hash));
  if (gym.member_account) {
    WS_ASSIGN_OR_RETURN(ids.member, ensure_account(c, *gym.member_account, gym.password, hash));
  }
  return ids;
}

Member member_row(const DemoMember& demo) {
  const DemoIdentity& who = demo.identity;
  Member m;
  m.badge_id = who.badge_id;
  m.first_name = who.first_name;
  m.last_name = who.last_name;
  m.gender = who.gender;
  m.date_of_birth = who.date_of_birth;
  m.email = unless_empty(who.email);
  m.phone = unless_empty(who.phone);
  m.membership_type = demo.membership.type;
  m.member_since = demo.membership.since;
  m.membership_expires = demo.membership.expires;
  m.is_active = demo.membership.active;
  return m;
}

FitnessProfile profile_of(const DemoMember& demo, const std::string& member_id) {
  FitnessProfile p;
  p.member_id = member_id;
  p.fitness_level = demo.profile.level;
  p.height_cm = demo.profile.height_cm;
  p.current_weight_kg = demo.profile.weight_kg;
  p.target_weight_kg = demo.profile.target_weight_kg;
  p.primary_goals = demo.profile.goals;
  return p;
}

MemberPreferences preferences_of(const DemoMember& demo, const std::string& member_id) {
  MemberPreferences p;
  p.member_id = member_id;
  p.language = demo.preferences.language;
  p.preferred_intensity = demo.preferences.intensity;
  p.training_days = demo.preferences.training_days;
  p.typical_duration_min = demo.preferences.typical_duration_min;
  return p;
}

Status add_facts(db::Connection& c, const std::string& gym_id, const std::string& member_id,
                 const std::vector<DemoFact>& facts) {
  for (const DemoFact& demo : facts) {
    boost::system::error_code malformed;
    MemberFact fact;
    fact.fact_value = boost::json::parse(demo.value_json, malformed);
    if (malformed) {
      return make_error(ErrorKind::internal, "demo_data", "demo fact " + demo.key + ": " + malformed.message());
    }
    fact.member_id = member_id;
    fact.category = demo.category;
    fact.fact_key = demo.key;
    fact.confidence = 0.9;
    fact.source_quote = unless_empty(demo.quote);
    WS_RETURN_IF_ERROR(db::upsert_fact(c, gym_id, fact));
  }
  return Status::Ok();
}

Result<std::string> add_member(db::Connection& c, const std::string& gym_id, const DemoMember& demo) {
  WS_ASSIGN_OR_RETURN(Member created, db::create_member(c, gym_id, member_row(demo)));
  WS_RETURN_IF_ERROR(db::put_fitness_profile(c, gym_id, profile_of(demo, created.id)));
  WS_RETURN_IF_ERROR(db::put_preferences(c, gym_id, preferences_of(demo, created.id)));
  WS_RETURN_IF_ERROR(add_facts(c, gym_id, created.id, demo.facts));
  return created.id;
}

// The member account is linked the way a member links it: an invite,
// redeemed. Last, because redeeming leaves the transaction acting as that
// account.
Status link_member_account(db::Connection& c, const std::string& gym_id, const std::string& member_id,
                           const GymAccounts& accounts) {
  WS_ASSIGN_OR_RETURN(std::string code, accounts::new_session_token());
  std::string code_sha256 = accounts::invite_code_sha256(code);
  WS_RETURN_IF_ERROR(
      db::create_invite(c, gym_id, member_id, code_sha256, accounts.manager, kInviteTtlSeconds));
  WS_RETURN_IF_ERROR(db::redeem_invite(c, *accounts.member, code_sha256, utc_now()));
  return Status::Ok();
}

// Inside the transaction that created the gym, as its manager.
Status fill_gym(db::Connection& c, const DemoGym& gym, const GymAccounts& accounts, const std::string& gym_id) {
  WS_RETURN_IF_ERROR(db::add_staff(c, gym_id, gym.coach.email, GymRole::coach));
  std::map<std::string, std::string> member_ids;  // by badge
  for (const DemoMember& demo : gym.members) {
    WS_ASSIGN_OR_RETURN(member_ids[demo.identity.badge_id], add_member(c, gym_id, demo));
  }
  WS_RETURN_IF_ERROR(db::create_invite(c, gym_id, member_ids.at(gym.invite_badge),
                                       accounts::invite_code_sha256(gym.invite_code), accounts.manager,
                                       kInviteTtlSeconds));
  WS_RETURN_IF_ERROR(seed_demo_class(c, db::GymPlace{gym_id, GymRole::manager, std::nullopt}, accounts.coach));
  if (accounts.member) {
    WS_RETURN_IF_ERROR(link_member_account(c, gym_id, member_ids.at(gym.linked_badge), accounts));
  }
  return Status::Ok();
}

Result<bool> manager_has_gym(db::Connection& c, const std::string& manager_id, const std::string& name) {
  WS_ASSIGN_OR_RETURN(auto gyms, db::gyms_of_account(c, manager_id));
  for (const GymAccess& access : gyms) {
    if (access.gym.name == name && access.role == GymRole::manager) return true;
  }
  return false;
}

// True when the gym was created; false when its manager has it already.
Result<bool> seed_gym(db::Connection& c, const DemoGym& gym) {
  WS_ASSIGN_OR_RETURN(GymAccounts accounts, ensure_accounts(c, gym));
  db::Transaction tx(c);
  WS_RETURN_IF_ERROR(tx.begin());
  WS_ASSIGN_OR_RETURN(bool exists, manager_has_gym(c, accounts.manager, gym.name));
  if (exists) return false;
  WS_ASSIGN_OR_RETURN(db::GymPlace place, db::create_gym(c, accounts.manager, gym.name, gym.timezone));
  WS_RETURN_IF_ERROR(fill_gym(c, gym, accounts, place.gym_id));
  WS_RETURN_IF_ERROR(tx.commit());
  return true;
}

void write_account(std::ostringstream& out, const char* role, const DemoAccount& account,
                   const std::string& password) {
  out << "    " << role << "  " << account.email << "  password " << password;
}

}  // namespace

Result<std::vector<DemoGymOutcome>> seed_demo_gyms(db::Database& db) {
  return db.run_sync([](db::Connection& c) -> Result<std::vector<DemoGymOutcome>> {
    std::vector<DemoGymOutcome> outcomes;
    for (const DemoGym& gym : demo_gyms()) {
      WS_ASSIGN_OR_RETURN(bool created, seed_gym(c, gym));
      outcomes.push_back({gym.name, created});
    }
    return outcomes;
  });
}

std::string demo_credentials_text(const std::vector<DemoGymOutcome>& outcomes) {
  std::ostringstream out;
  out << "demo gyms (sign in with POST /api/auth/login, then GET /api/gyms):\n";
  for (const DemoGym& gym : demo_gyms()) {
    bool created = false;
    for (const auto& outcome : outcomes) created = created || (outcome.name == gym.name && outcome.created);
    out << "  " << gym.name << " (" << gym.timezone << ", " << gym.members.size() << " members)"
        << (created ? ": created" : ": already there") << "\n";
    write_account(out, "manager", gym.manager, gym.password);
    out << "\n";
    write_account(out, "coach  ", gym.coach, gym.password);
    out << "\n";
    if (gym.member_account) {
      write_account(out, "member ", *gym.member_account, gym.password);
      out << "  (member " << gym.linked_badge << ")\n";
    }
    out << "    invite code " << gym.invite_code << " (member " << gym.invite_badge << ", unused)\n";
  }
  return out.str();
}

}  // namespace ws::app
