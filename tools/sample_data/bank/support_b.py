"""Northwind Cloud support conversations, part 2: outages, rate limits, NKS."""

from __future__ import annotations

from .common import CALL, RESULT, A, U, conv
from .support_a import NKS_OPENING, RATE_LIMIT_OPENING

SUPPORT_B = [
    conv(
        "sup-014",
        "outage",
        [
            U(
                """
                Since about 09:15 UTC roughly a third of our API calls to eu-west-1 fail with HTTP 503.
                Example from our logs:

                ```
                2024-09-18T09:21:44Z POST https://api.northwind.cloud/v2/instances status=503 req_id=7c1e9a2b latency=30012ms
                2024-09-18T09:21:47Z GET  https://api.northwind.cloud/v2/volumes   status=200 req_id=7c1e9a31 latency=184ms
                ```

                Is this on your side?
                """
            ),
            CALL(("check_service_status", {"service": "api", "region": "eu-west-1"})),
            RESULT(
                {
                    "service": "api",
                    "region": "eu-west-1",
                    "status": "degraded",
                    "incident": {
                        "id": "INC-2291",
                        "title": "Elevated error rates for instance create and update calls",
                        "started": "2024-09-18T09:12:00Z",
                        "latest_update": "Identified: a faulty deployment of the instance scheduler. Rollback in progress.",
                    },
                }
            ),
            A(
                """
                Yes, this is on our side. There's an open incident, **INC-2291**: elevated error rates
                for instance create and update calls in eu-west-1 since 09:12 UTC. The cause has been
                identified (a faulty deployment of the instance scheduler) and a rollback is in
                progress. That matches your logs: the `POST /v2/instances` call failed after a 30-second
                timeout, while read calls such as `GET /v2/volumes` are fine.

                What I'd suggest while it's being fixed:

                - Retry failed create/update calls with exponential backoff (for example 2 s, 4 s, 8 s, up
                  to a minute). A 503 here means the request was **not** applied, so retrying won't create
                  duplicate instances. If you send an `Idempotency-Key` header, it's safe even when a
                  request times out on your side.
                - Pause any non-urgent automation that creates instances in eu-west-1 until the incident is
                  resolved.
                - Follow status.northwind.cloud for updates, or subscribe to INC-2291 there.

                Are you on the Business plan? If so, this incident may qualify for an SLA credit once
                it's closed, and I can explain how to claim it.
                """
            ),
        ],
        tools=["all"],
        negatives=["HTTP 503", "eu-west-1"],
    ),
    conv(
        "sup-015",
        "outage",
        [
            U(
                """
                Our Managed PostgreSQL instance dropped all connections at 02:14 UTC last night for
                about 30 seconds. The app threw `server closed the connection unexpectedly`. The Port
                setting in the Connection panel still shows 5432 and nothing else changed. What happened?
                """
            ),
            A(
                """
                Connections dropping for about 30 seconds and then working again is the signature of a
                **failover**: the primary is replaced by its standby, and every open connection to the
                old primary is closed. The connection settings (host name, Port 5432, credentials) stay
                the same, which is why nothing looks different afterwards.

                Failovers happen for two reasons:

                1. **Planned maintenance** in your maintenance window (minor version patches, host
                   updates). You'll find it under **Database → Events** as `maintenance_failover`.
                2. **Unplanned**, when the primary's host fails health checks; the event is `auto_failover`.

                Could you check the Events tab and tell me which one it shows? If it's maintenance, you
                can move the window to a quieter time under **Database → Settings → Maintenance window**.

                Either way, the application should survive a short failover on its own:

                - retry a failed transaction once or twice after a short delay;
                - let the pool discard broken connections (for example `pool_pre_ping=True` in
                  SQLAlchemy, or a validation query in HikariCP);
                - with libpq-based drivers, add `target_session_attrs=read-write` so a reconnect never
                  lands on a node that's still read-only.
                """
            ),
            U("It says maintenance_failover. We'll move the window to Sunday 04:00. Thanks."),
            A(
                """
                Good choice. Changing the window takes effect from the next scheduled maintenance. We
                also email owners at least 7 days before planned maintenance, so if you'd like a heads-up,
                check that the right people are subscribed under **Settings → Notifications**.
                """
            ),
        ],
        negatives=["Port", "5432", "30 seconds"],
    ),
    conv(
        "sup-016",
        "outage",
        [
            U(
                """
                URGENT our site is down!! The load balancer in us-east-1 shows all targets unhealthy.
                Is Northwind down? Here's the LB log:

                ```
                2024-10-02T14:03:11Z lb-web-01 client=203.0.113.42:51544 GET / -> 503 no healthy targets
                2024-10-02T14:03:12Z lb-web-01 client=2001:db8:85a3::8a2e:370:7334 GET /pricing -> 503 no healthy targets
                2024-10-02T14:03:15Z lb-web-01 healthcheck target=10.0.3.17:8080 GET /healthz -> connect: connection refused
                2024-10-02T14:03:15Z lb-web-01 healthcheck target=10.0.3.18:8080 GET /healthz -> connect: connection refused
                ```
                """
            ),
            CALL(("check_service_status", {"service": "compute", "region": "us-east-1"})),
            RESULT(
                {
                    "service": "compute",
                    "region": "us-east-1",
                    "status": "operational",
                    "incident": None,
                }
            ),
            A(
                """
                Compute and load balancing in us-east-1 are fully operational, so let's find what
                changed on the instances. The important lines are the health checks:

                `target=10.0.3.17:8080 GET /healthz -> connect: connection refused`

                "Connection refused" means the load balancer reached the instance but **nothing is
                listening on port 8080**. That's different from a timeout (firewall) or an HTTP 500
                (app running but unhealthy). Because both targets fail the same way at the same
                moment, the usual culprit is a deploy.

                On one of the instances, check:

                ```bash
                sudo ss -ltnp | grep 8080        # is anything listening, and on which address?
                sudo systemctl status web         # or: docker ps / docker logs <container>
                ```

                Two things I see often:

                1. The process crashed on start (a missing environment variable after a deploy); the
                   service logs will show it.
                2. The app now listens on `127.0.0.1:8080` instead of `0.0.0.0:8080`, so it only accepts
                   local connections. `ss` shows this immediately.
                """
            ),
            U(
                "ss shows 127.0.0.1:8080. Someone changed HOST in the env file. Fixed, targets are healthy again!"
            ),
            A(
                """
                Great, glad you're back up. As soon as both targets passed two consecutive health checks,
                the load balancer started sending traffic again.

                To catch this earlier next time, you could add a post-deploy check that calls
                `/healthz` on each instance's private address before the deploy counts as successful,
                and an alert on the load balancer's "healthy targets" metric dropping below 1.
                """
            ),
        ],
        tools=["all"],
        pii={"IP_ADDRESS": ["203.0.113.42", "2001:db8:85a3::8a2e:370:7334"]},
        negatives=["port 8080", "us-east-1", "HTTP 500"],
    ),
    conv(
        "sup-017",
        "outage",
        [
            U(
                """
                We're on Business. Last week's Managed PostgreSQL incident in eu-central-1 took our
                database down for 47 minutes on 12 September. How do we claim the SLA credit? Our
                Postgres line is $640/month.
                """
            ),
            A(
                """
                Sorry about the disruption. Here's how the numbers work for that incident, assuming the
                47 minutes of downtime is confirmed by our monitoring:

                - September has 30 days = 43,200 minutes.
                - Uptime = (43,200 − 47) / 43,200 ≈ **99.891%**.
                - That's below 99.95% but above 99.0%, so the credit is **10%** of the Managed PostgreSQL
                  fee for that region: 10% × $640 = **$64.00**.

                Credits are claimed by ticket within 30 days of the incident, and I can file it for you
                now. Could you give me the database name (or its id) so the team can match it to their
                monitoring data?
                """
            ),
            U("It's pg-prod-orders, id db_77KQ3."),
            CALL(
                (
                    "create_ticket",
                    {
                        "summary": "SLA credit claim: Managed PostgreSQL eu-central-1, database pg-prod-orders (db_77KQ3), 47 min downtime on 2024-09-12. Customer estimate 99.891% uptime, 10% credit on $640.",
                        "category": "sla",
                        "priority": "P3",
                    },
                )
            ),
            RESULT({"ticket": "NW-7730-TK", "status": "open", "queue": "sla"}),
            A(
                """
                Your claim is filed as **NW-7730-TK**. The SLA team checks the downtime against their
                measurements for pg-prod-orders and applies the credit to your next invoice, normally
                within 10 business days. If their measured downtime differs, they'll show you the
                figures before applying it.
                """
            ),
        ],
        tools=["all"],
        pii={"REFERENCE_ID": ["NW-7730-TK"]},
        negatives=["99.95%", "47 minutes"],
    ),
    conv(
        "sup-018",
        "outage",
        [
            U(
                """
                Is NKS DNS broken in us-east-1? Since our traffic peak today, pods intermittently fail
                with `getaddrinfo EAI_AGAIN api.stripe.com` and `lookup orders-db.default.svc.cluster.local:
                i/o timeout`.
                """
            ),
            CALL(("check_service_status", {"service": "nks", "region": "us-east-1"})),
            RESULT(
                {"service": "nks", "region": "us-east-1", "status": "operational", "incident": None}
            ),
            A(
                """
                NKS in us-east-1 shows no incident, and timeouts that start exactly at your traffic peak
                point to the cluster's own DNS (CoreDNS) being overloaded. Let's check:

                ```bash
                kubectl -n kube-system get pods -l k8s-app=kube-dns
                kubectl -n kube-system top pods -l k8s-app=kube-dns
                kubectl -n kube-system logs -l k8s-app=kube-dns --tail=50
                ```

                Look for restarts with `OOMKilled` or CPU pinned at the limit.

                Why it gets overloaded: with the default `ndots: 5`, a lookup of an external name like
                `api.stripe.com` is first tried with every search suffix
                (`api.stripe.com.default.svc.cluster.local`, `.svc.cluster.local`, ...), so one lookup
                becomes up to five or more queries, each for both A and AAAA records.

                Fixes, from quickest to most robust:

                1. **Scale CoreDNS**: `kubectl -n kube-system scale deployment coredns --replicas=4`.
                2. **Lower ndots** for workloads that mostly call external hosts:

                   ```yaml
                   spec:
                     dnsConfig:
                       options:
                         - name: ndots
                           value: "2"
                   ```

                3. **NodeLocal DNSCache**: enable it with
                   `nwctl nks addon enable node-local-dns --cluster <name>`, which caches answers on each
                   node and takes most of the load off CoreDNS.
                """
            ),
            U(
                "CoreDNS had 2 replicas, both at their CPU limit. Scaled to 4 and the errors stopped."
            ),
            A(
                """
                Great. Scaling fixes today's peak, but CoreDNS doesn't scale by itself with the cluster,
                so I'd still enable NodeLocal DNSCache (or the CoreDNS autoscaler add-on) before your next
                peak. Lowering `ndots` for your busiest services roughly halves the query volume too.
                """
            ),
        ],
        tools=["all"],
        negatives=["us-east-1", "ndots"],
    ),
    conv(
        "sup-019",
        "rate-limits",
        [
            *RATE_LIMIT_OPENING,
            U(
                """
                Team plan. We run a nightly sync that fires around 1,000 requests as fast as it can.
                Headers from a failing call: `X-RateLimit-Limit: 600`, `X-RateLimit-Remaining: 0`,
                `Retry-After: 23`.
                """
            ),
            A(
                """
                That confirms it. The Team plan allows 600 requests per minute for the whole
                organisation; your sync sends about 1,000 at once, so the last ~400 get a 429 until the
                window resets (23 seconds later, in that response).

                There's no need to upgrade for this. Two changes make the sync reliable:

                1. **Pace the requests** to stay below the limit, e.g. 8 per second (480 a minute), which
                   leaves room for your other integrations. The 1,000 calls then take about two minutes.
                2. **Honour `Retry-After`** when a 429 still happens, instead of retrying immediately.

                A minimal Python version:

                ```python
                import time
                import requests

                API = "https://api.northwind.cloud/v2"
                session = requests.Session()
                session.headers["Authorization"] = f"Bearer {API_KEY}"

                def call(method, path, **kwargs):
                    for attempt in range(6):
                        resp = session.request(method, f"{API}{path}", timeout=30, **kwargs)
                        if resp.status_code != 429:
                            resp.raise_for_status()
                            return resp.json()
                        wait = int(resp.headers.get("Retry-After", 2 ** attempt))
                        time.sleep(wait)
                    raise RuntimeError(f"still rate limited after retries: {method} {path}")

                for i, item in enumerate(items):
                    call("PUT", f"/records/{item['id']}", json=item)
                    time.sleep(0.125)  # ~8 requests per second
                ```

                If the sync mostly *reads* data, check whether a list endpoint with `limit=200` can
                replace many single-item calls: one page of 200 items costs one request.
                """
            ),
        ],
        negatives=["429", "Retry-After: 23"],
    ),
    conv(
        "sup-020",
        "rate-limits",
        [
            U(
                """
                Quick one: is the API rate limit per key? If we create a separate key for each of our
                five microservices, do we get 5 × 600 requests a minute?
                """
            ),
            A(
                """
                No: limits are per **organisation**, shared by all of its API keys. Five keys on the Team
                plan still share 600 requests a minute.

                Separate keys per service are still a good idea, for other reasons: you can revoke one
                without touching the others, and the audit log shows which service did what.

                If the services together need more than 600 a minute, the options are:

                - **Reduce calls**: use list endpoints (`limit` up to 200) instead of per-item reads,
                  cache responses that rarely change, and subscribe to webhooks instead of polling for
                  state changes.
                - **Use bulk endpoints** for writes: one `/v2/bulk/*` call costs 10 units but carries up
                  to 1,000 items.
                - **Upgrade to Business** (3,000 a minute), where higher limits can also be requested by
                  ticket.

                The `X-RateLimit-Remaining` header on every response is shared too, so each service sees
                how much of the budget is left and can slow down before hitting zero.
                """
            ),
        ],
    ),
    conv(
        "sup-021",
        "rate-limits",
        [
            U(
                """
                Our webhook endpoint was down for maintenance for about 3 hours last night. Did we lose
                the instance.updated events from that time?
                """
            ),
            A(
                """
                Probably not. Failed webhook deliveries are retried with exponential backoff for up to
                **24 hours**, so events from a 3-hour outage are redelivered once your endpoint answers
                again. A delivery counts as failed if the endpoint doesn't return a 2xx status within
                10 seconds.

                Two things to check:

                1. **Deliveries tab**: under **Settings → Webhooks → your endpoint → Deliveries** you can
                   see each event, its attempts and the final status. Anything still marked `failed` can
                   be resent with **Redeliver**.
                2. **Ordering and duplicates**: retried events arrive late and can interleave with new
                   ones, and the same event can occasionally arrive twice. Use the event `id` to ignore
                   duplicates, and compare the resource's `updated_at` before applying an older update
                   over a newer one.

                For planned maintenance you can also pause the endpoint; paused deliveries queue up for
                the same 24 hours and are sent when you resume it.
                """
            ),
            U(
                "All delivered except two, which I've redelivered. How do I verify the signature in Node?"
            ),
            A(
                """
                Compute an HMAC-SHA256 of the **raw** request body with your endpoint's signing secret
                and compare it with the `X-Northwind-Signature` header in constant time:

                ```javascript
                import crypto from "node:crypto";
                import express from "express";

                const app = express();

                app.post("/webhooks/northwind", express.raw({ type: "application/json" }), (req, res) => {
                  const expected = crypto
                    .createHmac("sha256", process.env.NW_WEBHOOK_SECRET)
                    .update(req.body) // Buffer: the raw bytes, not re-serialised JSON
                    .digest("hex");
                  const given = req.get("X-Northwind-Signature") ?? "";
                  const ok =
                    given.length === expected.length &&
                    crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
                  if (!ok) return res.status(401).end();

                  const event = JSON.parse(req.body.toString("utf8"));
                  res.status(204).end(); // answer fast, then process
                  queue.push(event);
                });
                ```

                The most common mistake is verifying `JSON.stringify(req.body)` after a JSON body parser
                has run: re-serialised JSON rarely matches the original bytes, so the check fails.
                """
            ),
        ],
        negatives=["24 hours", "10 seconds"],
    ),
    conv(
        "sup-022",
        "rate-limits",
        [
            *RATE_LIMIT_OPENING,
            U(
                """
                We're on Business. Almost all our traffic is `POST /v2/bulk/instances/tags`, about 400
                calls a minute, each with 50-100 instances.
                """
            ),
            A(
                """
                That's the cause. Each call to a `/v2/bulk/*` endpoint costs **10 units**, so 400 bulk
                calls a minute use 4,000 units, above the Business limit of 3,000. The requests beyond
                3,000 units in a minute get a 429.

                The good news is that you're sending far fewer items per call than you could: a bulk
                call carries up to **1,000 items**. At 50-100 instances per call you're sending
                20,000-40,000 items a minute; packed into 1,000-item calls, that's 20-40 calls, or
                200-400 units a minute, a tenth of your limit.

                ```python
                def chunks(seq, size=1000):
                    for i in range(0, len(seq), size):
                        yield seq[i : i + size]

                for batch in chunks(pending_tag_updates):
                    call("POST", "/v2/bulk/instances/tags", json={"items": batch})
                ```

                If batching isn't possible (for example each call comes from a different user action),
                tell me and we can look at a limit increase instead.
                """
            ),
            U(
                "Batching is possible for the nightly job but not for the interactive part. Can we get a higher limit anyway, say 5,000?"
            ),
            CALL(
                (
                    "create_ticket",
                    {
                        "summary": "Rate limit increase request: Business org, asks 5,000 units/min (from 3,000). Traffic mostly POST /v2/bulk/instances/tags; nightly job will be batched, interactive traffic cannot be.",
                        "category": "technical",
                        "priority": "P3",
                    },
                )
            ),
            RESULT({"ticket": "NW-3388-TK", "status": "open", "queue": "api-platform"}),
            A(
                """
                I've requested 5,000 units a minute in ticket **NW-3388-TK**. The API platform team
                reviews increases within two business days and may ask about your peak traffic pattern,
                so it helps to have a rough per-minute graph ready.

                Until it's approved, batching the nightly job alone should bring you well under 3,000.
                """
            ),
        ],
        tools=["all"],
        negatives=["3,000", "1,000 items"],
    ),
    conv(
        "sup-023",
        "kubernetes",
        [
            *NKS_OPENING,
            U("It works! Now how do I put it on our own domain with HTTPS?"),
            A(
                """
                For HTTPS with your own domain, the usual NKS set-up is an ingress controller plus
                cert-manager, which gets and renews Let's Encrypt certificates for you.

                1. **Install ingress-nginx and cert-manager** with Helm:

                   ```bash
                   helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx
                   helm repo add jetstack https://charts.jetstack.io
                   helm install ingress-nginx ingress-nginx/ingress-nginx -n ingress-nginx --create-namespace
                   helm install cert-manager jetstack/cert-manager -n cert-manager --create-namespace \\
                     --set crds.enabled=true
                   ```

                2. **Point DNS at the ingress**: `kubectl -n ingress-nginx get svc ingress-nginx-controller`
                   shows an external IP; create an `A` record for `app.example.com` pointing to it.

                3. **Create an issuer** (use your real email for expiry notices):

                   ```yaml
                   apiVersion: cert-manager.io/v1
                   kind: ClusterIssuer
                   metadata:
                     name: letsencrypt
                   spec:
                     acme:
                       server: https://acme-v02.api.letsencrypt.org/directory
                       email: ops@example.com
                       privateKeySecretRef:
                         name: letsencrypt-account
                       solvers:
                         - http01:
                             ingress:
                               ingressClassName: nginx
                   ```

                4. **Switch the Service to `ClusterIP`** (the ingress is now the public entry point) and
                   add an Ingress:

                   ```yaml
                   apiVersion: networking.k8s.io/v1
                   kind: Ingress
                   metadata:
                     name: web
                     annotations:
                       cert-manager.io/cluster-issuer: letsencrypt
                   spec:
                     ingressClassName: nginx
                     tls:
                       - hosts: [app.example.com]
                         secretName: web-tls
                     rules:
                       - host: app.example.com
                         http:
                           paths:
                             - path: /
                               pathType: Prefix
                               backend:
                                 service:
                                   name: web
                                   port:
                                     number: 80
                   ```

                After DNS has propagated, `kubectl get certificate` shows `web-tls` as `READY=True`,
                usually within a couple of minutes, and cert-manager renews it before it expires.
                """
            ),
        ],
        negatives=["Kubernetes 1.29.3", "port 8080", "Kubernetes"],
    ),
    conv(
        "sup-024",
        "kubernetes",
        [
            U(
                """
                We need to upgrade our production NKS cluster from 1.28.9 to 1.29.3. What's the safest
                way to do it without downtime?
                """
            ),
            A(
                """
                NKS upgrades the control plane first and then each node pool, replacing nodes one batch
                at a time. Done in the right order, workloads with more than one replica stay available
                throughout.

                **Before you start**

                1. **Check for removed APIs.** Kubernetes 1.29 removes
                   `flowcontrol.apiserver.k8s.io/v1beta2`. Search your manifests and Helm charts, or run
                   a checker such as `kubent` or `pluto` against the cluster.
                2. **PodDisruptionBudgets**: give each important Deployment a PDB (for example
                   `minAvailable: 1`, or `maxUnavailable: 1`), so a node drain never takes all its
                   replicas at once. Make sure no PDB is impossible to satisfy (`minAvailable` equal to
                   the replica count), or the drain will stall.
                3. **Replicas and probes**: single-replica workloads will blip during the drain; readiness
                   probes make sure traffic only goes to pods that are really ready.
                4. **Try it on staging first** if you have a staging cluster on the same version.

                **Upgrade**

                ```bash
                nwctl nks cluster upgrade prod --version 1.29.3          # control plane, no downtime
                nwctl nks nodepool upgrade prod default --version 1.29.3 \\
                  --max-surge 1 --max-unavailable 0
                ```

                With `--max-surge 1 --max-unavailable 0`, NKS adds a new node before draining an old
                one, so capacity never drops. Upgrade one node pool at a time and watch
                `kubectl get nodes` and your error rates between pools.

                The control plane can't be downgraded afterwards, so keep a copy of your manifests and
                Helm values in version control before you begin.
                """
            ),
        ],
        negatives=["1.28.9", "1.29.3", "Kubernetes 1.29"],
    ),
    conv(
        "sup-025",
        "kubernetes",
        [
            U(
                """
                New pods stay Pending. `kubectl describe pod` says:
                `0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No
                preemption victims found for incoming pod.` The node pool has autoscaling on, why doesn't
                it add nodes?
                """
            ),
            A(
                """
                The scheduler is saying that no node has enough *unrequested* CPU for the pod. The
                autoscaler would normally add a node, so one of these is usually true:

                1. **The pool is at its maximum size.** Check with
                   `nwctl nks nodepool get <cluster> <pool>` and look at `nodes` versus `max_nodes`.
                   If it's at the maximum, raise it:

                   ```bash
                   nwctl nks nodepool update <cluster> <pool> --max-nodes 6
                   ```

                2. **The pod can't fit on a new node either.** If the pod requests more CPU than one node
                   of this instance type can offer (for example `cpu: 4` on 4-vCPU nodes, where some CPU
                   is reserved for the system), the autoscaler knows a new node wouldn't help and does
                   nothing. Look for `NotTriggerScaleUp` in `kubectl get events`.
                3. **A constraint excludes the pool**, such as a `nodeSelector`, affinity or missing
                   toleration that matches none of the autoscaling pools.

                Also check what the pod requests versus what it uses: `kubectl top pods` next to the
                `resources.requests` in the manifest. Requests far above real usage are the most common
                reason clusters look "full" while the nodes sit mostly idle.
                """
            ),
            U("It was at max_nodes 3. Raised to 6 and two new nodes came up. Thanks."),
            A(
                """
                Good. Keep an eye on the bill with the higher maximum: the autoscaler removes nodes
                again when they stay underused for about 10 minutes, but only if their pods can move
                elsewhere. Setting realistic CPU requests keeps the pool from growing more than needed.
                """
            ),
        ],
        negatives=["10 minutes"],
    ),
    conv(
        "sup-026",
        "kubernetes",
        [
            U(
                """
                My PersistentVolumeClaim has been Pending for ten minutes. StorageClass is nw-ssd,
                accessModes ReadWriteMany, 50Gi. Events say `waiting for first consumer to be created
                before binding`.
                """
            ),
            A(
                """
                Two separate things are going on.

                **1. "Waiting for first consumer" is normal.** `nw-ssd` uses
                `volumeBindingMode: WaitForFirstConsumer`: the disk is created only when a pod that uses
                the claim is scheduled, so it lands in the same zone as the pod. A claim without a pod
                stays Pending indefinitely, by design.

                **2. But ReadWriteMany won't work with nw-ssd.** `nw-ssd` volumes are block disks that
                attach to one node at a time, so they support `ReadWriteOnce` only. Once a pod uses the
                claim, provisioning will fail with an access-mode error.

                What to use depends on why you need ReadWriteMany:

                - **Several replicas need the same files** (uploads, shared assets): use the `nw-files`
                  StorageClass (managed NFS), which supports `ReadWriteMany`:

                  ```yaml
                  apiVersion: v1
                  kind: PersistentVolumeClaim
                  metadata:
                    name: shared-uploads
                  spec:
                    storageClassName: nw-files
                    accessModes: [ReadWriteMany]
                    resources:
                      requests:
                        storage: 50Gi
                  ```

                - **Each replica has its own data** (databases, queues): use a StatefulSet with
                  `volumeClaimTemplates` and `ReadWriteOnce`, so each pod gets its own nw-ssd disk.
                - **Files served to users**: Object Storage is often simpler and cheaper than a shared
                  file system.

                For databases, prefer nw-ssd: NFS latency and locking don't suit them.
                """
            ),
        ],
        negatives=["nw-ssd", "ReadWriteMany"],
    ),
]
