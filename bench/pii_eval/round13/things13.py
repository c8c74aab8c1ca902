"""Round 13 products, plans, tools, job titles and technical terms (protected)."""

from __future__ import annotations

PRODUCTS = ["Brio espresso grinder", "Tern GSD cargo bike", "Kindle Scribe", "Garmin Forerunner 965",
            "Bose QuietComfort Ultra", "Dyson V15 Detect", "Fujifilm X100VI", "Oura Ring 4",
            "Steam Deck OLED", "Remarkable Paper Pro", "Anker Prime charger", "Lodge cast iron skillet"]  # fmt: skip
PLANS: dict[str, list[str]] = {
    "tier": ["Starter tier", "Growth tier", "Scale tier", "Enterprise Plus tier"],
    "billing": ["annual prepaid plan", "monthly flex plan", "quarterly plan", "pay-as-you-go plan"],
}
TOOLS = ["lookup_customer", "create_ticket", "refund_order", "update_shipping", "get_invoice",
         "escalate_case"]  # fmt: skip
JOB_TITLES = ["Head of Customer Success", "Billing Specialist", "Tier 2 Support Engineer",
              "Logistics Coordinator", "Account Executive", "Returns Analyst"]  # fmt: skip
TECH = ["OAuth refresh token", "webhook retry queue", "TLS handshake", "CSV export",
        "rate limiter", "SAML assertion"]  # fmt: skip
