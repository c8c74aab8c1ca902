"""Northwind Cloud support conversations, part 3: NKS, refunds, accounts, data."""

from __future__ import annotations

from .common import CALL, RESULT, A, U, conv
from .support_a import NKS_OPENING

SUPPORT_C = [
    conv(
        "sup-027",
        "kubernetes",
        [
            U(
                """
                We deploy with Helm 3.14.2. `helm upgrade --install api ./chart -f values-prod.yaml`
                hangs and then fails with `UPGRADE FAILED: context deadline exceeded`. The previous
                release is still serving. What should I look at?
                """
            ),
            A(
                """
                That error means Helm gave up waiting: with `--wait` (or `--atomic`, which implies it)
                Helm waits until the new pods are Ready, 5 minutes by default. The chart applied fine;
                the new pods just never became Ready, and the old ReplicaSet kept serving, which is
                what you'd want.

                Find out why the new pods aren't ready:

                ```bash
                kubectl get pods -l app.kubernetes.io/instance=api
                kubectl describe pod <new-pod>      # events: image pull, scheduling, probes
                kubectl logs <new-pod> --previous   # if it's crash-looping
                ```

                The usual suspects, in rough order:

                1. **Readiness probe failing**: wrong path or port in `values-prod.yaml` (for example the
                   probe checks port 8080 but the new version listens on 8000), or the app needs longer
                   to start than `initialDelaySeconds` allows.
                2. **CrashLoopBackOff**: a missing Secret or environment variable that only exists in prod.
                3. **Pending**: the new pods don't fit on the nodes (see `Insufficient cpu` in events).
                4. **ImagePullBackOff**: a tag that was never pushed.

                Check the state of the release too:

                ```bash
                helm history api
                ```

                If the last revision is stuck in `pending-upgrade`, the next upgrade will refuse to
                run; `helm rollback api <last-good-revision>` clears it. Once the cause is fixed, rerun
                the upgrade with `--atomic --timeout 10m` so a failed rollout rolls itself back.
                """
            ),
        ],
        negatives=["Helm 3.14.2", "port 8080", "5 minutes"],
    ),
    conv(
        "sup-028",
        "kubernetes",
        [
            *NKS_OPENING,
            U(
                """
                Thanks. The pods are stuck in ImagePullBackOff though. The image is in our private
                GitLab registry, registry.gitlab.com/acme/web:1.0.0.
                """
            ),
            A(
                """
                NKS nodes can pull public images, but a private registry needs credentials in the
                namespace, referenced from the pod spec.

                1. Create a deploy token in GitLab (**Settings → Repository → Deploy tokens**) with the
                   `read_registry` scope.
                2. Store it as a registry secret in the same namespace as the Deployment:

                   ```bash
                   kubectl create secret docker-registry gitlab-registry \\
                     --docker-server=registry.gitlab.com \\
                     --docker-username=<deploy-token-username> \\
                     --docker-password=<deploy-token>
                   ```

                3. Reference it in the Deployment's pod template:

                   ```yaml
                   spec:
                     template:
                       spec:
                         imagePullSecrets:
                           - name: gitlab-registry
                         containers:
                           - name: web
                             image: registry.gitlab.com/acme/web:1.0.0
                   ```

                4. Apply and restart the rollout: `kubectl rollout restart deployment/web`.

                If it still fails, `kubectl describe pod <pod>` shows the exact pull error in the
                events: `unauthorized` means the credentials are wrong, `not found` or
                `manifest unknown` means the tag doesn't exist (check the spelling and that CI pushed it).
                To avoid adding the secret to every Deployment, you can attach it to the namespace's
                default service account with `kubectl patch serviceaccount default -p
                '{"imagePullSecrets": [{"name": "gitlab-registry"}]}'`.
                """
            ),
        ],
        negatives=["Kubernetes 1.29.3", "port 8080"],
    ),
    conv(
        "sup-029",
        "kubernetes",
        [
            U(
                """
                Our NKS pool scaled from 3 to 8 nodes during a load test yesterday, but it's still at 8
                today with almost nothing running. Why isn't the autoscaler removing nodes?
                """
            ),
            A(
                """
                The autoscaler removes a node only when it has been underused (below 50% of its
                allocatable CPU and memory *requests*) for about 10 minutes **and** every pod on it can
                be moved elsewhere. The second condition is usually what blocks it. A node is kept if it
                runs:

                - a pod **not managed by a controller** (a bare Pod, not part of a Deployment, Job, ...);
                - a pod with **local storage** (`emptyDir` or `hostPath`), unless marked safe to evict;
                - a pod whose **PodDisruptionBudget** allows no disruption right now;
                - a `kube-system` pod without a PDB (for example a metrics or DNS pod that landed there).

                Ask the autoscaler directly; it records its reasons:

                ```bash
                kubectl -n kube-system describe configmap cluster-autoscaler-status
                kubectl get events -A --field-selector reason=ScaleDown
                ```

                For pods that are fine to move despite `emptyDir` (caches, scratch space), add this
                annotation to their pod template:

                ```yaml
                metadata:
                  annotations:
                    cluster-autoscaler.kubernetes.io/safe-to-evict: "true"
                ```

                Load tests often leave things behind too: leftover load-generator pods or bare test
                pods. `kubectl get pods -A -o wide` sorted by node shows what's pinning each node.
                """
            ),
            U(
                "There were 5 leftover locust pods created with kubectl run. Deleted them and it's shrinking."
            ),
            A(
                """
                That fits: pods from `kubectl run` have no controller, so the autoscaler won't evict
                them. Next time, run the load generators as a Deployment or Job in their own namespace
                and delete the namespace afterwards; everything goes in one step.
                """
            ),
        ],
        negatives=["10 minutes", "50%"],
    ),
    conv(
        "sup-030",
        "kubernetes",
        [
            U(
                """
                In the console's load balancer form there's a "Port" field and a "Target port" field,
                and in Kubernetes there's port, targetPort and containerPort. Our app listens on 8080
                and we want users on 443. Which number goes where?
                """
            ),
            A(
                """
                They all describe one hop each, from the outside in:

                | setting | meaning | your value |
                |---|---|---|
                | console **Port** / Service `port` | what clients connect to | 443 (or 80) |
                | console **Target port** / Service `targetPort` | where the traffic is sent on the pod | 8080 |
                | `containerPort` | documents the port the container listens on | 8080 |

                In a Service manifest:

                ```yaml
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  type: LoadBalancer
                  selector:
                    app: web
                  ports:
                    - name: https
                      port: 443
                      targetPort: 8080
                ```

                A few details that catch people out:

                - `containerPort` is informational; traffic reaches the app even without it. But
                  `targetPort` **must** match where the process actually listens, and it must listen on
                  `0.0.0.0`, not `127.0.0.1`.
                - If the Service forwards 443 to 8080 as plain TCP, your app has to terminate TLS
                  itself. Most people instead terminate TLS at an ingress controller or on the load
                  balancer (add a certificate in the console under **Load balancer → Listeners**) and
                  keep 8080 as plain HTTP inside the cluster.
                - `nodePort` (30000-32767) is allocated automatically for LoadBalancer Services; you
                  don't need to set it.
                """
            ),
        ],
        negatives=["Port", "Target port", "8080", "443"],
    ),
    conv(
        "sup-031",
        "refunds",
        [
            U(
                """
                Hi, Rahul Mehta here. Five days ago I paid for Team annual but I'd rather stay on
                monthly billing for now. Can I get the annual payment back? Email is
                rahul@mehta-analytics.example, card ends 8431.
                """
            ),
            CALL(("get_account_status", {"email": "rahul@mehta-analytics.example"})),
            RESULT(
                {
                    "account_id": "acct_2RM771",
                    "owner_name": "Rahul Mehta",
                    "plan": "Team",
                    "billing_cycle": "annual",
                    "status": "active",
                    "card_last4": "8431",
                }
            ),
            CALL(("lookup_invoice", {"account_id": "acct_2RM771", "month": "2024-06"})),
            RESULT(
                {
                    "invoice_id": "INV-2024-06021",
                    "description": "Team plan, annual",
                    "amount_due": 1990.0,
                    "currency": "USD",
                    "status": "paid",
                    "paid_at": "2024-06-11T08:45:00Z",
                }
            ),
            A(
                """
                Thanks, Rahul, that matches the account. Invoice INV-2024-06021 for Team annual
                ($1,990.00) was paid on 11 June, so you're within the 14-day window for a full refund.

                If I refund it, your plan stays Team and switches to monthly billing: you'd be charged
                for the rest of June at the monthly rate, and then $199 on the 1st of each month.
                Shall I go ahead?
                """
            ),
            U("Yes, please do."),
            CALL(
                (
                    "issue_refund",
                    {
                        "invoice_id": "INV-2024-06021",
                        "amount": 1990.0,
                        "reason": "annual_within_14_days",
                    },
                )
            ),
            RESULT(
                {
                    "refund_id": "re_8QW2",
                    "status": "pending",
                    "amount": 1990.0,
                    "subscription": "Team, monthly billing from 2024-06-16",
                    "new_invoice": {
                        "invoice_id": "INV-2024-06044",
                        "amount_due": 99.5,
                        "period": "2024-06-16 to 2024-06-30",
                    },
                }
            ),
            A(
                """
                Done:

                - **Refund re_8QW2**: $1,990.00 back to the card ending 8431, visible within 5-10
                  business days.
                - **Billing**: you're on Team monthly from today. Invoice INV-2024-06044 covers 16-30 June
                  ($99.50, half of June at $199), and from 1 July you'll be billed $199 a month.

                Nothing changes for your resources or your team's access. Anything else, Rahul?
                """
            ),
        ],
        tools=["all"],
        pii={
            "PERSON": ["Rahul Mehta", "Rahul"],
            "EMAIL_ADDRESS": ["rahul@mehta-analytics.example"],
        },
        negatives=["14-day window"],
    ),
    conv(
        "sup-032",
        "refunds",
        [
            U(
                """
                I want a refund for our Business annual plan. We bought it in March and barely use it,
                it's now June.
                """
            ),
            A(
                """
                I understand, and I'm sorry the plan hasn't been the right fit. I have to be
                straightforward with you: annual plans can be refunded in full only within 14 days of
                purchase, and a purchase in March is well past that, so I can't refund it.

                What you can do:

                1. **Turn off auto-renewal** now (**Billing → Plan → Auto-renew**), so you won't be charged
                   again when the term ends.
                2. **Downgrade at renewal**: schedule a move to Team or Starter, and it takes effect on
                   the renewal date.
                3. **Make use of what's included until then**: the 24/7 support, SSO and higher API
                   limits are there for the rest of the term.
                """,
                weight=0,
            ),
            U(
                "That's not great. Honestly we were oversold by your sales rep. Can a human look at it?"
            ),
            A(
                """
                Of course. I can't make an exception myself, but the billing team can review cases
                where a purchase didn't match what was agreed with sales. I'll pass it on with your
                comment about the sales conversation; anything you can add (emails or a quote from
                the rep) will help them.

                Which account email should they contact?
                """
            ),
            U("finance@lumen-retail.example"),
            CALL(
                (
                    "create_ticket",
                    {
                        "summary": "Refund review request: Business annual bought in March (outside 14-day window). Customer reports being oversold by sales; asks a human to review. Contact finance@lumen-retail.example.",
                        "category": "billing",
                        "priority": "P3",
                    },
                )
            ),
            RESULT({"ticket": "NW-2604-TK", "status": "open", "queue": "billing"}),
            A(
                """
                I've opened **NW-2604-TK** for the billing team; they'll reply to
                finance@lumen-retail.example within two business days. I can't promise an outcome, but
                the case will be read by a person who can see the sales history.

                In the meantime, I'd still switch off auto-renewal so that nothing renews while the
                review is open. It doesn't affect the review or your current term.
                """,
                weight=1,
            ),
        ],
        tools=["all"],
        pii={"EMAIL_ADDRESS": ["finance@lumen-retail.example"], "REFERENCE_ID": ["NW-2604-TK"]},
        negatives=["14 days"],
    ),
    conv(
        "sup-033",
        "refunds",
        [
            U(
                """
                A test script launched 40 GPU instances over the weekend and nobody noticed. That's
                $1,240 we didn't mean to spend. Is there anything you can do? Account acct_9LT410.
                """
            ),
            CALL(("get_account_status", {"account_id": "acct_9LT410"})),
            RESULT(
                {
                    "account_id": "acct_9LT410",
                    "plan": "Team",
                    "status": "active",
                    "goodwill_credits_used": 0,
                    "running_gpu_instances": 0,
                }
            ),
            A(
                """
                That's a painful weekend, sorry. I can see the instances are already stopped, so the
                cost isn't growing.

                I can issue a goodwill credit of up to $500 myself. Since your total is $1,240, the
                better route is to send the whole amount to the billing team, who can approve more than
                my limit. If I issued $500 now, it would count as the account's one-time credit.

                Would you like me to open a ticket for the full $1,240?
                """
            ),
            U("Yes, the full amount please."),
            CALL(
                (
                    "create_ticket",
                    {
                        "summary": "Goodwill credit request USD 1,240: test script accidentally launched 40 GPU instances over a weekend; instances now stopped. No previous goodwill credit.",
                        "category": "billing",
                        "priority": "P3",
                        "account_id": "acct_9LT410",
                    },
                )
            ),
            RESULT({"ticket": "NW-8154-TK", "status": "open", "queue": "billing"}),
            A(
                """
                Done, ticket **NW-8154-TK**. The billing team replies within two business days; if
                approved, the credit is applied to your next invoice.

                To stop this from happening again:

                - **Budget alerts**: **Billing → Budgets**, for example an alert at 50% and 90% of your
                  usual monthly spend, sent to a channel people watch.
                - **Quotas**: lower the GPU instance quota for the project the test script uses
                  (**Project → Quotas**), so a runaway loop hits a ceiling instead of your bill.
                - **Scoped API keys**: give test scripts a key limited to a sandbox project.
                """
            ),
        ],
        tools=["all"],
        pii={"REFERENCE_ID": ["NW-8154-TK"]},
    ),
    conv(
        "sup-034",
        "refunds",
        [
            U(
                """
                You refunded a duplicate charge last week but my old card was cancelled after it was
                lost. Can you send the refund to my new card instead? It's 5555-5555-5555-4444.
                """
            ),
            A(
                """
                Please don't post card numbers here; we never need the full number, and I'd suggest
                deleting it from any notes where you pasted it.

                We can't redirect a refund to a different card: card refunds can only go back to the
                card that was charged. The good news is that a cancelled card usually isn't a problem:

                - When a bank replaces a lost card, it normally keeps the same card *account* and credits
                  the refund to it, so it appears on the new card's statement.
                - If the bank can't accept it, the refund bounces back to us, usually within 2-3 weeks,
                  and our billing team contacts you to arrange another way (typically an account credit
                  or a bank transfer confirmed through a secure form).

                Your bank can also trace it: refunds carry a reference number, and I can give you the
                refund id if you tell me the account email.
                """
            ),
        ],
        pii={"CREDIT_CARD": ["5555-5555-5555-4444"]},
    ),
    conv(
        "sup-035",
        "refunds",
        [
            U(
                """
                If I don't get my money back for the Starter plan I'm filing a chargeback with my bank.
                I cancelled in April and was charged again on May 1st.
                """
            ),
            A(
                """
                I understand the frustration; let's sort it out here first, since a chargeback takes
                weeks and puts the account on billing hold until it's resolved, which would block you
                from using or exporting anything in it.

                If you cancelled in April and were still charged on 1 May, that charge shouldn't have
                happened and we'll refund it. I just need to see what was recorded: which email is the
                account under? When you cancelled, did you use **Billing → Plan → Cancel plan** and get a
                confirmation email?

                One common mix-up: deleting all resources doesn't cancel the plan itself, so the monthly
                fee continues. If that's what happened, I'll explain the options honestly too.
                """
            ),
        ],
    ),
    conv(
        "sup-036",
        "privacy",
        [
            U(
                """
                I want all my personal data deleted and a copy of everything you hold about me. My name
                is Chloé Martin, I live at Flat 3, 27 Harbour Street, Edinburgh EH6 6QN, phone 0131 496
                0018, email chloe.martin@example.org.
                """
            ),
            A(
                """
                Thank you, Chloé. You have both rights under UK data protection law, and our privacy
                team handles these requests. Here's how it works:

                **A copy of your data (access request)**
                - You can download most of it yourself at **Settings → Privacy → Export my data**: profile,
                  organisation memberships, sign-in history and support conversations, as a ZIP file.
                - For a formal subject access request, the privacy team replies within one month.

                **Deletion**
                - If you're the only owner of an organisation, close it first (**Billing → Close
                  organisation**); resources are then deleted.
                - Personal data is deleted within 30 days of the request, except records we must keep by
                  law, such as invoices, which are kept for the statutory period (six years in the UK) and
                  then deleted.

                I'll open a privacy ticket covering both. The team will confirm your identity by
                emailing chloe.martin@example.org before they act, so please don't send ID documents
                here.
                """
            ),
            U("OK go ahead."),
            CALL(
                (
                    "create_ticket",
                    {
                        "summary": "Data subject requests (access + erasure) from Chloé Martin, chloe.martin@example.org. Verify identity by email before acting.",
                        "category": "privacy",
                        "priority": "P2",
                    },
                )
            ),
            RESULT({"ticket": "NW-1187-TK", "status": "open", "queue": "privacy"}),
            A(
                """
                Your request is **NW-1187-TK**. The privacy team will email you to confirm your
                identity, then send the data copy and confirm the deletion. You don't need to do
                anything else for now, Chloé.
                """
            ),
        ],
        tools=["all"],
        pii={
            "PERSON": ["Chloé Martin", "Chloé"],
            "STREET_ADDRESS": ["Flat 3, 27 Harbour Street, Edinburgh EH6 6QN"],
            "PHONE_NUMBER": ["0131 496 0018"],
            "EMAIL_ADDRESS": ["chloe.martin@example.org"],
            "REFERENCE_ID": ["NW-1187-TK"],
        },
        negatives=["30 days", "one month"],
    ),
    conv(
        "sup-037",
        "postgres",
        [
            U(
                """
                Can we move a Managed PostgreSQL 16 database from us-east-1 to eu-central-1? It's about
                120 GB and we can't afford more than a few minutes of downtime.
                """
            ),
            A(
                """
                A database can't be moved between regions in place, but you can create a new one in
                eu-central-1 and switch over. With 120 GB and a few minutes of downtime, **logical
                replication** is the right tool: the new database catches up while the old one keeps
                serving, and you only stop writes for the final switch.

                1. **Create the target** in eu-central-1 with the same major version (16) and enough
                   storage. Apply your schema there (`pg_dump --schema-only` from the source, then
                   `psql` into the target).
                2. **Enable logical replication** on the source: set `wal_level = logical` under
                   **Database → Parameters** (this needs a restart, so do it in a quiet moment).
                3. **Publish and subscribe**:

                   ```sql
                   -- on the source (us-east-1)
                   CREATE PUBLICATION move_all FOR ALL TABLES;

                   -- on the target (eu-central-1)
                   CREATE SUBSCRIPTION move_all
                     CONNECTION 'host=<source-host> port=5432 dbname=app user=replicator password=... sslmode=require'
                     PUBLICATION move_all;
                   ```

                4. **Wait for the initial copy and catch-up**. Check `pg_stat_subscription` on the target
                   and compare row counts of the big tables.
                5. **Cut over**: stop writes on the source, wait until replication lag is zero, reset the
                   sequences on the target (logical replication does not copy sequence values), then
                   point the application at the new host.

                ```sql
                -- on the target, per sequence; use max(id) from the table it serves
                SELECT setval('orders_id_seq', (SELECT max(id) FROM orders));
                ```

                Also allow the target's outbound IPs on the source's firewall (**Database → Network**),
                and expect higher latency for any application servers that stay in us-east-1.
                """
            ),
        ],
        negatives=["PostgreSQL 16", "port=5432", "us-east-1"],
    ),
    conv(
        "sup-038",
        "billing",
        [
            U("What do we lose if we downgrade from Business to Team?"),
            A(
                """
                Downgrading takes effect at your next billing date, and until then nothing changes.
                After it, these are the differences that matter most:

                | | Business | Team |
                |---|---|---|
                | SLA | 99.95% with service credits | 99.9% target, no credits |
                | Support | 24/7, 1-hour response for P1 | 8 business hours |
                | API limit | 3,000 requests/min, increases on request | 600 requests/min |
                | SSO (SAML/OIDC) | yes | no |
                | Managed PostgreSQL recovery window | 35 days | 7 days |

                Things to prepare before the date:

                1. **SSO**: people who sign in through SSO will need a Northwind password. Ask them to set
                   one (and MFA) before the downgrade, or they'll have to use **Forgot password?**
                   afterwards.
                2. **API traffic**: check your peak usage under **Usage → API**. If you regularly go above
                   600 requests a minute, integrations will start getting 429 responses.
                3. **Backups**: point-in-time recovery will only go back 7 days.

                You can schedule it under **Billing → Plan → Change plan**, and cancel the scheduled change
                any time before the date.
                """
            ),
        ],
        negatives=["99.95%", "35 days"],
    ),
    conv(
        "sup-039",
        "billing",
        [
            U("Our procurement team needs a PO number on every invoice. Where do I add it?"),
            A(
                """
                Go to **Billing → Invoice settings → Purchase order / reference** and enter the PO number.
                It's printed on every invoice issued from then on, together with any note you add in the
                **Invoice memo** field (some procurement systems want a cost centre there too).

                If a PO covers a fixed period, remember to update the field when procurement issues a new
                one. For invoices already issued without it, tell me which months and I'll ask the
                billing team to reissue them.
                """
            ),
        ],
    ),
    conv(
        "sup-040",
        "security",
        [
            U(
                """
                I got this alert and it wasn't me:

                ```
                New sign-in to your Northwind account (nadia.haddad@brightpath.example)
                Time: 2024-08-03 02:41 UTC
                IP: 198.51.100.23 (São Paulo, BR)
                Previous sign-in: 2001:db8:4f1a::23 (Leeds, GB)
                ```

                What should I do?
                """
            ),
            A(
                """
                Treat it as a compromised login and act now, in this order:

                1. **Sign out every session**: **Settings → Security → Sessions → Sign out all sessions**.
                2. **Change your password** to a new, unique one. If you've used the old password
                   anywhere else, change it there too.
                3. **Turn on MFA** (a security key or an authenticator app) if it wasn't on. If it *was*
                   on, tell me, because that changes the picture.
                4. **Rotate API keys** you created, under **Settings → API keys**: create new ones, deploy
                   them, then revoke the old ones.
                5. **Review the audit log** (**Settings → Audit log**) from 02:41 UTC onwards: new API keys,
                   new members, changed SSH keys, new instances.

                I'm also opening a security ticket so our security team can review the session from
                198.51.100.23 on our side.
                """
            ),
            CALL(
                (
                    "create_ticket",
                    {
                        "summary": "Suspected account compromise: unrecognised sign-in for nadia.haddad@brightpath.example at 2024-08-03 02:41 UTC from 198.51.100.23. Customer is rotating credentials.",
                        "category": "security",
                        "priority": "P1",
                    },
                )
            ),
            RESULT({"ticket": "NW-9042-TK", "status": "open", "queue": "security"}),
            A(
                """
                The security ticket is **NW-9042-TK** (priority P1). The team will contact you at
                nadia.haddad@brightpath.example. If the audit log shows anything you don't recognise,
                reply on the ticket rather than changing it yourself, so the evidence stays intact.
                """
            ),
        ],
        tools=["all"],
        pii={
            "EMAIL_ADDRESS": ["nadia.haddad@brightpath.example"],
            "IP_ADDRESS": ["198.51.100.23", "2001:db8:4f1a::23"],
            "REFERENCE_ID": ["NW-9042-TK"],
        },
    ),
    conv(
        "sup-041",
        "storage",
        [
            U(
                """
                Our invoices bucket was public by mistake. How do I make it private but still let
                customers download their own invoice from a link we email them?
                """
            ),
            A(
                """
                Make the bucket private, then hand out **presigned URLs**: links that grant access to
                one object for a limited time, signed with your key.

                1. **Make it private** (this takes effect immediately):

                   ```bash
                   nwctl storage bucket update invoices --acl private
                   nwctl storage bucket get invoices     # check: public_access = false
                   ```

                2. **Generate a link per download**. Object Storage is S3-compatible, so any S3 SDK
                   works. In Python:

                   ```python
                   import boto3

                   s3 = boto3.client(
                       "s3",
                       endpoint_url="https://s3.eu-west-1.northwind.cloud",
                       aws_access_key_id=ACCESS_KEY,
                       aws_secret_access_key=SECRET_KEY,
                   )

                   url = s3.generate_presigned_url(
                       "get_object",
                       Params={"Bucket": "invoices", "Key": f"{customer_id}/{invoice_id}.pdf"},
                       ExpiresIn=3600,  # seconds
                   )
                   ```

                Rather than putting the presigned URL straight in the email (it may be opened days
                later, after it expired), link to a page in your app that checks the customer is signed
                in and then redirects to a freshly generated URL.

                Because the bucket was public, check the access logs for unexpected downloads in that
                period; if invoices contain personal data, your privacy team may need to assess it as a
                possible breach.
                """
            ),
        ],
    ),
    conv(
        "sup-042",
        "postgres",
        [
            U(
                """
                Someone ran `DROP TABLE invoices;` on production at 14:05 UTC today. We're on Business.
                Can we get it back?
                """
            ),
            A(
                """
                Yes. Business includes point-in-time recovery for the last 35 days, so you can restore the
                database as it was just before 14:05 UTC. A restore creates a **new** database; your
                current one keeps running, so nothing is overwritten.

                1. **Restore to 14:04 UTC**: **Database → Backups → Restore to point in time**, choose
                   14:04:00 UTC and a name like `pg-prod-restore`. Or:

                   ```bash
                   nwctl postgres restore pg-prod --to-time "2024-10-08T14:04:00Z" --name pg-prod-restore
                   ```

                2. **Copy the table back** once the restore is ready (the time depends on size; tens of GB
                   usually take under an hour):

                   ```bash
                   pg_dump "$RESTORE_URL" --table=public.invoices --format=custom -f invoices.dump
                   pg_restore --dbname="$PROD_URL" --no-owner invoices.dump
                   ```

                   This brings back the table with its indexes, constraints and data. Foreign keys *from
                   other tables* to `invoices` were dropped with it if you used `CASCADE`; check the
                   restored schema and recreate them.

                3. **Rows written after 14:04** to other tables are fine: you're only copying one table.
                4. **Delete the restored database** afterwards, since it's billed like any other.

                Afterwards it's worth checking who can run DDL on production. A separate role for the
                application without `DROP` rights prevents the same accident.
                """
            ),
        ],
        negatives=["14:05 UTC", "35 days"],
    ),
    conv(
        "sup-043",
        "tooling",
        [
            U(
                """
                After upgrading the Terraform provider from 2.9.0 to 3.2.1, `terraform plan` wants to
                destroy and recreate our NKS node pools. Why?
                """
            ),
            A(
                """
                Don't apply that plan yet. Provider 3.0 changed how node pools are modelled: in 2.x they
                were nested `node_pool` blocks inside `northwind_nks_cluster`; in 3.x they're separate
                `northwind_nks_node_pool` resources. Terraform sees the old blocks disappear and new
                resources appear, so it plans to destroy and create.

                The fix is to move the existing pools into the new resources in state, without touching
                the real infrastructure:

                1. Rewrite the config: remove the nested blocks and add one resource per pool:

                   ```hcl
                   resource "northwind_nks_node_pool" "default" {
                     cluster_id    = northwind_nks_cluster.prod.id
                     name          = "default"
                     instance_type = "c2-standard-4"
                     min_nodes     = 3
                     max_nodes     = 6
                   }
                   ```

                2. Import each existing pool (Terraform 1.5+ `import` blocks let you review it in a plan):

                   ```hcl
                   import {
                     to = northwind_nks_node_pool.default
                     id = "prod/default"
                   }
                   ```

                3. Run `terraform plan` again. It should show imports and at most in-place updates. If
                   any pool is still marked for replacement, compare its attributes with the real pool;
                   a changed `instance_type` or `name` forces a replacement.

                Pin the provider version (`version = "~> 3.2"`) so a future major release can't surprise
                you the same way.
                """
            ),
        ],
        negatives=["2.9.0", "3.2.1"],
    ),
    conv(
        "sup-044",
        "orders",
        [
            U(
                "Our reserved capacity order NW-ORD-558213 still says pending after three days. What's holding it up?"
            ),
            CALL(("lookup_order", {"order_id": "NW-ORD-558213"})),
            RESULT(
                {
                    "order_id": "NW-ORD-558213",
                    "type": "reserved_capacity",
                    "description": "12-month reservation, 8 x c2-standard-8, eu-west-1",
                    "status": "pending_payment",
                    "payment_method": "bank_transfer",
                    "invoice_id": "INV-2024-09302",
                    "amount_due": 14208.0,
                    "currency": "EUR",
                    "created": "2024-09-23T09:10:00Z",
                }
            ),
            A(
                """
                The order is waiting for payment: NW-ORD-558213 (12-month reservation of 8 ×
                c2-standard-8 in eu-west-1) was set up for **bank transfer**, and invoice
                **INV-2024-09302** for €14,208.00 hasn't been matched to a payment yet.

                - If you haven't paid yet, the invoice PDF under **Billing → Invoices** has our bank details
                  and the payment reference.
                - If you have paid, transfers usually take 1-3 business days to reach us, and they're only
                  matched automatically when the invoice number is in the payment reference. If it was
                  left out, send the remittance advice in reply to the invoice email and billing will
                  match it by hand.

                As soon as the payment is matched, the reservation becomes active and the discounted
                rate applies from that moment to matching instances already running; nothing needs to
                be restarted.
                """
            ),
        ],
        tools=["all"],
        pii={"REFERENCE_ID": ["NW-ORD-558213"]},
        negatives=["eu-west-1"],
    ),
    conv(
        "sup-045",
        "accounts",
        [
            U(
                """
                I invited our new developer Kenji Watanabe (kenji.watanabe@tanuki-games.example) two
                weeks ago and he says the link doesn't work anymore.
                """
            ),
            A(
                """
                Invitations expire after **7 days**, so a two-week-old link won't work. You can send a
                fresh one:

                1. Go to **Settings → Members → Pending invitations**.
                2. Find kenji.watanabe@tanuki-games.example and choose **Resend** (or revoke it and invite
                   him again).

                Ask Kenji to accept within 7 days, using the same email address the invitation went to.
                If he signs up with another address first, the invitation won't attach to that account.

                While you're there, check the role: **Developer** can manage resources but not billing or
                members, which is usually right for a new developer. Use **Viewer** for read-only access.
                """
            ),
            U("Resent. Does he need his own MFA?"),
            A(
                """
                Yes, MFA is per person, and he'll set it up on his first sign-in if your organisation
                requires it. To make it mandatory for everyone, turn on **Settings → Security → Require
                MFA for all members**; members without MFA are then asked to enrol before they can
                continue.
                """
            ),
        ],
        pii={
            "PERSON": ["Kenji Watanabe", "Kenji"],
            "EMAIL_ADDRESS": ["kenji.watanabe@tanuki-games.example"],
        },
        negatives=["7 days"],
    ),
    conv(
        "sup-046",
        "refunds",
        [
            U(
                """
                My free trial ended and I was charged $199 for Team yesterday. I forgot to cancel and
                don't need it. Can I get that back? Account is devon.price@example.net, card ending 1881.
                """
            ),
            CALL(("get_account_status", {"email": "devon.price@example.net"})),
            RESULT(
                {
                    "account_id": "acct_4DP118",
                    "plan": "Team",
                    "billing_cycle": "monthly",
                    "status": "active",
                    "card_last4": "1881",
                    "trial_ended": "2024-07-19",
                    "first_invoice": "INV-2024-07233",
                }
            ),
            A(
                """
                Thanks, that matches. The first charge after a free trial can be refunded if you ask
                within 7 days, and you're well within that. I can refund the $199.00 from invoice
                INV-2024-07233 and cancel the Team plan so you won't be charged again.

                Before I do: cancelling stops your resources, and anything left in the account is deleted
                30 days later. If there's something you want to keep, download or move it first. Shall I
                go ahead?
                """
            ),
            U("Yes, there's nothing in it."),
            CALL(
                (
                    "issue_refund",
                    {"invoice_id": "INV-2024-07233", "amount": 199.0, "reason": "trial_conversion"},
                )
            ),
            RESULT(
                {
                    "refund_id": "re_5TC0",
                    "status": "pending",
                    "amount": 199.0,
                    "plan_cancelled": True,
                }
            ),
            A(
                """
                Done. Refund re_5TC0 for $199.00 is on its way to the card ending 1881 (5-10 business
                days), and the Team plan is cancelled, so there will be no further charges. You can still
                sign in to download past invoices.
                """
            ),
        ],
        tools=["all"],
        pii={"EMAIL_ADDRESS": ["devon.price@example.net"]},
    ),
    conv(
        "sup-047",
        "outage",
        [
            U(
                """
                Our management wants a root cause analysis for the Object Storage incident on Tuesday
                (we were getting HTTP 503 on PUTs in eu-central-1). Where do I find it?
                """
            ),
            A(
                """
                For major incidents we publish a post-incident report on status.northwind.cloud, on the
                incident's page, within 5 business days of resolution. It covers the timeline, root
                cause, impact and the follow-up actions.

                If Tuesday's incident was classed as minor, there's only the timeline of updates on the
                status page. On Business and Enterprise you can request a customer-facing RCA through a
                ticket (Enterprise customers can also ask their technical account manager), and the
                reliability team shares what they can.

                For your internal report, your own data is useful next to ours: the time range of the
                503 responses your clients saw, the request ids from a few failing PUTs, and whether your
                retries succeeded. If you're on Business, the same data supports an SLA credit claim,
                which must be filed within 30 days of the incident.
                """
            ),
        ],
        negatives=["HTTP 503", "eu-central-1", "5 business days"],
    ),
    conv(
        "sup-048",
        "kubernetes",
        [
            U(
                """
                What's the difference between the Horizontal Pod Autoscaler and the node pool autoscaler
                on NKS? Do I need both?
                """
            ),
            A(
                """
                They scale different things and work best together:

                - The **Horizontal Pod Autoscaler (HPA)** changes the number of *pods* of a Deployment
                  based on metrics such as CPU usage.
                - The **cluster (node pool) autoscaler** changes the number of *nodes*: it adds nodes when
                  pods can't be scheduled and removes underused ones.

                So under load the HPA adds pods; if they don't fit, they stay Pending, and the cluster
                autoscaler adds nodes for them. When load drops, the HPA removes pods and the cluster
                autoscaler later removes the emptied nodes.

                NKS ships with metrics-server, so a CPU-based HPA works out of the box:

                ```yaml
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                spec:
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: web
                  minReplicas: 2
                  maxReplicas: 20
                  metrics:
                    - type: Resource
                      resource:
                        name: cpu
                        target:
                          type: Utilization
                          averageUtilization: 70
                ```

                Two things make them play well:

                1. Set CPU **requests** on the containers: the HPA's utilisation is measured against
                   requests, and the cluster autoscaler sizes nodes by requests.
                2. Leave `replicas` out of the Deployment you apply afterwards (or out of the Helm
                   values), otherwise every deploy resets the count the HPA chose.
                """
            ),
        ],
        negatives=["autoscaling/v2"],
    ),
    conv(
        "sup-049",
        "outage",
        [
            U(
                """
                This is the third outage this quarter. Our shop was down for two hours this morning and
                I'm done. I want to cancel and I want compensation. Emily Carter, emily@carter-ceramics.example.
                """
            ),
            CALL(("get_account_status", {"email": "emily@carter-ceramics.example"})),
            RESULT(
                {
                    "account_id": "acct_6EC902",
                    "plan": "Team",
                    "billing_cycle": "monthly",
                    "status": "active",
                    "region": "eu-west-1",
                }
            ),
            CALL(("check_service_status", {"service": "compute", "region": "eu-west-1"})),
            RESULT(
                {
                    "service": "compute",
                    "region": "eu-west-1",
                    "status": "operational",
                    "recent_incidents": [
                        {
                            "id": "INC-2314",
                            "title": "Network connectivity loss for a subset of instances",
                            "started": "2024-10-14T06:02:00Z",
                            "resolved": "2024-10-14T08:07:00Z",
                        }
                    ],
                }
            ),
            A(
                """
                Emily, I'm sorry. Two hours of your shop being down is costly, and a third time in a
                quarter is not acceptable. I can confirm this morning's incident: INC-2314, a network
                connectivity loss for some instances in eu-west-1, from 06:02 to 08:07 UTC.

                On compensation, I want to be honest rather than promise something I can't deliver:
                your account is on the Team plan, which has a 99.9% uptime target but no contractual
                service credits (those come with Business). That said, I can ask our billing team to
                review a courtesy credit given the repeated incidents, and I'll include all three.

                On cancelling: that's your call and I'll explain exactly how. If it helps the decision,
                running across two availability zones behind a load balancer would have kept your shop
                up during INC-2314, since it affected a subset of instances. I'm happy to walk you through
                that instead.

                Would you like me to open the credit review in any case?
                """
            ),
            U("Yes, open the review. I'll decide about cancelling after I hear back."),
            CALL(
                (
                    "create_ticket",
                    {
                        "summary": "Courtesy credit review: Team customer affected by three incidents this quarter, latest INC-2314 (eu-west-1, 2h outage of their shop). Customer considering cancellation.",
                        "category": "billing",
                        "priority": "P2",
                        "account_id": "acct_6EC902",
                    },
                )
            ),
            RESULT({"ticket": "NW-7411-TK", "status": "open", "queue": "billing"}),
            A(
                """
                I've opened **NW-7411-TK**, marked as priority, and noted that you're considering
                leaving. You'll hear from the billing team by email within two business days.

                If you decide to cancel afterwards, you can do it at **Billing → Plan → Cancel plan**;
                it takes effect at the end of the current month, and nothing is deleted until 30 days
                after that, so there's time to move your data. Thank you for telling us directly, Emily.
                """
            ),
        ],
        tools=["all"],
        pii={
            "PERSON": ["Emily Carter", "Emily"],
            "EMAIL_ADDRESS": ["emily@carter-ceramics.example"],
            "REFERENCE_ID": ["NW-7411-TK"],
        },
        negatives=["99.9%", "eu-west-1"],
    ),
    conv(
        "sup-050",
        "billing",
        [
            U("We're a German company. Can we get our invoices in EUR instead of USD?"),
            A(
                """
                Yes. Invoices can be issued in USD, EUR or GBP. An owner or billing admin can change it
                under **Billing → Invoice settings → Currency**.

                - The change applies from the next invoice; existing invoices stay in USD.
                - Plan prices in EUR are fixed list prices (shown on the pricing page), not a daily
                  conversion, so your monthly fee stays predictable.
                - Usage charges are calculated in the invoice currency too.

                If you pay by SEPA transfer, invoices in EUR also avoid conversion fees on your side.
                """
            ),
        ],
    ),
    conv(
        "sup-051",
        "postgres",
        [
            {
                "role": "user",
                "content": [
                    {
                        "type": "text",
                        "text": "Our app started throwing this error during the lunchtime peak. We're on a Managed PostgreSQL db-standard-2 instance:",
                    },
                    {
                        "type": "text",
                        "text": "psycopg.OperationalError: connection failed: FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute",
                    },
                ],
            },
            A(
                """
                The database has hit its connection limit: every regular connection slot is in use, and
                the few that remain are reserved for administrators. On db-standard-2, `max_connections`
                is 100, so with several app servers each holding a pool of 20-30 connections you can
                reach it at peak even when the database itself isn't busy.

                See who holds the connections:

                ```sql
                SELECT usename, application_name, client_addr, state, count(*)
                FROM pg_stat_activity
                GROUP BY 1, 2, 3, 4
                ORDER BY count(*) DESC;
                ```

                Many connections in `idle` state mean pools that are larger than needed. Fixes, best
                first:

                1. **Use the built-in connection pooler.** Managed PostgreSQL includes PgBouncer in
                   transaction mode on port 6432 of the same host; point the app at it and it can serve
                   hundreds of client connections over a few dozen server connections. Avoid session
                   features (session-level `SET`, advisory locks held across transactions) with
                   transaction pooling.
                2. **Shrink the app-side pools**: total pool size across all app instances should stay
                   well below 100, for example 4 instances × 15.
                3. **Scale the instance** if the database is genuinely busy; larger sizes allow more
                   connections.

                Raising `max_connections` alone is rarely the answer: each connection costs memory, and
                hundreds of active ones make the database slower, not faster.
                """
            ),
        ],
        negatives=["port 6432", "db-standard-2"],
    ),
    conv(
        "sup-052",
        "postgres",
        [
            U("How risky is upgrading Managed PostgreSQL from 14 to 16? What's the downtime?"),
            A(
                """
                Major version upgrades on Managed PostgreSQL run `pg_upgrade` in place. Downtime is
                usually a few minutes, mostly independent of database size, plus the time for your
                application to reconnect. The risk is less the upgrade itself than compatibility, so
                rehearse it:

                1. **Clone and upgrade the clone first**: restore a copy to a new instance
                   (**Backups → Restore**), upgrade the copy to 16, and run your test suite or replay some
                   traffic against it. This also tells you the real downtime.
                2. **Check extensions**: all of them must have versions for 16. Run `SELECT * FROM
                   pg_extension;` and compare with the supported list for 16 in the docs.
                3. **Check behaviour changes** that affect applications, mainly from the release notes of
                   15 and 16. Example: since 15, ordinary users can no longer create objects in the
                   `public` schema of a new database by default (upgraded databases keep their existing
                   permissions, but new databases created afterwards won't).
                4. **Upgrade production** in a quiet hour: **Database → Settings → Version → 16**. A backup
                   is taken automatically just before.
                5. **Run ANALYZE afterwards**: `pg_upgrade` doesn't carry optimiser statistics over, and
                   queries can be slow until they're rebuilt. We run it automatically after the upgrade,
                   but on a large database it takes a while; `vacuumdb --all --analyze-in-stages` speeds
                   up the first usable statistics.

                You can't go back to 14 in place; rollback means restoring the pre-upgrade backup, which
                loses writes made after the upgrade. That's why the rehearsal matters.
                """
            ),
        ],
        negatives=["from 14 to 16", "PostgreSQL"],
    ),
]
