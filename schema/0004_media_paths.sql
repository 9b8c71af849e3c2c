-- Clip and thumbnail locations are paths relative to the media folder, read
-- by the renderer: refuse absolute paths, '..' segments and URLs (a scheme
-- could make a media pipeline fetch something remote).
ALTER TABLE exercises
  ADD CONSTRAINT exercises_video_url_relative CHECK (
    video_url <> '' AND video_url !~ '^/' AND video_url !~ '(^|/)\.\.(/|$)'
    AND video_url !~ '^[A-Za-z][A-Za-z0-9+.-]*:'),
  ADD CONSTRAINT exercises_thumbnail_url_relative CHECK (
    thumbnail_url IS NULL OR (thumbnail_url !~ '^/' AND thumbnail_url !~ '(^|/)\.\.(/|$)'
    AND thumbnail_url !~ '^[A-Za-z][A-Za-z0-9+.-]*:'));

-- Deleting an exercise checks workout_exercises (ON DELETE RESTRICT): index it.
CREATE INDEX idx_workout_exercises_exercise ON workout_exercises (exercise_id);
