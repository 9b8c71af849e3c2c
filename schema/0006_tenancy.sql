-- Row-level security by gym, built once for every gym-scoped table.
--
-- Three roles (created before migrating: scripts/lib/pg.sh does it for the
-- embedded cluster, the README gives the SQL for any other):
--   the owner (runs these migrations, owns every table; FORCE makes row-level
--             security apply to it too),
--   workout_app  the server: owns nothing, no BYPASSRLS, sees one gym at a time,
--   workout_jobs jobs that must see every gym (analytics, reports).
--
-- The request's account and gym live in transaction-local settings
-- (set_config(name, value, true)), so a pooled connection never carries them
-- to the next request. Unset, they read as NULL and every policy denies.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'workout_app')
     OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'workout_jobs') THEN
    RAISE EXCEPTION 'the roles workout_app and workout_jobs must exist before migrating'
      USING HINT = 'see "Database roles" in the README';
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO workout_app, workout_jobs;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO workout_app, workout_jobs;
REVOKE ALL ON schema_migrations FROM workout_app, workout_jobs;
-- Tables the owner creates from now on get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO workout_app, workout_jobs;

-- A setting that was set once in a session reads '' after its transaction
-- ends, not NULL: NULLIF makes both mean "unset".
CREATE FUNCTION app_setting_uuid(name text) RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting(name, true), '')::uuid $$;

CREATE FUNCTION app_gym_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT app_setting_uuid('app.gym_id') $$;
CREATE FUNCTION app_user_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT app_setting_uuid('app.user_id') $$;
-- Set when the account acts as a member of the gym (not as its staff).
CREATE FUNCTION app_member_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT app_setting_uuid('app.member_id') $$;

-- Policies read the settings through (SELECT app_gym_id()): a sub-select is
-- evaluated once per statement, where a bare call would be evaluated (a
-- setting lookup and a uuid cast) for every row the statement filters.
--
-- Gives a gym-scoped table its isolation: row-level security enabled and
-- forced, rows of the current gym only (read and written), and every row for
-- the jobs role. `member_rows` says what an account acting as a member sees
-- of the table: 'all' (the whole gym's rows), 'none', or the name of the
-- column that holds the member's id (its own rows only).
CREATE PROCEDURE isolate_by_gym(target regclass, member_rows text)
LANGUAGE plpgsql AS $$
DECLARE
  member_clause text := CASE member_rows
    WHEN 'all' THEN 'true'
    WHEN 'none' THEN '(SELECT app_member_id()) IS NULL'
    ELSE format('((SELECT app_member_id()) IS NULL OR %I = (SELECT app_member_id()))', member_rows) END;
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format('CREATE POLICY current_gym ON %s USING (gym_id = (SELECT app_gym_id()) AND %s) '
                 'WITH CHECK (gym_id = (SELECT app_gym_id()) AND %s)', target, member_clause, member_clause);
  EXECUTE format('CREATE POLICY across_gyms_for_jobs ON %s TO workout_jobs USING (true) WITH CHECK (true)',
                 target);
END $$;
