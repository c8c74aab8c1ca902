"""Contract questions, part 3: data, commercial terms, signatures, notices and payment."""

from __future__ import annotations

from .common import A, U
from .contracts_common import pair

CONTRACTS_C = [
    pair(
        "con-25",
        "saas-msa",
        [
            U(
                "What should a SaaS contract say about our data when the contract ends? We're the customer."
            )
        ],
        """
        You want three things: a window to get your data out, confirmed deletion afterwards, and no
        loss of access before you've exported.

        **1. Export / return**
        - A period after termination (commonly 30-90 days) during which you can export all your data
          in a usable, documented format (for example CSV or JSON via the API), at no extra cost or
          at a stated price.
        - Access continues during that period even if the contract ended for your breach, or at least
          read-only access.

        **2. Deletion**
        - Deletion of your data from production systems within a set time after the export window,
          with **written certification** on request.
        - **Backups**: suppliers usually can't delete single customers from backups immediately; a
          reasonable compromise is deletion as backups expire in the normal rotation (say within 90
          days), with the data kept confidential and unused in the meantime.
        - An exception for data the supplier must keep by law, limited to that purpose.

        **3. Personal data**
        - For personal data, the GDPR (Article 28(3)(g)) and the UK GDPR require the processor to
          delete or return it at the end of the services, at your choice, unless law requires storage.
          Make sure the DPA and the MSA say the same thing.

        **Also check**
        - Transition assistance at agreed rates if migration is complex.
        - That the supplier's right to use "aggregated or anonymised" data is limited to data that is
          genuinely anonymised.

        Model language is available in most procurement templates; your privacy team should confirm the
        personal data points.
        """,
        """
        Ask the supplier to delete all your data immediately when the contract ends, including backups.
        That's the safest option and what GDPR requires.
        """,
        [0.7, 0.5, 0.7],
        why="immediate deletion without an export window risks losing the data; overstates the GDPR requirement",
    ),
    pair(
        "con-26",
        "saas-msa",
        [
            U(
                'Our SaaS vendor can raise prices at renewal "at its discretion". What\'s a reasonable ask?'
            )
        ],
        """
        "At its discretion" leaves you exposed to any increase at each renewal, when switching is
        hardest. Typical customer asks, usually combined:

        1. **A cap**: increases at renewal limited to a fixed percentage (3-7% a year is common) or to
           inflation (for example CPI, with the index and reference month named), whichever is lower or
           higher depending on your leverage.
        2. **Notice**: written notice of any increase at least 60-90 days **before** the renewal date,
           and before your own deadline to give notice of non-renewal, so you can act on it.
        3. **An exit**: if the increase exceeds the cap (or if the supplier refuses a cap), the right not
           to renew without penalty, even if the non-renewal notice deadline has passed.
        4. **Price lock** for the initial term and for additional licences bought mid-term, at the same
           unit price.

        Example wording:

        > "Supplier may increase the Fees for any Renewal Term by giving Customer written notice at
        > least ninety (90) days before the end of the then-current term, provided that any increase
        > shall not exceed the lesser of (a) five percent (5%) and (b) the percentage increase in [CPI]
        > over the preceding twelve months."

        Vendors often accept a cap with a multi-year commitment. This is commercial guidance, not legal
        advice.
        """,
        """
        Ask them to remove price increases entirely. Vendors are not allowed to change prices during
        a contract anyway, so the clause has no effect.
        """,
        [0.7, 0.5, 0.6],
        why="unrealistic ask and confuses renewal pricing with mid-term changes",
    ),
    pair(
        "con-27",
        "saas-msa",
        [
            U(
                """
                The vendor's DPA says they can add sub-processors "by updating the list on their website".
                Is that enough under GDPR?
                """
            ),
        ],
        """
        It's weaker than the GDPR expects. Under **Article 28(2)** GDPR (and the UK GDPR), a processor
        may engage a sub-processor only with the controller's prior authorisation. A **general written
        authorisation** is allowed, but then the processor must **inform you of any intended changes**,
        giving you the opportunity to **object**.

        A website list that changes silently doesn't inform you and gives no chance to object. Ask for:

        1. **Notice**: email notification (or a subscription mechanism you can rely on) of new
           sub-processors, at least 30 days before they start processing your data.
        2. **Objection right**: you may object on reasonable data protection grounds; the vendor then
           either doesn't use that sub-processor for your data or, if it can't avoid it, lets you
           terminate the affected service and refunds prepaid fees.
        3. **Flow-down**: the vendor imposes the same data protection obligations on each sub-processor
           and remains liable for them (Article 28(4)).
        4. **Transfers**: for sub-processors outside the UK/EEA, a valid transfer mechanism.

        Many vendors already offer a notification subscription; the contract should refer to it so it
        counts as notice. Your DPO or privacy counsel should confirm the final DPA.
        """,
        """
        Yes, that's fine. GDPR lets processors use any sub-processors they want as long as the list is
        public.
        """,
        [0.9, 0.5, 0.8],
        why="wrong: Article 28(2) requires informing the controller of changes and a chance to object",
    ),
    pair(
        "con-28",
        "nda",
        [
            U(
                """
                We signed an NDA with a vendor in January, then an MSA in May. The MSA has an entire
                agreement clause: "This Agreement supersedes all prior agreements and understandings
                relating to its subject matter." Is the NDA still in force for what we disclosed in
                February and March?
                """
            ),
        ],
        """
        It's a real risk worth checking. If the MSA "supersedes all prior agreements relating to its
        subject matter" and the NDA is considered to relate to the same subject matter, the NDA may have
        been replaced, and the MSA's confidentiality clause might only protect information disclosed
        **under the MSA**, leaving February and March disclosures uncovered.

        Whether that happened depends on:

        - **Subject matter**: an NDA for "evaluating a potential business relationship" arguably has a
          different subject matter from an MSA for delivering services, but courts decide this on the
          wording, and it's not a safe assumption.
        - **The MSA's confidentiality definition**: some define Confidential Information as information
          disclosed "before or after the Effective Date", which would cover the earlier disclosures.
        - **Express preservation**: some entire agreement clauses except named agreements.

        What to do:

        1. Check the MSA's confidentiality definition for "before or after the Effective Date" or
           similar.
        2. If it isn't there, fix it with a short amendment or letter: "The Mutual NDA dated [January
           date] remains in effect for information disclosed before the Effective Date" or "information
           disclosed under the NDA is Confidential Information under this Agreement".
        3. In future MSAs, add this at drafting time; it's a routine point.

        If sensitive information from that period is at stake, have a lawyer confirm the position.
        """,
        """
        NDAs always survive later agreements, because confidentiality obligations can't be cancelled by
        an entire agreement clause. You're covered.
        """,
        [0.9, 0.4, 0.9],
        why="overconfident and wrong: an entire agreement clause can supersede an earlier NDA",
    ),
    pair(
        "con-29",
        "employment",
        [
            U(
                """
                A staffing vendor's contract says we may not hire any of their contractors for 24 months
                after the contract ends, with a fee of 50% of annual salary if we do. We'd like to hire
                Jordan Ellis, one of their contractors. English law. Is that enforceable?
                """
            ),
        ],
        """
        Possibly only in part. No-hire clauses between businesses are subject to the **restraint of
        trade** doctrine in English law: they're enforceable only if they protect a legitimate interest
        and go no further than reasonably necessary.

        - **Legitimate interest**: protecting a staffing business's stable of contractors is generally
          recognised as legitimate.
        - **Reasonableness**: courts look at duration and scope. **24 months** after the contract ends
          is long; 6-12 months is more common. A clause covering *all* contractors, including ones
          who never worked with you, is also more vulnerable. In *Kores v Kolok* (1959), an
          overly wide no-hire agreement between two companies was struck down.
        - **The fee**: a fee instead of a ban is often more defensible, but if it's not a genuine
          protection of the vendor's interest and is out of proportion, it may be challenged as a
          penalty. A fee of 50% of annual salary is at the higher end of what's seen.

        Also relevant: in the UK, the **Conduct of Employment Agencies and Employment Businesses
        Regulations 2003** limit transfer fees that employment businesses can charge when the hirer
        takes on a worker supplied by them, and give the hirer the option of an extended hire period
        instead. Whether they apply depends on whether Jordan is supplied through an employment
        business and how the contract is structured.

        Before making an offer to Jordan, ask a lawyer to look at the clause together with the
        regulations. Often the cleanest route is to negotiate a reduced fee with the vendor directly.
        """,
        """
        Non-solicitation clauses are void in the UK because they restrict people's right to work, so you
        can hire Jordan freely and ignore the fee.
        """,
        [0.9, 0.5, 0.9],
        pii={"PERSON": ["Jordan Ellis", "Jordan"]},
        why="wrong and overconfident: no-hire clauses can be enforceable if reasonable; misses the 2003 Regulations",
    ),
    pair(
        "con-30",
        "licensing",
        [
            U(
                'A software licence gives the vendor audit rights "at any time". What limits should we ask for?'
            )
        ],
        """
        Unlimited audit rights can be disruptive and costly. Common limits customers ask for:

        1. **Frequency**: no more than once in any 12-month period, unless a previous audit found a
           material shortfall.
        2. **Notice**: at least 30 days' written notice, stating the scope.
        3. **Timing and method**: during business hours, without unreasonably disrupting operations,
           preferably by **remote** review of usage reports before any on-site visit.
        4. **Auditor**: an independent auditor (not a vendor sales team) bound by confidentiality, with
           access limited to records needed to verify licence compliance.
        5. **Costs**: the vendor pays for the audit, unless it reveals underpayment above a threshold
           (5% is common), in which case you reimburse reasonable audit costs.
        6. **Outcome**: underpayments are settled at the **contract price** (not list price), with no
           penalties or back-maintenance beyond what the contract says, and you may dispute the
           findings before paying.
        7. **Time limit**: audits cover a limited look-back period, for example the previous 24 months.

        Audit clauses are one of the main sources of licence disputes, so the price basis in point 6
        matters more than it looks. If you're already facing an audit, get specialist advice before
        sharing data.
        """,
        """
        Audit rights are standard and can't be negotiated. Just make sure you're compliant and let them
        audit whenever they want.
        """,
        [0.6, 0.5, 0.6],
        why="unhelpful and inaccurate: audit clauses are routinely negotiated",
    ),
    pair(
        "con-31",
        "drafting",
        [
            U(
                """
                The other side wants to change "best endeavours" to "reasonable endeavours" in the
                delivery obligation. English law. Does it matter?
                """
            ),
        ],
        """
        Yes, under English law they aren't the same, and the change weakens the obligation:

        - **Best endeavours** is the most onerous. It means taking all the reasonable steps a
          prudent and determined party acting in its own interests would take to achieve the result,
          and it can require the party to act to some extent against its own commercial interests, for
          example by spending significant money. It does not require it to ruin itself.
        - **Reasonable endeavours** is the least onerous. The party can weigh its own commercial
          interests against the obligation and may only need to take one reasonable course of action.
        - **All reasonable endeavours** sits in between; in *Rhodia v Huntsman* (2007), it was described
          as lying somewhere between the two, and it can involve some sacrifice of commercial interests.

        The case law still leaves uncertainty, which is why many drafters avoid relying on the labels
        alone. Whichever phrase is used, it's more effective to spell out what's required:

        > "...shall use all reasonable endeavours to deliver by [date], including by [allocating
        > additional personnel / expediting shipping at its own cost], but shall not be required to
        > [commence litigation / incur costs exceeding £X]."

        If delivery is critical, consider a firm obligation with a clear remedy (liquidated damages or
        a termination right) rather than an endeavours clause at all.

        In US contracts, courts treat "best efforts" inconsistently, and some equate it with reasonable
        efforts; so the same phrases may carry different weight under a US governing law.
        """,
        """
        It makes no difference. English courts treat best endeavours and reasonable endeavours as
        meaning the same thing, so you can accept the change.
        """,
        [0.9, 0.6, 0.8],
        why="wrong under English law: best endeavours is more onerous than reasonable endeavours",
    ),
    pair(
        "con-32",
        "drafting",
        [
            U(
                """
                Can we sign our customer contracts with an e-signature tool? Customers are in the UK, the
                EU and the US, and some contracts are worth over $1M.
                """
            ),
        ],
        """
        Generally yes: e-signatures are valid for ordinary commercial contracts in all three places,
        regardless of value. A few specifics:

        - **UK (England and Wales)**: electronic signatures are admissible under the Electronic
          Communications Act 2000, and the Law Commission's 2019 report confirmed they can validly
          execute documents where a signature is required. **Deeds** are the main exception to watch:
          they must be signed in the presence of a witness, and the witness must be physically present.
        - **EU**: under the **eIDAS Regulation**, an electronic signature can't be denied legal effect
          just because it's electronic. A **qualified electronic signature** (QES) has the same effect
          as a handwritten one in all member states. Most commercial contracts don't need a QES, but a
          few member-state rules require particular forms for particular documents.
        - **US**: the federal **ESIGN Act** and state laws based on **UETA** (adopted by almost all
          states; New York has its own statute) give e-signatures the same effect as handwritten ones
          for most transactions. Exclusions include wills and certain family law matters.

        Good practice for high-value contracts:

        1. Use a tool that records an **audit trail** (who signed, when, from which email/IP, and a
           tamper-evident seal).
        2. Confirm the **signatory's authority** (for example from the company's signing policy).
        3. Flag documents that need more than a simple signature: **deeds**, powers of attorney,
           documents for registration, some real-estate and guarantee documents.

        Your legal team should decide which contract types go on the exceptions list.
        """,
        """
        E-signatures aren't legally binding for contracts over $10,000 in the US, and in the UK every
        contract must be signed with a qualified electronic signature, so you should keep wet-ink
        signatures for anything important.
        """,
        [1.0, 0.5, 0.8],
        why="invents thresholds and requirements that don't exist",
    ),
    pair(
        "con-33",
        "saas-msa",
        [
            U(
                """
                Our SaaS terms say the service is provided "AS IS" and disclaim "all warranties, express or
                implied". We sell to businesses in the US and the UK. Is that effective?
                """
            ),
        ],
        """
        Partly. Both the UK and the US allow disclaimers between businesses, but each has rules on how
        they must be done.

        **US (UCC Article 2 and common law)**
        - Whether a SaaS subscription is "goods" under UCC Article 2 is unsettled, so drafters disclaim
          as if it applies.
        - Under **UCC § 2-316**, disclaiming the implied warranty of **merchantability** requires
          mentioning "merchantability" and, in writing, the disclaimer must be **conspicuous** (for
          example in capitals). The implied warranty of **fitness for a particular purpose** must be
          disclaimed in a conspicuous writing. "AS IS" language generally works too, if conspicuous.
        - So: name merchantability, fitness for a particular purpose and non-infringement expressly, in
          capitals.

        **UK (England and Wales)**
        - For services, the Supply of Goods and Services Act 1982 implies a term that the supplier will
          use **reasonable care and skill**. Between businesses it can be excluded, but only if the
          exclusion is **reasonable** under the **Unfair Contract Terms Act 1977** when the business
          contracts on the supplier's written standard terms.
        - A blanket disclaimer of all warranties for a paid business service is at risk of failing the
          reasonableness test. Courts look at bargaining power, whether the customer could get the
          service elsewhere, and whether there's insurance or a cap.
        - For **consumers**, the Consumer Rights Act 2015 prevents excluding these rights at all.

        A more robust approach pairs a positive warranty (the service will perform materially in
        accordance with the documentation, with a remedy to fix or refund) with a disclaimer of
        everything else, plus a reasonable liability cap. Have counsel in each market confirm the final
        wording.
        """,
        """
        Yes. "AS IS" means the customer accepts the service with no warranties at all, and this is
        effective everywhere as long as it's in the contract.
        """,
        [0.9, 0.5, 0.8],
        why="ignores UCC § 2-316 formalities and the UCTA reasonableness test",
    ),
    pair(
        "con-34",
        "notices",
        [
            U(
                """
                We want to terminate for breach. The notices clause says:

                "Notices shall be in writing and delivered by hand or by recorded delivery to: Supplier:
                Legal Department, Quayside Systems Ltd, 4 Dock Street, Leeds LS10 1JF, with a copy by email
                to legal@quayside-systems.example. Customer: attn. Daniel Okafor, 55 Riverside Drive,
                Austin, TX 78701, d.okafor@acme-logistics.example."

                Can I just email the termination notice to legal@quayside-systems.example?
                """
            ),
            A(
                """
                Under that wording, email is only a **copy**; the notice itself must go by hand or by
                recorded delivery. Do you need the termination to take effect by a particular date?
            """
            ),
            U("Yes, the cure period ended yesterday and we want it effective as soon as possible."),
        ],
        """
        Then serve it properly now rather than risk an argument about validity:

        1. **Deliver by hand** to Quayside Systems Ltd, Legal Department, 4 Dock Street, Leeds LS10 1JF
           (a courier who gets a signed receipt counts as hand delivery), **or** send it by **recorded
           delivery** to that address. Hand delivery is faster and easier to prove.
        2. **Also email a copy** to legal@quayside-systems.example, as the clause requires.
        3. **Check the deemed-receipt rules**, usually in the same clause or next to it: for example,
           hand delivery counts on delivery, recorded delivery on the second business day after
           posting. Termination usually takes effect when the notice is received (or as the notice
           says).
        4. **Make the notice precise**: name the agreement and date, quote the termination clause,
           describe the breach and the earlier breach notice, state that the cure period has expired,
           and state the termination date.

        An emailed notice alone might still be argued to be valid if the supplier received and acted
        on it, but that's a dispute you don't need; English courts have often held parties to the
        notice procedure they agreed.

        Because a defective termination can itself be a breach, have a lawyer check the notice and the
        grounds before it goes out.
        """,
        """
        Yes, email is fine nowadays. Courts accept email for all contractual notices, so just send it to
        legal@quayside-systems.example and it will be effective immediately.
        """,
        [0.9, 0.5, 0.9],
        pii={
            "PERSON": ["Daniel Okafor"],
            "STREET_ADDRESS": [
                "4 Dock Street, Leeds LS10 1JF",
                "55 Riverside Drive, Austin, TX 78701",
            ],
            "EMAIL_ADDRESS": ["legal@quayside-systems.example", "d.okafor@acme-logistics.example"],
        },
        why="ignores the agreed notice method; risks an invalid termination",
    ),
    pair(
        "con-35",
        "payment",
        [
            U(
                """
                A customer owes us £48,000 and is 60 days late. Our contract (English law) has no interest
                clause. Remittance details on our invoice: Harbour Analytics Ltd, IBAN
                GB33 BUKB 2020 1555 5555 55, contact Olivia Grant. Can we charge interest?
                """
            ),
        ],
        """
        Yes. When a business-to-business contract has no interest clause, the **Late Payment of
        Commercial Debts (Interest) Act 1998** implies a right to statutory interest:

        - **Interest**: 8% a year **above the Bank of England base rate** (the reference rate in force on
          31 December or 30 June before the debt became due), running as simple interest from the day
          after the due date.
        - **Fixed compensation** per invoice: £40 for debts under £1,000, £70 for £1,000-£9,999.99, and
          £100 for £10,000 or more. If your £48,000 is a single invoice, that's £100; if it's several
          invoices, the compensation applies per invoice.
        - You can also claim reasonable **recovery costs** beyond the fixed sum, if you incur them.

        Daily interest is £48,000 × (8% + base rate) / 365. With a base rate of 5%, for example, that's
        13% a year, or about £17.10 a day.

        Practical steps:

        1. Send a letter before action stating the debt, the statutory interest and compensation being
           claimed, and a deadline (14 days is usual) before court proceedings.
        2. Keep the relationship in mind: many businesses waive interest in exchange for prompt payment.
        3. For a debt of this size, court proceedings follow the Pre-Action Protocol for Debt Claims only
           if the debtor is an individual (including a sole trader); for a company, the general practice
           direction on pre-action conduct applies.

        If the customer disputes the debt rather than just paying late, take legal advice before issuing
        a claim.
        """,
        """
        No. Without an interest clause you can't charge interest, and even with one, UK law caps late
        payment interest at 5% a year. You can only claim the £48,000.
        """,
        [1.0, 0.5, 0.8],
        pii={
            "IBAN_CODE": ["GB33 BUKB 2020 1555 5555 55"],
            "PERSON": ["Olivia Grant"],
        },
        why="wrong: the 1998 Act implies statutory interest at 8% above base rate; there is no 5% cap",
    ),
    pair(
        "con-36",
        "saas-msa",
        [
            U(
                """
                Our SaaS vendor's MSA lets them "use Customer's name and logo in marketing materials and
                customer lists". Should we care?
                """
            ),
        ],
        """
        It's worth a short edit. As drafted, the vendor can feature your name and logo anywhere in its
        marketing, including case studies, ads or press releases, without asking, which can cause
        problems if your brand guidelines, a regulator or a confidentiality commitment says otherwise.
        Many companies also have policies against implying endorsement of vendors.

        Common options:

        1. **Prior written consent** for any use: "Supplier may not use Customer's name, logo or
           trademarks without Customer's prior written consent." Email consent from your marketing or
           communications team is normally enough.
        2. **Customer lists only**: allow the name and logo in a list of customers, but require consent
           for case studies, press releases and quotes.
        3. **Brand guidelines and withdrawal**: use must follow your guidelines, and you may withdraw
           permission with notice (with a reasonable time to remove materials).

        Vendors usually accept option 1 or 2 without much discussion. If your company is regulated
        (financial services, healthcare, public sector), check your internal rules; some prohibit any
        public reference to suppliers without approval.
        """,
        """
        Don't worry about it. Companies can't use another company's logo without a trademark licence, so
        the clause has no legal effect.
        """,
        [0.7, 0.5, 0.7],
        why="wrong: the clause itself grants the permission it describes",
    ),
]
