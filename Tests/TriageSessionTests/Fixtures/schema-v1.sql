-- The history as version 1 of its schema wrote it: the tables, and rows of data a test
-- migrates to the current version and reads back. Never edit this file; a new version of the
-- schema gets a file of its own (schema-v2.sql, ...).
CREATE TABLE episode (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    questionnaire TEXT NOT NULL,
    version TEXT NOT NULL,
    kind TEXT,
    start_day TEXT NOT NULL,
    created_at TEXT NOT NULL,
    closed_on TEXT,
    ending TEXT CHECK (ending IN ('resolved', 'replaced')),
    CHECK ((closed_on IS NULL) = (ending IS NULL))
);
CREATE INDEX episode_open ON episode (questionnaire, closed_on);
CREATE TABLE check_in (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    episode_id INTEGER NOT NULL REFERENCES episode (id) ON DELETE CASCADE,
    answered_on TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    version TEXT NOT NULL,
    language TEXT NOT NULL,
    answers TEXT NOT NULL,
    level TEXT NOT NULL,
    weeks REAL,
    next_check_on TEXT,
    next_check_weeks REAL
);
CREATE INDEX check_in_episode ON check_in (episode_id, answered_on);

INSERT INTO episode VALUES (1, '5b0c7d1e-0000-4000-8000-000000000001', 'back-pain', '2.0.0', 'neck', '2026-01-05',
                            '2026-01-12T09:00:00Z', '2026-02-02', 'resolved');
INSERT INTO episode VALUES (2, '5b0c7d1e-0000-4000-8000-000000000002', 'back-pain', '2.0.0', 'lower_back', '2026-11-09',
                            '2026-11-23T08:15:00Z', NULL, NULL);
INSERT INTO check_in VALUES (1, '5b0c7d1e-0000-4000-8000-000000000011', 1, '2026-01-12', '2026-01-12T09:00:00Z', '2.0.0', 'de',
                             '{"age":52,"region":"neck","duration_weeks":1,"intensity":7,"whiplash":false}', 'self_care', 1,
                             '2026-01-26', 3);
INSERT INTO check_in VALUES (2, '5b0c7d1e-0000-4000-8000-000000000012', 2, '2026-11-23', '2026-11-23T08:15:00Z', '2.0.0', 'en',
                             '{"age":40,"diagnosis":"none","duration_weeks":2,"intensity":6,"region":"lower_back","rf_fever":false}',
                             'self_care', 2, '2026-12-21', 6);
PRAGMA user_version = 1;
