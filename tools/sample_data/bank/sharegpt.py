"""Shorter Northwind Cloud support chats for the ShareGPT file (exported from the old widget)."""

from __future__ import annotations

from .common import CALL, RESULT, A, U, conv

SHAREGPT = [
    conv(
        "sg-01",
        "compute",
        [
            U("How do I resize a compute instance from 2 vCPUs to 4? Will I lose data?"),
            A(
                """
                You won't lose data: the boot disk and attached volumes stay as they are. Resizing needs
                a stop and start, so plan a short downtime:

                ```bash
                nwctl compute instance stop web-1
                nwctl compute instance resize web-1 --type c2-standard-4
                nwctl compute instance start web-1
                ```

                Things to know:

                - The private IP stays the same; a public IP stays only if it's a reserved (static) IP.
                  Ephemeral public IPs change on stop and start.
                - You can resize to any type in the same family and region. Moving to a smaller type works
                  too, but the disk can't shrink.
                - Billing switches to the new rate from the moment the instance starts again.

                For instances behind a load balancer, resize them one at a time and there's no downtime
                for users at all.
                """
            ),
        ],
        system=False,
    ),
    conv(
        "sg-02",
        "compute",
        [
            U(
                "I lost the SSH private key for one of our Ubuntu instances. Is there any way back in?"
            ),
            A(
                """
                Yes, through the **recovery console**, which gives you a serial console in the browser
                without SSH:

                1. In the console, open the instance and choose **Connect → Recovery console**.
                2. Sign in with a local user that has a password. If there isn't one, choose **Reset access**
                   instead: we stop the instance, add a new SSH public key you provide to the default
                   user's `authorized_keys` through cloud-init, and start it again.
                3. Generate the new key on your machine first:

                   ```bash
                   ssh-keygen -t ed25519 -f ~/.ssh/web-1 -C "web-1 recovery"
                   cat ~/.ssh/web-1.pub     # paste this into Reset access
                   ```

                **Reset access** needs a reboot; the recovery console doesn't. If the key was lost rather
                than leaked, remove the old public key from `~/.ssh/authorized_keys` afterwards; if it
                might have leaked, do that first and check `/var/log/auth.log` for logins you don't
                recognise.
                """
            ),
        ],
    ),
    conv(
        "sg-03",
        "compute",
        [
            U("Can I schedule automatic snapshots of a volume? Daily, keep 14."),
            A(
                """
                Yes, with a snapshot policy:

                ```bash
                nwctl compute snapshot-policy create daily-14 \\
                  --schedule "0 3 * * *" \\
                  --retain 14
                nwctl compute volume attach-policy data-volume-1 --policy daily-14
                ```

                The schedule is cron syntax in UTC, so this one runs every day at 03:00 UTC and keeps the
                14 most recent snapshots, deleting older ones automatically. You can attach the same
                policy to several volumes.

                Snapshots are crash-consistent: like pulling the power cord, which is fine for most file
                systems. For a database running on the volume, prefer the database's own backups, or
                briefly freeze writes (`fsfreeze`) around the snapshot. Snapshots are billed per GB of
                changed data, so 14 daily snapshots usually cost much less than 14 full copies.
                """
            ),
            U("Can I restore one snapshot to a different region?"),
            A(
                """
                Not directly: first copy the snapshot to the other region
                (`nwctl compute snapshot copy <snapshot-id> --to-region eu-central-1`), then create a
                volume from the copy there. The copy is billed as a separate snapshot in the target
                region.
                """
            ),
        ],
        system=False,
    ),
    conv(
        "sg-04",
        "sales",
        [
            U("We're 12 engineers. Is Team enough or do we need Business?"),
            A(
                """
                Team size doesn't decide it; neither plan limits the number of members. The deciding
                questions are usually these:

                - **Do you need SSO?** If your company requires signing in through Okta, Entra ID or
                  Google Workspace, that's Business.
                - **Do you need a contractual SLA?** Business has 99.95% uptime with service credits; Team
                  has a 99.9% target without credits.
                - **How fast do you need support?** Team: first response within 8 business hours. Business:
                  1 hour for P1, around the clock.
                - **API volume**: Team allows 600 requests/minute for the organisation, Business 3,000.

                If none of these apply yet, start on Team: you can upgrade at any moment, and the unused
                part of your current period is credited.
                """
            ),
        ],
    ),
    conv(
        "sg-05",
        "storage",
        [
            U("How do I automatically delete objects under logs/ after 30 days in a bucket?"),
            A(
                """
                Use a lifecycle rule. Object Storage accepts the S3 lifecycle format:

                ```json
                {
                  "Rules": [
                    {
                      "ID": "expire-logs-30d",
                      "Filter": { "Prefix": "logs/" },
                      "Status": "Enabled",
                      "Expiration": { "Days": 30 }
                    }
                  ]
                }
                ```

                Apply it with `nwctl storage bucket lifecycle set my-bucket --file lifecycle.json`, or
                with any S3 tool against the Northwind endpoint.

                Deletion runs once a day, so objects may live a day or so beyond 30 days. If versioning is
                enabled on the bucket, add a `NoncurrentVersionExpiration` rule as well; otherwise the old
                versions stay behind (and are billed) after the current ones expire.
                """
            ),
        ],
    ),
    conv(
        "sg-06",
        "network",
        [
            U(
                """
                I want SSH on our bastion to be reachable only from our office. The office IP is
                198.51.100.77. Right now the firewall allows 22 from anywhere.
                """
            ),
            A(
                """
                Replace the open rule with one that allows only your office address:

                ```bash
                nwctl network firewall rule add bastion-fw \\
                  --direction ingress --protocol tcp --port 22 \\
                  --source 198.51.100.77/32 --description "SSH from office"
                nwctl network firewall rule list bastion-fw
                nwctl network firewall rule delete bastion-fw <id-of-the-0.0.0.0/0-rule>
                ```

                Add the new rule **before** deleting the old one, so you don't lock yourself out
                halfway. Existing SSH sessions from other addresses are cut as soon as the old rule goes.

                Consider too:

                - If the office has a second connection (backup line, VPN egress), add that address as
                  well, or people will be locked out when the office fails over.
                - For people working from home, a VPN or the console's recovery access is safer than
                  adding home IPs one by one.
                """
            ),
        ],
        pii={"IP_ADDRESS": ["198.51.100.77"]},
        negatives=["port 22"],
    ),
    conv(
        "sg-07",
        "storage",
        [
            U("Can I host a static website from a bucket on my own domain, www.example.com?"),
            A(
                """
                Yes:

                1. Create a bucket and enable website hosting with an index and error page:

                   ```bash
                   nwctl storage bucket create example-site --region eu-west-1
                   nwctl storage bucket website set example-site --index index.html --error 404.html
                   nwctl storage sync ./public s3://example-site --acl public-read
                   ```

                2. Serve it through Edge CDN to get HTTPS on your domain: **CDN → Create distribution**,
                   origin `example-site`, alternate domain `www.example.com`. A free certificate is issued
                   once DNS points to the CDN.
                3. At your DNS provider, create a `CNAME` from `www` to the distribution host name shown
                   in the console.

                The bucket's own website endpoint serves only HTTP, which is why the CDN is the usual way
                to go. For the bare domain `example.com`, most DNS providers can't put a CNAME on the
                apex, so either use their ALIAS/ANAME record type or redirect it to `www`.
                """
            ),
        ],
    ),
    conv(
        "sg-08",
        "billing",
        [
            U("Can we add a backup card so a declined payment doesn't put us at risk?"),
            A(
                """
                Yes. Under **Billing → Payment methods**, add a second card and mark it as **Backup**.
                If a payment on the default card fails, we try the backup card at the next retry instead
                of the same card.

                It's also worth adding a billing contact under **Billing → Contacts**: failed-payment
                emails then go to them as well as to the owner, which is often what actually prevents
                a suspension.
                """
            ),
        ],
        system=False,
    ),
    conv(
        "sg-09",
        "accounts",
        [
            U(
                "Our accountant needs to download invoices but shouldn't see or touch anything else. Which role?"
            ),
            A(
                """
                Use the **Billing** role. It can see invoices, payment methods, tax details and usage
                reports, but can't see or change resources, API keys or members.

                Invite them under **Settings → Members → Invite** and choose **Billing**. If they only need
                the PDFs each month, an alternative is to add their email as a billing contact under
                **Billing → Contacts**: they'll receive every invoice by email without needing an account
                at all.
                """
            ),
        ],
    ),
    conv(
        "sg-10",
        "postgres",
        [
            U("How do I find the slowest queries on our Managed PostgreSQL database?"),
            A(
                """
                Enable `pg_stat_statements`, which records execution statistics for every normalised
                query. It's preloaded on Managed PostgreSQL, so you just create the extension:

                ```sql
                CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
                ```

                Then, after some traffic, the queries that cost the most total time:

                ```sql
                SELECT
                  round(total_exec_time::numeric, 0) AS total_ms,
                  calls,
                  round(mean_exec_time::numeric, 1) AS mean_ms,
                  rows,
                  left(query, 120) AS query
                FROM pg_stat_statements
                ORDER BY total_exec_time DESC
                LIMIT 15;
                ```

                Sort by `total_exec_time` rather than `mean_exec_time` to find what loads the database
                most: a 5 ms query run a million times matters more than one 2-second report. Then run
                `EXPLAIN (ANALYZE, BUFFERS)` on the top entries to see why they're slow.

                Reset the statistics after a fix (`SELECT pg_stat_statements_reset();`) to measure the
                effect cleanly.
                """
            ),
        ],
    ),
    conv(
        "sg-11",
        "kubernetes",
        [
            U(
                "kubectl suddenly says `error: You must be logged in to the server (Unauthorized)` for our NKS cluster. It worked yesterday."
            ),
            A(
                """
                Your kubeconfig most likely holds a static token, and NKS tokens expire after 12 hours.
                Switch to a kubeconfig that refreshes the token itself through `nwctl`:

                ```bash
                nwctl nks kubeconfig get my-cluster --exec --merge
                kubectl get nodes
                ```

                With `--exec`, kubectl calls `nwctl` for a fresh token whenever the old one expires, so
                this doesn't happen again (as long as `nwctl` is logged in on that machine). For CI
                pipelines, use a service account token scoped to the namespaces the pipeline deploys to,
                rather than a personal login.
                """
            ),
        ],
        negatives=["12 hours"],
    ),
    conv(
        "sg-12",
        "outage",
        [
            U(
                "Are you having problems in ap-southeast-1? We can't reach any of our instances there."
            ),
            CALL(("check_service_status", {"service": "compute", "region": "ap-southeast-1"})),
            RESULT(
                {
                    "service": "compute",
                    "region": "ap-southeast-1",
                    "status": "partial_outage",
                    "incident": {
                        "id": "INC-2350",
                        "title": "Network connectivity issues in zone ap-southeast-1b",
                        "started": "2024-11-05T03:40:00Z",
                        "latest_update": "Mitigation applied; connectivity recovering for most instances.",
                    },
                }
            ),
            A(
                """
                Yes, there's an ongoing incident: **INC-2350**, network connectivity issues in zone
                ap-southeast-1b since 03:40 UTC. A mitigation has been applied and connectivity is
                recovering for most instances.

                Instances in the other zones of ap-southeast-1 aren't affected. If all of yours are
                unreachable, they're probably all in 1b; the zone is shown on each instance's page.
                Please don't stop or recreate them now: they keep their data and should become
                reachable again without action. Updates are on status.northwind.cloud.
                """
            ),
        ],
        tools=["all"],
    ),
    conv(
        "sg-13",
        "api",
        [
            U("The /v2/instances list only returns 50 items. How do I get all 1,300 of ours?"),
            A(
                """
                List endpoints are paginated: 50 items by default, up to 200 with `limit`. Each page
                includes a `next_cursor`; pass it back until it's `null`:

                ```python
                def list_all(session, path, **params):
                    params = {"limit": 200, **params}
                    while True:
                        page = session.get(f"https://api.northwind.cloud/v2{path}", params=params, timeout=30).json()
                        yield from page["items"]
                        if not page.get("next_cursor"):
                            return
                        params["cursor"] = page["next_cursor"]

                instances = list(list_all(session, "/instances"))
                ```

                With `limit=200`, 1,300 instances take 7 requests. Cursors stay valid for a few minutes,
                so don't store them for later. If you only need some instances, filter on the server
                (for example `?region=eu-west-1&status=running`) rather than fetching everything.
                """
            ),
        ],
        system=False,
    ),
    conv(
        "sg-14",
        "accounts",
        [
            U(
                """
                Hi, it's Grace Liu. Please change the phone number for my SMS alerts to +1 (555) 010-4477,
                the old one is 999-555-0172.
                """
            ),
            A(
                """
                Hi Grace. For security I can't change contact numbers from the chat, but you can do it
                in a minute:

                1. Go to **Settings → Profile → Phone numbers**.
                2. Add the new number and confirm it with the code we text to it.
                3. Under **Notifications → SMS**, switch alerts to the new number and remove the old one.

                Alerts keep going to the old number until the new one is verified, so you won't miss
                anything in between. If the code doesn't arrive within a few minutes, check that the
                number includes the country code.
                """
            ),
        ],
        pii={
            "PERSON": ["Grace Liu", "Grace"],
            "PHONE_NUMBER": ["+1 (555) 010-4477", "999-555-0172"],
        },
    ),
    conv(
        "sg-15",
        "billing",
        [
            U(
                """
                We renamed the company from Al-Sayed Trading to Sayed & Partners LLP. I'm Fatima Al-Sayed,
                the owner. New registered address: 18 Wharf Road, Manchester M3 4LX. Do old invoices change?
                """
            ),
            A(
                """
                Thanks, Fatima. Update the company name and address under **Billing → Tax details**; every
                invoice issued from then on uses the new details.

                Past invoices don't change automatically, because an invoice has to match what was
                true on the day it was issued. If your accountant needs earlier invoices under the new
                name (some do after a rename), tell me which months and I'll ask the billing team to
                reissue them with a note referring to the originals.

                If the legal entity changed too (for example a new company number, not just a new name),
                that's a contract change rather than a rename; let me know and I'll route it to the
                right team.
                """
            ),
        ],
        pii={
            "PERSON": ["Fatima Al-Sayed", "Fatima"],
            "STREET_ADDRESS": ["18 Wharf Road, Manchester M3 4LX"],
        },
    ),
    conv(
        "sg-16",
        "compute",
        [
            U(
                "Our GPU instance creation fails with `QuotaExceeded: gpu_instances (limit 2)` in us-west-2."
            ),
            A(
                """
                Each project has per-region quotas, and GPU quotas start low to prevent surprise bills.
                You can ask for more under **Project → Quotas → gpu_instances (us-west-2) → Request
                increase**. Say how many you need and what for; increases up to 8 are usually approved
                within a business day, larger ones may need a short conversation about capacity.

                Meanwhile, check whether stopped GPU instances are holding quota: stopped instances still
                count. Deleting ones you no longer need frees their slots immediately.
                """
            ),
        ],
        system=False,
    ),
    conv(
        "sg-17",
        "api",
        [
            U("What's the safest way to rotate an API key used by a production service?"),
            A(
                """
                Overlap the keys so there's never a moment without a valid one:

                1. **Create the new key** (**Settings → API keys → Create**) with the same scopes as the old
                   one.
                2. **Deploy it**: update the secret in your secret store or Kubernetes Secret and roll the
                   service.
                3. **Check it's in use**: the old key's **Last used** time stops advancing once every
                   instance has switched. Give it a little longer than your longest-running job.
                4. **Revoke the old key.**

                If the old key may have leaked, shorten step 3 to minutes: revoke it as soon as the new
                one is deployed and accept a few failed requests from stragglers. Then check the audit
                log for calls made with the old key from addresses you don't recognise.
                """
            ),
        ],
    ),
    conv(
        "sg-18",
        "tooling",
        [
            U("Can I keep Terraform state in Northwind Object Storage?"),
            A(
                """
                Yes, with Terraform's `s3` backend pointed at the Northwind endpoint:

                ```hcl
                terraform {
                  backend "s3" {
                    bucket = "acme-terraform-state"
                    key    = "prod/network.tfstate"
                    region = "eu-west-1"

                    endpoints = {
                      s3 = "https://s3.eu-west-1.northwind.cloud"
                    }
                    use_path_style              = true
                    skip_credentials_validation = true
                    skip_region_validation      = true
                    skip_requesting_account_id  = true
                    skip_metadata_api_check     = true
                  }
                }
                ```

                Pass the access key and secret through `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`
                rather than writing them into the file. Turn on **versioning** for the bucket so you can
                recover an earlier state if one gets corrupted.

                For locking, Terraform 1.10 and later can lock with a lock file in the bucket
                (`use_lockfile = true`), so you don't need DynamoDB; on older versions there's no locking
                with this backend, so make sure two runs never apply at once (for example, run applies
                only from CI).
                """
            ),
        ],
    ),
    conv(
        "sg-19",
        "billing",
        [
            U(
                "Which invoice is still unpaid on account acct_3WB551? Our finance team thinks everything is paid."
            ),
            CALL(("lookup_invoice", {"account_id": "acct_3WB551", "month": "2024-10"})),
            RESULT(
                {
                    "invoice_id": "INV-2024-10418",
                    "amount_due": 1374.2,
                    "amount_paid": 1199.0,
                    "currency": "EUR",
                    "status": "partially_paid",
                    "payments": [
                        {"amount": 1199.0, "method": "bank_transfer", "reference": "INV-2024-10418"}
                    ],
                }
            ),
            A(
                """
                It's the October invoice, **INV-2024-10418**: €1,374.20 was due and a transfer of
                €1,199.00 arrived, so **€175.20** is still open. Differences like this usually come from
                paying the plan price without the month's usage charges, or from bank fees deducted from
                an international transfer.

                The invoice PDF lists the usage lines that make up the difference. Once the remaining
                €175.20 arrives (with the invoice number in the reference), the invoice closes
                automatically.
                """
            ),
        ],
        tools=["all"],
    ),
]
