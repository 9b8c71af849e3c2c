-- Live classes (seeds/shiller_postgres_persistence.md: sessions, session_events):
-- a coach runs one workout live for a gym, people join it with a 6-character
-- code, and their vitals arrive as they happen. Every table is gym-scoped;
-- the join code is the one thing that works without a gym in sight, through
-- the functions at the end of this file.

CREATE TABLE live_sessions (
  gym_id       UUID NOT NULL REFERENCES gyms (id) ON DELETE CASCADE,
  id           UUID NOT NULL DEFAULT gen_random_uuid(),
  workout_id   UUID NOT NULL REFERENCES workouts (id) ON DELETE CASCADE,
  trainer_id   UUID REFERENCES users (id) ON DELETE SET NULL,  -- the account that created the class
  code         VARCHAR(6) NOT NULL CHECK (code ~ '^[ACEFHJKMNPRTWXY34679]{6}$'),
  trainee_name VARCHAR(100) CHECK (length(btrim(trainee_name)) > 0),  -- a one-to-one session's trainee
  state        TEXT NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'live', 'paused', 'ended')),
  -- The class clock: the announced start while scheduled, the real one once
  -- started; the pauses [{"from": ISO, "to": ISO | null}] in order; the end
  -- is closed_at.
  starts_at    TIMESTAMPTZ NOT NULL,
  pauses       JSONB NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(pauses) = 'array'),
  created_at   TIMESTAMPTZ NOT NULL,
  expires_at   TIMESTAMPTZ NOT NULL,
  closed_at    TIMESTAMPTZ,
  last_values  JSONB CHECK (last_values IS NULL OR jsonb_typeof(last_values) = 'object'),
  PRIMARY KEY (gym_id, id),
  CHECK (expires_at > created_at),
  CHECK ((state = 'ended') = (closed_at IS NOT NULL))
);
CREATE INDEX idx_live_sessions_code ON live_sessions (code);
CREATE INDEX idx_live_sessions_expires_at ON live_sessions (expires_at) WHERE closed_at IS NULL;
CREATE INDEX idx_live_sessions_newest ON live_sessions (gym_id, created_at DESC, id DESC);

-- Whoever joined a class with its code: no account needed, a token (only its
-- SHA-256 kept) proves who sends values.
CREATE TABLE live_participants (
  gym_id         UUID NOT NULL,
  id             UUID NOT NULL DEFAULT gen_random_uuid(),
  session_id     UUID NOT NULL,
  name           VARCHAR(60) NOT NULL CHECK (length(btrim(name)) > 0),
  token_sha256   CHAR(64) NOT NULL CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  max_heart_rate INTEGER CHECK (max_heart_rate BETWEEN 80 AND 250),
  joined_at      TIMESTAMPTZ NOT NULL,
  left_at        TIMESTAMPTZ,
  last_values    JSONB CHECK (last_values IS NULL OR jsonb_typeof(last_values) = 'object'),
  PRIMARY KEY (gym_id, id),
  FOREIGN KEY (gym_id, session_id) REFERENCES live_sessions (gym_id, id) ON DELETE CASCADE,
  CHECK (left_at IS NULL OR left_at >= joined_at)
);
CREATE INDEX idx_live_participants_token ON live_participants (token_sha256);
CREATE INDEX idx_live_participants_session ON live_participants (gym_id, session_id, joined_at);

-- Every set of values a participant sent, with the flags they raised.
CREATE TABLE session_events (
  gym_id         UUID NOT NULL,
  id             UUID NOT NULL DEFAULT gen_random_uuid(),
  session_id     UUID NOT NULL,
  participant_id UUID NOT NULL,
  systolic       INTEGER CHECK (systolic BETWEEN 60 AND 260),
  diastolic      INTEGER CHECK (diastolic BETWEEN 30 AND 160),
  heart_rate     INTEGER CHECK (heart_rate BETWEEN 25 AND 250),
  spo2           INTEGER CHECK (spo2 BETWEEN 50 AND 100),
  reps           INTEGER CHECK (reps BETWEEN 0 AND 10000),
  flags          JSONB NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(flags) = 'array'),
  created_at     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (gym_id, id),
  FOREIGN KEY (gym_id, session_id) REFERENCES live_sessions (gym_id, id) ON DELETE CASCADE,
  FOREIGN KEY (gym_id, participant_id) REFERENCES live_participants (gym_id, id) ON DELETE CASCADE
);
CREATE INDEX idx_session_events_session_time ON session_events (gym_id, session_id, created_at);
CREATE INDEX idx_session_events_time ON session_events (created_at);

CALL isolate_by_gym('live_sessions', 'none');
CALL isolate_by_gym('live_participants', 'none');
CALL isolate_by_gym('session_events', 'none');

-- Join codes are typed with no gym in sight, so a code must name one open
-- class among every gym's. A unique index on live_sessions would have to
-- leave gym_id out, which every gym table's keys refuse; the codes of open
-- classes are kept here instead, by the trigger below, with no gym and
-- nothing else. Only that trigger touches the table: the server's and the
-- jobs' roles may not read it.
CREATE TABLE live_join_codes (
  code VARCHAR(6) PRIMARY KEY
);
REVOKE ALL ON live_join_codes FROM workout_app, workout_jobs;

-- Holds the code of every open class (a taken code is a unique violation
-- the server answers by drawing another) and frees it when the class
-- closes or goes. AFTER, so that row-level security refuses a row of
-- another gym before its code is looked at.
CREATE FUNCTION keep_live_join_codes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.closed_at IS NULL THEN
    DELETE FROM live_join_codes WHERE code = OLD.code;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.closed_at IS NULL THEN
    INSERT INTO live_join_codes (code) VALUES (NEW.code);
  END IF;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION keep_live_join_codes() FROM PUBLIC;
CREATE TRIGGER live_sessions_join_codes AFTER INSERT OR DELETE OR UPDATE OF code, closed_at ON live_sessions
  FOR EACH ROW EXECUTE FUNCTION keep_live_join_codes();

-- Outside any gym, whoever holds a code sees the classes of that code (the
-- stream of a class is read by code), and whoever holds a participant's
-- token sees that participant. Both settings are transaction-local and set
-- only by the functions below.
CREATE POLICY live_session_by_code ON live_sessions FOR SELECT
  USING (code = NULLIF(current_setting('app.live_code', true), ''));
CREATE POLICY live_participant_by_token ON live_participants FOR SELECT
  USING (token_sha256 = NULLIF(current_setting('app.live_token_sha256', true), ''));

-- The class a code names, in any state: the open one, else the latest
-- closed one (a code is drawn again once its class has closed).
CREATE FUNCTION live_class_by_code(join_code TEXT) RETURNS SETOF live_sessions
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('app.live_code', join_code, true);
  RETURN QUERY SELECT * FROM live_sessions s WHERE s.code = join_code
    ORDER BY s.closed_at IS NULL DESC, s.created_at DESC LIMIT 1;
  PERFORM set_config('app.live_code', '', true);
END $$;

-- Enters the gym of the open class `join_code` unexpired at `at` (the join
-- query): the tenant comes from the class row, which only the holder of the
-- code can see. No row when there is no such class; then nothing is set.
CREATE FUNCTION enter_live_class(join_code TEXT, at TIMESTAMPTZ) RETURNS TABLE (gym_id UUID, session_id UUID)
LANGUAGE plpgsql AS $$
DECLARE
  class_row live_sessions%ROWTYPE;
BEGIN
  PERFORM set_config('app.user_id', '', true);
  PERFORM set_config('app.member_id', '', true);
  PERFORM set_config('app.gym_id', '', true);
  PERFORM set_config('app.live_code', join_code, true);
  SELECT * INTO class_row FROM live_sessions s
    WHERE s.code = join_code AND s.closed_at IS NULL AND s.expires_at > at;
  PERFORM set_config('app.live_code', '', true);
  IF class_row.id IS NULL THEN
    RETURN;
  END IF;
  PERFORM set_config('app.gym_id', class_row.gym_id::text, true);
  gym_id := class_row.gym_id;
  session_id := class_row.id;
  RETURN NEXT;
END $$;

-- Enters the gym of the participant whose token hashes to `token_sha256`,
-- when it joined the class `join_code`. No row (nothing set) otherwise.
CREATE FUNCTION enter_live_class_by_token(join_code TEXT, token_sha256 TEXT)
RETURNS TABLE (gym_id UUID, session_id UUID, participant_id UUID, name TEXT, closed BOOLEAN)
LANGUAGE plpgsql AS $$
DECLARE
  participant live_participants%ROWTYPE;
  class_closed BOOLEAN;
BEGIN
  PERFORM set_config('app.user_id', '', true);
  PERFORM set_config('app.member_id', '', true);
  PERFORM set_config('app.gym_id', '', true);
  PERFORM set_config('app.live_token_sha256', token_sha256, true);
  SELECT * INTO participant FROM live_participants p WHERE p.token_sha256 = enter_live_class_by_token.token_sha256;
  PERFORM set_config('app.live_token_sha256', '', true);
  IF participant.id IS NULL THEN
    RETURN;
  END IF;
  PERFORM set_config('app.gym_id', participant.gym_id::text, true);
  SELECT s.closed_at IS NOT NULL INTO class_closed FROM live_sessions s
    WHERE s.id = participant.session_id AND s.code = join_code;
  IF class_closed IS NULL THEN
    PERFORM set_config('app.gym_id', '', true);
    RETURN;
  END IF;
  gym_id := participant.gym_id;
  session_id := participant.session_id;
  participant_id := participant.id;
  name := participant.name;
  closed := class_closed;
  RETURN NEXT;
END $$;

-- Enters the gym of the open class `join_code` as an account, the way
-- enter_gym does (its staff row decides). No row when there is no open class
-- of that code or the account has no place in its gym.
CREATE FUNCTION enter_live_class_as_account(join_code TEXT, account UUID)
RETURNS TABLE (gym_id UUID, session_id UUID, role TEXT)
LANGUAGE plpgsql AS $$
DECLARE
  class_row live_sessions%ROWTYPE;
BEGIN
  PERFORM set_config('app.live_code', join_code, true);
  SELECT * INTO class_row FROM live_sessions s WHERE s.code = join_code AND s.closed_at IS NULL;
  PERFORM set_config('app.live_code', '', true);
  IF class_row.id IS NULL THEN
    RETURN;
  END IF;
  SELECT g.role INTO role FROM enter_gym(account, class_row.gym_id) g;
  IF role IS NULL THEN
    RETURN;
  END IF;
  gym_id := class_row.gym_id;
  session_id := class_row.id;
  RETURN NEXT;
END $$;

-- Enters the gym of a participant the server has authenticated already (a
-- socket that showed its token), when its row is there, it has not left and
-- its class is open and unexpired at `at`. No row (nothing set) otherwise.
CREATE FUNCTION enter_live_participant(gym UUID, participant UUID, at TIMESTAMPTZ)
RETURNS TABLE (name TEXT, max_heart_rate INTEGER, joined_at TIMESTAMPTZ)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('app.user_id', '', true);
  PERFORM set_config('app.member_id', '', true);
  PERFORM set_config('app.gym_id', gym::text, true);
  RETURN QUERY SELECT p.name::text, p.max_heart_rate, p.joined_at FROM live_participants p
    JOIN live_sessions s ON s.gym_id = p.gym_id AND s.id = p.session_id
    WHERE p.id = participant AND p.left_at IS NULL AND s.closed_at IS NULL AND s.expires_at > at;
  IF NOT FOUND THEN
    PERFORM set_config('app.gym_id', '', true);
  END IF;
END $$;
