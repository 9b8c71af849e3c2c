-- Users, profiles and history (seeds/database_strategy.md). The seed leaned on
-- Supabase's auth.users; we keep our own users table.

CREATE TABLE users (
  id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  email         VARCHAR(255) NOT NULL,
  password_hash TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE TRIGGER users_updated_at BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

ALTER TABLE workouts
  ADD CONSTRAINT workouts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL;

CREATE TABLE user_profiles (
  id            UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  display_name  VARCHAR(100),
  avatar_url    TEXT,
  fitness_level VARCHAR(20) CHECK (fitness_level IN ('beginner', 'intermediate', 'advanced')),
  preferences   JSONB NOT NULL DEFAULT '{}'::jsonb,  -- {favorite_exercises: [], excluded_exercises: []}
  goals         TEXT[] NOT NULL DEFAULT '{}',
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TRIGGER user_profiles_updated_at BEFORE UPDATE ON user_profiles
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE workout_sessions (
  id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  workout_id          UUID NOT NULL REFERENCES workouts (id) ON DELETE CASCADE,
  user_id             UUID REFERENCES users (id) ON DELETE CASCADE,
  started_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  completed_at        TIMESTAMPTZ,
  duration_seconds    INTEGER CHECK (duration_seconds >= 0),
  exercises_completed INTEGER CHECK (exercises_completed >= 0),
  feedback            JSONB,                 -- {difficulty: 'too_easy', enjoyed: true}
  CHECK (completed_at IS NULL OR completed_at >= started_at)
);
-- The seed's history query: a user's sessions, newest first.
CREATE INDEX idx_workout_sessions_user_started ON workout_sessions (user_id, started_at DESC);
CREATE INDEX idx_workout_sessions_workout ON workout_sessions (workout_id);
