-- How an account finds its own places across gyms, without a policy for it
-- on every read of a gym's rows.
--
-- Outside any gym, an account must read its own staff and member rows in
-- every gym: to enter a gym (enter_gym) and to list the gyms it may use.
-- Permissive policies for that were OR-ed into every read of gym_staff,
-- gym_members and gyms, and turned the ordered index scan of a gym's member
-- list into a bitmap of two indexes. Three functions owned by workout_entry
-- (NOLOGIN, BYPASSRLS, created before migrating like the other roles) read
-- exactly the caller-named account's rows instead; the tables keep the one
-- gym policy.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'workout_entry' AND rolbypassrls AND NOT rolcanlogin) THEN
    RAISE EXCEPTION 'the role workout_entry (NOLOGIN BYPASSRLS, granted to the owner) must exist before migrating'
      USING HINT = 'see "Database roles" in the README';
  END IF;
END $$;

GRANT USAGE, CREATE ON SCHEMA public TO workout_entry;
GRANT SELECT ON gyms, gym_staff, gym_members TO workout_entry;

-- search_path is fixed so that no object of the caller's shadows the tables
-- these functions read with row-level security bypassed.
CREATE FUNCTION account_staff_rows(account UUID) RETURNS SETOF gym_staff
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT * FROM public.gym_staff WHERE user_id = account $$;

CREATE FUNCTION account_member_rows(account UUID) RETURNS SETOF gym_members
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT * FROM public.gym_members WHERE user_id = account $$;

-- The gyms where the account is staff or an active member.
CREATE FUNCTION account_gym_rows(account UUID) RETURNS SETOF gyms
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT * FROM public.gyms g WHERE g.id IN (
          SELECT gym_id FROM public.gym_staff WHERE user_id = account
          UNION ALL
          SELECT gym_id FROM public.gym_members WHERE user_id = account AND is_active) $$;

ALTER FUNCTION account_staff_rows(UUID) OWNER TO workout_entry;
ALTER FUNCTION account_member_rows(UUID) OWNER TO workout_entry;
ALTER FUNCTION account_gym_rows(UUID) OWNER TO workout_entry;
REVOKE EXECUTE ON FUNCTION account_staff_rows(UUID), account_member_rows(UUID), account_gym_rows(UUID) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION account_staff_rows(UUID), account_member_rows(UUID), account_gym_rows(UUID)
  TO CURRENT_USER, workout_app, workout_jobs;

DROP POLICY own_staff_rows ON gym_staff;
DROP POLICY own_member_rows ON gym_members;
DROP POLICY gyms_of_this_account ON gyms;

-- As before: the tenant is set from the account's verified staff row (or its
-- active member row), never from the caller's word.
CREATE OR REPLACE FUNCTION enter_gym(account UUID, gym UUID) RETURNS TABLE (role TEXT, member_id UUID)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('app.user_id', account::text, true);
  PERFORM set_config('app.member_id', '', true);
  PERFORM set_config('app.gym_id', '', true);
  SELECT s.role INTO role FROM account_staff_rows(account) s WHERE s.gym_id = gym;
  IF role IS NULL THEN
    SELECT m.id INTO member_id FROM account_member_rows(account) m WHERE m.gym_id = gym AND m.is_active;
    IF member_id IS NULL THEN
      RETURN;
    END IF;
    role := 'member';
    PERFORM set_config('app.member_id', member_id::text, true);
  END IF;
  PERFORM set_config('app.gym_id', gym::text, true);
  RETURN NEXT;
END $$;
