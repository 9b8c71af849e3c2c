-- The exercise catalog (seeds/database_strategy.md), with the seed's indexes.

-- One trigger function keeps updated_at for every table that has it.
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger AS $$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TABLE exercises (
  id               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  name             VARCHAR(100) NOT NULL,
  description      TEXT,
  icon             VARCHAR(50),
  video_url        TEXT NOT NULL,            -- clip location, relative to the media folder
  thumbnail_url    TEXT,
  default_duration INTEGER NOT NULL CHECK (default_duration BETWEEN 1 AND 3600),
  difficulty       VARCHAR(20) NOT NULL CHECK (difficulty IN ('easy', 'medium', 'hard')),
  has_jump         BOOLEAN NOT NULL DEFAULT false,
  -- {muscles_targeted: [], equipment_needed: [], calories_per_min, alternative_exercises: []}
  metadata         JSONB NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT exercises_name_key UNIQUE (name),
  CONSTRAINT exercises_name_not_blank CHECK (length(btrim(name)) > 0)
);
CREATE INDEX idx_exercises_difficulty ON exercises (difficulty);
CREATE INDEX idx_exercises_metadata ON exercises USING gin (metadata);
CREATE TRIGGER exercises_updated_at BEFORE UPDATE ON exercises
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE categories (
  id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  name        VARCHAR(50) UNIQUE NOT NULL,
  description TEXT
);

CREATE TABLE exercise_categories (
  exercise_id UUID REFERENCES exercises (id) ON DELETE CASCADE,
  category_id UUID REFERENCES categories (id) ON DELETE CASCADE,
  PRIMARY KEY (exercise_id, category_id)
);
CREATE INDEX idx_exercise_categories_category ON exercise_categories (category_id);
