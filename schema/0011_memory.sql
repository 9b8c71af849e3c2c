-- What members say to their gym, and what the gym keeps of it
-- (seeds/jarvis_gym_database.md, the memory system): the raw turns of each
-- conversation, one summary per conversation with its topics and sentiment,
-- searchable in French and English. The facts a conversation states go into
-- member_facts (0007), which already names their session, quote and
-- confidence. A member sees only their own conversations.

CREATE TABLE conversation_summaries (
  gym_id                   UUID NOT NULL,
  id                       UUID NOT NULL DEFAULT gen_random_uuid(),
  member_id                UUID NOT NULL,
  session_id               VARCHAR(200) NOT NULL CHECK (length(btrim(session_id)) > 0),
  summary_text             TEXT NOT NULL,
  key_topics               TEXT[] NOT NULL DEFAULT '{}',
  sentiment                TEXT NOT NULL CHECK (sentiment IN ('positive', 'neutral', 'negative', 'mixed')),
  -- The topics' words in both languages ("knee genou"), searched with the
  -- summary so that a question in either language finds it.
  search_keywords          TEXT NOT NULL DEFAULT '',
  -- Filled by the trigger below from summary_text and search_keywords.
  search                   TSVECTOR NOT NULL DEFAULT ''::tsvector,
  -- A vector of the summary from an embeddings provider, when one is
  -- configured; NULL otherwise. real[] because Debian's PostgreSQL has no
  -- pgvector; a deployment that has it can change the column's type.
  embedding                REAL[],
  started_at               TIMESTAMPTZ NOT NULL,
  ended_at                 TIMESTAMPTZ NOT NULL,
  session_duration_seconds INTEGER NOT NULL CHECK (session_duration_seconds >= 0),
  turn_count               INTEGER NOT NULL CHECK (turn_count > 0),
  -- Of the turns as posted: tells a repeated post of a session from a
  -- different conversation under the same session id.
  turns_sha256             CHAR(64) NOT NULL CHECK (turns_sha256 ~ '^[0-9a-f]{64}$'),
  created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (gym_id, id),
  CONSTRAINT conversation_summaries_session_key UNIQUE (gym_id, member_id, session_id),
  FOREIGN KEY (gym_id, member_id) REFERENCES gym_members (gym_id, id) ON DELETE CASCADE,
  CHECK (ended_at >= started_at)
);
-- A member's conversations, latest first (the list, and the search's candidates).
CREATE INDEX idx_conversation_summaries_latest
  ON conversation_summaries (gym_id, member_id, ended_at DESC, id DESC);
CREATE INDEX idx_conversation_summaries_search ON conversation_summaries USING GIN (search);

-- A trigger rather than a generated column: a copy of a row (a restore, or
-- the tenancy checks) can then be inserted whole, and is refused by
-- row-level security rather than by the column.
CREATE FUNCTION conversation_summaries_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := to_tsvector('french', NEW.summary_text || ' ' || NEW.search_keywords) ||
                to_tsvector('english', NEW.summary_text || ' ' || NEW.search_keywords);
  RETURN NEW;
END $$;
CREATE TRIGGER conversation_summaries_search BEFORE INSERT OR UPDATE OF summary_text, search_keywords
  ON conversation_summaries FOR EACH ROW EXECUTE FUNCTION conversation_summaries_search();

-- Each turn of a conversation as it was said, in order.
CREATE TABLE conversation_events (
  gym_id      UUID NOT NULL,
  id          UUID NOT NULL DEFAULT gen_random_uuid(),
  member_id   UUID NOT NULL,
  session_id  VARCHAR(200) NOT NULL,
  turn_index  INTEGER NOT NULL CHECK (turn_index >= 0),
  role        TEXT NOT NULL CHECK (role IN ('member', 'coach', 'assistant')),
  content     TEXT NOT NULL,
  occurred_at TIMESTAMPTZ NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (gym_id, id),
  CONSTRAINT conversation_events_turn_key UNIQUE (gym_id, member_id, session_id, turn_index),
  FOREIGN KEY (gym_id, member_id, session_id)
    REFERENCES conversation_summaries (gym_id, member_id, session_id) ON DELETE CASCADE
);

CALL isolate_by_gym('conversation_summaries', 'member_id');
CALL isolate_by_gym('conversation_events', 'member_id');

-- The facts of one conversation: what a repeated post of it answers.
CREATE INDEX idx_member_facts_session ON member_facts (gym_id, member_id, source_session_id)
  WHERE source_session_id IS NOT NULL;

-- The member's conversations that answer a question, best first: the seed's
-- match_conversation_summaries, with full-text search where it compared
-- embeddings. A summary's similarity (0..1) counts what of the question it
-- holds: the question's topics found in its key_topics (weight 0.6) and the
-- question's words found in its text or keywords, each word read in French
-- and in English (weight 0.4; a word that is a stop word of either language
-- is not counted); either alone when the question has only that. Those at
-- or above match_threshold are ranked by score, the similarity weighed by
-- recency: 0.8 + 0.2 * exp(-days since the conversation ended / 30) (the
-- exponent stops at -50, where exp() would underflow into an error). Runs
-- as the caller: row-level security keeps it to the gym (and to the member
-- themself when a member asks). The steps are MATERIALIZED so that each is
-- computed once: inlined, the words' queries would be parsed again for every
-- summary and the similarity computed three times per row.
CREATE FUNCTION match_conversation_summaries(
  filter_member_id UUID,
  query_topics     TEXT[],
  query_words      TEXT[],
  at               TIMESTAMPTZ,
  match_threshold  FLOAT8 DEFAULT 0.3,
  match_count      INTEGER DEFAULT 5)
RETURNS TABLE (summary_id UUID, similarity FLOAT8, score FLOAT8)
LANGUAGE sql STABLE AS $$
  WITH words AS MATERIALIZED (
    SELECT plainto_tsquery('french', w) || plainto_tsquery('english', w) AS query
    FROM unnest(query_words) AS w
    WHERE numnode(plainto_tsquery('french', w)) > 0 AND numnode(plainto_tsquery('english', w)) > 0),
  counted AS MATERIALIZED (
    SELECT s.id, s.ended_at,
           (SELECT count(*) FROM unnest(query_topics) AS t WHERE t = ANY (s.key_topics))::float8
             / NULLIF(cardinality(query_topics), 0) AS topic_match,
           (SELECT count(*) FILTER (WHERE s.search @@ words.query)::float8 / NULLIF(count(*), 0) FROM words)
             AS word_match
    FROM conversation_summaries s
    WHERE s.member_id = filter_member_id),
  rated AS MATERIALIZED (
    SELECT id, ended_at,
           CASE WHEN topic_match IS NULL THEN coalesce(word_match, 0)
                WHEN word_match IS NULL THEN topic_match
                ELSE 0.6 * topic_match + 0.4 * word_match END AS similarity
    FROM counted)
  SELECT id, similarity,
         similarity * (0.8 + 0.2 * exp(-least(greatest(extract(epoch FROM at - ended_at), 0) / (30 * 86400.0), 50)))
           AS score
  FROM rated
  WHERE similarity > 0 AND similarity >= match_threshold
  ORDER BY score DESC, ended_at DESC, id
  LIMIT match_count
$$;
