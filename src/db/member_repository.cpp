#include "db/member_repository.h"

#include "db/gym_rows.h"
#include "db/uuid.h"

namespace ws::db {
namespace {

// The fields a caller writes, in the order of the statements below ($2..$13).
Params member_fields(const Member& m) {
  std::optional<std::string> gender;
  if (m.gender) gender = to_string(*m.gender);
  return {m.badge_id,     m.first_name,        m.last_name,     m.email, m.phone, m.date_of_birth, gender,
          m.profile_photo_url, m.membership_type, m.member_since.empty() ? std::nullopt : Param(m.member_since),
          m.membership_expires, m.is_active ? "true" : "false"};
}

Params with_first(Param first, Params rest) {
  rest.insert(rest.begin(), std::move(first));
  return rest;
}

Error badge_taken_or(Error e) {
  if (e.kind == ErrorKind::conflict) {
    return make_error(ErrorKind::conflict, "badge_taken", "badge_id: another member of this gym has this badge",
                      "badge_id");
  }
  return e;
}

Result<Member> one_member(Rows rows, const std::string& member_id) {
  if (rows.empty()) return member_not_found(member_id);
  return member_from(rows, 0);
}

// The page is chosen on raw rows and only its rows are formatted: the count
// reads every match, the dates and texts are made for the page alone.
std::string list_sql() {
  return "SELECT " + member_columns() +
         ", m.total FROM (SELECT m.*, count(*) OVER () AS total FROM gym_members m "
         "WHERE ($1 = '' OR m.badge_id ILIKE $1 || '%' OR (m.first_name || ' ' || m.last_name) ILIKE '%' || $1 || '%' "
         "OR (m.last_name || ' ' || m.first_name) ILIKE '%' || $1 || '%') "
         "AND ($2::boolean IS NULL OR m.is_active = $2::boolean) "
         "AND ($3::date IS NULL OR m.membership_expires < $3::date) "
         "ORDER BY m.created_at DESC, m.id DESC LIMIT $4::int OFFSET $5::int) m "
         "ORDER BY m.created_at DESC, m.id DESC";
}

// LIKE's own wildcards in the search text are matched literally.
std::string escape_like(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

}  // namespace

Error member_not_found(const std::string& member_id) {
  return make_error(ErrorKind::not_found, "member_not_found", "no member with id " + member_id, "member_id");
}

// A membership begins by default on the gym's today (its time zone, not the
// server's); one that would end before it begins inserts nothing.
Result<Member> create_member(Connection& c, const std::string& gym_id, const Member& member) {
  static const std::string sql =
      "WITH m AS (INSERT INTO gym_members (gym_id, badge_id, first_name, last_name, email, phone, date_of_birth, "
      "gender, profile_photo_url, membership_type, member_since, membership_expires, is_active) "
      "SELECT $1::uuid, $2::text, $3::text, $4::text, $5::text, $6::text, $7::date, $8::text, $9::text, $10::text, "
      "d.since, $12::date, $13::boolean "
      "FROM (SELECT coalesce($11::date, (now() AT TIME ZONE g.timezone)::date) AS since FROM gyms g "
      "WHERE g.id = $1::uuid) d WHERE $12::date IS NULL OR $12::date >= d.since "
      "RETURNING *) SELECT " + member_columns() + " FROM m";
  auto rows = c.exec_prepared("member_create", sql, with_first(gym_id, member_fields(member)));
  if (!rows) return badge_taken_or(rows.error());
  if (rows->empty()) {
    return make_error(ErrorKind::unprocessable, "invalid_value",
                      "membership_expires: must not be before member_since (today when not given)",
                      "membership_expires");
  }
  return member_from(*rows, 0);
}

Result<MemberPage> list_members(Connection& c, const MemberQuery& query) {
  static const std::string sql = list_sql();
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("member_list", sql,
                                                 {escape_like(query.text),
                                                  query.active ? Param(*query.active ? "true" : "false") : std::nullopt,
                                                  query.expires_before, std::to_string(query.limit),
                                                  std::to_string(query.offset)}));
  MemberPage page;
  for (int i = 0; i < rows.size(); ++i) page.members.push_back(member_from(rows, i));
  page.total = rows.empty() ? 0 : rows.integer(0, member_column_count());
  if (rows.empty() && query.offset > 0) {
    // Past the last page: the count still tells the client how many there are.
    WS_ASSIGN_OR_RETURN(MemberPage first, list_members(c, MemberQuery{query.text, query.active,
                                                                       query.expires_before, 1, 0}));
    page.total = first.total;
  }
  return page;
}

Result<Member> get_member(Connection& c, const std::string& member_id) {
  auto uuid = canonical_uuid(member_id);
  if (!uuid) return member_not_found(member_id);
  static const std::string sql = "SELECT " + member_columns() + " FROM gym_members m WHERE m.id = $1::uuid";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("member_get", sql, {*uuid}));
  return one_member(std::move(rows), member_id);
}

Result<Member> get_member_for_update(Connection& c, const std::string& member_id) {
  auto uuid = canonical_uuid(member_id);
  if (!uuid) return member_not_found(member_id);
  static const std::string sql =
      "SELECT " + member_columns() + " FROM gym_members m WHERE m.id = $1::uuid FOR UPDATE";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("member_get_locked", sql, {*uuid}));
  return one_member(std::move(rows), member_id);
}

Result<Member> update_member(Connection& c, const Member& member) {
  static const std::string sql =
      "WITH m AS (UPDATE gym_members SET badge_id = $2, first_name = $3, last_name = $4, email = $5, phone = $6, "
      "date_of_birth = $7::date, gender = $8, profile_photo_url = $9, membership_type = $10, "
      "member_since = coalesce($11::date, member_since), membership_expires = $12::date, is_active = $13::boolean "
      "WHERE id = $1::uuid RETURNING *) SELECT " + member_columns() + " FROM m";
  auto rows = c.exec_prepared("member_update", sql, with_first(member.id, member_fields(member)));
  if (!rows) return badge_taken_or(rows.error());
  return one_member(std::move(*rows), member.id);
}

}  // namespace ws::db
