"""The old APScheduler + SQLAlchemy system's database, as its models made it, for the import tests.

    python3 old_apscheduler_db.py /path/old.db                 (SQLite, python3's sqlite3)
    .venv/bin/python3 old_apscheduler_db.py postgresql://...   (PostgreSQL through psycopg, into an empty database)

Accounts with weekday numbers (0 = Monday), names, ranges, */n, day-of-month + day-of-week combinations and an
invalid string; JobHistory rows that finished, failed, still run, or belong to an account that cannot be imported.
"""
import sys

SCHEMA = '''
CREATE TABLE accounts (
    id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(255) NOT NULL, channel_type VARCHAR(50),
    upload_schedule VARCHAR(100), tts_provider VARCHAR(50), tts_voice VARCHAR(100), tts_speed FLOAT,
    is_active BOOLEAN NOT NULL DEFAULT 1, created_at DATETIME);
CREATE TABLE job_history (
    id INTEGER NOT NULL PRIMARY KEY, account_id INTEGER REFERENCES accounts(id), job_type VARCHAR(50),
    status VARCHAR(20), started_at DATETIME, completed_at DATETIME, error_message TEXT);
'''
ACCOUNTS = [
    (1, 'Cooking Daily', 'cooking', '0 9 * * 0-4', 'openai', 'nova', 1.1, True),
    (2, 'Space Facts', 'space', '30 18 * * sat,sun', 'edge', 'en-US-GuyNeural', None, True),
    (3, 'History Weekly', 'history', '0 20 * * 5', None, None, None, False),
    (4, 'Every Other Day', 'misc', '0 7 * * */2', None, None, None, True),
    (5, 'First Monday', 'news', '0 9 1-7 * mon', None, None, None, True),
    (6, 'Broken Cron', 'misc', '0 9 * *', None, None, None, True),
    (7, 'Both Days', 'misc', '0 9 1,15 * mon', None, None, None, True),
]
JOBS = [
    (1, 1, 'upload', 'success', '2025-03-03 09:00:00.125000', '2025-03-03 09:04:10', None),
    (2, 2, 'upload', 'failed', '2025-03-08 18:30:00', '2025-03-08 18:31:00', 'TTS quota exceeded'),
    (3, 1, 'upload', 'running', '2025-03-04 09:00:00', None, None),
    (4, 6, 'upload', 'success', '2025-03-04 09:00:00', '2025-03-04 09:01:00', None),
]
INSERT_ACCOUNT = ('INSERT INTO accounts (id, name, channel_type, upload_schedule, tts_provider, tts_voice, tts_speed, '
                  'is_active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
INSERT_JOB = ('INSERT INTO job_history (id, account_id, job_type, status, started_at, completed_at, error_message) '
              'VALUES (?, ?, ?, ?, ?, ?, ?)')


def write_sqlite(path):
    import sqlite3
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    db.executemany(INSERT_ACCOUNT, ACCOUNTS)
    db.executemany(INSERT_JOB, JOBS)
    db.commit()


def write_postgres(url):
    import psycopg  # SQLAlchemy's types as PostgreSQL spells them: DateTime = TIMESTAMP, Boolean = BOOLEAN
    schema = SCHEMA.replace('DATETIME', 'TIMESTAMP').replace('DEFAULT 1', 'DEFAULT true')
    with psycopg.connect(url) as db:
        for statement in filter(str.strip, schema.split(';')):
            db.execute(statement)
        with db.cursor() as cursor:
            cursor.executemany(INSERT_ACCOUNT.replace('?', '%s'), ACCOUNTS)
            cursor.executemany(INSERT_JOB.replace('?', '%s'), JOBS)


if __name__ == '__main__':
    target = sys.argv[1]
    write_postgres(target) if target.startswith('postgres') else write_sqlite(target)
