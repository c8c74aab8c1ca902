"""Northwind Cloud support conversations, part 1: billing, login, outages, rate limits, NKS."""

from __future__ import annotations

from .common import CALL, RESULT, A, U, conv

LOGIN_OPENING = [
    U("Hi, I can't log in to the Northwind console."),
    A(
        """
        Sorry to hear that, let's get you back in. What exactly happens when you try to sign in? For
        example: an error message, a request for a code you can't provide, or a reset email that
        never arrives.
        """
    ),
]

RATE_LIMIT_OPENING = [
    U(
        """
        We're getting a lot of 429 Too Many Requests errors from the API since this morning. Is
        something wrong on your side?
        """
    ),
    A(
        """
        A 429 means your organisation has reached its per-minute request limit; the API itself is
        answering normally. The limit is shared by every API key in the organisation, so several
        services or a new job can use it up together.

        To pin it down, could you tell me:

        1. which plan you're on, and
        2. roughly how many requests a minute your integration sends (and to which endpoints)?

        If you have one of the failing responses handy, the `X-RateLimit-Limit`,
        `X-RateLimit-Remaining` and `Retry-After` headers tell us exactly what happened.
        """
    ),
]

NKS_OPENING = [
    U(
        """
        I'm deploying our app to NKS for the first time. The cluster is up (Kubernetes 1.29.3) and
        the image is built. What's the quickest way to get a container running with a public IP?
        """
    ),
    A(
        """
        The quickest path is a Deployment plus a Service of type `LoadBalancer`; NKS provisions a
        public load balancer for the Service automatically.

        1. Fetch credentials for the cluster and check that kubectl can reach it:

           ```bash
           nwctl nks kubeconfig get my-cluster --merge
           kubectl get nodes
           ```

        2. Save this as `app.yaml`, replacing the image (the example assumes your app listens on
           port 8080 inside the container):

           ```yaml
           apiVersion: apps/v1
           kind: Deployment
           metadata:
             name: web
           spec:
             replicas: 2
             selector:
               matchLabels:
                 app: web
             template:
               metadata:
                 labels:
                   app: web
               spec:
                 containers:
                   - name: web
                     image: ghcr.io/your-org/web:1.0.0
                     ports:
                       - containerPort: 8080
                     readinessProbe:
                       httpGet:
                         path: /healthz
                         port: 8080
           ---
           apiVersion: v1
           kind: Service
           metadata:
             name: web
           spec:
             type: LoadBalancer
             selector:
               app: web
             ports:
               - port: 80
                 targetPort: 8080
           ```

        3. Apply it and wait for the external IP:

           ```bash
           kubectl apply -f app.yaml
           kubectl get service web --watch
           ```

        The `EXTERNAL-IP` column changes from `<pending>` to an address within a minute or two, and
        the app answers on port 80 of that address.
        """
    ),
]


SUPPORT_A = [
    conv(
        "sup-001",
        "billing",
        [
            U(
                """
                Hi, my name is Maria Gonzalez and I think you charged me twice for March. My card
                statement shows two payments of $199.00, both on March 1st. The account email is
                maria.gonzalez@example.com.
                """
            ),
            CALL(("get_account_status", {"email": "maria.gonzalez@example.com"})),
            RESULT(
                {
                    "account_id": "acct_5Q2X81",
                    "owner_name": "Maria Gonzalez",
                    "plan": "Team",
                    "billing_cycle": "monthly",
                    "status": "active",
                    "card_last4": "4242",
                    "billing_email": "maria.gonzalez@example.com",
                }
            ),
            A(
                """
                Thanks, Maria. I've found your Team account. Before I look at the payments, could you
                confirm the last four digits of the card that was charged?
                """
            ),
            U("Sure, it ends in 4242."),
            CALL(("lookup_invoice", {"account_id": "acct_5Q2X81", "month": "2024-03"})),
            RESULT(
                {
                    "invoice_id": "INV-2024-03117",
                    "amount_due": 199.0,
                    "currency": "USD",
                    "status": "paid",
                    "payments": [
                        {
                            "payment_id": "pay_91KD",
                            "amount": 199.0,
                            "status": "succeeded",
                            "created": "2024-03-01T06:02:11Z",
                        },
                        {
                            "payment_id": "pay_91KF",
                            "amount": 199.0,
                            "status": "succeeded",
                            "created": "2024-03-01T06:02:14Z",
                        },
                    ],
                }
            ),
            A(
                """
                You're right: invoice INV-2024-03117 ($199.00) was paid twice, three seconds apart
                (payments pay_91KD and pay_91KF). That's a duplicate charge on our side, and duplicate
                charges are always refunded.

                I can refund the second payment of $199.00 to the card ending 4242 now. Shall I go
                ahead?
                """
            ),
            U("Yes please."),
            CALL(
                (
                    "issue_refund",
                    {
                        "invoice_id": "INV-2024-03117",
                        "payment_id": "pay_91KF",
                        "amount": 199.0,
                        "reason": "duplicate_charge",
                    },
                )
            ),
            RESULT(
                {"refund_id": "re_3MZ7", "status": "pending", "amount": 199.0, "currency": "USD"}
            ),
            A(
                """
                Done. Refund re_3MZ7 for $199.00 is on its way to the card ending 4242. It usually
                shows on your statement within 5-10 business days, depending on your bank. The first
                payment stays on the March invoice, so your account is fully paid up.

                Anything else I can help with today, Maria?
                """
            ),
        ],
        tools=["all"],
        pii={
            "PERSON": ["Maria Gonzalez", "Maria"],
            "EMAIL_ADDRESS": ["maria.gonzalez@example.com"],
        },
    ),
    conv(
        "sup-002",
        "billing",
        [
            U(
                """
                Our July invoice has a line "NKS control plane - 1,488 h" for $148.80. We're on the
                Team plan. I thought Kubernetes was included?
                """
            ),
            A(
                """
                Worker nodes are billed as normal compute instances, and the managed control plane is
                billed per cluster at $0.10 per cluster-hour. The Team plan includes **one** cluster's
                control plane for free.

                July has 31 days, so one cluster running all month is 744 hours. Your line shows
                1,488 billable hours, which is exactly two clusters for the whole month:

                | | hours | cost |
                |---|---|---|
                | cluster 1 (included in Team) | 744 | $0.00 |
                | clusters 2 and 3 | 2 × 744 = 1,488 | 1,488 × $0.10 = **$148.80** |

                So it looks like the organisation had three clusters running in July. You can check
                with:

                ```bash
                nwctl nks cluster list --output table
                ```

                A control plane is billed even when the cluster has no nodes or workloads, so an idle
                dev or test cluster costs about $74 a month. If you don't need it, deleting it stops the
                charge from the next hour; if you want to keep environments apart, namespaces in one
                cluster are a cheaper option.
                """
            ),
            U(
                "Found it, a staging cluster someone forgot. If I delete it today, do I pay for the rest of the month?"
            ),
            A(
                """
                No. Control planes are billed by the hour, so you pay only for the hours up to the
                deletion; nothing is charged for the rest of the month. Before you delete it, make sure
                nothing still uses it: Services of type `LoadBalancer` and persistent volumes are removed
                together with the cluster, and their data can't be recovered afterwards.
                """
            ),
        ],
        negatives=["Kubernetes", "744 hours"],
    ),
    conv(
        "sup-003",
        "billing",
        [
            U(
                """
                Hello, this is Lukas Becker from Kraftwerk Labs. Our invoices still show our old
                address. Please change the billing address to Hauptstraße 14, 10827 Berlin and add our
                VAT ID so the reverse charge applies. You can reach me at lukas.becker@kraftwerk-labs.example.
                """
            ),
            A(
                """
                Thanks, Lukas. I can't edit tax details from the chat, but an owner or billing admin can
                change both in a minute:

                1. In the console, open **Billing → Tax details**.
                2. Enter the new billing address and your EU VAT ID, then select **Save**.
                3. We validate the VAT ID against the EU VIES service. Once it shows as **Verified**, the
                   reverse charge applies and VAT is no longer added.

                Two things to know:

                - The change applies to invoices issued from now on. If you need earlier invoices
                  reissued with the new address or VAT ID, tell me which months and I'll open a ticket
                  for the billing team.
                - If VIES is temporarily unavailable, the ID shows as **Pending** and is checked again
                  automatically every few hours.
                """
            ),
            U("Great, it says Verified. Could you get the June and July invoices reissued?"),
            A(
                """
                Of course. I'll ask the billing team to reissue the June and July invoices with the
                new address and VAT ID. They'll send the corrected PDFs to the billing email on the
                account, usually within two business days. The originals will be marked as replaced so
                your accounts team isn't paying them twice.

                Thanks for your patience, Lukas.
                """
            ),
        ],
        pii={
            "PERSON": ["Lukas Becker", "Lukas"],
            "STREET_ADDRESS": ["Hauptstraße 14, 10827 Berlin"],
            "EMAIL_ADDRESS": ["lukas.becker@kraftwerk-labs.example"],
        },
    ),
    conv(
        "sup-004",
        "billing",
        [
            U(
                """
                My payment failed and I got an email saying the account will go read-only. I'm Daniel
                Okafor. The card is fine, it's 4111 1111 1111 1111 exp 09/27, can you just charge it
                again?
                """
            ),
            A(
                """
                Thanks, Daniel. Please don't share full card numbers or expiry dates in the chat; we
                never need them, and I can't take payments here. Because the number has now been
                typed into a chat window, it's worth asking your bank whether they'd like to reissue
                the card.

                Here's where things stand and how to fix it:

                - A failed payment is retried three times over 7 days. The account only becomes
                  read-only if the invoice is still unpaid 14 days after the first attempt, so nothing
                  has been switched off yet.
                - To pay now, go to **Billing → Payment methods**, add or update the card, then open the
                  unpaid invoice under **Billing → Invoices** and select **Retry payment**.

                If the retry fails again, the invoice page shows the decline reason the bank gave us.
                "Do not honour" usually means the bank blocked a foreign or recurring payment, and a
                quick call to the bank fixes it.
                """
            ),
            U("Retried and it went through. Thanks!"),
            A(
                """
                Glad it worked, Daniel. The invoice is now marked paid and no read-only notice will
                follow. You'll get a receipt at your billing email shortly.
                """
            ),
        ],
        pii={"PERSON": ["Daniel Okafor", "Daniel"], "CREDIT_CARD": ["4111 1111 1111 1111"]},
        negatives=["14 days", "7 days"],
    ),
    conv(
        "sup-005",
        "billing",
        [
            U(
                """
                We're on Team monthly and want to move to annual billing. If I switch today (the 10th),
                do I lose what I already paid for this month?
                """
            ),
            A(
                """
                No, you won't lose it. Switching to annual takes effect immediately, and the unused days
                of the current month are credited against the annual charge.

                Assuming a 30-day month:

                - Annual Team costs 10 × $199 = **$1,990** for 12 months.
                - You've used 9 days of the month you paid $199 for, so about 21/30 × $199 ≈ **$139.30**
                  is credited.
                - You'd pay roughly **$1,850.70** today, and your annual term starts today.

                The exact credit is calculated to the second when you confirm, and the checkout page
                shows it before you pay. To switch: **Billing → Plan → Change billing cycle → Annual**.
                """
            ),
            U("And if we grow and need Business in six months?"),
            A(
                """
                You can upgrade at any time during the annual term. The unused part of the annual Team
                term is credited against an annual Business term that starts on the upgrade date, so you
                never pay twice for the same period. Downgrades, by contrast, take effect only at the
                next renewal.
                """
            ),
        ],
    ),
    conv(
        "sup-006",
        "refunds",
        [
            U(
                """
                Hi, Aoife Brennan here (Brennan Design Ltd). Six days ago we bought the Business annual
                plan by mistake, we meant Team annual. We pay by bank transfer, so please send the
                refund to GB82 WEST 1234 5698 7654 32.
                """
            ),
            A(
                """
                Thanks, Aoife, I can help with that. One request first: please don't send bank details
                in the chat. Refunds for bank-transfer payments are only ever sent to an account our
                finance team has confirmed through a secure form, so we won't use details typed here.

                Which email do you sign in with, and do you have the invoice number for the annual plan?
                """
            ),
            U("It's aoife@brennandesign.example, and the invoice is INV-2024-05530."),
            CALL(("lookup_invoice", {"invoice_id": "INV-2024-05530"})),
            RESULT(
                {
                    "invoice_id": "INV-2024-05530",
                    "account_id": "acct_8HN204",
                    "account_email": "aoife@brennandesign.example",
                    "description": "Business plan, annual",
                    "amount_due": 8990.0,
                    "currency": "GBP",
                    "status": "paid",
                    "payment_method": "bank_transfer",
                    "paid_at": "2024-05-14T10:31:00Z",
                }
            ),
            A(
                """
                Found it: INV-2024-05530, Business annual, £8,990.00, paid on 14 May. That's within the
                14-day window, so you're entitled to a full refund.

                Because it was paid by bank transfer, the refund is made by our finance team rather
                than automatically. I'll open a billing ticket asking them to:

                1. refund £8,990.00 for INV-2024-05530 after confirming the destination account with you
                   through their secure form, and
                2. move the organisation to Team annual (10 × £199 = £1,990.00) with a new invoice.

                Is that what you'd like?
                """
            ),
            U("Yes, perfect."),
            CALL(
                (
                    "create_ticket",
                    {
                        "summary": "Refund INV-2024-05530 (Business annual, GBP 8,990, bank transfer, within 14 days); switch org to Team annual. Confirm refund account via secure form.",
                        "category": "billing",
                        "priority": "P2",
                        "account_id": "acct_8HN204",
                    },
                )
            ),
            RESULT({"ticket": "NW-4821-TK", "status": "open", "queue": "billing"}),
            A(
                """
                Done, your ticket is **NW-4821-TK**. The billing team will email
                aoife@brennandesign.example with a secure link to confirm where the refund should go;
                once confirmed, bank transfers usually arrive within 5-10 business days. Your current
                plan keeps working in the meantime.
                """
            ),
        ],
        tools=["all"],
        pii={
            "PERSON": ["Aoife Brennan", "Aoife"],
            "IBAN_CODE": ["GB82 WEST 1234 5698 7654 32"],
            "EMAIL_ADDRESS": ["aoife@brennandesign.example"],
            "REFERENCE_ID": ["NW-4821-TK"],
        },
        negatives=["14-day window"],
    ),
    conv(
        "sup-007",
        "billing",
        [
            U(
                """
                Our Object Storage bill jumped from about $40 to $245 this month and we haven't uploaded
                much. The usage page says "Internet egress: 4,200 GB". What is that?
                """
            ),
            A(
                """
                Egress is data *downloaded* from your buckets to the internet, so this growth comes from
                reads, not uploads. The first 100 GB a month are free and the rest costs $0.05/GB:

                (4,200 GB − 100 GB) × $0.05 = **$205.00** in egress, on top of your usual storage cost.

                Common causes of a sudden jump:

                - a public file (video, installer, dataset) linked from somewhere popular, or hotlinked
                  by another site;
                - a client or job that re-downloads the same objects in a loop;
                - a backup or sync tool reading the whole bucket from outside Northwind.

                To find out which:

                1. Turn on access logs for the bucket (**Bucket → Settings → Access logging**) and look for
                   the objects and user agents with the most `GET` requests.
                2. Check the per-bucket egress chart under **Usage → Object Storage** to see when it started.

                If it's legitimate traffic to public files, serving them through Edge CDN cuts the
                price to $0.01/GB and caches them close to your users. Setting a `Cache-Control` header
                on the objects helps the CDN serve most requests without touching the bucket.
                """
            ),
        ],
    ),
    conv(
        "sup-008",
        "login",
        [
            *LOGIN_OPENING,
            U(
                """
                It asks for my authenticator code, but my phone was stolen yesterday and I never saved
                the recovery codes. I'm Tomasz Wiśniewski, account tomasz.w@kestrel-ops.example.
                """
            ),
            A(
                """
                I'm sorry about the phone, Tomasz. Without the authenticator or a recovery code, the
                second factor has to be reset by our identity team. For your protection I can't remove
                MFA from the chat.

                How it works:

                1. I open an identity ticket now.
                2. The team verifies that you own the account (they'll email you at the account address
                   and may call you back).
                3. After verification there's a **24-hour security hold** before MFA is removed, so that
                   a real owner can object if someone else is trying this.
                4. You sign in with your password and enrol a new authenticator. Please save the new
                   recovery codes somewhere safe this time.

                Is there a phone number where the team can reach you?
                """
            ),
            U("Yes, +44 7700 900123. I'm in London."),
            CALL(
                (
                    "create_ticket",
                    {
                        "summary": "MFA reset request: authenticator lost with stolen phone, no recovery codes. Account tomasz.w@kestrel-ops.example. Callback +44 7700 900123 (London).",
                        "category": "identity",
                        "priority": "P2",
                    },
                )
            ),
            RESULT({"ticket": "NW-5907-TK", "status": "open", "queue": "identity"}),
            A(
                """
                Your ticket is **NW-5907-TK**. The identity team will contact you at the account email
                and may call +44 7700 900123. Once they've verified you, the 24-hour hold starts.

                Meanwhile, since the phone was stolen: if you use the same authenticator app for other
                services, reset MFA there too, and consider changing your Northwind password once you're
                back in.
                """
            ),
        ],
        tools=["all"],
        pii={
            "PERSON": ["Tomasz Wiśniewski", "Tomasz"],
            "EMAIL_ADDRESS": ["tomasz.w@kestrel-ops.example"],
            "PHONE_NUMBER": ["+44 7700 900123"],
            "REFERENCE_ID": ["NW-5907-TK"],
        },
        negatives=["24-hour security hold"],
    ),
    conv(
        "sup-009",
        "login",
        [
            U(
                """
                I've requested a password reset three times and no email arrives. Account is
                ops@harbourfreight.example.
                """
            ),
            CALL(("send_password_reset", {"email": "ops@harbourfreight.example"})),
            RESULT({"sent": False, "reason": "sso_enforced", "identity_provider": "Okta"}),
            A(
                """
                That explains it: your organisation enforces single sign-on through **Okta**, so
                Northwind doesn't store a password for this account and doesn't send reset emails.

                To sign in:

                1. On the login page, choose **Sign in with SSO** and enter your work email.
                2. You'll be redirected to Okta; after signing in there you land in the console.

                If Okta itself rejects you (forgotten Okta password, locked Okta account), that's
                handled by your company's IT team, not Northwind. If you see an error *after* Okta sends
                you back to us, tell me the exact message and I'll help with that part.
                """
            ),
            U(
                "Oh. The address is a shared mailbox though, not a person. Does SSO still work for it?"
            ),
            A(
                """
                Only if Okta has a user for that mailbox, which most companies avoid. The usual set-up
                is for each person to sign in with their own Okta identity and be given a role in the
                Northwind organisation. For automation that used the shared login, create an API key
                under **Settings → API keys** instead; keys aren't affected by SSO.
                """
            ),
        ],
        tools=["all"],
    ),
    conv(
        "sup-010",
        "login",
        [
            U(
                """
                Our SAML login started failing this morning for everyone with "SAML response is not yet
                valid (NotBefore condition)". We use ADFS and nothing changed on our side.
                """
            ),
            A(
                """
                That error is almost always clock skew: the assertion from ADFS carries a `NotBefore`
                timestamp that is later than Northwind's clock, which happens when the ADFS server's
                clock runs fast. We accept up to 2 minutes of skew, so even a small drift after a
                restart or a time-sync failure can trigger it.

                Please check on the ADFS server(s):

                ```powershell
                w32tm /query /status
                w32tm /stripchart /computer:time.windows.com /samples:3 /dataonly
                ```

                If the offset is more than a few seconds, resync:

                ```powershell
                w32tm /resync /force
                ```

                If you run several ADFS nodes behind a load balancer, check each of them: one drifting
                node is enough to break a share of the logins, and it's easy to miss.
                """
            ),
            U(
                "You were right, one node was 3 minutes ahead after patching. Resynced and it works."
            ),
            A(
                """
                Great, thanks for confirming. To stop it recurring, make sure the ADFS nodes sync from
                the domain controller hierarchy (or a reliable NTP source) after every reboot, and
                consider an alert on time offset above 30 seconds.
                """
            ),
        ],
    ),
    conv(
        "sup-011",
        "login",
        [
            *LOGIN_OPENING,
            U('It says "Too many sign-in attempts. Try again later." How long do I have to wait?'),
            A(
                """
                That message appears after repeated failed sign-ins. Please wait about 30 minutes and
                then try again with your current password.
                """,
                weight=0,
            ),
            U("30 minutes? Your help centre says 15."),
            A(
                """
                You're right, I'm sorry: after ten failed sign-ins the account is locked for **15
                minutes**, and the lock lifts by itself. No one needs to unlock it.

                If you're not sure of the password, don't guess again when the 15 minutes are up,
                because another ten failures restart the lock. Use **Forgot password?** on the login
                page instead: the reset link arrives within a few minutes and stays valid for 1 hour.
                Resetting the password also clears the lock.

                If you didn't make those attempts yourself, tell me, and I'll help you check recent
                sign-in activity once you're back in.
                """,
                weight=1,
            ),
        ],
        negatives=["15 minutes", "1 hour"],
    ),
    conv(
        "sup-012",
        "login",
        [
            U(
                """
                The person who set up our Northwind account, James O'Connor, left the company last
                month and he's the only owner. We can't reach him. I'm Sofia Lindqvist, the new CTO.
                How do we get control back? My number is (555) 555-0143 if that helps.
                """
            ),
            A(
                """
                Thanks, Sofia, this comes up fairly often and there's a process for it. An ownership
                transfer when the current owner can't approve it is handled by our identity team, and I
                can start it for you.

                The team will usually ask for:

                - a request on company letterhead, signed by an officer of the company, naming the new
                  owner;
                - proof that you control the company's domain (they'll ask you to add a DNS TXT record);
                - the account email of the organisation and, if possible, the last four digits of the
                  card on file.

                While that's in progress, nothing changes for your running resources, and existing API
                keys keep working. If you have admins who can still sign in, they can keep managing
                resources in the meantime; only owner-level actions (billing owner, deleting the
                organisation) wait for the transfer.

                What's the organisation's account email?
                """
            ),
            U("It was james.oconnor@fjordbyte.example. Mine is sofia@fjordbyte.example."),
            CALL(
                (
                    "create_ticket",
                    {
                        "summary": "Ownership transfer: sole owner James O'Connor (james.oconnor@fjordbyte.example) has left. Requested by Sofia Lindqvist, CTO (sofia@fjordbyte.example, (555) 555-0143).",
                        "category": "identity",
                        "priority": "P2",
                    },
                )
            ),
            RESULT({"ticket": "NW-6112-TK", "status": "open", "queue": "identity"}),
            A(
                """
                I've opened **NW-6112-TK** with the identity team. They'll email sofia@fjordbyte.example
                within one business day with the exact document list and the DNS record to add; once
                everything is in, transfers usually complete in 2-3 business days.

                One tip while you wait, Sofia: once you're the owner, add at least one more owner so the
                organisation never again depends on a single person.
                """
            ),
        ],
        tools=["all"],
        pii={
            "PERSON": ["James O'Connor", "Sofia Lindqvist", "Sofia"],
            "PHONE_NUMBER": ["(555) 555-0143"],
            "EMAIL_ADDRESS": ["james.oconnor@fjordbyte.example", "sofia@fjordbyte.example"],
            "REFERENCE_ID": ["NW-6112-TK"],
        },
    ),
    conv(
        "sup-013",
        "login",
        [
            U(
                """
                After we rotated our API key, `nwctl` keeps failing with `401 Unauthorized: invalid
                credentials` on my laptop, even though the new key works with curl.
                """
            ),
            A(
                """
                The CLI is most likely still using the old key from one of the places it looks. `nwctl`
                picks credentials in this order:

                1. the `NW_API_KEY` environment variable,
                2. the `--profile` you pass (or `default`) in `~/.config/nwctl/credentials`.

                So an old key exported in your shell profile wins over a freshly saved one. Check what
                it's using:

                ```bash
                nwctl auth status
                env | grep NW_API_KEY
                ```

                Then either update or unset the variable, and store the new key:

                ```bash
                unset NW_API_KEY          # and remove it from ~/.zshrc or ~/.bashrc
                nwctl auth login --profile default
                nwctl auth status
                ```

                `nwctl auth status` prints the key's prefix, so you can confirm it matches the new one.
                """
            ),
            U(
                "That was it, an old export in .zshrc. Which CLI version should I be on by the way? I have 2.1.0."
            ),
            A(
                """
                The current release is **2.4.1**. 2.1.0 still works, but 2.3 and later refresh NKS
                credentials automatically and print clearer errors for expired keys, so upgrading is
                worth it:

                ```bash
                brew upgrade nwctl        # macOS
                nwctl version
                ```
                """
            ),
        ],
        negatives=["2.4.1", "401 Unauthorized"],
    ),
]
