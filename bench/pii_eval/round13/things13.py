"""Round 13 products, plans, tools, job titles and technical terms (protected)."""

from __future__ import annotations

PRODUCTS = [
    "Ayaneo Air",
    "Shark Stratos cordless",
    "Brio espresso grinder",
    "Tern GSD cargo bike",
    "Remarkable Paper Pro",
    "Anker Prime charger",
    "Lodge cast iron skillet",
    "Thermapen One",
    "Hario V60 kettle",
    "Rode Wireless Go",
    "Keychron Q1",
    "Elgato Stream Deck",
]
PLANS: dict[str, list[str]] = {
    "tier": ["Starter tier", "Momentum tier", "Scale tier", "Enterprise Plus tier"],
    "billing": ["annual prepaid plan", "monthly flex plan", "quarterly plan", "pay-as-you-go plan"],
}
TOOLS = ["lookup_customer", "create_ticket", "refund_order", "update_shipping", "get_invoice",
         "escalate_case"]  # fmt: skip
JOB_TITLES = ["Customer Care Team Lead", "Billing Specialist", "Tier 2 Support Engineer",
              "Logistics Coordinator", "Vendor Relations Manager", "Returns Analyst"]  # fmt: skip
TECH = ["OAuth refresh token", "webhook retry queue", "TLS handshake", "CSV export",
        "rate limiter", "SAML assertion"]  # fmt: skip
