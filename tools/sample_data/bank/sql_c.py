"""SQL questions with ranked answers, part 3: NULLs, updates, time zones, plans, analytics."""

from __future__ import annotations

from .common import A, U
from .sql_common import ranked

SQL_C = [
    ranked(
        "sql-25",
        "aggregation",
        [
            U(
                "How do I get a comma-separated list of product names per order, sorted alphabetically? We use PostgreSQL in prod and SQLite in tests."
            )
        ],
        [
            (
                """
                **PostgreSQL**: `string_agg` with an `ORDER BY` inside the aggregate:

                ```sql
                SELECT o.id AS order_id,
                       string_agg(p.name, ', ' ORDER BY p.name) AS products
                FROM orders AS o
                JOIN order_items AS oi ON oi.order_id = o.id
                JOIN products AS p     ON p.id = oi.product_id
                GROUP BY o.id;
                ```

                **SQLite**: `group_concat`. Ordering inside the aggregate is supported from **SQLite 3.44**:

                ```sql
                SELECT o.id AS order_id,
                       group_concat(p.name, ', ' ORDER BY p.name) AS products
                FROM orders AS o
                JOIN order_items AS oi ON oi.order_id = o.id
                JOIN products AS p     ON p.id = oi.product_id
                GROUP BY o.id;
                ```

                SQLite 3.44+ also accepts `string_agg(p.name, ', ')` as an alias, so with a recent SQLite
                you can use the same query in both databases. On older SQLite versions, the order of
                `group_concat` is undefined; sorting rows in a subquery first usually works in practice but
                isn't guaranteed.

                If the same product can appear twice in an order, use `string_agg(DISTINCT p.name, ', '
                ORDER BY p.name)` in PostgreSQL.
                """,
                9,
            ),
            (
                """
                Use `GROUP_CONCAT(p.name ORDER BY p.name SEPARATOR ', ')`. It works in both PostgreSQL and
                SQLite.
                """,
                1,
            ),
            (
                """
                PostgreSQL: `string_agg(p.name, ', ' ORDER BY p.name)`. SQLite: `group_concat(p.name, ', ')`;
                it doesn't guarantee order, so sort in the application if needed.
                """,
                6,
            ),
        ],
    ),
    ranked(
        "sql-26",
        "aggregation",
        [U("PostgreSQL: median salary per department from `employees(department, salary)`?")],
        [
            (
                """
                ```sql
                SELECT department,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY salary) AS median_salary,
                       count(*) AS employees
                FROM employees
                GROUP BY department
                ORDER BY department;
                ```

                `percentile_cont(0.5)` is the textbook median: for an even number of employees it averages the
                two middle salaries. `percentile_disc(0.5)` instead returns the lower of the two middle
                values, an actual salary from the data, which some HR reports prefer. NULL salaries are
                ignored by both.
                """,
                9,
            ),
            (
                """
                ```sql
                SELECT department, percentile_disc(0.5) WITHIN GROUP (ORDER BY salary) AS median
                FROM employees GROUP BY department;
                ```
                """,
                7,
            ),
            (
                """
                ```sql
                SELECT department, AVG(salary) AS median FROM employees GROUP BY department;
                ```

                The average is the median for normally distributed data.
                """,
                1,
            ),
        ],
    ),
    ranked(
        "sql-27",
        "nulls",
        [
            U(
                """
                `SELECT * FROM tickets WHERE assignee <> 'maria';` doesn't return unassigned tickets
                (assignee is NULL). Why? PostgreSQL.
                """
            ),
        ],
        [
            (
                """
                Because comparisons with NULL yield **NULL** (unknown), not true. For an unassigned ticket,
                `NULL <> 'maria'` is NULL, and `WHERE` keeps only rows where the condition is true.

                Say explicitly what should happen to NULLs:

                ```sql
                SELECT * FROM tickets
                WHERE assignee IS DISTINCT FROM 'maria';
                ```

                `IS DISTINCT FROM` treats NULL as an ordinary value: `NULL IS DISTINCT FROM 'maria'` is
                true, and `NULL IS DISTINCT FROM NULL` is false. SQLite supports it too (3.39+), and has the
                shorter `assignee IS NOT 'maria'`.

                The equivalent long form is `WHERE assignee <> 'maria' OR assignee IS NULL`.

                `NOT IN` has the same trap in reverse: `WHERE assignee NOT IN ('maria', NULL)` returns **no
                rows at all**, because `x <> NULL` is never true.
                """,
                9,
            ),
            (
                """
                Use `!=` instead of `<>`:

                ```sql
                SELECT * FROM tickets WHERE assignee != 'maria';
                ```
                """,
                0,
            ),
            (
                """
                NULL isn't equal or unequal to anything, so the row is filtered out. Add `OR assignee IS
                NULL`:

                ```sql
                SELECT * FROM tickets WHERE assignee <> 'maria' OR assignee IS NULL;
                ```
                """,
                8,
            ),
        ],
    ),
    ranked(
        "sql-28",
        "updates",
        [
            U(
                """
                I need to set `orders.customer_name` from `customers.name` (denormalised column). How do I
                UPDATE with a join? Needs to work in PostgreSQL and SQLite.
                """
            ),
        ],
        [
            (
                """
                Both support `UPDATE ... FROM` (SQLite since **3.33**):

                ```sql
                UPDATE orders
                SET customer_name = c.name
                FROM customers AS c
                WHERE c.id = orders.customer_id
                  AND orders.customer_name IS DISTINCT FROM c.name;
                ```

                - Don't repeat `orders` in the `FROM` list; the target table is joined implicitly, and
                  listing it again creates a cross join.
                - The last condition skips rows that are already correct, which avoids needless writes
                  (and dead tuples in PostgreSQL) when you re-run it.

                For older SQLite versions, use a correlated subquery, which works everywhere:

                ```sql
                UPDATE orders
                SET customer_name = (SELECT c.name FROM customers c WHERE c.id = orders.customer_id)
                WHERE EXISTS (SELECT 1 FROM customers c WHERE c.id = orders.customer_id);
                ```

                The `WHERE EXISTS` keeps orders without a matching customer from being set to NULL.
                """,
                9,
            ),
            (
                """
                ```sql
                UPDATE orders o
                JOIN customers c ON c.id = o.customer_id
                SET o.customer_name = c.name;
                ```
                """,
                2,
            ),
            (
                """
                ```sql
                UPDATE orders
                SET customer_name = (SELECT name FROM customers WHERE customers.id = orders.customer_id);
                ```

                This works in both databases.
                """,
                6,
            ),
        ],
    ),
    ranked(
        "sql-29",
        "time-zones",
        [
            U(
                "PostgreSQL: `orders.created_at` is `timestamptz`. I need orders per day, but days should be in New York time, not UTC."
            ),
            A(
                "Does the report need to be correct across daylight-saving changes, or is a fixed offset acceptable?"
            ),
            U("It must handle DST correctly."),
        ],
        [
            (
                """
                Convert to New York local time with `AT TIME ZONE` using the **zone name** (not a fixed
                offset), then take the date:

                ```sql
                SELECT (created_at AT TIME ZONE 'America/New_York')::date AS ny_day,
                       count(*) AS orders
                FROM orders
                GROUP BY ny_day
                ORDER BY ny_day;
                ```

                - `timestamptz AT TIME ZONE 'America/New_York'` returns a `timestamp` (without zone) of the
                  local wall-clock time, with DST applied correctly for each instant. A fixed offset such as
                  `'-05:00'` would be wrong half the year.
                - For a date range filter, compute the boundaries in the same zone so an index on
                  `created_at` can still be used:

                ```sql
                WHERE created_at >= ('2024-03-01'::timestamp AT TIME ZONE 'America/New_York')
                  AND created_at <  ('2024-04-01'::timestamp AT TIME ZONE 'America/New_York')
                ```

                (`timestamp AT TIME ZONE zone` goes the other way: it interprets the local time in that
                zone and returns a `timestamptz`.)

                On DST-change days, the local "day" has 23 or 25 hours; grouping by the local date handles
                that automatically.
                """,
                9,
            ),
            (
                """
                ```sql
                SELECT date(created_at - interval '5 hours') AS day, count(*)
                FROM orders GROUP BY 1;
                ```

                New York is UTC-5.
                """,
                2,
            ),
            (
                """
                Set the session time zone and cast:

                ```sql
                SET TimeZone = 'America/New_York';
                SELECT created_at::date AS day, count(*) FROM orders GROUP BY 1 ORDER BY 1;
                ```

                Casting `timestamptz` to `date` uses the session's time zone, DST included.
                """,
                7,
            ),
        ],
    ),
    ranked(
        "sql-30",
        "query-plans",
        [
            U(
                """
                PostgreSQL. Which is fastest for "users without a subscription": `NOT IN`, `NOT EXISTS` or
                `LEFT JOIN ... IS NULL`? `subscriptions.user_id` is nullable.
                """
            ),
        ],
        [
            (
                """
                Use `NOT EXISTS`; here it's both the correct and usually the fastest option.

                ```sql
                SELECT u.id
                FROM users u
                WHERE NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.user_id = u.id);
                ```

                - **`NOT EXISTS`** and **`LEFT JOIN ... WHERE s.user_id IS NULL`** are planned as the same
                  **anti join** in PostgreSQL (hash, merge or nested loop), so their performance is
                  normally identical. Choose `NOT EXISTS` for readability.
                - **`NOT IN (SELECT user_id FROM subscriptions)`** is the odd one out:
                  - **Correctness**: because `user_id` is nullable, a single NULL makes `NOT IN` return **no
                    rows**, since `u.id <> NULL` is unknown.
                  - **Performance**: PostgreSQL can't turn `NOT IN` into an anti join because of those NULL
                    semantics. It uses a "hashed SubPlan" if the subquery result fits in `work_mem`,
                    which is fast, and otherwise a plain SubPlan re-scanned per row, which is very slow on
                    large tables.

                Check the plans with `EXPLAIN` to see `Hash Anti Join` for the first two.
                """,
                9,
            ),
            (
                """
                `NOT IN` is fastest because the subquery is computed only once, while `NOT EXISTS` runs the
                subquery for every user.
                """,
                1,
            ),
            (
                """
                `LEFT JOIN ... IS NULL` and `NOT EXISTS` perform the same in PostgreSQL. Avoid `NOT IN` with a
                nullable column because one NULL makes it return nothing.
                """,
                7,
            ),
        ],
    ),
    ranked(
        "sql-31",
        "query-plans",
        [
            U(
                """
                PostgreSQL 16. A nightly report query shows this in EXPLAIN ANALYZE:

                ```
                Sort  (cost=912345.10..918345.10 rows=2400000 width=64) (actual time=41230.1..45012.7 rows=2400000 loops=1)
                  Sort Key: customer_id, created_at
                  Sort Method: external merge  Disk: 186432kB
                ```

                Should I raise work_mem to 1GB in postgresql.conf?
                """
            ),
        ],
        [
            (
                """
                Not globally. `external merge Disk: 186432kB` means the sort didn't fit in `work_mem` and
                spilled ~180 MB to disk, so more memory would help **this** query. But `work_mem` applies
                **per sort or hash operation, per query node, per connection** (and parallel workers each
                get their own), so a global 1 GB could let a busy server try to use many gigabytes and run
                out of memory.

                Raise it just for the report:

                ```sql
                BEGIN;
                SET LOCAL work_mem = '512MB';   -- only for this transaction
                -- the report query
                COMMIT;
                ```

                or for the role that runs reports: `ALTER ROLE reporting SET work_mem = '512MB';`.

                An in-memory sort of 180 MB of on-disk data needs somewhat more than 180 MB of memory, so
                start around 256-512 MB and check that the plan now says `Sort Method: quicksort  Memory:
                ...`.

                Also worth checking: an index on `(customer_id, created_at)` could give the rows in order
                and remove the sort entirely, if the report reads most of the table in that order anyway.
                """,
                9,
            ),
            (
                """
                Yes, set `work_mem = 1GB` in postgresql.conf and reload. The sort will then happen in memory
                and the query will be much faster.
                """,
                3,
            ),
        ],
    ),
    ranked(
        "sql-32",
        "indexes",
        [
            U(
                """
                PostgreSQL 16. This query runs thousands of times a minute:
                `SELECT status, updated_at FROM shipments WHERE order_id = $1;`
                There's an index on `order_id`. Can I make it faster?
                """
            ),
        ],
        [
            (
                """
                Make the index **covering**, so PostgreSQL can answer from the index alone (an *index-only
                scan*) without visiting the table:

                ```sql
                CREATE INDEX CONCURRENTLY shipments_order_id_covering
                  ON shipments (order_id) INCLUDE (status, updated_at);
                ```

                `INCLUDE` (PostgreSQL 11+) stores the extra columns in the index leaf pages without making
                them part of the key. Then drop the old index on `order_id` alone, since the new one
                serves the same lookups.

                An index-only scan still has to check row visibility. It can skip the table only for pages
                that the **visibility map** marks all-visible, and that depends on vacuum. For a table with
                frequent updates (`status` changes), look at `Heap Fetches` in
                `EXPLAIN (ANALYZE, BUFFERS)`: if it's close to the number of rows, autovacuum isn't keeping
                the visibility map current. Tune autovacuum for this table, for example
                `ALTER TABLE shipments SET (autovacuum_vacuum_scale_factor = 0.02);`.

                Because `status` and `updated_at` change often, updating them also has to update this index
                (no HOT updates for those changes). Measure write performance before and after; for a
                read-heavy lookup like this it's usually a good trade.
                """,
                9,
            ),
            (
                """
                Create a composite index on all three columns:

                ```sql
                CREATE INDEX ON shipments (order_id, status, updated_at);
                ```

                The query can then be answered from the index alone.
                """,
                7,
            ),
            (
                """
                Use a hash index, which is faster than B-tree for equality lookups:

                ```sql
                CREATE INDEX ON shipments USING hash (order_id);
                ```
                """,
                3,
            ),
        ],
    ),
    ranked(
        "sql-33",
        "sqlite",
        [
            U(
                """
                SQLite. What does this mean, and is it bad?

                ```
                sqlite> EXPLAIN QUERY PLAN SELECT * FROM orders WHERE customer_id = 12 ORDER BY created_at;
                QUERY PLAN
                |--SCAN orders
                `--USE TEMP B-TREE FOR ORDER BY
                ```
                """
            ),
        ],
        [
            (
                """
                It means SQLite reads **every row** of `orders` (`SCAN orders`) to find customer 12, then sorts
                the matches in a temporary B-tree (`USE TEMP B-TREE FOR ORDER BY`). For a small table that's
                fine; for a large one it's slow, and it grows linearly with the table.

                Create an index that serves both the filter and the sort:

                ```sql
                CREATE INDEX orders_customer_created ON orders (customer_id, created_at);
                ```

                Afterwards the plan should read:

                ```
                `--SEARCH orders USING INDEX orders_customer_created (customer_id=?)
                ```

                - `SEARCH ... USING INDEX` means SQLite jumps to the matching range of the index instead of
                  scanning the table.
                - The temp B-tree disappears, because the index already returns customer 12's rows in
                  `created_at` order.
                - `USING COVERING INDEX` would mean no table lookups at all, which you'd get only if every
                  selected column were in the index (not the case with `SELECT *`).

                Run `ANALYZE;` once after creating indexes on larger databases so the query planner has
                statistics to choose between indexes.
                """,
                9,
            ),
            (
                """
                `SCAN` means it's using the primary key index, which is fine. The temp B-tree is just used for
                sorting and can be ignored.
                """,
                1,
            ),
            (
                """
                It's a full table scan plus a sort. Add an index on `customer_id` and the scan becomes a
                `SEARCH`.
                """,
                6,
            ),
        ],
    ),
    ranked(
        "sql-34",
        "analytics",
        [
            U(
                """
                PostgreSQL. `users(id, signed_up_at timestamptz)` and `activity(user_id, active_on date)`.
                I want monthly signup cohorts with the percentage of each cohort active 1, 2 and 3 months
                after signup.
                """
            ),
        ],
        [
            (
                """
                Assign each user a cohort month, count distinct active users per cohort and month offset,
                then divide by the cohort size:

                ```sql
                WITH cohorts AS (
                  SELECT id AS user_id, date_trunc('month', signed_up_at)::date AS cohort
                  FROM users
                ),
                activity_offsets AS (
                  SELECT DISTINCT c.cohort, c.user_id,
                         (extract(year  FROM age(date_trunc('month', a.active_on), c.cohort)) * 12
                        + extract(month FROM age(date_trunc('month', a.active_on), c.cohort)))::int AS month_offset
                  FROM cohorts c
                  JOIN activity a ON a.user_id = c.user_id
                ),
                sizes AS (
                  SELECT cohort, count(*) AS cohort_size FROM cohorts GROUP BY cohort
                )
                SELECT s.cohort,
                       s.cohort_size,
                       round(100.0 * count(*) FILTER (WHERE o.month_offset = 1) / s.cohort_size, 1) AS m1_pct,
                       round(100.0 * count(*) FILTER (WHERE o.month_offset = 2) / s.cohort_size, 1) AS m2_pct,
                       round(100.0 * count(*) FILTER (WHERE o.month_offset = 3) / s.cohort_size, 1) AS m3_pct
                FROM sizes s
                LEFT JOIN activity_offsets o ON o.cohort = s.cohort
                GROUP BY s.cohort, s.cohort_size
                ORDER BY s.cohort;
                ```

                - `DISTINCT` in `activity_offsets` counts each user once per month offset, however many days
                  they were active.
                - `age()` between two first-of-month dates gives whole months, so the offset is exact.
                - Cohort size comes from `users`, not from activity, so users who were never active still
                  count in the denominator.
                - Recent cohorts show 0% for months that haven't happened yet; filter or blank them in the
                  report to avoid misleading drops.

                The month boundaries follow the session's time zone for `signed_up_at`; set it explicitly if
                it matters.
                """,
                9,
            ),
            (
                """
                ```sql
                SELECT date_trunc('month', u.signed_up_at) AS cohort,
                       count(DISTINCT a.user_id) * 100.0 / count(DISTINCT u.id) AS retention
                FROM users u
                LEFT JOIN activity a ON a.user_id = u.id
                GROUP BY 1;
                ```
                """,
                3,
            ),
        ],
    ),
    ranked(
        "sql-35",
        "analytics",
        [
            U(
                """
                PostgreSQL. `pageviews(user_id, viewed_at timestamptz)`. A session ends after 30 minutes of
                inactivity. How do I assign a session number to each pageview?
                """
            ),
        ],
        [
            (
                """
                Mark where a new session starts, then take a running sum of those marks:

                ```sql
                WITH flagged AS (
                  SELECT user_id, viewed_at,
                         CASE
                           WHEN LAG(viewed_at) OVER w IS NULL
                             OR viewed_at - LAG(viewed_at) OVER w > interval '30 minutes'
                           THEN 1 ELSE 0
                         END AS new_session
                  FROM pageviews
                  WINDOW w AS (PARTITION BY user_id ORDER BY viewed_at)
                )
                SELECT user_id, viewed_at,
                       SUM(new_session) OVER (PARTITION BY user_id ORDER BY viewed_at
                                              ROWS UNBOUNDED PRECEDING) AS session_no
                FROM flagged
                ORDER BY user_id, viewed_at;
                ```

                - A pageview starts a session if it's the user's first or comes more than 30 minutes after
                  the previous one.
                - The running `SUM` numbers sessions 1, 2, 3, ... per user. `ROWS UNBOUNDED PRECEDING`
                  avoids the default `RANGE` frame lumping together pageviews with identical timestamps
                  (harmless here, but explicit is safer).
                - For session-level metrics, group the result by `(user_id, session_no)`: `min(viewed_at)`,
                  `max(viewed_at)`, `count(*)`.

                An index on `pageviews (user_id, viewed_at)` lets PostgreSQL read rows in window order
                without a big sort.
                """,
                9,
            ),
            (
                """
                ```sql
                SELECT user_id, viewed_at,
                       date_trunc('hour', viewed_at) AS session
                FROM pageviews;
                ```

                Each hour of activity counts as one session.
                """,
                1,
            ),
            (
                """
                Use `LAG(viewed_at)` per user to find gaps over 30 minutes, flag them as session starts, and
                run a cumulative `SUM` over the flags ordered by time to number the sessions.
                """,
                6,
            ),
        ],
    ),
    ranked(
        "sql-36",
        "sqlite",
        [
            U(
                """
                SQLite. I declared `order_items.order_id INTEGER REFERENCES orders(id) ON DELETE CASCADE`, but
                deleting an order leaves its items behind. Why?
                """
            ),
        ],
        [
            (
                """
                SQLite parses foreign key constraints but **doesn't enforce them unless you turn them on**,
                and the setting is **per connection**, off by default:

                ```sql
                PRAGMA foreign_keys = ON;
                ```

                Run it right after opening every connection (it has no effect inside a transaction). In
                Python:

                ```python
                import sqlite3

                conn = sqlite3.connect("app.db")
                conn.execute("PRAGMA foreign_keys = ON")
                ```

                With SQLAlchemy, use a `connect` event listener so every pooled connection gets it.

                Then:

                - `ON DELETE CASCADE` deletes the items when the order is deleted.
                - Existing orphan rows from before aren't cleaned up. Find them with
                  `PRAGMA foreign_key_check;` and delete them once.
                - Add an index on `order_items (order_id)`: SQLite doesn't create one automatically, and
                  without it every cascade scans the whole items table.
                """,
                9,
            ),
            (
                """
                SQLite doesn't support foreign keys or `ON DELETE CASCADE`. Delete the items yourself with a
                trigger or in the application.
                """,
                1,
            ),
        ],
    ),
]
