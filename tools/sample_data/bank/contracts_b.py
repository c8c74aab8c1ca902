"""Contract questions, part 2: indemnities, governing law, SaaS MSAs."""

from __future__ import annotations

from .common import A, U
from .contracts_common import pair

CONTRACTS_B = [
    pair(
        "con-11",
        "indemnity",
        [
            U(
                """
                We're the customer. The supplier's IP indemnity says they'll defend us against claims that
                "the Service infringes a United States patent". Is that normal? Anything else to check?
                """
            ),
        ],
        """
        Limiting it to **United States patents** is narrower than you should accept if you operate
        outside the US. Infringement claims can be based on patents in other countries, and on
        copyright, trade marks or trade secrets. A more balanced scope is:

        > "...any third-party claim alleging that the Service, as provided by Supplier and used in
        > accordance with this Agreement, infringes or misappropriates that third party's patent,
        > copyright, trade mark or trade secret rights [in any country where Customer is permitted to
        > use the Service]."

        Other points to review:

        - **Exclusions**: standard ones are fine (your modifications, combinations with things the
          supplier didn't provide, your data, use against the documentation). Watch for broad
          "combination" exclusions: almost every service is combined with *something*, so limit it to
          combinations where the infringement would not have occurred without the combination.
        - **Remedies**: typically the supplier may procure a licence, modify the service so it no
          longer infringes, or, if neither is reasonably possible, terminate and refund prepaid fees
          for the unused period. Make sure the refund is included.
        - **Procedure**: prompt notice (prefer "failure to notify relieves Supplier only to the extent
          it is materially prejudiced"), supplier controls the defence, no settlement admitting fault
          or imposing obligations on you without your consent.
        - **Cap**: check whether the indemnity sits under the general liability cap (see the limitation
          clause).

        Suppliers often accept a worldwide scope for copyright and trade secrets but push back on
        patents outside key markets. Naming the countries where you operate is a reasonable compromise.
        """,
        """
        That's standard wording and you shouldn't change it. Most IP claims are patent claims in the
        US, so this covers what matters.
        """,
        [0.8, 0.5, 0.8],
        why="accepts a narrow scope without analysis; misses exclusions, remedies and procedure",
    ),
    pair(
        "con-12",
        "indemnity",
        [
            U(
                """
                An enterprise prospect wants us (the SaaS vendor) to give an **uncapped** indemnity for
                any data breach. Annual contract value is $180k. How do vendors usually respond?

                Thanks,
                Marcus Bell | Deal Desk | +1 (999) 555-0123
                """
            ),
        ],
        """
        Marcus, an uncapped data-breach indemnity is one of the most common asks from enterprise
        buyers, and one of the most commonly negotiated down. Typical vendor responses, often combined:

        1. **A super-cap instead of uncapped**: data protection liability carved out of the general
           cap but limited to a higher amount, commonly a multiple of annual fees (2-5 × is frequently
           seen) or a fixed figure. At $180k ACV, a fixed super-cap of, say, $1-2M is a typical anchor.
        2. **Tie it to insurance.** Check your cyber insurance limit with your broker; offering a
           super-cap in line with the cover shows the number is real rather than arbitrary.
        3. **Make it fault-based**: the indemnity applies to breaches caused by your failure to meet
           the agreed security obligations, not to any incident, however caused (for example, one
           caused by the customer's own credentials).
        4. **Define the covered losses**: notification costs, credit monitoring, forensic costs,
           third-party claims, and regulatory fines *where lawful and insurable*, rather than
           "all losses".
        5. **Keep the general exclusions** (indirect loss) where you can, and make sure the customer's
           own obligations (secure credentials, lawful data) are stated.

        How hard to hold the line depends on the data: a tool that processes health or payment data
        justifies a higher number than one holding business contact details.

        For the final wording, involve your legal team and your insurance broker together: the
        indemnity, the cap and the policy terms need to line up.
        """,
        """
        You have to accept it: enterprise customers never sign without an uncapped data breach
        indemnity, and refusing will lose you the deal. Uncapped liability is standard for SaaS.
        """,
        [0.8, 0.4, 0.7],
        pii={"PERSON": ["Marcus Bell", "Marcus"], "PHONE_NUMBER": ["+1 (999) 555-0123"]},
        why="overconfident and inaccurate about market practice; gives no negotiation path",
    ),
    pair(
        "con-13",
        "indemnity",
        [
            U(
                'What does "indemnify and hold harmless" mean? Is "hold harmless" an extra obligation?'
            )
        ],
        """
        "Indemnify" means to compensate the other party for specified losses, usually including those
        from third-party claims. Whether "hold harmless" adds anything depends on the jurisdiction:

        - **England and Wales**: courts generally treat "hold harmless" as adding little or nothing to
          "indemnify"; the phrase is usually read as one obligation.
        - **United States**: most courts also treat the phrase as a single obligation, but a minority
          of decisions read "hold harmless" as something more, for example as protecting the
          indemnified party against claims *by the indemnifying party itself* (a kind of release). The
          position varies by state.

        In practice:

        - What matters far more is **what** is covered: which losses, caused by what, whether the
          indemnity covers the indemnified party's *own* negligence (many US states and English courts
          require clear words for that), and whether it sits under the liability cap.
        - If you're giving the indemnity and want to avoid arguments, delete "hold harmless" or add a
          sentence that it has the same meaning as "indemnify". If you're receiving it, keeping it
          costs nothing.
        - **"Defend"** is different and does add something in many US states: a duty to defend can
          arise as soon as a claim is made and can be broader than the duty to indemnify.

        If the contract is governed by a particular US state's law and the point matters, check that
        state's case law.
        """,
        """
        "Hold harmless" is a separate and broader obligation. It means the indemnifying party must
        cover every possible loss of the other party, including indirect and consequential losses, and
        it overrides any liability cap in the contract.
        """,
        [0.8, 0.5, 0.8],
        why="invents effects (overriding the cap, covering all indirect loss) that the phrase does not have",
    ),
    pair(
        "con-14",
        "governing-law",
        [
            U(
                """
                We're a US (Delaware) company signing a services agreement with a UK customer. They want
                English law and the English courts. We'd prefer New York. What's the difference in
                practice?
                """
            ),
            A(
                """
                Two separate choices are bundled here: the **governing law** (which law interprets the
                contract) and the **forum** (where disputes are heard). Do you mainly expect to be the
                party suing (for unpaid fees) or being sued (for service failures)?
                """
            ),
            U("Mostly suing for unpaid invoices, honestly."),
        ],
        """
        Then enforcement matters most: a judgment is only useful if you can enforce it where the
        customer's assets are, which is the UK.

        **If you sue in New York**, you'd get a New York judgment and then have to enforce it in
        England. There's no treaty between the US and the UK on enforcing court judgments, so you'd
        have to bring fresh proceedings in England on the judgment (at common law). That's usually
        possible but adds time and cost.

        **If you sue in England**, the judgment is directly enforceable against UK assets. English courts
        are experienced with commercial contracts, and English law is predictable for things like
        limitation clauses. Costs can be high, though the loser usually pays a large share of the
        winner's costs.

        **Arbitration** is a middle way: awards are enforceable in the UK and the US under the New York
        Convention, and you can pick a neutral seat and institution (for example LCIA in London or
        ICDR in New York). It's often more expensive than court for small debt claims.

        A common compromise for a supplier mainly chasing invoices:

        - **English law and English courts** (giving the customer what they want), but
        - a clause letting *you* also sue for unpaid fees wherever the customer has assets, and
        - solid payment terms: interest on late payment, the right to suspend services, and clear
          invoicing and dispute deadlines, which usually matter more in practice than the forum.

        Also remember that the governing law doesn't change your data protection obligations: UK
        GDPR applies to the customer's personal data either way. A lawyer qualified in the relevant
        jurisdiction should confirm the final clause.
        """,
        """
        Insist on New York. As a Delaware company, Delaware or New York law applies to you
        automatically anyway, and a New York judgment is enforceable in the UK just like a UK judgment
        under the Hague Convention.
        """,
        [0.9, 0.5, 0.8],
        why="wrong on enforcement (no US-UK judgments treaty; Hague 2005 does not cover the US-UK pair) and on 'automatic' governing law",
    ),
    pair(
        "con-15",
        "governing-law",
        [
            U(
                """
                Our consulting agreement with a French client has no governing law clause at all. We're
                a UK company. Which law applies if there's a dispute?
                """
            ),
        ],
        """
        Without a choice, a court applies its own conflict-of-laws rules. For this contract, both
        English and French courts would most likely reach the same answer:

        - In the EU (France), the **Rome I Regulation** applies. In the UK, a retained version of Rome
          I applies. Under Article 4(1)(b), a contract for the **provision of services** is governed by
          the law of the country where the **service provider has its habitual residence**, which for
          a company means its place of central administration.
        - As the UK consultant, that points to **English law** (assuming your central administration is
          in England and Wales, not Scotland).

        But there are caveats:

        - A court can depart from that rule if the contract is **manifestly more closely connected**
          with another country (Article 4(3)), for example if all the work was done in France for a
          French project and the contract was negotiated in French.
        - **Overriding mandatory rules** of France may apply regardless of the governing law.
        - Which **court** hears the dispute is a separate question, and without a jurisdiction clause,
          post-Brexit rules are more complicated: the UK is no longer part of the Brussels regime.

        The simplest fix is to agree governing law and jurisdiction now, in a short amendment, while
        the relationship is good. If a dispute is already brewing, take advice from a lawyer familiar
        with English and French proceedings.
        """,
        """
        When there's no governing law clause, the law of the place where the contract was signed
        applies. If you signed it in London, it's English law.
        """,
        [0.9, 0.5, 0.8],
        why="wrong test: the place of signing is not the rule under Rome I",
    ),
    pair(
        "con-16",
        "governing-law",
        [
            U(
                """
                We're a Delaware corporation headquartered in Texas. We're hiring Alex Moreno, who lives
                and works in San Diego. Our standard employment agreement has a 12-month non-compete and
                says Delaware law governs. Is the non-compete enforceable against Alex?
                """
            ),
        ],
        """
        Very likely not. California law on non-competes is among the strictest anywhere, and choosing
        Delaware law is unlikely to change that for an employee who lives and works in California:

        - **Business and Professions Code § 16600** makes contracts that restrain anyone from engaging
          in a lawful profession, trade or business void, subject to narrow exceptions (such as the
          sale of a business). Employee non-competes fall squarely within it.
        - **§ 16600.5** (in force since 1 January 2024) states that such contracts are void regardless
          of where and when they were signed, and that employers may not enter into or attempt to
          enforce them. Employees can sue for violations, with attorneys' fees.
        - **Labor Code § 925** prevents an employer from requiring an employee who primarily lives and
          works in California, as a condition of employment, to agree to a non-California choice of
          law or forum that would deprive them of California protections. The main exception is
          where the employee was individually represented by a lawyer in negotiating those terms.

        What this means in practice:

        - Don't include the non-compete for Alex; including it can itself expose the company to
          liability under § 16600.5.
        - Protect legitimate interests with tools California allows: confidentiality and trade secret
          obligations, invention assignment (within the limits of Labor Code § 2870), and rules on
          returning company property.
        - Check your existing California employees too: § 16600.1 required employers to notify
          current and some former employees, by 14 February 2024, that non-compete clauses in their
          agreements are void.

        Employment law changes quickly here; have California employment counsel review the template
        before Alex signs.
        """,
        """
        Yes. The agreement chooses Delaware law and the company is incorporated in Delaware, so Delaware
        law applies, and Delaware courts enforce reasonable non-competes. A 12-month restriction is
        reasonable, so it will hold up.
        """,
        [1.0, 0.5, 0.9],
        pii={"PERSON": ["Alex Moreno", "Alex"]},
        why="wrong jurisdiction detail: ignores California §§ 16600, 16600.5 and Labor Code § 925",
    ),
    pair(
        "con-17",
        "governing-law",
        [
            U(
                "When should we choose arbitration instead of courts in an international SaaS contract?"
            )
        ],
        """
        Arbitration tends to be worth it when **enforcement abroad** or **confidentiality** matters
        more than cost and speed on small claims.

        **Reasons to choose arbitration**

        - **Enforcement**: arbitral awards can be enforced in the 170+ countries that are party to the
          New York Convention, far more widely than most court judgments.
        - **Neutrality**: neither side has to litigate in the other's home courts.
        - **Expertise and language**: you can choose arbitrators with industry knowledge and the
          language of the proceedings.
        - **Privacy**: hearings are private. Confidentiality is *not* automatic everywhere, though: it's
          implied under English law, for example, but not generally under US federal law, so state it
          expressly if it matters.

        **Reasons to prefer courts**

        - **Cost for small or simple claims**: arbitrators' and institution fees make arbitration
          expensive for collecting a few unpaid invoices.
        - **Appeals**: there's very limited review of an award, which cuts both ways.
        - **Urgent relief and third parties**: courts can grant interim injunctions and bind third
          parties more easily.

        **If you choose arbitration, specify**: the institution and rules (ICC, LCIA, ICDR, SIAC), the
        **seat** (which determines the supporting courts and the procedural law), the number of
        arbitrators (one for smaller disputes), the language, and a carve-out allowing either party to
        seek urgent injunctive relief from a court. Using the institution's model clause avoids drafting
        mistakes that can make a clause unworkable.

        For a significant contract, a disputes lawyer can help pick the seat and institution.
        """,
        """
        Always choose arbitration. It's faster and cheaper than court in every case, completely
        confidential by law, and awards can't be appealed, so disputes end quickly.
        """,
        [0.8, 0.5, 0.8],
        why="overgeneralises (not always cheaper; confidentiality not automatic everywhere)",
    ),
    pair(
        "con-18",
        "saas-msa",
        [
            U(
                """
                The SaaS MSA we're reviewing says service credits under the SLA are "Customer's sole and
                exclusive remedy for any failure to meet the Availability Commitment". We're the customer.
                What's the risk?
                """
            ),
        ],
        """
        The clause means that if the service is unavailable, the **service credits are all you get**
        for that unavailability: no damages claim, even if an outage costs you far more than the
        credit. Credits are usually a small percentage of the monthly fee, so the financial remedy for
        downtime is effectively capped at a small amount.

        How far it reaches depends on the wording:

        - "Failure to meet the Availability Commitment" should cover **downtime only**. Check that it
          doesn't extend to data loss, security incidents or other breaches that happen during an
          outage.
        - Check whether it also excludes **termination rights**. A sole-remedy clause that prevents you
          from terminating for chronic unavailability leaves you stuck with a failing service.

        What customers usually negotiate:

        1. **Chronic failure termination**: a right to terminate without penalty (and get prepaid fees
           back) if availability falls below the commitment in, for example, 3 months out of any 6, or
           below a lower floor in any single month.
        2. **Carve-outs**: the sole-remedy wording doesn't apply to data loss, breaches of security or
           confidentiality obligations, or wilful misconduct.
        3. **Meaningful credits**: tiers that grow with the shortfall, and automatic application rather
           than a claim window that's easy to miss.

        Whether such a clause is enforceable is rarely in doubt between businesses, so negotiating the
        wording now is the real protection.
        """,
        """
        That clause doesn't matter much. If the outage is serious you can still sue for damages, because
        sole remedy clauses are not enforceable between businesses.
        """,
        [0.9, 0.5, 0.8],
        why="wrong: sole-remedy clauses are generally enforceable between businesses",
    ),
    pair(
        "con-19",
        "saas-msa",
        [
            U(
                """
                We're a UK company buying a US SaaS product that will store our customers' personal data.
                The vendor says that since Brexit GDPR doesn't apply to us, so we don't need a DPA. True?
                """
            ),
        ],
        """
        No. Since Brexit, the UK has its own version of the GDPR, the **UK GDPR**, alongside the Data
        Protection Act 2018. Its rules on processors are substantively the same as the EU GDPR's:

        - **Article 28 UK GDPR** requires a written contract with any processor, covering the subject
          matter and duration of processing, the types of data, your instructions, confidentiality,
          security, use of sub-processors, assistance with data subject requests, deletion or return at
          the end, and audits. That's what a DPA is.
        - **International transfers**: the vendor is in the US, so personal data will leave the UK. You
          need a transfer mechanism, such as the UK Extension to the EU-US Data Privacy Framework (if
          the vendor is certified under it) or the **International Data Transfer Agreement** or the
          **UK Addendum** to the EU Standard Contractual Clauses, plus a transfer risk assessment where
          required.
        - **EU GDPR** may also apply, for example if you offer services to people in the EU.

        Next steps:

        1. Ask the vendor for their DPA (most have a standard one) and check it against Article 28.
        2. Check their sub-processor list and security measures.
        3. Confirm the transfer mechanism.

        Your data protection lead or DPO should sign off before data is shared; the ICO's guidance on
        controller-processor contracts is a useful checklist.
        """,
        """
        The vendor is right. GDPR is an EU regulation, so it stopped applying in the UK after Brexit.
        There's no legal requirement for a DPA, though you can ask for one as good practice.
        """,
        [1.0, 0.5, 0.9],
        why="wrong jurisdiction detail: UK GDPR and the Data Protection Act 2018 apply",
    ),
    pair(
        "con-20",
        "saas-msa",
        [
            U(
                """
                Our order form says "payment net 60" but the MSA it references says "invoices are payable
                within 30 days". Which one wins?
                """
            ),
        ],
        """
        Look for an **order of precedence** clause first, usually in the MSA's general section. It
        typically says which document prevails in a conflict, for example:

        > "In the event of a conflict, the following order of precedence applies: (a) the Order Form,
        > (b) the DPA, (c) this Agreement, (d) the Documentation."

        - If the order form comes first, **net 60** wins for that order.
        - Some MSAs say the MSA prevails *unless* the order form **expressly** states it overrides a
          named section. Then "payment net 60" on its own might not be enough, and the 30 days could
          apply.

        If there's no precedence clause, courts try to find what the parties intended, and they often
        give priority to the more **specific** and **later** document, which usually favours the order
        form's net 60. That's an argument, not a certainty.

        To avoid arguing about it later:

        1. Add to the order form: "Notwithstanding Section [x] of the Agreement, invoices under this
           Order Form are payable within sixty (60) days of receipt."
        2. Check related terms that follow the payment date: late-payment interest and the supplier's
           right to suspend for non-payment usually run from the due date.

        If the amounts are significant and the supplier disputes it, have a lawyer review the exact
        precedence wording.
        """,
        """
        The MSA always wins because it's the master agreement; order forms can't change its terms. You
        have 30 days to pay.
        """,
        [0.8, 0.5, 0.7],
        why="ignores the precedence clause; 'always' is wrong",
    ),
    pair(
        "con-21",
        "liability",
        [
            U(
                """
                Our MSA excludes liability for "indirect or consequential loss". If the supplier's failure
                costs us lost profits, can we still claim them? English law.
                """
            ),
        ],
        """
        Possibly, yes. Under English law, "indirect or consequential loss" traditionally has a narrow
        meaning.

        - Cases such as *Croudace v Cawoods* and *British Sugar v NEI Power Projects* read
          "consequential loss" as losses within the **second limb of *Hadley v Baxendale***: losses that
          don't arise naturally from the breach but only from special circumstances known to both
          parties at the time of contracting.
        - **Lost profits that flow directly and naturally** from the breach fall within the **first
          limb**, so such an exclusion may **not** exclude them.
        - More recent decisions emphasise reading the words in their commercial context rather than
          applying the old meaning mechanically, so the result depends on the clause as a whole.

        In practice:

        - If you're the customer and want to be able to claim lost profits, the current wording may
          help you, but it's arguable.
        - If the supplier wants to exclude lost profits, the clause should name them expressly:
          "loss of profits, revenue, business or anticipated savings, whether direct or indirect".
          Many MSAs do exactly that; check whether yours has such a list elsewhere in the clause.

        For comparison, US courts often treat lost profits as consequential damages, but not always: in
        *Biotronik v Conor Medsystems* (2014), New York's highest court held lost profits were general
        (direct) damages in that contract.

        For an actual claim, get a lawyer to assess how the whole clause would be read.
        """,
        """
        No. A consequential loss exclusion always excludes lost profits, since lost profits are by
        definition consequential. You can only claim the direct cost of fixing the problem.
        """,
        [0.9, 0.5, 0.8],
        why="wrong under English law: directly flowing lost profits can fall outside a consequential loss exclusion",
    ),
    pair(
        "con-22",
        "liability",
        [
            U(
                """
                The liability cap is "the fees paid or payable by Customer in the twelve (12) months
                preceding the event giving rise to the claim". Any problem with that, from our side as
                customer?
                """
            ),
            A(
                """
                It's a common formulation, but the "preceding the event" wording has a timing quirk.
                How are the fees paid: annually in advance, or monthly?
                """
            ),
            U("Monthly, about $15,000 a month, three-year term."),
        ],
        """
        Then the quirk matters. With monthly fees, the cap depends on **when** the event happens:

        - In **month 2**, the fees paid or payable in the preceding 12 months are roughly one month's
          fees, so the cap could be around **$15,000**, even though the contract is worth $540,000 over
          three years.
        - From month 13 onwards, the cap reaches the full 12 months, about **$180,000**.

        Early in a contract is often when the risk is highest (migration, onboarding, data loading), so
        a cap that starts near zero is a real gap.

        Fixes customers commonly ask for:

        1. **"The greater of"**: "the greater of (a) the fees paid or payable in the 12 months preceding
           the event and (b) [$180,000]".
        2. **Annualised fees**: "the fees payable for the 12-month period in which the event occurs",
           which works from day one.
        3. **Aggregate vs per-claim**: check whether it's a total for the whole contract or applies per
           claim or per year; a single aggregate cap over three years is tighter than it looks.

        And check the **carve-outs** from the cap (data protection, confidentiality, IP indemnity), since
        they usually matter more than the cap amount itself.
        """,
        """
        No problem. The cap is 12 months of fees, so about $180,000, which is standard for SaaS.
        """,
        [0.8, 0.5, 0.7],
        why="misses the early-term gap created by 'preceding the event' with monthly fees",
    ),
    pair(
        "con-23",
        "saas-msa",
        [
            U(
                """
                We're being acquired through a share purchase. One of our key supplier contracts says it
                "may not be assigned by either party without the other party's prior written consent".
                Do we need the supplier's consent? Our GC, Hannah Schmidt, wants a quick view.
                """
            ),
        ],
        """
        For a **share purchase**, usually not, unless the contract also has a **change-of-control**
        clause.

        - In a share purchase, the contracting company stays the same; only its owners change. The
          contract isn't assigned, so a plain anti-assignment clause generally isn't triggered. That's
          the position under English law, and usually under US state laws too.
        - Many contracts add a **change-of-control** clause, such as a right for the supplier to
          terminate, or a requirement for consent, if control of the customer changes. Search the
          contract for "control", "merger" and "acquisition", and check the definitions.
        - Clauses sometimes define assignment to **include** a change of control ("for the purposes of
          this clause, a change of Control is deemed an assignment"). Then consent is needed.

        The answer can differ for other deal structures:

        - In an **asset purchase**, contracts must be transferred, so consent is needed.
        - In a **merger**, it depends on the law and structure. For example, in *Meso Scale Diagnostics v
          Roche* (2013), the Delaware Court of Chancery held that a reverse triangular merger was not an
          assignment by operation of law, but forward mergers can be treated differently.

        For Hannah's quick view: no consent needed for the share purchase *unless* there's a
        change-of-control provision or an expanded definition of assignment. Deal counsel should confirm
        this as part of due diligence, since key contracts are usually reviewed for exactly this.
        """,
        """
        Yes, an acquisition is an assignment of all the company's contracts, so you need written consent
        from every supplier before closing.
        """,
        [0.9, 0.5, 0.8],
        pii={"PERSON": ["Hannah Schmidt", "Hannah"]},
        why="wrong for a share purchase: the contracting entity does not change",
    ),
    pair(
        "con-24",
        "saas-msa",
        [
            U(
                """
                Our supplier wants to raise prices 30% mid-contract, citing "force majeure" because their
                energy and hosting costs went up. English law. Can they?
                """
            ),
        ],
        """
        Very unlikely. There are two separate problems with their argument:

        1. **Force majeure is contractual under English law.** There's no general doctrine of force
           majeure; it applies only as far as the contract says. So read the clause: what events it
           lists, and what relief it gives.
        2. **Force majeure usually suspends or excuses performance; it doesn't change the price.** A
           typical clause relieves a party from performing while an event beyond its control prevents
           or hinders performance. It almost never gives a right to increase fees.

        And **higher costs rarely count** anyway: English courts have repeatedly held that performance
        becoming more expensive or less profitable isn't the same as it being prevented or hindered
        (for example, in *Tandrin Aviation v Aero Toy Store*, an economic downturn didn't qualify). The
        general doctrine of **frustration** is even narrower and doesn't cover cost increases.

        So, unless the contract has a **price review or indexation clause** (check for one, since some
        SaaS contracts allow annual increases by CPI or a fixed percentage), they're bound by the agreed
        fees for the term.

        Practical approach: reply in writing that the contract doesn't allow a price change and that
        you expect performance at the agreed fees, while staying open to discussing pricing at
        renewal. Avoid accepting new invoices at the higher price without objection. If they threaten
        to suspend service, have a lawyer review before responding.
        """,
        """
        Yes, force majeure covers unexpected cost increases like energy prices, since they're beyond the
        supplier's control. Under English law force majeure is implied into every contract, so they can
        raise prices even if the contract doesn't mention it.
        """,
        [1.0, 0.5, 0.8],
        why="wrong: English law has no implied force majeure; cost increases rarely qualify",
    ),
]
