"""Northwind Cloud FAQ entries for the Alpaca file: instruction, optional input, output."""

from __future__ import annotations

from typing import Any

from .common import t


def faq(
    fid: str,
    topic: str,
    instruction: str,
    *texts: str,
    output: str | None = None,
    pii: dict[str, list[str]] | None = None,
    negatives: list[str] | None = None,
) -> dict[str, Any]:
    """``faq(id, topic, instruction, output)`` or ``faq(id, topic, instruction, input, output)``."""
    if output is not None:
        texts = (*texts, output)
    if len(texts) == 1:
        input, output = "", texts[0]
    elif len(texts) == 2:
        input, output = texts
    else:
        raise TypeError(f"{fid}: give an output, or an input and an output")
    return {
        "id": fid,
        "topic": topic,
        "instruction": t(instruction),
        "input": t(input) if input else "",
        "output": t(output),
        "pii": pii or {},
        "negatives": negatives or [],
    }


FAQ = [
    faq(
        "faq-01",
        "rate-limits",
        "What are the Northwind Cloud API rate limits on each plan?",
        """
        Limits are per organisation, shared by all of its API keys, and counted per minute:

        | plan | requests per minute |
        |---|---|
        | Starter | 60 |
        | Team | 600 |
        | Business | 3,000 (higher on request) |
        | Enterprise | by contract |

        Requests to `/v2/bulk/*` endpoints cost 10 units each but carry up to 1,000 items. Every
        response includes `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`; when the
        limit is reached, the API answers `429 Too Many Requests` with a `Retry-After` header giving the
        number of seconds to wait.
        """,
    ),
    faq(
        "faq-02",
        "billing",
        "Explain what happens when a Northwind Cloud payment fails.",
        """
        1. **Day 0**: the payment fails and the billing contacts get an email with the bank's decline
           reason.
        2. **Days 1-7**: we retry the payment three times. Updating the card under **Billing → Payment
           methods** and selecting **Retry payment** on the invoice settles it immediately.
        3. **Day 14**: if the invoice is still unpaid, the account becomes **read-only**: running
           resources keep running, but nothing new can be created or changed.
        4. **30 days after that**: resources are deleted.

        A backup card (**Billing → Payment methods → Mark as backup**) is tried automatically if the
        default card fails.
        """,
        negatives=["Day 14"],
    ),
    faq(
        "faq-03",
        "outage",
        "Rewrite this incident update for non-technical customers, in two or three sentences.",
        """
        We're seeing a partial outage of Object Storage in eu-central-1. Since 13:42 UTC, ~18% of PUT
        requests return HTTP 503 due to a metadata-cluster leader election loop following a failed node
        replacement. GETs are unaffected. Mitigation: we've pinned the leader and are draining the faulty
        node. Next update in 30 minutes.
        """,
        output="""
        Since 13:42 UTC, some uploads to Object Storage in our Frankfurt region (eu-central-1) have been
        failing; downloading files still works normally. We've found the cause and are applying a fix,
        and we'll post another update within 30 minutes. If an upload fails, trying again shortly
        usually succeeds.
        """,
        negatives=["HTTP 503", "eu-central-1", "30 minutes"],
    ),
    faq(
        "faq-04",
        "refunds",
        "Write a polite reply declining a refund for a Business annual plan bought three months ago, and offer the alternatives.",
        """
        Thank you for getting in touch, and I'm sorry the Business plan hasn't worked out as you hoped.

        Annual plans can be refunded in full within 14 days of purchase. Because your plan was bought
        three months ago, I'm not able to refund it, but there are a few things I can do:

        - **Turn off auto-renewal** now, so there's no further charge when your term ends.
        - **Schedule a downgrade** to Team or Starter from your renewal date.
        - **Pass your case to our billing team** if something about the purchase didn't match what was
          agreed with our sales team; they can review it individually.

        Just let me know which you'd like, and I'll take care of it.
        """,
        negatives=["14 days"],
    ),
    faq(
        "faq-05",
        "kubernetes",
        "Convert this docker run command into a Kubernetes Deployment and Service for NKS.",
        "docker run -d --name api -p 80:8080 -e LOG_LEVEL=info --restart=always ghcr.io/acme/api:2.3.1",
        """
        ```yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
            spec:
              containers:
                - name: api
                  image: ghcr.io/acme/api:2.3.1
                  ports:
                    - containerPort: 8080
                  env:
                    - name: LOG_LEVEL
                      value: info
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          type: LoadBalancer
          selector:
            app: api
          ports:
            - port: 80
              targetPort: 8080
        ```

        Notes on the mapping:

        - `-p 80:8080` becomes the Service: clients connect on port 80, traffic goes to 8080 in the pod.
        - `--restart=always` needs no equivalent; a Deployment always restarts failed containers.
        - `-d` and `--name` have no equivalent; the Deployment's name plays that role.
        - I set `replicas: 2` so the API survives a node restart; adjust as needed.
        """,
        negatives=["8080", "2.3.1"],
    ),
    faq(
        "faq-06",
        "rate-limits",
        "Write a Python function that calls the Northwind API and retries on 429, respecting Retry-After.",
        """
        ```python
        import random
        import time

        import requests

        API = "https://api.northwind.cloud/v2"


        def nw_request(session: requests.Session, method: str, path: str, max_retries: int = 5, **kwargs):
            \"\"\"Call the Northwind API; on 429 wait as told by Retry-After and try again.\"\"\"
            for attempt in range(max_retries + 1):
                resp = session.request(method, f"{API}{path}", timeout=30, **kwargs)
                if resp.status_code != 429:
                    resp.raise_for_status()
                    return resp.json() if resp.content else None
                if attempt == max_retries:
                    break
                retry_after = resp.headers.get("Retry-After")
                delay = float(retry_after) if retry_after else min(60, 2 ** attempt)
                time.sleep(delay + random.uniform(0, 0.5))  # jitter avoids synchronised retries
            raise RuntimeError(f"rate limited after {max_retries} retries: {method} {path}")
        ```

        Use one `requests.Session` with the `Authorization: Bearer <key>` header set, so connections
        are reused. The function retries only 429 responses; other errors are raised immediately.
        """,
    ),
    faq(
        "faq-07",
        "outage",
        "A Business customer's Managed PostgreSQL had 99.2% uptime last month. What SLA credit applies?",
        """
        **10%** of that service's monthly fee for the affected region. Business SLA credits are 10% below
        99.95%, 25% below 99.0% and 50% below 95.0%; 99.2% is below 99.95% but not below 99.0%. The
        customer has to claim it by ticket within 30 days of the incident.
        """,
        negatives=["99.2%", "99.95%"],
    ),
    faq(
        "faq-08",
        "triage",
        "Classify this support message into one category: billing, login, outage, api, kubernetes, refund. Answer with the category only.",
        "Since this morning kubectl says 'You must be logged in to the server (Unauthorized)' when I talk to our NKS cluster.",
        "kubernetes",
    ),
    faq(
        "faq-09",
        "outage",
        "Draft a short status page message for a partial outage of the Northwind console login page.",
        """
        **Investigating: sign-in errors on the Northwind console**

        Since 10:05 UTC some customers see an error when signing in to the console. Running services,
        the API and existing console sessions are not affected. We're investigating and will post an
        update within 30 minutes.
        """,
    ),
    faq(
        "faq-10",
        "kubernetes",
        "Explain the difference between port, targetPort and nodePort in a Kubernetes Service.",
        """
        - **port**: the port the Service listens on inside the cluster (and on the load balancer for a
          `LoadBalancer` Service). Clients connect to this one.
        - **targetPort**: the port on the pods that traffic is forwarded to, i.e. where the container
          actually listens. It can be a number or the name of a container port.
        - **nodePort**: a port (30000-32767 by default) opened on every node for `NodePort` and
          `LoadBalancer` Services; the external load balancer sends traffic there. It's allocated
          automatically unless you set it.

        Example: `port: 80`, `targetPort: 8080`: clients use 80, the app listens on 8080.
        """,
        negatives=["port", "8080"],
    ),
    faq(
        "faq-11",
        "kubernetes",
        "Which Kubernetes versions does NKS support?",
        """
        NKS currently supports Kubernetes **1.28.9**, **1.29.3** and **1.30.1**. New clusters default to
        1.29.3. Each minor version is supported for about 14 months after its NKS release; you get email
        reminders 60 days before a version's end of support, after which control planes are upgraded
        automatically during the maintenance window.
        """,
        negatives=["1.28.9", "1.29.3", "1.30.1", "Kubernetes"],
    ),
    faq(
        "faq-12",
        "postgres",
        "How do I see which queries use the most time on Managed PostgreSQL?",
        """
        ```sql
        CREATE EXTENSION IF NOT EXISTS pg_stat_statements;

        SELECT round(total_exec_time) AS total_ms, calls,
               round(mean_exec_time::numeric, 1) AS mean_ms, left(query, 100) AS query
        FROM pg_stat_statements
        ORDER BY total_exec_time DESC
        LIMIT 10;
        ```

        `pg_stat_statements` is preloaded on Managed PostgreSQL, so creating the extension is enough.
        Sort by total time to find what loads the server most, then run `EXPLAIN (ANALYZE, BUFFERS)` on
        the top queries.
        """,
    ),
    faq(
        "faq-13",
        "privacy",
        "Rewrite this customer message so it can be shared in our internal Slack channel: replace personal data with placeholders and keep the technical content.",
        """
        Hi, this is Oliver Bennett (oliver.bennett@example.co.uk, +44 20 7946 0321). Since yesterday our
        instance at 203.0.113.88 returns HTTP 503 on port 8080. I was billed on card 4000 0566 5566 5556
        and I live at 12 Larch Close, Bristol BS8 1TH, in case you need it. Thanks, Oliver
        """,
        """
        Hi, this is [NAME] ([EMAIL], [PHONE]). Since yesterday our instance at [IP_ADDRESS] returns HTTP
        503 on port 8080. I was billed on card [CARD_NUMBER] and I live at [ADDRESS], in case you need
        it. Thanks, [NAME]
        """,
        pii={
            "PERSON": ["Oliver Bennett", "Oliver"],
            "EMAIL_ADDRESS": ["oliver.bennett@example.co.uk"],
            "PHONE_NUMBER": ["+44 20 7946 0321"],
            "IP_ADDRESS": ["203.0.113.88"],
            "CREDIT_CARD": ["4000 0566 5566 5556"],
            "STREET_ADDRESS": ["12 Larch Close, Bristol BS8 1TH"],
        },
        negatives=["HTTP 503", "port 8080"],
    ),
    faq(
        "faq-14",
        "security",
        "A customer accidentally pushed a Northwind API key to a public GitHub repository. What should they do?",
        """
        Act as if the key has already been used; automated scanners find public keys within minutes.

        1. **Revoke the key now**: **Settings → API keys → Revoke**. Create a replacement and deploy it
           afterwards; a short outage is better than a compromised account.
        2. **Check the audit log** (**Settings → Audit log**, filter by the key's prefix) for calls you
           don't recognise: new instances (often crypto-mining), new keys or members, changed firewall
           rules. Delete anything that isn't yours.
        3. **Remove the key from the repository**, including history (for example with `git filter-repo`),
           but remember that removal doesn't un-leak it; revocation is what matters.
        4. **Tell Northwind support** if you find unauthorised usage, so we can investigate and review the
           charges.
        5. **Prevent repeats**: keep keys in a secret manager or environment variables, and enable secret
           scanning and push protection in GitHub.
        """,
    ),
    faq(
        "faq-15",
        "billing",
        "Summarise the Northwind Cloud refund policy in bullet points.",
        """
        - **Annual plans**: full refund within 14 days of purchase; afterwards, no refund, but auto-renewal
          can be switched off or a downgrade scheduled for the renewal date.
        - **Monthly plans**: no refunds for partial months.
        - **Free trials**: the first charge after a trial is refundable if requested within 7 days.
        - **Duplicate charges**: always refunded.
        - **Accidental usage**: a one-time goodwill credit may be granted; larger amounts are reviewed by
          the billing team.
        - Refunds go back to the original payment method and take 5-10 business days.
        """,
        negatives=["14 days", "7 days"],
    ),
    faq(
        "faq-16",
        "kubernetes",
        "Give the kubectl commands to find out why a pod keeps restarting.",
        """
        ```bash
        kubectl get pod <pod> -o wide                 # restart count, node, status
        kubectl describe pod <pod>                    # events, last state, exit code, OOMKilled?
        kubectl logs <pod> --previous                 # logs of the crashed container
        kubectl logs <pod> -c <container> --previous  # for multi-container pods
        kubectl get events --field-selector involvedObject.name=<pod> --sort-by=.lastTimestamp
        kubectl top pod <pod>                         # memory/CPU versus limits
        ```

        What to look for: `Last State: Terminated, Reason: OOMKilled` means the memory limit is too
        low (or a leak); exit code 1 with an error in `--previous` logs means the app crashed on start;
        `Liveness probe failed` in events means Kubernetes is killing a container that's slow or
        stuck, so check the probe's path, port and timing.
        """,
    ),
    faq(
        "faq-17",
        "billing",
        "Shorten this answer to at most two sentences.",
        """
        Thanks for reaching out! Control planes for Northwind Kubernetes Service are billed at $0.10 per
        cluster-hour. However, if you're on the Team plan or higher, one cluster's control plane is
        included at no extra cost. This means that if you run two clusters all month on Team, you'll
        pay for one of them, roughly $73-74 depending on the number of days in the month. Worker nodes
        are billed separately as regular compute instances.
        """,
        """
        NKS control planes cost $0.10 per cluster-hour, with one cluster included on Team and higher
        plans, so a second cluster costs about $73-74 a month. Worker nodes are billed separately as
        compute instances.
        """,
    ),
    faq(
        "faq-18",
        "postgres",
        "Write a SQL query on the billing export to find the five services with the highest cost last month.",
        """
        Table (PostgreSQL): billing_export(usage_date date, service text, region text, cost_usd numeric)
        """,
        """
        ```sql
        SELECT service,
               round(sum(cost_usd), 2) AS cost_usd
        FROM billing_export
        WHERE usage_date >= date_trunc('month', current_date) - interval '1 month'
          AND usage_date <  date_trunc('month', current_date)
        GROUP BY service
        ORDER BY cost_usd DESC
        LIMIT 5;
        ```

        The half-open date range covers exactly the previous calendar month, and it can use an index on
        `usage_date`. To see which region drives each service's cost, group by `service, region`
        instead.
        """,
    ),
]
