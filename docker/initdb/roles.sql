-- The roles the schema expects (schema/0006_tenancy.sql), for any
-- PostgreSQL: run as a superuser in the target database, with passwords of
-- your own. The compose file mounts this into the postgres image's
-- /docker-entrypoint-initdb.d, which runs it once on a new volume.
CREATE ROLE workout_owner LOGIN PASSWORD 'owner-secret';   -- owns the tables, runs migrations
CREATE ROLE workout_app LOGIN PASSWORD 'app-secret';       -- the server: owns nothing, no BYPASSRLS
CREATE ROLE workout_jobs LOGIN PASSWORD 'jobs-secret';     -- jobs that see every gym
CREATE ROLE workout_entry NOLOGIN BYPASSRLS;               -- owns the functions reading an account's own rows
GRANT workout_entry TO workout_owner;                      -- so that migrations can hand them over
ALTER DATABASE workout_stream OWNER TO workout_owner;
-- PostgreSQL 15: the public schema belongs to the database owner.
ALTER SCHEMA public OWNER TO workout_owner;
