-- Gyms, their staff and members, what the coach must remember about members
-- (seeds/jarvis_gym_database.md; gym_members_v2 is named gym_members here).
-- Every key and reference carries gym_id: unique and foreign-key checks
-- bypass row-level security, and would otherwise tell one gym about another.

CREATE TABLE gyms (
  id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  name       VARCHAR(100) NOT NULL CHECK (length(btrim(name)) > 0),
  timezone   TEXT NOT NULL,  -- an IANA name, checked against pg_timezone_names on the way in
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TRIGGER gyms_updated_at BEFORE UPDATE ON gyms FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE gym_staff (
  gym_id     UUID NOT NULL REFERENCES gyms (id) ON DELETE CASCADE,
  user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('manager', 'coach', 'staff')),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (gym_id, user_id)
);
CREATE INDEX idx_gym_staff_user ON gym_staff (user_id);

CREATE TABLE gym_members (
  gym_id             UUID NOT NULL REFERENCES gyms (id) ON DELETE CASCADE,
  id                 UUID NOT NULL DEFAULT gen_random_uuid(),
  user_id            UUID REFERENCES users (id) ON DELETE SET NULL,  -- the member's own account, once linked
  badge_id           VARCHAR(32) NOT NULL CHECK (length(btrim(badge_id)) > 0),
  first_name         VARCHAR(100) NOT NULL CHECK (length(btrim(first_name)) > 0),
  last_name          VARCHAR(100) NOT NULL CHECK (length(btrim(last_name)) > 0),
  email              VARCHAR(255),
  phone              VARCHAR(40),
  date_of_birth      DATE,
  gender             TEXT CHECK (gender IN ('male', 'female', 'other', 'prefer_not_to_say')),
  profile_photo_url  TEXT,
  membership_type    VARCHAR(40) NOT NULL DEFAULT 'standard',
  member_since       DATE NOT NULL DEFAULT CURRENT_DATE,
  membership_expires DATE,
  is_active          BOOLEAN NOT NULL DEFAULT true,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (gym_id, id),
  CONSTRAINT gym_members_badge_key UNIQUE (gym_id, badge_id),
  CONSTRAINT gym_members_account_key UNIQUE (gym_id, user_id),
  CHECK (membership_expires IS NULL OR membership_expires >= member_since)
);
-- The members list: a gym's members, newest first.
CREATE INDEX idx_gym_members_newest ON gym_members (gym_id, created_at DESC, id DESC);
CREATE INDEX idx_gym_members_user ON gym_members (user_id) WHERE user_id IS NOT NULL;
CREATE TRIGGER gym_members_updated_at BEFORE UPDATE ON gym_members
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE member_fitness_profiles (
  gym_id             UUID NOT NULL,
  member_id          UUID NOT NULL,
  height_cm          NUMERIC(4,1) CHECK (height_cm BETWEEN 50 AND 272),
  current_weight_kg  NUMERIC(4,1) CHECK (current_weight_kg BETWEEN 20 AND 400),
  target_weight_kg   NUMERIC(4,1) CHECK (target_weight_kg BETWEEN 20 AND 400),
  fitness_level      TEXT CHECK (fitness_level IN ('beginner', 'intermediate', 'advanced', 'expert')),
  primary_goals      TEXT[] NOT NULL DEFAULT '{}',
  resting_heart_rate INTEGER CHECK (resting_heart_rate BETWEEN 25 AND 150),
  max_heart_rate     INTEGER CHECK (max_heart_rate BETWEEN 80 AND 250),
  medical_notes      TEXT,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (gym_id, member_id),
  FOREIGN KEY (gym_id, member_id) REFERENCES gym_members (gym_id, id) ON DELETE CASCADE
);
CREATE TRIGGER member_fitness_profiles_updated_at BEFORE UPDATE ON member_fitness_profiles
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE member_preferences (
  gym_id               UUID NOT NULL,
  member_id            UUID NOT NULL,
  language             TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
  preferred_intensity  TEXT CHECK (preferred_intensity IN ('low_intensity', 'medium_intensity', 'high_intensity')),
  favorite_exercises   UUID[] NOT NULL DEFAULT '{}',
  excluded_exercises   UUID[] NOT NULL DEFAULT '{}',
  training_days        TEXT[] NOT NULL DEFAULT '{}' CHECK (training_days <@ ARRAY[
                         'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']),
  typical_duration_min INTEGER CHECK (typical_duration_min BETWEEN 5 AND 180),
  created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (gym_id, member_id),
  FOREIGN KEY (gym_id, member_id) REFERENCES gym_members (gym_id, id) ON DELETE CASCADE
);
CREATE TRIGGER member_preferences_updated_at BEFORE UPDATE ON member_preferences
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE member_facts (
  gym_id            UUID NOT NULL,
  id                UUID NOT NULL DEFAULT gen_random_uuid(),
  member_id         UUID NOT NULL,
  category          TEXT NOT NULL CHECK (category IN ('goal', 'injury', 'preference', 'progress', 'concern')),
  fact_key          VARCHAR(64) NOT NULL CHECK (fact_key ~ '^[a-z0-9_]+$'),
  fact_value        JSONB NOT NULL CHECK (jsonb_typeof(fact_value) = 'object'),
  confidence        NUMERIC(3,2) NOT NULL DEFAULT 0.8 CHECK (confidence BETWEEN 0 AND 1),
  source_session_id TEXT,
  source_quote      TEXT,
  is_active         BOOLEAN NOT NULL DEFAULT true,
  expires_at        TIMESTAMPTZ,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (gym_id, id),
  CONSTRAINT member_facts_key UNIQUE (gym_id, member_id, category, fact_key),
  FOREIGN KEY (gym_id, member_id) REFERENCES gym_members (gym_id, id) ON DELETE CASCADE
);
CREATE TRIGGER member_facts_updated_at BEFORE UPDATE ON member_facts
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- One-time codes that link an account to a member row. Only the code's
-- SHA-256 is stored; whoever holds the code may see its one row (policy
-- below), which is how an account finds the gym it joins.
CREATE TABLE member_invites (
  gym_id      UUID NOT NULL,
  code_sha256 CHAR(64) NOT NULL CHECK (code_sha256 ~ '^[0-9a-f]{64}$'),
  member_id   UUID NOT NULL,
  created_by  UUID REFERENCES users (id) ON DELETE SET NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at  TIMESTAMPTZ NOT NULL,
  used_at     TIMESTAMPTZ,
  used_by     UUID REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (gym_id, code_sha256),
  FOREIGN KEY (gym_id, member_id) REFERENCES gym_members (gym_id, id) ON DELETE CASCADE,
  CHECK (expires_at > created_at)
);
CREATE INDEX idx_member_invites_code ON member_invites (code_sha256);
CREATE INDEX idx_member_invites_member ON member_invites (gym_id, member_id);

CALL isolate_by_gym('gym_staff', 'none');
CALL isolate_by_gym('gym_members', 'id');
CALL isolate_by_gym('member_fitness_profiles', 'member_id');
CALL isolate_by_gym('member_preferences', 'member_id');
CALL isolate_by_gym('member_facts', 'member_id');
CALL isolate_by_gym('member_invites', 'none');

-- Outside any gym, an account reads its own staff and member rows in every
-- gym: that is how it enters a gym (enter_gym below) and lists the gyms it
-- may use. Inside a gym, it sees that gym's rows only.
CREATE POLICY own_staff_rows ON gym_staff FOR SELECT
  USING ((SELECT app_gym_id()) IS NULL AND user_id = (SELECT app_user_id()));
CREATE POLICY own_member_rows ON gym_members FOR SELECT
  USING ((SELECT app_gym_id()) IS NULL AND user_id = (SELECT app_user_id()));
CREATE POLICY invite_by_code ON member_invites FOR SELECT
  USING (code_sha256 = NULLIF(current_setting('app.invite_code_sha256', true), ''));

-- The gyms table is its own tenant key.
ALTER TABLE gyms ENABLE ROW LEVEL SECURITY;
ALTER TABLE gyms FORCE ROW LEVEL SECURITY;
CREATE POLICY current_gym ON gyms USING (id = (SELECT app_gym_id())) WITH CHECK (id = (SELECT app_gym_id()));
CREATE POLICY gyms_of_this_account ON gyms FOR SELECT USING (
  (SELECT app_gym_id()) IS NULL AND id IN (SELECT gym_id FROM gym_staff WHERE user_id = (SELECT app_user_id())
         UNION ALL
         SELECT gym_id FROM gym_members WHERE user_id = (SELECT app_user_id()) AND is_active));
CREATE POLICY across_gyms_for_jobs ON gyms TO workout_jobs USING (true) WITH CHECK (true);

-- Enters a gym as an account: the tenant is set from the account's verified
-- staff row (or its active member row), never from the caller's word. Returns
-- the role ('manager' | 'coach' | 'staff' | 'member') and, for a member, its
-- member row; no row when the account has no place in that gym (then nothing
-- is set and every gym-scoped row stays hidden).
CREATE FUNCTION enter_gym(account UUID, gym UUID) RETURNS TABLE (role TEXT, member_id UUID)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('app.user_id', account::text, true);
  PERFORM set_config('app.member_id', '', true);
  PERFORM set_config('app.gym_id', '', true);
  SELECT s.role INTO role FROM gym_staff s WHERE s.gym_id = gym AND s.user_id = account;
  IF role IS NULL THEN
    SELECT m.id INTO member_id FROM gym_members m WHERE m.gym_id = gym AND m.user_id = account AND m.is_active;
    IF member_id IS NULL THEN
      RETURN;
    END IF;
    role := 'member';
    PERFORM set_config('app.member_id', member_id::text, true);
  END IF;
  PERFORM set_config('app.gym_id', gym::text, true);
  RETURN NEXT;
END $$;

-- A new gym and its first manager, in the caller's transaction. The tenant is
-- the gym being created: nobody else can have rows in it yet.
CREATE FUNCTION create_gym(account UUID, gym_name TEXT, gym_timezone TEXT) RETURNS UUID
LANGUAGE plpgsql AS $$
DECLARE
  new_id UUID := gen_random_uuid();
BEGIN
  PERFORM set_config('app.user_id', account::text, true);
  PERFORM set_config('app.member_id', '', true);
  PERFORM set_config('app.gym_id', new_id::text, true);
  INSERT INTO gyms (id, name, timezone) VALUES (new_id, gym_name, gym_timezone);
  INSERT INTO gym_staff (gym_id, user_id, role) VALUES (new_id, account, 'manager');
  RETURN new_id;
END $$;

-- Links an account to the member an unused, unexpired invite names, and uses
-- the invite up. The tenant comes from the invite row, which only the
-- holder of the code can see. Returns the gym and member, or no row.
CREATE FUNCTION redeem_invite(account UUID, code_sha256 TEXT, at TIMESTAMPTZ)
RETURNS TABLE (gym_id UUID, member_id UUID)
LANGUAGE plpgsql AS $$
DECLARE
  invite member_invites%ROWTYPE;
BEGIN
  PERFORM set_config('app.user_id', account::text, true);
  PERFORM set_config('app.member_id', '', true);
  PERFORM set_config('app.gym_id', '', true);
  PERFORM set_config('app.invite_code_sha256', code_sha256, true);
  SELECT * INTO invite FROM member_invites i
    WHERE i.code_sha256 = redeem_invite.code_sha256 AND i.used_at IS NULL AND i.expires_at > at;
  PERFORM set_config('app.invite_code_sha256', '', true);
  IF invite.gym_id IS NULL THEN
    RETURN;
  END IF;
  PERFORM set_config('app.gym_id', invite.gym_id::text, true);
  UPDATE member_invites i SET used_at = at, used_by = account
    WHERE i.gym_id = invite.gym_id AND i.code_sha256 = invite.code_sha256 AND i.used_at IS NULL;
  IF NOT FOUND THEN
    RETURN;  -- used by a concurrent redeem meanwhile
  END IF;
  UPDATE gym_members m SET user_id = account WHERE m.gym_id = invite.gym_id AND m.id = invite.member_id
    AND (m.user_id IS NULL OR m.user_id = account);
  IF NOT FOUND THEN
    RETURN;  -- the member is linked to another account: an older invite must not take its place
  END IF;
  gym_id := invite.gym_id;
  member_id := invite.member_id;
  RETURN NEXT;
END $$;
