-- Workouts and their ordered exercises (seeds/database_strategy.md).

CREATE TABLE workouts (
  id             UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id        UUID,                       -- NULL when not signed in
  name           VARCHAR(100),
  config         JSONB NOT NULL CHECK (jsonb_typeof(config) = 'object'),
  total_duration INTEGER CHECK (total_duration >= 0),   -- seconds
  rounds         INTEGER CHECK (rounds >= 1),
  ai_generated   BOOLEAN NOT NULL DEFAULT false,
  ai_prompt      TEXT,
  status         VARCHAR(20) NOT NULL DEFAULT 'draft'
                 CHECK (status IN ('draft', 'ready', 'in_progress', 'completed')),
  video_url      TEXT,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  completed_at   TIMESTAMPTZ
);
CREATE INDEX idx_workouts_user_id ON workouts (user_id);
CREATE INDEX idx_workouts_status ON workouts (status);
CREATE INDEX idx_workouts_created_at ON workouts (created_at DESC);
CREATE TRIGGER workouts_updated_at BEFORE UPDATE ON workouts
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE workout_exercises (
  id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  workout_id      UUID NOT NULL REFERENCES workouts (id) ON DELETE CASCADE,
  exercise_id     UUID NOT NULL REFERENCES exercises (id) ON DELETE RESTRICT,
  order_index     INTEGER NOT NULL CHECK (order_index >= 0),
  custom_duration INTEGER CHECK (custom_duration BETWEEN 1 AND 3600),
  UNIQUE (workout_id, order_index)
);
CREATE INDEX idx_workout_exercises_workout ON workout_exercises (workout_id);
