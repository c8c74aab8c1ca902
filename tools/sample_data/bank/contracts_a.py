"""Contract questions with a preferred and a rejected answer, part 1: NDAs, termination, indemnities."""

from __future__ import annotations

from .common import A, U
from .contracts_common import pair

CONTRACTS_A = [
    pair(
        "con-01",
        "nda",
        [
            U(
                """
                We're evaluating a data-labelling vendor and they sent us their NDA. It's one-way: only we
                promise to keep things confidential. Should I push back and ask for a mutual NDA?
                """
            ),
        ],
        """
        Probably yes, but first check who will actually disclose what.

        - A **one-way NDA** protects only the disclosing party. If their draft makes *you* the only
          party bound, it protects *their* information (pricing, methods, tooling) and leaves yours
          unprotected.
        - In a vendor evaluation, **you** usually disclose more sensitive material: sample data,
          your roadmap, security questionnaires, possibly personal data in the samples. That
          information needs protection too.

        So the usual options are:

        1. **Ask for a mutual NDA**, the common outcome when both sides will share information. Most
           vendors agree quickly; it costs them little.
        2. **Flip it to one-way in your favour**, if in practice only you will disclose anything
           confidential.
        3. **Use your own template**, if your company has a standard mutual NDA; it saves re-reviewing
           their terms.

        Whatever the structure, check that the definition of confidential information covers your
        samples and anything disclosed orally or in demos, and that personal data in the samples is
        handled under a proper data processing agreement, which an NDA does not replace.

        This is general guidance rather than legal advice; if the samples include personal or
        regulated data, have your legal or privacy team look at it before anything is shared.
        """,
        """
        A one-way NDA is fine. NDAs are mostly a formality and rarely enforced, so it isn't worth
        slowing down the evaluation to negotiate it. Sign theirs and move on; if anything goes wrong
        you can always sue for breach of confidence anyway.
        """,
        [0.8, 0.4, 0.9],
        why="dismissive and wrong on substance: leaves the customer's own information unprotected",
    ),
    pair(
        "con-02",
        "nda",
        [
            U(
                """
                The NDA says confidentiality obligations "survive indefinitely". The other side says
                perpetual obligations are unenforceable and wants 2 years. Who's right?
                """
            ),
        ],
        """
        Neither position is right everywhere; it depends on the governing law and on what kind of
        information is involved.

        **England and Wales.** Indefinite confidentiality obligations are generally enforceable.
        They effectively end anyway once information becomes public through no fault of the
        recipient, because most NDAs exclude public information. Perpetual terms are common for
        trade secrets.

        **United States.** It varies by state. Courts in some states have refused to enforce
        indefinite confidentiality obligations for information that is *not* a trade secret,
        treating them as unreasonable restraints, while protection for genuine trade secrets can
        last as long as the information stays secret.

        **A typical compromise** that usually settles this:

        - a fixed period for general confidential information, often 2-5 years from disclosure (or
          from the end of the relationship); and
        - protection for **trade secrets** for as long as they remain trade secrets under applicable
          law.

        > "The obligations in this clause continue for five (5) years after the date of disclosure,
        > except that, for Confidential Information that constitutes a trade secret under applicable
        > law, they continue for as long as it remains a trade secret."

        Which period fits depends on how long your information stays sensitive: pricing may be stale
        in a year; source code or formulas may not be. If the NDA is governed by a US state's law and
        the information matters, ask a lawyer in that state how its courts treat this.
        """,
        """
        They're right. NDAs with perpetual obligations are unenforceable, and courts will void the
        whole agreement if the term is longer than five years. Accept the 2-year term; it's the
        market standard and the only duration that will definitely hold up.
        """,
        [0.9, 0.3, 0.8],
        why="wrong on the law (perpetual terms are generally enforceable in England; no five-year rule), overconfident",
    ),
    pair(
        "con-03",
        "nda",
        [
            U(
                """
                The NDA from a potential partner has a "residuals" clause: "Either party may use
                Residuals for any purpose. 'Residuals' means information retained in the unaided memory
                of the Receiving Party's personnel." What does that mean for us?
                """
            ),
        ],
        """
        It's a significant carve-out. A residuals clause lets the other side's people **use anything
        they happen to remember** from your confidential information, for any purpose, as long as
        they didn't deliberately memorise it or refer back to documents ("unaided memory"). It's common
        in drafts from large technology companies whose engineers see many partners' information.

        Why it matters:

        - **Ideas, architecture and approaches** are exactly what people remember. Under this
          wording, a remembered design could be reused in the partner's own product.
        - **It's hard to police.** Proving that someone used documents rather than memory is nearly
          impossible.
        - **"For any purpose"** is broader than usual.

        Options, from strongest to weakest:

        1. **Delete it**, which is often accepted if you explain the disclosures will be sensitive.
        2. **Narrow it**: residuals may be used only for general skills and know-how; excluding
           trade secrets, source code, personal data, financial information and product roadmaps;
           stating that the clause grants no licence under patents or copyrights; and keeping the
           obligation not to disclose the information to third parties.
        3. **Make it one-way**, so that only your side benefits, if the partner discloses less.

        Also consider what you share: if residuals stay in, limit disclosures to what the evaluation
        needs. For high-value information, a lawyer's review of the final wording is worthwhile.
        """,
        """
        A residuals clause just means people can't be expected to forget what they've learned, which
        is reasonable. It doesn't let them use your confidential information; it only covers general
        skills. It's standard and you can accept it as is.
        """,
        [0.7, 0.3, 0.8],
        why="misreads the clause as written ('for any purpose' is not limited to general skills); no negotiation options",
    ),
    pair(
        "con-04",
        "nda",
        [
            U(
                """
                Our NDA defines Confidential Information as information "disclosed in writing and marked
                'Confidential', or if disclosed orally, identified as confidential at the time and
                summarised in writing within 30 days". Our CEO (Hannah Schmidt) pitched our roadmap to
                them on a call last week. Is that covered?
                """
            ),
        ],
        """
        Only if both conditions were met for that call: the information was **identified as
        confidential at the time**, and a **written summary is sent within 30 days** of the call. If
        either is missing, the roadmap discussion probably falls outside the NDA's definition, and
        you'd have to rely on general law (such as breach of confidence in England), which is harder
        to prove.

        What to do now, while you're still inside the 30 days:

        1. **Check the call**: did Hannah say the discussion was confidential? Slides marked
           "Confidential", a recording or meeting notes help prove it.
        2. **Send the written summary promptly**: a short email to the contact named in the NDA's
           notices clause, saying that on [date] you disclosed the following confidential
           information orally: the roadmap items, at the level of detail discussed, and that it is
           Confidential Information under the NDA dated [date]. Follow any formal notice
           requirements in the NDA (address, method).
        3. **Going forward**: start calls by saying the discussion is confidential, mark slides, and
           send summaries routinely.

        For future NDAs, consider a broader definition that also covers information "that a
        reasonable person would understand to be confidential given its nature and the
        circumstances of disclosure", which avoids relying on marking formalities.

        If the roadmap is commercially critical and the deadline has already passed, talk to a lawyer
        about what protection remains.
        """,
        """
        Yes, it's covered. Anything discussed under an NDA is automatically confidential, and the
        written-summary requirement is just an administrative step that courts don't enforce
        strictly.
        """,
        [0.9, 0.4, 0.9],
        pii={"PERSON": ["Hannah Schmidt", "Hannah"]},
        why="ignores the definition's conditions and the 30-day deadline",
    ),
    pair(
        "con-05",
        "nda",
        [
            U(
                "What exclusions should a standard NDA have, and is there anything we should watch for in them?"
            )
        ],
        """
        Most NDAs exclude four kinds of information from the confidentiality obligations, plus a
        compelled-disclosure carve-out:

        1. **Public information**: information that is or becomes publicly available other than
           through the recipient's breach.
        2. **Already known**: information the recipient lawfully had before the disclosure, without
           a duty of confidence.
        3. **Received from a third party** who was free to disclose it.
        4. **Independently developed** by the recipient without using the discloser's information.
        5. **Compelled disclosure**: disclosure required by law, regulation or court order, usually
           conditional on notifying the discloser (where lawful) and disclosing only what's required.

        What to watch for:

        - **Burden of proof.** Good drafting puts the burden on the recipient ("the Recipient can
          demonstrate by written records..."), especially for the "already known" and "independently
          developed" exclusions, which are otherwise easy to claim.
        - **"Independently developed" without safeguards** is the exclusion most open to abuse. Asking
          for development by people who had no access to the information is reasonable for sensitive
          technology.
        - **Combinations.** Individual pieces being public doesn't make a confidential *combination*
          public; some drafts say so expressly.
        - **Regulators.** Make sure the compelled-disclosure clause doesn't require notifying you in
          situations where the recipient legally can't (for example some regulatory investigations);
          a "to the extent legally permitted" qualifier handles that.
        - **Personal data** should be protected regardless of the exclusions, through data protection
          terms, not just the NDA.

        This is a general checklist; the right balance depends on whether you're mainly disclosing or
        receiving.
        """,
        """
        The standard exclusions are public information and information the recipient already knew.
        Those two are all you need; anything more just creates loopholes.
        """,
        [0.6, 0.5, 0.7],
        why="incomplete: omits third-party, independent development and compelled disclosure",
    ),
    pair(
        "con-06",
        "termination",
        [
            U(
                """
                I'm Priya Raman, procurement lead at Larkspur Health (priya.raman@larkspur-health.example).
                Our SaaS contract says: "Either party may terminate this Agreement for convenience upon
                ninety (90) days' written notice. Upon any termination, Customer shall pay all Fees for the
                then-current Subscription Term." We're 4 months into a 3-year term. If we terminate now,
                what do we owe?
                """
            ),
        ],
        """
        Priya, read literally, the clause lets you *stop* the contract on 90 days' notice but not stop
        *paying*: "all Fees for the then-current Subscription Term" means the fees for the whole
        current term. So the answer depends on what the "Subscription Term" is:

        - If the Subscription Term is the **full 3 years**, terminating now would still leave you liable
          for the remaining ~32 months of fees. The convenience right then mainly saves the supplier
          from having to keep serving you.
        - If the contract defines **annual** Subscription Terms within the 3-year agreement (look at
          the order form and the definitions), you'd owe the rest of the current year only.

        Points to check before deciding:

        1. **Definitions and the order form**: "Subscription Term", "Fees", and whether later years'
           fees are already committed.
        2. **Whether "upon any termination" includes termination for the supplier's breach.** If it
           does, push back at the next opportunity; paying out the term after *their* breach is not
           market standard, and under English law such a payment clause could also face a penalty
           challenge in some circumstances, though that's uncertain.
        3. **Notice formalities**: the notices clause (written, addressed to whom, email allowed?).

        If you want out, the practical route is often to negotiate: suppliers commonly accept an early
        exit fee below the remaining fees, or a downgrade. Given the amounts involved, have your legal
        team or external counsel review the full agreement before giving notice.
        """,
        """
        Since the clause allows termination for convenience, you can terminate with 90 days' notice and
        you'll only owe fees for those 90 days. Termination for convenience clauses are designed exactly
        for this situation.
        """,
        [0.9, 0.5, 0.8],
        pii={
            "PERSON": ["Priya Raman", "Priya"],
            "EMAIL_ADDRESS": ["priya.raman@larkspur-health.example"],
        },
        why="ignores the clause's payment obligation; the customer would under-budget by ~32 months of fees",
    ),
    pair(
        "con-07",
        "termination",
        [
            U(
                """
                Our customer has paid three invoices late (10-25 days each). The MSA (English law) lets
                us terminate for "material breach which, if remediable, is not remedied within 30 days
                of written notice". Can we terminate?
                """
            ),
        ],
        """
        Possibly, but not immediately, and the late payments alone may not be enough.

        **Is it a material breach?** English courts read "material" as a breach that is serious in
        the context of the contract: more than trivial, but not necessarily so serious that it would
        justify termination without a clause (a repudiatory breach). For payment, unless the contract
        makes time of payment "of the essence", one late payment is often not material. Repeated late
        payment can be, especially if it causes you real harm or shows the customer won't pay on
        time. Three delays of 10-25 days is arguable, not clear-cut.

        **Is it remediable?** Late payment is generally remediable by paying. If the invoices are now
        paid, there may be nothing left to remedy, and terminating on the strength of past delays is
        risky.

        **A safer sequence:**

        1. If an invoice is currently overdue, send a written notice under the notices clause
           identifying the breach and requiring payment within 30 days, quoting the clause.
        2. If it isn't paid within the cure period, you can then terminate by a second notice.
        3. Meanwhile, use other remedies the MSA gives you: contractual interest, suspension of service
           for non-payment (if there's a suspension clause), or statutory interest under the Late
           Payment of Commercial Debts (Interest) Act 1998.

        Be careful: if you terminate without the right to do so, *you* may be in repudiatory breach and
        liable for damages. Get a lawyer to review the notices before sending them.
        """,
        """
        Yes. Any breach of a payment obligation is a material breach, so you can terminate right away
        by sending a termination notice. You don't need to wait for the cure period because the customer
        has already shown a pattern of non-payment.
        """,
        [0.9, 0.4, 0.9],
        why="overconfident; ignores the cure period and the risk of wrongful termination",
    ),
    pair(
        "con-08",
        "termination",
        [
            U(
                """
                Our software subscription auto-renewed for another 12 months yesterday. The contract
                required notice of non-renewal at least 60 days before the renewal date and we missed it.
                Are auto-renewal clauses even enforceable?
                """
            ),
            A(
                """
                In business-to-business contracts, generally yes, but there are exceptions. Which law
                governs the contract, and are you a business customer?
                """
            ),
            U(
                "Governed by New York law. We're a company. It's software plus a support and maintenance service."
            ),
        ],
        """
        Under New York law, B2B auto-renewal clauses are generally enforceable, but New York has an
        unusual statute worth checking: **General Obligations Law § 5-903**. For contracts for
        *service, maintenance or repair* to or for real or personal property, an automatic renewal
        clause is unenforceable against the customer unless the supplier gave a written reminder,
        personally or by certified mail, **15 to 30 days before** the customer's deadline to cancel,
        drawing attention to the renewal clause.

        Whether it applies to you is the key question:

        - Courts have applied § 5-903 to various business service contracts, but whether it covers a
          software subscription (as opposed to maintenance of property) is unsettled and fact-specific.
          Your contract's **support and maintenance** element makes the argument stronger than for a
          pure SaaS subscription.
        - If the supplier sent no such reminder, you may have an argument that the renewal can't be
          enforced against you.

        Practical next steps:

        1. Check your records for any reminder from the supplier in the window before your deadline.
        2. Raise it with the supplier promptly and in writing; many suppliers agree to a shorter
           renewal, a reduced scope or an exit fee rather than argue the statute.
        3. Have a New York lawyer look at it before you rely on § 5-903, since the outcome turns on
           how the services are characterised.

        If the contract were governed by English law, by contrast, there's no equivalent general rule
        for business customers, and a clearly drafted renewal clause would normally bind you.
        """,
        """
        Auto-renewal clauses are not enforceable in New York. State law bans them, so you can simply
        tell the supplier you're not renewing and stop paying.
        """,
        [0.9, 0.5, 0.9],
        why="wrong jurisdiction detail: New York has no general ban; § 5-903 applies only to certain service contracts and needs checking",
    ),
    pair(
        "con-09",
        "termination",
        [
            U(
                """
                Our MSA ended last month. The supplier says we still can't hire their consultants for 12
                months and that confidentiality still applies. The MSA has no survival clause. Does
                anything survive termination?
                """
            ),
        ],
        """
        Even without an express survival clause, some obligations usually survive. How much depends on
        the governing law and on the wording of each clause. Assuming English law:

        - **Accrued rights** survive: payments already due, and claims for breaches that happened before
          the end.
        - **Clauses that by their nature are meant to apply after termination** generally survive,
          for example dispute resolution and arbitration clauses, and limitation of liability for
          claims relating to the contract period.
        - **Confidentiality**: if the clause says the obligation lasts "during the term and for N
          years after", it survives for that period by its own words. If it says nothing about
          duration, there's room to argue, but courts often find confidentiality was intended to
          continue, and the general law of confidence may protect genuinely confidential information
          anyway. Treat their information as confidential.
        - **Non-solicitation / no-hire**: if the clause itself says "during the term and for 12
          months thereafter", it's drafted to survive. Whether it's *enforceable* is a separate
          question: English courts apply restraint-of-trade principles to no-hire clauses between
          businesses and will enforce them only if they protect a legitimate interest and go no
          further than reasonably necessary.

        So read each of those two clauses for words about duration. If the no-hire clause matters
        (you want to hire a specific consultant), get a lawyer's view on enforceability before acting.
        """,
        """
        Without a survival clause, nothing survives: once the MSA ends, all obligations end with it.
        You can hire their consultants and use their information freely.
        """,
        [0.9, 0.4, 0.9],
        why="wrong: accrued rights and clauses drafted to apply after termination survive; risky advice",
    ),
    pair(
        "con-10",
        "indemnity",
        [
            U(
                """
                Our SaaS MSA has an indemnity for IP infringement claims and a liability cap of 12 months'
                fees. Does the cap apply to the indemnity?
                """
            ),
        ],
        """
        It depends entirely on the drafting; there's no default answer. Look at three places:

        1. **The limitation of liability clause itself.** Many MSAs list exclusions from the cap, e.g.
           "The limitations in this Section do not apply to (a) a party's indemnification obligations
           under Section 9...". If the IP indemnity is listed, it's **uncapped**.
        2. **A separate "super-cap".** Some contracts carve indemnities out of the general cap but put
           them under a higher one (for example 2-3 × annual fees or a fixed amount).
        3. **The indemnity clause**, which sometimes says "subject to Section 11 (Limitation of
           Liability)", bringing it back under the cap.

        If the contract is silent, the general cap wording ("each party's total aggregate liability
        arising out of or in connection with this Agreement") will usually be read as covering
        indemnity claims too.

        From a negotiating point of view:

        - **Customers** usually ask for IP indemnities to be uncapped, since the customer can't
          control the supplier's IP risk and a third-party claim can exceed the fees many times over.
        - **Suppliers** often accept that but may resist uncapped data protection indemnities.

        Also check the indemnity's **exclusions** (customer modifications, combinations with other
        products) and **remedies** (the supplier's right to modify the service or terminate and
        refund). They limit exposure as much as the cap does.

        If you tell me which side you're on, I can suggest wording. For a final position on a
        high-value contract, have counsel review the interplay between the clauses.
        """,
        """
        No. Indemnities are never subject to liability caps; they are a separate obligation, so the
        12-month cap doesn't apply to the IP indemnity.
        """,
        [0.9, 0.4, 0.7],
        why="overconfident and wrong: whether the cap applies depends on the drafting",
    ),
]
