-- WODs (seeds/wodcraft_database_integration.md): the movement catalog and the
-- WOD library are global; a gym's schedule, bookings, results, personal bests
-- and realized events are gym-scoped, isolated like every gym table.

-- Movements as the WODCraft parser resolves them, seeded from its table by
-- `workout-server seed`. Names and aliases are lower case.
CREATE TABLE movement_catalog (
  id                 UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  canonical_name     VARCHAR(100) NOT NULL UNIQUE CHECK (canonical_name ~ '^[a-z0-9_]+$'),
  display_name       VARCHAR(100) NOT NULL,
  aliases            TEXT[] NOT NULL DEFAULT '{}',
  category           VARCHAR(50) NOT NULL,       -- weightlifting, gymnastics, cardio...
  muscle_groups      TEXT[] NOT NULL DEFAULT '{}',
  equipment_required TEXT[] NOT NULL DEFAULT '{}',
  modality           VARCHAR(20) NOT NULL,       -- strength, cardio, gymnastics...
  complexity_level   INTEGER NOT NULL CHECK (complexity_level BETWEEN 1 AND 5),
  default_loads      JSONB NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(default_loads) = 'object'),
  scaling_options    JSONB NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(scaling_options) = 'array'),
  work_unit          VARCHAR(10) NOT NULL CHECK (work_unit IN ('rep', 'metre', 'calorie', 'second')),
  seconds_per_unit   NUMERIC(7,3) NOT NULL CHECK (seconds_per_unit > 0),  -- a fit athlete's pace per work unit
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_movement_aliases ON movement_catalog USING GIN (aliases);
CREATE INDEX idx_movement_equipment ON movement_catalog USING GIN (equipment_required);
CREATE INDEX idx_movement_muscles ON movement_catalog USING GIN (muscle_groups);
CREATE TRIGGER movement_catalog_updated_at BEFORE UPDATE ON movement_catalog
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- The WOD library, shared by every gym. One row per normalised source (its
-- SHA-256, trimmed and lower-cased): the same WOD posted twice is one WOD.
-- The arrays and the estimates are the parser's, stored so that searches
-- read indexes instead of the AST.
CREATE TABLE wods (
  id               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  title            VARCHAR(255) NOT NULL CHECK (length(btrim(title)) > 0),
  source           TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 65536),
  source_hash      CHAR(64) NOT NULL CHECK (source_hash ~ '^[0-9a-f]{64}$'),
  form             VARCHAR(20) NOT NULL CHECK (form ~ '^[A-Za-z]+$'),
  ast              JSONB NOT NULL CHECK (jsonb_typeof(ast) = 'object'),
  movements        TEXT[] NOT NULL DEFAULT '{}',
  equipment        TEXT[] NOT NULL DEFAULT '{}',
  modality_tags    TEXT[] NOT NULL DEFAULT '{}',
  duration_seconds INTEGER NOT NULL CHECK (duration_seconds >= 0),
  difficulty_score INTEGER NOT NULL CHECK (difficulty_score BETWEEN 0 AND 100),
  cap_seconds      INTEGER CHECK (cap_seconds > 0),  -- a ForTime cap: no finisher's time is past it
  -- Free-text search (q=) over the title and the source's words, stemmed
  -- ("thruster" finds "Thrusters").
  search           TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || source)) STORED,
  created_by       UUID REFERENCES users (id) ON DELETE SET NULL,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT wods_source_hash_key UNIQUE (source_hash)
);
-- The library grows slowly and is searched often: GIN entries go straight
-- into the index (no pending list a search would have to read through).
CREATE INDEX idx_wods_movements ON wods USING GIN (movements) WITH (fastupdate = off);
CREATE INDEX idx_wods_equipment ON wods USING GIN (equipment) WITH (fastupdate = off);
CREATE INDEX idx_wods_modality ON wods USING GIN (modality_tags) WITH (fastupdate = off);
CREATE INDEX idx_wods_search ON wods USING GIN (search) WITH (fastupdate = off);
CREATE INDEX idx_wods_duration ON wods (duration_seconds);
CREATE INDEX idx_wods_difficulty ON wods (difficulty_score);
CREATE INDEX idx_wods_form ON wods (form);
CREATE INDEX idx_wods_newest ON wods (created_at DESC, id DESC);

-- A class of the gym's schedule: one WOD on one day, scored one way (the
-- form's usual score unless the coach says otherwise).
CREATE TABLE scheduled_sessions (
  gym_id           UUID NOT NULL REFERENCES gyms (id) ON DELETE CASCADE,
  id               UUID NOT NULL DEFAULT gen_random_uuid(),
  wod_id           UUID NOT NULL REFERENCES wods (id),
  session_date     DATE NOT NULL,
  session_time     TIME,
  track            VARCHAR(20) NOT NULL DEFAULT 'RX' CHECK (track IN ('RX', 'INTERMEDIATE', 'SCALED')),
  gender_mode      VARCHAR(10) NOT NULL DEFAULT 'MIXED' CHECK (gender_mode IN ('M', 'F', 'MIXED')),
  team_size        INTEGER NOT NULL DEFAULT 1 CHECK (team_size BETWEEN 1 AND 20),
  location         VARCHAR(255),
  coach_notes      TEXT,
  max_participants INTEGER CHECK (max_participants BETWEEN 1 AND 1000),
  score_type       VARCHAR(20) NOT NULL CHECK (score_type IN ('TIME', 'REPS', 'ROUNDS', 'LOAD', 'CALORIES')),
  created_by       UUID REFERENCES users (id) ON DELETE SET NULL,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (gym_id, id)
);
CREATE INDEX idx_sessions_by_date ON scheduled_sessions (gym_id, session_date, session_time);
CREATE INDEX idx_sessions_by_wod ON scheduled_sessions (wod_id);

-- Places taken in a class. Booking locks the class's row, so its capacity
-- holds however many book at once.
CREATE TABLE session_bookings (
  gym_id     UUID NOT NULL,
  session_id UUID NOT NULL,
  member_id  UUID NOT NULL,
  booked_by  UUID REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (gym_id, session_id, member_id),
  FOREIGN KEY (gym_id, session_id) REFERENCES scheduled_sessions (gym_id, id) ON DELETE CASCADE,
  FOREIGN KEY (gym_id, member_id) REFERENCES gym_members (gym_id, id) ON DELETE CASCADE
);
CREATE INDEX idx_bookings_member ON session_bookings (gym_id, member_id);

-- One result per athlete and class (posting again replaces it). The rank_*
-- columns are the result's place in any leaderboard, computed by the server
-- from the score (lower sorts first), so boards read an index in order.
CREATE TABLE athlete_results (
  gym_id          UUID NOT NULL,
  id              UUID NOT NULL DEFAULT gen_random_uuid(),
  session_id      UUID NOT NULL,
  member_id       UUID NOT NULL,
  score_type      VARCHAR(20) NOT NULL CHECK (score_type IN ('TIME', 'REPS', 'ROUNDS', 'LOAD', 'CALORIES')),
  score_value     NUMERIC(10,3) CHECK (score_value >= 0),
  score_secondary NUMERIC(10,3) CHECK (score_secondary >= 0),
  score_unit      VARCHAR(10),
  track           VARCHAR(20) NOT NULL CHECK (track IN ('RX', 'INTERMEDIATE', 'SCALED')),
  is_rx           BOOLEAN NOT NULL,
  is_dnf          BOOLEAN NOT NULL DEFAULT false,
  notes           TEXT,
  realized_events JSONB CHECK (realized_events IS NULL OR jsonb_typeof(realized_events) = 'array'),
  rank_group      SMALLINT NOT NULL,
  rank_tier       SMALLINT NOT NULL,
  rank_primary    DOUBLE PRECISION NOT NULL,
  rank_secondary  DOUBLE PRECISION NOT NULL,
  recorded_by     UUID REFERENCES users (id) ON DELETE SET NULL,
  recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (gym_id, id),
  CONSTRAINT athlete_results_one_per_session UNIQUE (gym_id, session_id, member_id),
  FOREIGN KEY (gym_id, session_id) REFERENCES scheduled_sessions (gym_id, id) ON DELETE CASCADE,
  FOREIGN KEY (gym_id, member_id) REFERENCES gym_members (gym_id, id) ON DELETE CASCADE,
  CHECK (is_rx = (track = 'RX'))
);
CREATE INDEX idx_results_session_board ON athlete_results
  (gym_id, session_id, rank_group, rank_tier, rank_primary, rank_secondary, recorded_at, id);
CREATE INDEX idx_results_member ON athlete_results (gym_id, member_id);

-- Each athlete's best result on a WOD, per score type, all time: the WOD's
-- leaderboard reads it in order instead of ranking every result ever posted.
-- Kept by the server in the transaction that writes a result.
CREATE TABLE wod_personal_bests (
  gym_id         UUID NOT NULL,
  wod_id         UUID NOT NULL REFERENCES wods (id),
  score_type     VARCHAR(20) NOT NULL,
  member_id      UUID NOT NULL,
  result_id      UUID NOT NULL,
  rank_group     SMALLINT NOT NULL,
  rank_tier      SMALLINT NOT NULL,
  rank_primary   DOUBLE PRECISION NOT NULL,
  rank_secondary DOUBLE PRECISION NOT NULL,
  recorded_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (gym_id, wod_id, score_type, member_id),
  FOREIGN KEY (gym_id, result_id) REFERENCES athlete_results (gym_id, id) ON DELETE CASCADE,
  FOREIGN KEY (gym_id, member_id) REFERENCES gym_members (gym_id, id) ON DELETE CASCADE
);
CREATE INDEX idx_bests_board ON wod_personal_bests
  (gym_id, wod_id, score_type, rank_group, rank_tier, rank_primary, rank_secondary, recorded_at, member_id);
CREATE INDEX idx_bests_result ON wod_personal_bests (gym_id, result_id);

-- What athletes log during a class (the live leaderboard sums the COMPLETE
-- quantities), offsets in seconds from the class's start.
CREATE TABLE realized_events (
  gym_id             UUID NOT NULL,
  id                 UUID NOT NULL DEFAULT gen_random_uuid(),
  session_id         UUID NOT NULL,
  member_id          UUID NOT NULL,
  timestamp_offset   INTEGER NOT NULL CHECK (timestamp_offset BETWEEN 0 AND 86400),
  movement           VARCHAR(100),
  quantity_completed NUMERIC(10,2) CHECK (quantity_completed >= 0),
  quantity_unit      VARCHAR(20) NOT NULL DEFAULT 'reps',
  event_type         VARCHAR(20) NOT NULL DEFAULT 'COMPLETE'
                       CHECK (event_type IN ('START', 'COMPLETE', 'REST', 'ROUND', 'FINISH')),
  metadata           JSONB CHECK (metadata IS NULL OR jsonb_typeof(metadata) = 'object'),
  recorded_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (gym_id, id),
  FOREIGN KEY (gym_id, session_id) REFERENCES scheduled_sessions (gym_id, id) ON DELETE CASCADE,
  FOREIGN KEY (gym_id, member_id) REFERENCES gym_members (gym_id, id) ON DELETE CASCADE
);
CREATE INDEX idx_events_session_time ON realized_events (gym_id, session_id, timestamp_offset);
CREATE INDEX idx_events_athlete ON realized_events (gym_id, member_id, timestamp_offset);

-- The name leaderboards show for a member ("Camille M."). A member's own
-- account sees only its own gym_members row; boards are read by every member
-- of the gym, so the name they show lives here, kept by a trigger.
CREATE TABLE athlete_names (
  gym_id       UUID NOT NULL,
  member_id    UUID NOT NULL,
  display_name VARCHAR(110) NOT NULL,
  PRIMARY KEY (gym_id, member_id),
  FOREIGN KEY (gym_id, member_id) REFERENCES gym_members (gym_id, id) ON DELETE CASCADE
);

CREATE FUNCTION athlete_display_name(first_name TEXT, last_name TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE AS $$ SELECT btrim(first_name) || ' ' || left(btrim(last_name), 1) || '.' $$;

CREATE FUNCTION keep_athlete_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO athlete_names (gym_id, member_id, display_name)
    VALUES (NEW.gym_id, NEW.id, athlete_display_name(NEW.first_name, NEW.last_name))
    ON CONFLICT (gym_id, member_id) DO UPDATE SET display_name = EXCLUDED.display_name;
  RETURN NULL;
END $$;
CREATE TRIGGER gym_members_athlete_name AFTER INSERT OR UPDATE OF first_name, last_name ON gym_members
  FOR EACH ROW EXECUTE FUNCTION keep_athlete_name();

-- The members already there: gym_members forces row-level security on its
-- owner too, so the backfill lifts that for this transaction only.
ALTER TABLE gym_members NO FORCE ROW LEVEL SECURITY;
INSERT INTO athlete_names (gym_id, member_id, display_name)
  SELECT gym_id, id, athlete_display_name(first_name, last_name) FROM gym_members;
ALTER TABLE gym_members FORCE ROW LEVEL SECURITY;

-- Members read the whole gym's schedule, bookings, results and boards (a
-- class's whiteboard is shared), but write only their own rows: these
-- restrictive policies hold that under the gym's policy.
CREATE PROCEDURE members_write_own_rows(target regclass, member_column text)
LANGUAGE plpgsql AS $$
DECLARE
  own text := format('((SELECT app_member_id()) IS NULL OR %I = (SELECT app_member_id()))', member_column);
BEGIN
  EXECUTE format('CREATE POLICY members_insert_own ON %s AS RESTRICTIVE FOR INSERT WITH CHECK (%s)', target, own);
  EXECUTE format('CREATE POLICY members_update_own ON %s AS RESTRICTIVE FOR UPDATE USING (%s) WITH CHECK (%s)',
                 target, own, own);
  EXECUTE format('CREATE POLICY members_delete_own ON %s AS RESTRICTIVE FOR DELETE USING (%s)', target, own);
END $$;

CALL isolate_by_gym('scheduled_sessions', 'all');
CALL isolate_by_gym('session_bookings', 'all');
CALL isolate_by_gym('athlete_results', 'all');
CALL isolate_by_gym('wod_personal_bests', 'all');
CALL isolate_by_gym('realized_events', 'all');
CALL isolate_by_gym('athlete_names', 'all');
CALL members_write_own_rows('session_bookings', 'member_id');
CALL members_write_own_rows('athlete_results', 'member_id');
CALL members_write_own_rows('wod_personal_bests', 'member_id');
CALL members_write_own_rows('realized_events', 'member_id');
CALL members_write_own_rows('athlete_names', 'member_id');
