#include "architecture/rules.h"

namespace ws::arch {

const Rules& project_rules() {
  static const Rules rules{
      // live sits below db: the live repository hands out the class (live::LiveClass) every live part reads.
      .layers = {"common", "glib_support", "config", "timeline", "playlist", "fmp4", "live", "db", "render", "demo",
                 "catalog", "cache", "stream", "coach", "accounts", "workouts", "gyms", "wod", "memory", "http", "app"},
      .pure_modules =
          {
              {"timeline", {}},
              {"playlist", {}},
              {"coach", {}},
              {"fmp4", {}},
              {"workouts", {}},
              {"gyms", {}},
              {"live", {}},
              {"wod", {}},
              {"memory", {}},
              // stream: pure except the files that probe media, run render jobs or
              // read and write files.
              {"stream",
               {"clip_catalog.h", "clip_catalog.cpp", "planner.h", "planner.cpp", "media_jobs.h", "media_jobs.cpp",
                "download.h", "download.cpp", "folder_export.h", "folder_export.cpp"}},
          },
      .impure_headers = {"glib", "gobject/", "gio/", "gmodule", "gst/", "libsoup/", "libpq", "postgresql/",
                         "cairo"},
      .sql_modules = {"db"},
      .sql_shapes =
          {
              {"SELECT ... FROM", R"(\bSELECT\b[\s\S]*\bFROM\b)"},
              {"SELECT statement", R"(^\s*SELECT\s)"},
              {"INSERT INTO", R"(\bINSERT\s+INTO\b)"},
              {"UPDATE ... SET", R"(\bUPDATE\s+\w+\s+SET\b)"},
              {"DELETE FROM", R"(\bDELETE\s+FROM\b)"},
              {"DDL", R"(\b(CREATE|ALTER|DROP)\s+(TABLE|INDEX|VIEW|SCHEMA|TYPE|FUNCTION|POLICY|ROLE|EXTENSION)\b)"},
              {"ON CONFLICT", R"(\bON\s+CONFLICT\b)"},
              {"transaction statement", R"(^\s*(BEGIN|COMMIT|ROLLBACK|START\s+TRANSACTION)(\s+[A-Z]+)*\s*;?\s*$)"},
              {"LISTEN/NOTIFY", R"(^\s*(LISTEN|NOTIFY|UNLISTEN)\s+\w+)"},
          },
      .include_only_from = {{"http", {"http", "app"}}},
      .max_file_lines = 400,
      .max_function_lines = 60,
      .data_tables = {{"coach/lexicon.cpp", "vocabulary"}, {"memory/words.cpp", "conversation_words"}},
  };
  return rules;
}

}  // namespace ws::arch
