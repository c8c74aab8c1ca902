"""SQL questions with ranked answers, part 1: joins, top-N, windows, indexes."""

from __future__ import annotations

from .common import A, U, t
from .sql_common import ranked

SCHEMA_SHOP = """
    ```sql
    CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, country text);
    CREATE TABLE orders (
      id bigint PRIMARY KEY,
      customer_id bigint REFERENCES customers (id),
      status text NOT NULL,          -- 'paid', 'refunded', 'cancelled'
      total numeric(12, 2) NOT NULL,
      created_at timestamptz NOT NULL
    );
    ```
"""

SQL_A = [
    ranked(
        "sql-01",
        "joins",
        [
            U(
                t("PostgreSQL. How do I list customers who have never placed an order? Schema:")
                + "\n\n"
                + t(SCHEMA_SHOP)
            ),
        ],
        [
            (
                """
                Use an **anti-join**. `NOT EXISTS` is the clearest way to write it:

                ```sql
                SELECT c.id, c.name
                FROM customers AS c
                WHERE NOT EXISTS (
                  SELECT 1
                  FROM orders AS o
                  WHERE o.customer_id = c.id
                );
                ```

                Why this form:

                - It states the intent directly: customers for whom no order exists.
                - PostgreSQL plans it as a hash or merge **anti join**, reading each table once.
                - It's safe with NULLs. `orders.customer_id` is nullable in your schema; that doesn't
                  affect `NOT EXISTS`, but it breaks the `NOT IN (SELECT customer_id ...)` variant, which
                  returns **no rows at all** as soon as one order has a NULL `customer_id`.

                An index on `orders (customer_id)` helps if `orders` is large and few customers are
                checked; for a full scan of both tables the hash anti join doesn't need it.
                """,
                9,
            ),
            (
                """
                ```sql
                SELECT c.id, c.name
                FROM customers c
                LEFT JOIN orders o ON o.customer_id = c.id
                WHERE o.id IS NULL;
                ```

                The LEFT JOIN keeps every customer; customers without orders get NULLs in the order
                columns, and the WHERE clause keeps only those.
                """,
                8,
            ),
            (
                """
                ```sql
                SELECT id, name
                FROM customers
                WHERE id NOT IN (SELECT customer_id FROM orders);
                ```

                This returns every customer whose id doesn't appear in the orders table.
                """,
                4,
            ),
            (
                """
                Take all customers and subtract the ones that have orders:

                ```sql
                SELECT id, name FROM customers
                EXCEPT
                SELECT c.id, c.name
                FROM customers c
                JOIN orders o ON o.customer_id = c.id;
                ```

                `EXCEPT` returns the rows of the first query that don't appear in the second.
                """,
                6,
            ),
        ],
    ),
    ranked(
        "sql-02",
        "joins",
        [
            U("Schema (PostgreSQL):\n\n" + t(SCHEMA_SHOP)),
            A("Got it. What would you like to query?"),
            U(
                """
                I want every customer with their total of **paid** orders, including customers with zero.
                This loses the customers without paid orders, why?

                ```sql
                SELECT c.name, COALESCE(SUM(o.total), 0) AS paid_total
                FROM customers c
                LEFT JOIN orders o ON o.customer_id = c.id
                WHERE o.status = 'paid'
                GROUP BY c.name;
                ```
                """
            ),
        ],
        [
            (
                """
                The `WHERE o.status = 'paid'` turns your LEFT JOIN back into an inner join. For customers
                without matching orders, the LEFT JOIN produces a row with `o.status` = NULL, and
                `NULL = 'paid'` is not true, so `WHERE` removes exactly the rows you wanted to keep.
                Customers whose orders are all refunded or cancelled disappear for the same reason.

                Move the condition into the join, so it limits *which orders join* instead of *which rows
                survive*:

                ```sql
                SELECT c.id, c.name, COALESCE(SUM(o.total), 0) AS paid_total
                FROM customers AS c
                LEFT JOIN orders AS o
                  ON o.customer_id = c.id
                 AND o.status = 'paid'
                GROUP BY c.id, c.name
                ORDER BY paid_total DESC;
                ```

                I also grouped by `c.id`: two customers can share a name, and grouping by name alone would
                merge their totals.

                An alternative that avoids the join entirely:

                ```sql
                SELECT c.id, c.name,
                       COALESCE((SELECT SUM(o.total) FROM orders o
                                 WHERE o.customer_id = c.id AND o.status = 'paid'), 0) AS paid_total
                FROM customers c;
                ```
                """,
                9,
            ),
            (
                """
                Allow NULL statuses through the filter:

                ```sql
                SELECT c.name, COALESCE(SUM(o.total), 0) AS paid_total
                FROM customers c
                LEFT JOIN orders o ON o.customer_id = c.id
                WHERE o.status = 'paid' OR o.status IS NULL
                GROUP BY c.name;
                ```

                Now customers without orders are kept, because their `o.status` is NULL.
                """,
                4,
            ),
            (
                """
                Use an inner join instead, since you only want paid orders anyway:

                ```sql
                SELECT c.name, SUM(o.total) AS paid_total
                FROM customers c
                JOIN orders o ON o.customer_id = c.id AND o.status = 'paid'
                GROUP BY c.name;
                ```
                """,
                2,
            ),
        ],
    ),
    ranked(
        "sql-03",
        "top-n",
        [
            U(
                "PostgreSQL: for each customer, I need their most recent order (id, total, created_at). `orders(id, customer_id, total, created_at)`."
            )
        ],
        [
            (
                """
                PostgreSQL has a dedicated construct for this, `DISTINCT ON`:

                ```sql
                SELECT DISTINCT ON (customer_id)
                       customer_id, id AS order_id, total, created_at
                FROM orders
                ORDER BY customer_id, created_at DESC, id DESC;
                ```

                `DISTINCT ON (customer_id)` keeps the first row of each customer in the `ORDER BY` order,
                i.e. the latest order. The extra `id DESC` makes the result deterministic if two orders
                have the same timestamp.

                Portable version (also works in SQLite 3.25+):

                ```sql
                SELECT customer_id, order_id, total, created_at
                FROM (
                  SELECT customer_id, id AS order_id, total, created_at,
                         ROW_NUMBER() OVER (PARTITION BY customer_id
                                            ORDER BY created_at DESC, id DESC) AS rn
                  FROM orders
                ) AS ranked
                WHERE rn = 1;
                ```

                With an index on `orders (customer_id, created_at DESC, id DESC)`, both can read the
                orders in the right order instead of sorting. When customers have many orders each and
                you need only a few customers, a `LATERAL` subquery with `LIMIT 1` per customer is often
                faster still.
                """,
                9,
            ),
            (
                """
                ```sql
                SELECT o.customer_id, o.id, o.total, o.created_at
                FROM orders o
                JOIN (
                  SELECT customer_id, MAX(created_at) AS latest
                  FROM orders
                  GROUP BY customer_id
                ) m ON m.customer_id = o.customer_id AND m.latest = o.created_at;
                ```

                The subquery finds each customer's latest timestamp and the join fetches that order.
                """,
                6,
            ),
            (
                """
                ```sql
                SELECT customer_id, id, total, MAX(created_at)
                FROM orders
                GROUP BY customer_id;
                ```
                """,
                1,
            ),
        ],
    ),
    ranked(
        "sql-04",
        "window-functions",
        [
            U(
                """
                My running total "jumps" on days with several sales instead of increasing row by row. Why?
                PostgreSQL.

                ```sql
                SELECT sale_date, amount,
                       SUM(amount) OVER (ORDER BY sale_date) AS running_total
                FROM sales;
                ```
                """
            ),
        ],
        [
            (
                """
                Because of the **default window frame**. With `ORDER BY` and no frame clause, the frame is
                `RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW`, and in `RANGE` mode "current row"
                includes all its **peers**, i.e. all rows with the same `sale_date`. So every sale on a
                given day shows the total up to the *end* of that day.

                If you want a row-by-row running total, use a `ROWS` frame and a tie-breaker so the order
                within a day is defined:

                ```sql
                SELECT sale_date, id, amount,
                       SUM(amount) OVER (ORDER BY sale_date, id
                                         ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_total
                FROM sales
                ORDER BY sale_date, id;
                ```

                If what you actually want is one running total per day, aggregate first, then apply the
                window:

                ```sql
                SELECT sale_date,
                       SUM(day_total) OVER (ORDER BY sale_date) AS running_total
                FROM (SELECT sale_date, SUM(amount) AS day_total FROM sales GROUP BY sale_date) AS d
                ORDER BY sale_date;
                ```

                (Here the default frame is fine, since dates are unique after grouping.)
                """,
                9,
            ),
            (
                """
                Add the primary key to the ORDER BY so each row is distinct:

                ```sql
                SUM(amount) OVER (ORDER BY sale_date, id)
                ```

                Now each row gets its own running total.
                """,
                6,
            ),
        ],
    ),
    ranked(
        "sql-05",
        "window-functions",
        [
            U(
                """
                PostgreSQL 15. I want a 7-day moving average of daily revenue. Table `daily_revenue(day date
                primary key, revenue numeric)`. Some days are missing (no sales).
                """
            ),
        ],
        [
            (
                """
                Because days can be missing, define the window by **dates**, not by a number of rows. A
                `RANGE` frame with an interval offset does exactly that (PostgreSQL 11+):

                ```sql
                SELECT day, revenue,
                       AVG(revenue) OVER (ORDER BY day
                                          RANGE BETWEEN INTERVAL '6 days' PRECEDING AND CURRENT ROW) AS avg_7d
                FROM daily_revenue
                ORDER BY day;
                ```

                One decision remains: should a missing day count as **zero revenue**? The query above
                averages only the days that exist, so a week with 5 sales days of 100 gives 100. If no
                sales means zero, fill in the calendar first, and then a `ROWS` frame is correct:

                ```sql
                SELECT d.day::date AS day,
                       COALESCE(r.revenue, 0) AS revenue,
                       AVG(COALESCE(r.revenue, 0)) OVER (ORDER BY d.day
                                                        ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS avg_7d
                FROM generate_series(
                       (SELECT min(day) FROM daily_revenue),
                       (SELECT max(day) FROM daily_revenue),
                       INTERVAL '1 day') AS d(day)
                LEFT JOIN daily_revenue AS r ON r.day = d.day::date
                ORDER BY d.day;
                ```

                The first six days average fewer than seven days either way; filter them out if you need
                full windows only.
                """,
                9,
            ),
            (
                """
                ```sql
                SELECT day, revenue,
                       AVG(revenue) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS avg_7d
                FROM daily_revenue;
                ```

                This averages the current row and the 6 rows before it.
                """,
                4,
            ),
            (
                """
                Generate the full calendar with `generate_series`, left join the revenue, treat missing days
                as 0 and use `ROWS BETWEEN 6 PRECEDING AND CURRENT ROW`. That way each window always covers
                exactly 7 calendar days.

                ```sql
                WITH cal AS (
                  SELECT generate_series(min(day), max(day), INTERVAL '1 day')::date AS day
                  FROM daily_revenue
                )
                SELECT cal.day,
                       AVG(COALESCE(r.revenue, 0)) OVER (ORDER BY cal.day ROWS 6 PRECEDING) AS avg_7d
                FROM cal LEFT JOIN daily_revenue r USING (day)
                ORDER BY cal.day;
                ```
                """,
                8,
            ),
        ],
    ),
    ranked(
        "sql-06",
        "window-functions",
        [U("What's the difference between ROW_NUMBER, RANK and DENSE_RANK?")],
        [
            (
                """
                They differ only in how they treat **ties** in the `ORDER BY` of the window:

                | score | ROW_NUMBER | RANK | DENSE_RANK |
                |---|---|---|---|
                | 95 | 1 | 1 | 1 |
                | 90 | 2 | 2 | 2 |
                | 90 | 3 | 2 | 2 |
                | 85 | 4 | **4** | **3** |

                - `ROW_NUMBER()` numbers rows 1, 2, 3, ... with no ties. Among tied rows the order is
                  arbitrary unless you add a tie-breaker to `ORDER BY`.
                - `RANK()` gives tied rows the same rank and then **skips** numbers (1, 2, 2, 4), like
                  sports rankings.
                - `DENSE_RANK()` gives tied rows the same rank **without gaps** (1, 2, 2, 3).

                ```sql
                SELECT name, score,
                       ROW_NUMBER() OVER (ORDER BY score DESC, name) AS row_number,
                       RANK()       OVER (ORDER BY score DESC)       AS rank,
                       DENSE_RANK() OVER (ORDER BY score DESC)       AS dense_rank
                FROM results;
                ```

                Which to use: `ROW_NUMBER` for "exactly one row per group" (deduplication, latest record);
                `RANK` for "top 3, including ties, as a competition would count them"; `DENSE_RANK` for
                "the 3 highest distinct values". All three work in PostgreSQL and in SQLite 3.25+.
                """,
                9,
            ),
            (
                """
                ROW_NUMBER gives unique numbers. RANK gives the same number to ties and continues without
                gaps (1, 2, 2, 3). DENSE_RANK also gives ties the same number but leaves gaps after them
                (1, 2, 2, 4).
                """,
                2,
            ),
        ],
    ),
    ranked(
        "sql-07",
        "window-functions",
        [
            U(
                """
                PostgreSQL. `monthly_revenue(month date, revenue bigint)` (revenue in cents). I need
                month-over-month growth in percent.
                """
            ),
        ],
        [
            (
                """
                Use `LAG` to fetch the previous month's value, and guard against division by zero and
                integer division:

                ```sql
                SELECT month,
                       revenue,
                       LAG(revenue) OVER (ORDER BY month) AS prev_revenue,
                       ROUND(
                         100.0 * (revenue - LAG(revenue) OVER (ORDER BY month))
                         / NULLIF(LAG(revenue) OVER (ORDER BY month), 0),
                         1) AS growth_pct
                FROM monthly_revenue
                ORDER BY month;
                ```

                Details that matter:

                - `revenue` is `bigint`, so `(revenue - prev) / prev` would be **integer division** and
                  round toward zero (a 9% change would show as 0). Multiplying by `100.0` first makes the
                  expression `numeric`.
                - `NULLIF(..., 0)` turns a zero previous month into NULL, so the result is NULL instead of a
                  division-by-zero error.
                - The first month has no previous value, so its growth is NULL.
                - If a month can be **missing**, `LAG` compares with the previous *row*, not the previous
                  calendar month. In that case join against a `generate_series` calendar first.

                To avoid repeating the `LAG` expression, compute it in a subquery or use a named window:
                `... LAG(revenue) OVER w ... FROM monthly_revenue WINDOW w AS (ORDER BY month)`.
                """,
                9,
            ),
            (
                """
                ```sql
                SELECT month,
                       (revenue - LAG(revenue) OVER (ORDER BY month)) / LAG(revenue) OVER (ORDER BY month) * 100
                         AS growth_pct
                FROM monthly_revenue;
                ```
                """,
                3,
            ),
        ],
    ),
    ranked(
        "sql-08",
        "window-functions",
        [
            U(
                """
                PostgreSQL. `logins(user_id int, login_date date)`, at most one row per user per day. I want
                each user's longest streak of consecutive login days.
                """
            ),
        ],
        [
            (
                """
                This is the classic **gaps and islands** problem. Within a streak, the date and the row
                number increase together, so `login_date - row_number` is constant for every day of the
                same streak and changes after each gap:

                ```sql
                WITH numbered AS (
                  SELECT user_id, login_date,
                         login_date - (ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY login_date))::int AS grp
                  FROM logins
                ),
                streaks AS (
                  SELECT user_id, grp,
                         MIN(login_date) AS streak_start,
                         MAX(login_date) AS streak_end,
                         COUNT(*)        AS days
                  FROM numbered
                  GROUP BY user_id, grp
                )
                SELECT DISTINCT ON (user_id) user_id, days, streak_start, streak_end
                FROM streaks
                ORDER BY user_id, days DESC, streak_end DESC;
                ```

                Worked example for one user: dates 1, 2, 3, 5, 6 Jan get row numbers 1-5; subtracting gives
                31 Dec, 31 Dec, 31 Dec, 1 Jan, 1 Jan: two islands of 3 and 2 days.

                `date - integer` gives a date in PostgreSQL. If the table could contain duplicate days
                per user, deduplicate first (`SELECT DISTINCT user_id, login_date`), or the row numbers
                break the streaks.
                """,
                9,
            ),
            (
                """
                Use LAG to compare each login with the previous one:

                ```sql
                SELECT user_id, COUNT(*) + 1 AS longest_streak
                FROM (
                  SELECT user_id, login_date,
                         LAG(login_date) OVER (PARTITION BY user_id ORDER BY login_date) AS prev
                  FROM logins
                ) t
                WHERE login_date = prev + 1
                GROUP BY user_id;
                ```
                """,
                3,
            ),
        ],
    ),
    ranked(
        "sql-09",
        "indexes",
        [
            U(
                """
                PostgreSQL, 40M-row table `events(id, tenant_id, created_at, payload)`. This query is slow:

                ```sql
                SELECT * FROM events
                WHERE tenant_id = 42 AND created_at >= now() - interval '7 days'
                ORDER BY created_at DESC
                LIMIT 50;
                ```

                What index should I create?
                """
            ),
        ],
        [
            (
                """
                A composite B-tree index with the **equality column first** and the **range/sort column
                second**:

                ```sql
                CREATE INDEX CONCURRENTLY events_tenant_created_idx
                  ON events (tenant_id, created_at);
                ```

                Why this order:

                - With `tenant_id` first, all rows of tenant 42 are contiguous in the index, and within them
                  entries are sorted by `created_at`.
                - PostgreSQL can jump to tenant 42, scan the index **backwards** from the newest
                  `created_at`, and stop after 50 rows. No sort step, and no need to read the whole week.
                  (A B-tree can be scanned in either direction, so `DESC` in the index isn't required here.)
                - `(created_at, tenant_id)` would be much worse: the range on the first column means the
                  scan covers every tenant's rows for 7 days and filters tenant 42 out of them.

                Check it with `EXPLAIN (ANALYZE, BUFFERS)`; you should see an `Index Scan Backward using
                events_tenant_created_idx` with a `Limit` above it.

                `CONCURRENTLY` avoids blocking writes during the build on a 40M-row table (it takes
                longer and can't run inside a transaction). And selecting only the columns you need
                instead of `*` keeps `payload` reads to the 50 rows that are returned either way.
                """,
                9,
            ),
            (
                """
                ```sql
                CREATE INDEX ON events (created_at, tenant_id);
                ```

                Put `created_at` first because it's used for both filtering and sorting.
                """,
                3,
            ),
            (
                """
                Create two indexes, one on `tenant_id` and one on `created_at`. PostgreSQL can combine them
                with a bitmap AND.

                ```sql
                CREATE INDEX ON events (tenant_id);
                CREATE INDEX ON events (created_at);
                ```
                """,
                5,
            ),
            (
                """
                For a large append-only time-series table, use a BRIN index. It's tiny compared with a
                B-tree:

                ```sql
                CREATE INDEX events_created_brin ON events USING brin (created_at);
                ```
                """,
                3,
            ),
        ],
    ),
    ranked(
        "sql-10",
        "indexes",
        [
            U(
                """
                PostgreSQL. There's an index on `users(email)`, but this query still does a sequential scan
                on 5M rows:

                ```sql
                SELECT id FROM users WHERE lower(email) = lower('Ana.Silva@Example.com');
                ```
                """
            ),
        ],
        [
            (
                """
                The index stores `email` as written; the query filters on `lower(email)`, a different
                expression, so the planner can't use the plain index. Create an **expression index** that
                matches the query:

                ```sql
                CREATE INDEX CONCURRENTLY users_email_lower_idx ON users (lower(email));
                ANALYZE users;
                ```

                The `WHERE lower(email) = ...` condition must use the same expression for the index to
                apply. If emails should also be unique regardless of case, make it a unique index:

                ```sql
                CREATE UNIQUE INDEX CONCURRENTLY users_email_lower_key ON users (lower(email));
                ```

                (Creating it fails if case-insensitive duplicates already exist, which is worth knowing.)

                Alternatives: the `citext` extension's case-insensitive text type, or a nondeterministic
                ICU collation (PostgreSQL 12+). Both let you write `email = '...'` directly, but
                nondeterministic collations don't support `LIKE` before PostgreSQL 18, so the expression
                index is the simplest fix.
                """,
                9,
            ),
            (
                """
                Change the column type to `citext`:

                ```sql
                CREATE EXTENSION IF NOT EXISTS citext;
                ALTER TABLE users ALTER COLUMN email TYPE citext;
                ```

                Then query with `WHERE email = 'Ana.Silva@Example.com'`; comparisons are
                case-insensitive and your existing index is used (it's rebuilt by the `ALTER`).
                """,
                7,
            ),
            (
                """
                Run `REINDEX INDEX users_email_idx;` and `ANALYZE users;`. The statistics are probably
                stale, which makes the planner think a sequential scan is cheaper.
                """,
                2,
            ),
        ],
        pii={"EMAIL_ADDRESS": ["Ana.Silva@Example.com"]},
    ),
    ranked(
        "sql-11",
        "query-plans",
        [
            U(
                """
                PostgreSQL 16. This query takes 8 seconds. Plan:

                ```
                Nested Loop  (cost=0.87..1520.12 rows=12 width=48) (actual time=0.09..8123.44 rows=184220 loops=1)
                  ->  Index Scan using orders_status_country_idx on orders o  (cost=0.43..52.10 rows=12 width=24) (actual time=0.05..210.31 rows=184220 loops=1)
                        Index Cond: ((status = 'paid') AND (country = 'DE'))
                  ->  Index Scan using customers_pkey on customers c  (cost=0.43..122.30 rows=1 width=32) (actual time=0.04..0.04 rows=1 loops=184220)
                        Index Cond: (id = o.customer_id)
                ```
                """
            ),
            A(
                "The estimate is far off: 12 rows expected, 184,220 actual. Have `status` and `country` been analysed recently, and are they correlated in your data (for example, most German orders are paid)?"
            ),
            U("ANALYZE ran this morning. And yes, almost all DE orders are paid."),
        ],
        [
            (
                """
                Then the problem is **correlation**. PostgreSQL estimates each condition separately and
                multiplies the selectivities, assuming independence: if `status = 'paid'` matches a fraction *p* and `country = 'DE'` a fraction
                *q*, it estimates *p × q*. When the columns are strongly correlated, the real fraction is
                close to *q*, so the estimate is too low, here by a factor of about 15,000.

                With an estimate of 12 rows, a nested loop with 12 index lookups looks cheap; with 184,220
                rows, a hash join would be far better.

                Tell the planner about the dependency with **extended statistics** (PostgreSQL 10+):

                ```sql
                CREATE STATISTICS orders_status_country (dependencies, mcv) ON status, country FROM orders;
                ANALYZE orders;
                ```

                `mcv` (PostgreSQL 12+) records the most common *combinations* of values, which is exactly
                what this case needs. Re-run `EXPLAIN ANALYZE`: the estimate should be close to 184k, and
                you'll likely see a `Hash Join` with a sequential scan of `customers`.

                If it's still slow after that, the query is returning 184k rows; check whether the
                application really needs them all or can aggregate in SQL.
                """,
                8,
            ),
            (
                """
                Add an index on `customers(id)` and increase `work_mem` to 256MB so the join runs in memory.
                """,
                2,
            ),
            (
                """
                The planner misestimates because it assumes `status` and `country` are independent. Create
                extended statistics on the pair and analyse:

                ```sql
                CREATE STATISTICS orders_status_country (dependencies, mcv) ON status, country FROM orders;
                ANALYZE orders;
                ```

                With a realistic estimate (about 184k rows instead of 12), the planner will switch from
                the nested loop, which does 184,220 separate index lookups on `customers`, to a hash join
                that reads `customers` once. Check with `EXPLAIN (ANALYZE, BUFFERS)` afterwards.
                """,
                9,
            ),
        ],
    ),
    ranked(
        "sql-12",
        "indexes",
        [
            U(
                """
                PostgreSQL. We use a `jobs` table as a queue: 20M rows, of which maybe 2,000 are
                `status = 'pending'`. Workers run `SELECT ... WHERE status = 'pending' ORDER BY created_at
                LIMIT 10`. What index, and how do I stop two workers taking the same job?
                """
            ),
        ],
        [
            (
                """
                **Index**: a *partial* index that only contains pending jobs:

                ```sql
                CREATE INDEX CONCURRENTLY jobs_pending_idx
                  ON jobs (created_at)
                  WHERE status = 'pending';
                ```

                It holds ~2,000 entries instead of 20M, so it stays tiny and hot in memory, and it's already
                sorted by `created_at`. The planner uses it when the query's `WHERE` clause implies the
                index predicate (`status = 'pending'`).

                **Claiming jobs safely**: use `FOR UPDATE SKIP LOCKED`, so each worker locks the rows it
                picks and other workers skip them instead of waiting:

                ```sql
                WITH next AS (
                  SELECT id
                  FROM jobs
                  WHERE status = 'pending'
                  ORDER BY created_at
                  LIMIT 10
                  FOR UPDATE SKIP LOCKED
                )
                UPDATE jobs AS j
                SET status = 'running', started_at = now()
                FROM next
                WHERE j.id = next.id
                RETURNING j.*;
                ```

                Claiming and marking happen in one statement, so a crashed worker never leaves a job
                half-claimed. Add a periodic job that resets `running` jobs whose `started_at` is too old.

                One caveat: a queue table churns a lot, so make sure autovacuum keeps up (dead tuples from
                updated jobs bloat both the table and the index).
                """,
                9,
            ),
            (
                """
                Index the status column:

                ```sql
                CREATE INDEX ON jobs (status);
                ```

                To avoid two workers taking the same job, use `SELECT ... FOR UPDATE`.
                """,
                5,
            ),
        ],
    ),
]
