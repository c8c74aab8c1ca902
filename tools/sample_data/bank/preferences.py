"""Single-turn preference rows for the CSV file: prompt, chosen, rejected, topic."""

from __future__ import annotations

from typing import Any

from .common import t


def row(
    rid: str, topic: str, prompt: str, chosen: str, rejected: str, **planted: Any
) -> dict[str, Any]:
    return {
        "id": rid,
        "topic": topic,
        "prompt": t(prompt),
        "chosen": t(chosen),
        "rejected": t(rejected),
        "pii": planted.get("pii", {}),
        "negatives": planted.get("negatives", []),
    }


PREFERENCES = [
    row(
        "pref-01",
        "support/billing",
        "Why was I charged for an NKS cluster I never use?",
        """
        NKS control planes are billed per cluster-hour ($0.10) whether or not anything runs on the
        cluster, and Team and higher plans include one cluster for free. An idle second cluster costs
        about $74 a month. Run `nwctl nks cluster list` to find it, and delete it if you don't need it;
        billing stops from the next hour.
        """,
        """
        You must be running workloads on it. Clusters are only billed when they're in use, so check your
        deployments.
        """,
    ),
    row(
        "pref-02",
        "support/login",
        "I typed my password wrong ten times and now I'm locked out. What now?",
        """
        The lock lifts automatically after 15 minutes. If you're unsure of the password, use **Forgot
        password?** rather than guessing again: the reset link is valid for 1 hour, and resetting also
        clears the lock.
        """,
        """
        Your account has been permanently locked for security reasons. Please email support with a copy
        of your ID to unlock it.
        """,
        negatives=["15 minutes", "1 hour"],
    ),
    row(
        "pref-03",
        "support/rate-limits",
        "Can I avoid the API rate limit by creating more API keys?",
        """
        No, the limit is per organisation and shared by all keys. To stay under it, batch writes through
        `/v2/bulk/*` (up to 1,000 items per call), use list endpoints instead of per-item reads, replace
        polling with webhooks, and back off using the `Retry-After` header. Business plans can request
        higher limits by ticket.
        """,
        """
        Yes, each key has its own limit, so spreading requests across several keys multiplies your
        throughput.
        """,
    ),
    row(
        "pref-04",
        "support/outage",
        "Our API calls return HTTP 503 in eu-west-1. Is it you or us?",
        """
        Check status.northwind.cloud first: if there's an open incident for the API in eu-west-1, it's on
        our side, and retrying with exponential backoff is safe for 503 responses. If the status page is
        green, send me a few request ids (`req_id` in the response) and the time of the errors, and I'll
        trace them.
        """,
        """
        503 errors are always caused by the client sending too many requests. Reduce your request rate.
        """,
        negatives=["HTTP 503", "eu-west-1"],
    ),
    row(
        "pref-05",
        "support/kubernetes",
        "How do I upgrade an NKS cluster from 1.28.9 to 1.29.3 without downtime?",
        """
        Check for APIs removed in 1.29 (`flowcontrol.apiserver.k8s.io/v1beta2`), make sure important
        Deployments have several replicas and a PodDisruptionBudget, then upgrade the control plane
        (`nwctl nks cluster upgrade <cluster> --version 1.29.3`) and each node pool with
        `--max-surge 1 --max-unavailable 0`, one pool at a time.
        """,
        """
        Delete the cluster and create a new one on 1.29.3, then redeploy everything. In-place upgrades
        are risky.
        """,
        negatives=["1.28.9", "1.29.3"],
    ),
    row(
        "pref-06",
        "support/refunds",
        """
        Hi, I'm Samuel Osei (samuel.osei@example.com). I bought Team annual 3 days ago by mistake; can I
        get a refund?
        """,
        """
        Yes, Samuel. Annual plans can be refunded in full within 14 days of purchase, and you're within
        that window. Once you confirm the last four digits of the card on file, I'll refund the payment;
        it takes 5-10 business days to appear.
        """,
        """
        Annual plans are non-refundable. You'll have to wait until the end of the term.
        """,
        pii={"PERSON": ["Samuel Osei", "Samuel"], "EMAIL_ADDRESS": ["samuel.osei@example.com"]},
    ),
    row(
        "pref-07",
        "contracts/nda",
        "Is it normal for an NDA to last forever?",
        """
        For trade secrets, protection that lasts as long as the information remains secret is common
        and generally enforceable under English law. For other confidential information, a fixed period
        (often 2-5 years) is more typical, and some US state courts are reluctant to enforce indefinite
        terms for information that isn't a trade secret. A lawyer can check the position under your
        NDA's governing law.
        """,
        """
        No. Perpetual NDAs are illegal, and any NDA longer than 3 years is automatically void.
        """,
    ),
    row(
        "pref-08",
        "contracts/liability",
        "Does a cap on liability apply to indemnities?",
        """
        Only if the contract says so, or if the cap's wording is broad enough to cover them. Many MSAs
        carve indemnities (especially IP infringement) out of the general cap or put them under a
        separate super-cap. Check the limitation clause's exclusions and any "subject to" wording in the
        indemnity itself. This is general information, not legal advice.
        """,
        """
        No, indemnities are always unlimited by law.
        """,
    ),
    row(
        "pref-09",
        "contracts/governing-law",
        "Our employee lives in California. Can we enforce a non-compete by choosing Texas law?",
        """
        Very unlikely. California Business and Professions Code § 16600 voids employee non-competes,
        § 16600.5 extends that regardless of where the contract was signed, and Labor Code § 925
        generally prevents requiring California-based employees to accept another state's law or forum.
        Speak to California employment counsel before relying on the clause.
        """,
        """
        Yes. Choice of law clauses are always respected, so Texas law applies and Texas enforces
        reasonable non-competes.
        """,
    ),
    row(
        "pref-10",
        "contracts/termination",
        "Can I send a termination notice by email?",
        """
        Check the contract's notices clause: if it requires hand delivery or recorded post, email alone
        may not be valid, even if the other side reads it. Serve the notice exactly as the clause
        requires (and email a copy if allowed), following its deemed-receipt rules. Because a defective
        termination can itself be a breach, have a lawyer review it first.
        """,
        """
        Yes, email is legally valid for all notices these days.
        """,
    ),
    row(
        "pref-11",
        "sql/indexes",
        "PostgreSQL: what index for `WHERE tenant_id = $1 AND created_at > $2 ORDER BY created_at`?",
        """
        A composite B-tree index with the equality column first: `CREATE INDEX ON t (tenant_id,
        created_at);`. PostgreSQL can jump to the tenant's entries, scan only the recent range in order,
        and skip the sort. The reverse order `(created_at, tenant_id)` would scan every tenant's recent
        rows.
        """,
        """
        `CREATE INDEX ON t (created_at);` is enough, since the ORDER BY uses created_at.
        """,
    ),
    row(
        "pref-12",
        "sql/nulls",
        "Why does `WHERE status <> 'closed'` skip rows where status is NULL?",
        """
        Comparing NULL with anything yields NULL (unknown), and `WHERE` keeps only rows where the
        condition is true. Use `WHERE status IS DISTINCT FROM 'closed'` (PostgreSQL, SQLite 3.39+) or
        `WHERE status <> 'closed' OR status IS NULL`.
        """,
        """
        It's a bug in the database. Use `!=` instead of `<>` and the NULL rows will be returned.
        """,
    ),
    row(
        "pref-13",
        "sql/window-functions",
        "SQL: how do I get the latest row per customer?",
        """
        Number the rows per customer, newest first, and keep the first:

        ```sql
        SELECT * FROM (
          SELECT o.*, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY created_at DESC, id DESC) AS rn
          FROM orders o
        ) t
        WHERE rn = 1;
        ```

        In PostgreSQL, `SELECT DISTINCT ON (customer_id) * FROM orders ORDER BY customer_id, created_at
        DESC, id DESC;` does the same more concisely.
        """,
        """
        ```sql
        SELECT customer_id, MAX(created_at), total FROM orders GROUP BY customer_id;
        ```
        """,
    ),
    row(
        "pref-14",
        "sql/sqlite",
        "SQLite ignores my ON DELETE CASCADE. Why?",
        """
        Foreign key enforcement is off by default in SQLite and is set per connection. Run `PRAGMA
        foreign_keys = ON;` right after opening each connection (outside a transaction). Existing
        orphan rows aren't removed retroactively; find them with `PRAGMA foreign_key_check;`.
        """,
        """
        SQLite doesn't support cascading deletes; use triggers instead.
        """,
    ),
]
