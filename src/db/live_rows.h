#pragma once
// Internal to db/: how the live repositories read classes and participants,
// so each is read one way only, and the instants they exchange with SQL.
#include <optional>
#include <string>

#include "db/connection.h"
#include "db/live_repository.h"

namespace ws::db {

// SQL turning a timestamptz expression into ISO 8601 UTC with milliseconds.
std::string iso8601_millis(const std::string& column);
// An instant as a timestamptz parameter.
std::string instant_param(Instant when);

// A class (alias "s"): live_class_column_count() columns.
const std::string& live_class_columns();
int live_class_column_count();
live::LiveClass live_class_from(const Rows& rows, int row, int at = 0);

// A class with its other columns and its counts (alias "s").
const std::string& live_session_columns();
LiveSession live_session_from(const Rows& rows, int row);

// A participant (alias "p"): live_participant_column_count() columns.
const std::string& live_participant_columns();
int live_participant_column_count();
LiveParticipant live_participant_from(const Rows& rows, int row, int at = 0);

Error unknown_code();

}  // namespace ws::db
