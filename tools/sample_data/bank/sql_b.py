"""SQL questions with ranked answers, part 2: SQLite, data fixes, aggregation, concurrency."""

from __future__ import annotations

from .common import A, U
from .sql_common import ranked

SQL_B = [
    ranked(
        "sql-13",
        "sqlite",
        [
            U(
                """
                SQLite 3.45. `inventory(sku TEXT PRIMARY KEY, qty INTEGER NOT NULL, updated_at TEXT)`. I
                receive stock deliveries as (sku, qty) and want to insert new SKUs or add to the quantity
                of existing ones.
                """
            ),
        ],
        [
            (
                """
                Use an **upsert** (`INSERT ... ON CONFLICT ... DO UPDATE`, available since SQLite 3.24):

                ```sql
                INSERT INTO inventory (sku, qty, updated_at)
                VALUES (:sku, :qty, datetime('now'))
                ON CONFLICT (sku) DO UPDATE SET
                  qty        = inventory.qty + excluded.qty,
                  updated_at = excluded.updated_at;
                ```

                - `excluded` refers to the row you tried to insert, so `excluded.qty` is the delivered
                  quantity and `inventory.qty` the current stock.
                - The conflict target `(sku)` must match a `PRIMARY KEY` or `UNIQUE` constraint; it does here.
                - It's a single atomic statement, so concurrent writers can't lose an update.

                For a batch of deliveries, run it with `executemany` inside one transaction, which is much
                faster than committing each row:

                ```python
                with conn:  # one transaction
                    conn.executemany(UPSERT_SQL, deliveries)
                ```

                Avoid `INSERT OR REPLACE` for this: it **deletes** the existing row and inserts a new one, so
                you'd lose the old quantity (and any columns you don't supply), and `ON DELETE` triggers
                and cascades fire.
                """,
                9,
            ),
            (
                """
                ```sql
                INSERT OR REPLACE INTO inventory (sku, qty, updated_at)
                VALUES (:sku, COALESCE((SELECT qty FROM inventory WHERE sku = :sku), 0) + :qty, datetime('now'));
                ```

                `INSERT OR REPLACE` inserts the row or replaces it if the SKU exists, and the subquery adds
                the existing quantity.
                """,
                5,
            ),
            (
                """
                ```sql
                INSERT INTO inventory (sku, qty) VALUES (:sku, :qty)
                ON CONFLICT DO UPDATE SET qty = qty + excluded.qty;
                ```
                """,
                6,
            ),
        ],
    ),
    ranked(
        "sql-14",
        "sqlite",
        [
            U(
                """
                SQLite. `events(id INTEGER PRIMARY KEY, created_at TEXT)` stores timestamps like
                '2024-05-03 14:22:09' (UTC). How do I get events from the last 7 days?
                """
            ),
        ],
        [
            (
                """
                SQLite has no date type, but ISO-8601 text in the same format sorts chronologically, so you
                can compare it against a timestamp built with `datetime()`:

                ```sql
                SELECT *
                FROM events
                WHERE created_at >= datetime('now', '-7 days')
                ORDER BY created_at;
                ```

                - `datetime('now', '-7 days')` returns UTC text in the same `YYYY-MM-DD HH:MM:SS` format as
                  your column, so the string comparison is correct.
                - For "since midnight 7 days ago" instead of "the last 168 hours", use
                  `date('now', '-7 days')`: `'2024-05-03' <= '2024-05-03 14:22:09'` still compares correctly.
                - An index on `created_at` can be used for this range condition.

                The format has to be consistent: a row stored as `2024-05-03T14:22:09Z` (with a `T`)
                compares differently to one with a space, because `'T'` sorts after `' '`. If your data mixes
                formats, normalise it once with `UPDATE events SET created_at = datetime(created_at);`.
                """,
                9,
            ),
            (
                """
                ```sql
                SELECT * FROM events WHERE created_at >= NOW() - INTERVAL '7 days';
                ```
                """,
                1,
            ),
            (
                """
                ```sql
                SELECT * FROM events
                WHERE julianday('now') - julianday(created_at) <= 7;
                ```

                `julianday` converts both to a number of days, so the difference is the age in days.
                """,
                6,
            ),
        ],
    ),
    ranked(
        "sql-15",
        "reporting",
        [
            U(
                """
                PostgreSQL. My daily signups report skips days with no signups, and the chart looks wrong.
                `SELECT created_at::date AS day, count(*) FROM users GROUP BY 1 ORDER BY 1;` How do I show 0
                for missing days in the last 30 days?
                """
            ),
        ],
        [
            (
                """
                Generate the calendar with `generate_series` and `LEFT JOIN` the counts onto it:

                ```sql
                SELECT d.day::date AS day,
                       COUNT(u.id) AS signups
                FROM generate_series(current_date - 29, current_date, interval '1 day') AS d(day)
                LEFT JOIN users AS u
                  ON u.created_at >= d.day
                 AND u.created_at <  d.day + interval '1 day'
                GROUP BY d.day
                ORDER BY d.day;
                ```

                - `COUNT(u.id)` counts only matched users, so days without signups show **0**. `COUNT(*)`
                  would show 1 for them, because the calendar row itself is counted.
                - The join uses a half-open range on `created_at` instead of `u.created_at::date = d.day`, so
                  an index on `users (created_at)` can be used.
                - `created_at` is probably `timestamptz`; the day boundaries follow the session's `TimeZone`
                  setting. Set it explicitly (`SET TimeZone = 'Europe/Berlin'`) if the report should use a
                  particular local day.
                """,
                9,
            ),
            (
                """
                Wrap the count in `COALESCE`:

                ```sql
                SELECT created_at::date AS day, COALESCE(count(*), 0)
                FROM users
                GROUP BY 1 ORDER BY 1;
                ```
                """,
                1,
            ),
        ],
    ),
    ranked(
        "sql-16",
        "data-cleaning",
        [
            U(
                """
                PostgreSQL. A bug inserted duplicate rows in `contacts(id bigserial primary key, email text,
                name text, created_at timestamptz)`: same email several times. How do I delete the duplicates
                and keep the oldest row (lowest id) for each email?
                """
            ),
        ],
        [
            (
                """
                Number the rows per email and delete everything after the first:

                ```sql
                BEGIN;

                DELETE FROM contacts AS c
                USING (
                  SELECT id,
                         ROW_NUMBER() OVER (PARTITION BY email ORDER BY id) AS rn
                  FROM contacts
                ) AS d
                WHERE c.id = d.id
                  AND d.rn > 1;

                -- check before committing
                SELECT email, count(*) FROM contacts GROUP BY email HAVING count(*) > 1;

                COMMIT;
                ```

                Then prevent it from happening again:

                ```sql
                CREATE UNIQUE INDEX CONCURRENTLY contacts_email_key ON contacts (email);
                ```

                Things to check first:

                - **Are duplicates exact?** If emails differ in case or whitespace (`Ana@x.com` vs
                  `ana@x.com `), partition by `lower(trim(email))` instead and consider a unique index on that
                  expression.
                - **Foreign keys**: if other tables reference `contacts.id`, repoint them to the surviving
                  id before deleting, or the delete will fail (or cascade, depending on the constraint).
                - **NULL emails** are all in one partition for `ROW_NUMBER`, so this would delete all but
                  one of them. Add `WHERE email IS NOT NULL` to the subquery if NULL rows are legitimate.
                """,
                9,
            ),
            (
                """
                ```sql
                DELETE FROM contacts a
                USING contacts b
                WHERE a.email = b.email
                  AND a.id > b.id;
                ```

                Each row that has an older row with the same email is deleted.
                """,
                7,
            ),
            (
                """
                Keep the minimum id per email and delete the rest:

                ```sql
                DELETE FROM contacts
                WHERE id NOT IN (SELECT min(id) FROM contacts GROUP BY email);
                ```

                Run it in a transaction and check the counts before committing. Note that `GROUP BY`
                puts all NULL emails in one group, so only one row with a NULL email survives.
                """,
                7,
            ),
            (
                """
                Create a clean copy and swap the tables:

                ```sql
                CREATE TABLE contacts_clean AS SELECT DISTINCT * FROM contacts;
                DROP TABLE contacts;
                ALTER TABLE contacts_clean RENAME TO contacts;
                ```
                """,
                2,
            ),
        ],
    ),
    ranked(
        "sql-17",
        "aggregation",
        [U("What's the difference between COUNT(*), COUNT(column) and COUNT(DISTINCT column)?")],
        [
            (
                """
                - `COUNT(*)` counts **rows**, whatever they contain.
                - `COUNT(col)` counts rows where `col` is **not NULL**.
                - `COUNT(DISTINCT col)` counts the **distinct non-NULL values** of `col`.

                Example with `orders(customer_id)` holding the values 1, 1, 2, NULL:

                ```sql
                SELECT COUNT(*)                    AS rows,          -- 4
                       COUNT(customer_id)          AS with_customer, -- 3
                       COUNT(DISTINCT customer_id) AS customers      -- 2
                FROM orders;
                ```

                This matters most with outer joins: after `customers LEFT JOIN orders`, use
                `COUNT(o.id)` to count orders per customer. `COUNT(*)` would report 1 for customers
                without orders, because the unmatched row itself is counted.

                Performance: `COUNT(*)` and `COUNT(col)` are similar. `COUNT(DISTINCT ...)` needs a sort or
                hash of the values and is noticeably slower on large tables; for dashboards where an
                approximation is fine, PostgreSQL extensions such as HyperLogLog are an option.
                """,
                9,
            ),
            (
                """
                `COUNT(*)` counts all rows, `COUNT(column)` counts all values in the column, and
                `COUNT(DISTINCT column)` counts unique values. `COUNT(column)` is faster than `COUNT(*)`
                because it only reads one column.
                """,
                3,
            ),
        ],
    ),
    ranked(
        "sql-18",
        "aggregation",
        [
            U(
                """
                PostgreSQL. `tickets(id, team text, priority text)` where priority is 'P1', 'P2' or 'P3'. I
                want one row per team with a column per priority (counts).
                """
            ),
        ],
        [
            (
                """
                Use conditional aggregation with `FILTER`:

                ```sql
                SELECT team,
                       COUNT(*) FILTER (WHERE priority = 'P1') AS p1,
                       COUNT(*) FILTER (WHERE priority = 'P2') AS p2,
                       COUNT(*) FILTER (WHERE priority = 'P3') AS p3,
                       COUNT(*)                                 AS total
                FROM tickets
                GROUP BY team
                ORDER BY team;
                ```

                `FILTER` is standard SQL, supported by PostgreSQL (9.4+) and SQLite (3.30+). For other
                databases, the portable form is `SUM(CASE WHEN priority = 'P1' THEN 1 ELSE 0 END)`.

                This works when the set of columns is known in advance. SQL needs the output columns
                fixed when the query is written; if priorities are dynamic, either generate the query in
                your application or return rows (`team, priority, count`) and pivot in the reporting tool.
                """,
                9,
            ),
            (
                """
                ```sql
                SELECT team,
                       SUM(CASE WHEN priority = 'P1' THEN 1 ELSE 0 END) AS p1,
                       SUM(CASE WHEN priority = 'P2' THEN 1 ELSE 0 END) AS p2,
                       SUM(CASE WHEN priority = 'P3' THEN 1 ELSE 0 END) AS p3
                FROM tickets
                GROUP BY team;
                ```

                The CASE expression turns each priority into a 1 or 0, and SUM counts them per team.
                """,
                8,
            ),
            (
                """
                Use the `crosstab` function from the `tablefunc` extension:

                ```sql
                CREATE EXTENSION IF NOT EXISTS tablefunc;
                SELECT * FROM crosstab(
                  'SELECT team, priority, count(*) FROM tickets GROUP BY 1, 2 ORDER BY 1, 2'
                ) AS ct(team text, p1 bigint, p2 bigint, p3 bigint);
                ```
                """,
                5,
            ),
        ],
    ),
    ranked(
        "sql-19",
        "recursive",
        [
            U(
                """
                PostgreSQL. `employees(id int primary key, name text, manager_id int)`. How do I get
                everyone who reports to manager 7, directly or indirectly, with their depth?
                """
            ),
        ],
        [
            (
                """
                Use a recursive CTE: start with manager 7's direct reports, then repeatedly add the reports
                of the rows found so far.

                ```sql
                WITH RECURSIVE reports AS (
                  SELECT id, name, manager_id, 1 AS depth, ARRAY[id] AS path
                  FROM employees
                  WHERE manager_id = 7

                  UNION ALL

                  SELECT e.id, e.name, e.manager_id, r.depth + 1, r.path || e.id
                  FROM employees AS e
                  JOIN reports AS r ON e.manager_id = r.id
                  WHERE e.id <> ALL (r.path)          -- stop if the data contains a cycle
                )
                SELECT id, name, manager_id, depth
                FROM reports
                ORDER BY path;
                ```

                - `depth` is 1 for direct reports, 2 for their reports, and so on.
                - `path` is used to order the output as a tree and to guard against **cycles** (bad data such
                  as A manages B and B manages A), which would otherwise make the query run forever.
                  PostgreSQL 14+ also has a built-in `CYCLE id SET is_cycle USING path` clause.
                - An index on `employees (manager_id)` makes each recursion step an index lookup.
                """,
                9,
            ),
            (
                """
                ```sql
                WITH RECURSIVE reports AS (
                  SELECT id, name, 1 AS depth FROM employees WHERE manager_id = 7
                  UNION ALL
                  SELECT e.id, e.name, r.depth + 1
                  FROM employees e JOIN reports r ON e.manager_id = r.id
                )
                SELECT * FROM reports;
                ```
                """,
                7,
            ),
            (
                """
                Join the table to itself for each level:

                ```sql
                SELECT e1.name AS level1, e2.name AS level2, e3.name AS level3
                FROM employees e1
                LEFT JOIN employees e2 ON e2.manager_id = e1.id
                LEFT JOIN employees e3 ON e3.manager_id = e2.id
                WHERE e1.manager_id = 7;
                ```
                """,
                3,
            ),
        ],
    ),
    ranked(
        "sql-20",
        "json",
        [
            U(
                'PostgreSQL: `events(id, payload jsonb)`. Payloads look like `{"type": "login", "user": {"id": 42, "plan": "pro"}}`.'
            ),
            A("Got it. What do you need to query in those payloads?"),
            U("All login events of users on the pro plan, fast. The table has 30M rows."),
        ],
        [
            (
                """
                Use the **containment** operator `@>` with a GIN index:

                ```sql
                SELECT id, payload
                FROM events
                WHERE payload @> '{"type": "login", "user": {"plan": "pro"}}';
                ```

                ```sql
                CREATE INDEX CONCURRENTLY events_payload_gin
                  ON events USING gin (payload jsonb_path_ops);
                ```

                - `@>` checks that the payload contains the given structure, including nested keys.
                - `jsonb_path_ops` indexes are smaller and faster than the default `jsonb_ops` for `@>`
                  queries, but support only containment (and jsonpath) operators, not key-existence
                  operators like `?`.

                If you always filter on the same one or two fields, a B-tree **expression index** is
                smaller still and also supports ranges and sorting:

                ```sql
                CREATE INDEX CONCURRENTLY events_type_plan_idx
                  ON events ((payload ->> 'type'), (payload -> 'user' ->> 'plan'));

                SELECT id, payload
                FROM events
                WHERE payload ->> 'type' = 'login'
                  AND payload -> 'user' ->> 'plan' = 'pro';
                ```

                The query must use the same expressions as the index. Note that `->>` returns text, so
                compare numbers as text or cast them (`(payload -> 'user' ->> 'id')::int = 42`).
                """,
                9,
            ),
            (
                """
                ```sql
                SELECT * FROM events
                WHERE payload::text LIKE '%"type": "login"%'
                  AND payload::text LIKE '%"plan": "pro"%';
                ```
                """,
                1,
            ),
            (
                """
                ```sql
                SELECT * FROM events
                WHERE payload ->> 'type' = 'login'
                  AND payload -> 'user' ->> 'plan' = 'pro';
                ```

                `->` returns a JSON value and `->>` returns text. Add a GIN index on `payload` for speed.
                """,
                5,
            ),
        ],
    ),
    ranked(
        "sql-21",
        "pagination",
        [
            U(
                """
                Our API pages through `orders` with `ORDER BY created_at DESC LIMIT 50 OFFSET :n`. Page 1
                is fast; page 2,000 takes seconds. PostgreSQL. How do we fix it?
                """
            ),
        ],
        [
            (
                """
                `OFFSET n` still has to produce and discard the first `n` rows, so page 2,000 reads
                100,000 rows to return 50. Switch to **keyset (cursor) pagination**: remember the last row
                of the page and continue after it.

                ```sql
                -- first page
                SELECT id, created_at, total
                FROM orders
                ORDER BY created_at DESC, id DESC
                LIMIT 50;

                -- next page: pass the last row's (created_at, id) from the previous page
                SELECT id, created_at, total
                FROM orders
                WHERE (created_at, id) < (:last_created_at, :last_id)
                ORDER BY created_at DESC, id DESC
                LIMIT 50;
                ```

                ```sql
                CREATE INDEX CONCURRENTLY orders_created_id_idx ON orders (created_at DESC, id DESC);
                ```

                - `id` is a **tie-breaker**: without it, rows with the same `created_at` could be skipped or
                  repeated across pages.
                - The row comparison `(a, b) < (x, y)` can use the composite index, so every page costs the
                  same, however deep.
                - Results are also stable while new orders arrive; with `OFFSET`, inserts shift rows between
                  pages.

                The trade-off: you can't jump to "page 2,000" directly, only next/previous. Most APIs
                expose an opaque cursor (for example base64 of `created_at,id`) instead of page numbers.
                """,
                9,
            ),
            (
                """
                Add an index on `created_at` so the sort is faster:

                ```sql
                CREATE INDEX ON orders (created_at DESC);
                ```

                Deep pages will then be served from the index.
                """,
                4,
            ),
        ],
    ),
    ranked(
        "sql-22",
        "transactions",
        [
            U(
                """
                PostgreSQL, default isolation. Two requests sometimes both read a wallet balance of 100, both
                subtract 30 in the app, and both write 70. We lose one debit. How do we fix it?
                """
            ),
        ],
        [
            (
                """
                That's a **lost update**: under READ COMMITTED, both transactions read the same value and the
                second write overwrites the first. Fixes, simplest first:

                **1. Let the database do the arithmetic (atomic update)**

                ```sql
                UPDATE wallets
                SET balance = balance - 30
                WHERE id = :wallet_id
                  AND balance >= 30
                RETURNING balance;
                ```

                The second transaction waits for the first one's row lock, then re-evaluates `balance`
                against the **new** value. If no row is returned, the balance was insufficient.

                **2. Lock the row when reading, if the app must decide in between**

                ```sql
                BEGIN;
                SELECT balance FROM wallets WHERE id = :wallet_id FOR UPDATE;
                -- application logic
                UPDATE wallets SET balance = :new_balance WHERE id = :wallet_id;
                COMMIT;
                ```

                **3. SERIALIZABLE isolation**, where PostgreSQL aborts one of the conflicting transactions
                with a serialization failure (SQLSTATE `40001`). It's correct, but the application **must**
                retry failed transactions.

                For money, also keep a ledger table of debits and credits, so the balance can always be
                recomputed and audited.
                """,
                9,
            ),
            (
                """
                Switch the transaction to `SERIALIZABLE`:

                ```sql
                SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;
                ```

                PostgreSQL will then prevent the conflicting updates.
                """,
                5,
            ),
            (
                """
                Read the balance again just before writing, and only write if it hasn't changed since the
                first read. That way the second request notices the change.
                """,
                2,
            ),
        ],
    ),
    ranked(
        "sql-23",
        "transactions",
        [
            U(
                """
                We get `ERROR: deadlock detected` in PostgreSQL a few times a day. Two jobs transfer stock
                between warehouses by updating two rows of `stock` in one transaction. Why, and how do we stop
                it?
                """
            ),
        ],
        [
            (
                """
                A deadlock happens when two transactions each hold a lock the other needs. With transfers:

                - Job A moves stock from warehouse 1 to 2: it locks row 1, then wants row 2.
                - Job B moves stock from warehouse 2 to 1: it locks row 2, then wants row 1.

                Each waits for the other; after `deadlock_timeout` (1 s by default) PostgreSQL detects the
                cycle and aborts one transaction with `deadlock detected`.

                **Fix: always lock rows in the same order**, for example by id, regardless of the
                direction of the transfer:

                ```sql
                BEGIN;
                SELECT id FROM stock
                WHERE id IN (:from_id, :to_id)
                ORDER BY id
                FOR UPDATE;

                UPDATE stock SET qty = qty - :n WHERE id = :from_id;
                UPDATE stock SET qty = qty + :n WHERE id = :to_id;
                COMMIT;
                ```

                The first statement takes both locks in id order, so two transfers touching the same rows
                queue up instead of deadlocking.

                Also: keep these transactions short (no network calls while locks are held), and retry a
                transaction that fails with a deadlock (SQLSTATE `40P01`): the error is safe to retry. The
                server log shows the two statements involved in each deadlock, which confirms the diagnosis.
                """,
                9,
            ),
            (
                """
                Increase `deadlock_timeout` so PostgreSQL waits longer before giving up:

                ```sql
                ALTER SYSTEM SET deadlock_timeout = '10s';
                ```
                """,
                1,
            ),
            (
                """
                Deadlocks come from two transactions locking the same rows in opposite order. Make both jobs
                update the rows in a consistent order (lowest id first), and retry when a deadlock error
                occurs.
                """,
                7,
            ),
        ],
    ),
    ranked(
        "sql-24",
        "aggregation",
        [
            U(
                "PostgreSQL and SQLite: how do I get the 95th percentile of `latency_ms` from `requests`, per endpoint?"
            )
        ],
        [
            (
                """
                **PostgreSQL** has ordered-set aggregates for this:

                ```sql
                SELECT endpoint,
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95,
                       count(*) AS requests
                FROM requests
                GROUP BY endpoint
                ORDER BY p95 DESC;
                ```

                `percentile_cont` interpolates between the two nearest values; `percentile_disc` returns an
                actual value from the data. For latency reporting either is fine; be consistent.

                **SQLite** has no percentile aggregate in a default library build (there's an optional
                `percentile` extension you can load or compile in). Without it, use window functions:

                ```sql
                WITH ranked AS (
                  SELECT endpoint, latency_ms,
                         ROW_NUMBER() OVER (PARTITION BY endpoint ORDER BY latency_ms) AS rn,
                         COUNT(*)     OVER (PARTITION BY endpoint)                     AS n
                  FROM requests
                )
                SELECT endpoint, MIN(latency_ms) AS p95
                FROM ranked
                WHERE rn >= 0.95 * n
                GROUP BY endpoint;
                ```

                This is the "nearest rank" method: the smallest value with at least 95% of rows at or
                below it, close to `percentile_disc(0.95)`.
                """,
                9,
            ),
            (
                """
                ```sql
                SELECT endpoint, AVG(latency_ms) * 1.95 AS p95
                FROM requests
                GROUP BY endpoint;
                ```
                """,
                0,
            ),
        ],
    ),
]
