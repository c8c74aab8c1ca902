"""Round 10 protected strings: products, plans, job titles, technical strings, tools."""

from __future__ import annotations

PRODUCTS = [
    "Sennheiser HD 560S", "Fujifilm X-T30 II", "Ricoh GR IIIx", "Theragun Mini 2.0", "Wacom Intuos Pro M", "Fellow Ode Gen 2", "Bambu Lab A1 Mini", "Teenage Engineering OP-1 Field", "Fiio K7", "Peak Design Travel Tripod", "Aeropress Go Plus", "Ooni Karu 16", "Kindle Colorsoft", "Kinesis Advantage360", "Keychron Q1 Max", "Leatherman Arc", "Netatmo Weather Station", "Withings BPM Connect", "Oura Ring 4", "Wahoo Elemnt Bolt V2", "Thule Chariot Cross 2", "Audio-Technica AT-LP120X", "Behringer Crave", "Arturia MiniLab 3",
]  # fmt: skip

# chats10 situations -> plan names (also in clean10 status lines).
PLANS: dict[str, list[str]] = {
    "choir": ["Tenor Section Pass", "Full Season Chorister", "Summer Sing Week", "Sight-Reading Starter"],
    "allotment": ["Half Plot Tenancy", "Full Plot Tenancy", "Raised Bed Share", "Polytunnel Add-on"],
    "ferry": ["Foot Passenger Saver", "Car and Driver Flexi", "Island Hopper 5", "Cabin Overnight Plus"],
    "tailoring": ["Express Hem Service", "Bespoke Fitting Pack", "Wedding Alteration Bundle", "Repair Card 10"],
    "chess": ["Rapid League Entry", "Junior Ladder Pass", "Simul Evening Ticket", "Annual Rated Membership"],
    "tandem": ["Conversation Swap Basic", "Tandem Pro Monthly", "Weekend Immersion Pair", "Tutor Matching Plus"],
    "kayak": ["Sit-on-top Day Hire", "Sea Kayak Half Day", "Sunset Paddle Tour", "Paddle Club Season"],
    "tattoo": ["Flash Day Slot", "Custom Sleeve Consult", "Touch-up Session", "Deposit Hold 48h"],
}  # fmt: skip

JOB_TITLES = [
    "Chorus Master", "Allotment Secretary", "Ferry Purser", "Master Tailor", "Tournament Arbiter", "Tandem Coordinator", "Paddlesport Instructor", "Studio Manager", "Deckhand", "Sacristan", "Bursar", "Lettings Negotiator",
]  # fmt: skip

TECH = [
    "SHA3-256", "UTF-32BE", "port 11211", "DTLS 1.3", "PKCE S256", "RFC 7807", "ISO 4217", "Zigbee 3.0", "RFC 5545", "USB-C PD 100W", "DNS TTL 300", "Brotli q11", "MTU 1500", "WPA3-SAE", "SMB 3.1.1", "EDNS0",
]  # fmt: skip

TOOLS = [
    "OpenTofu 1.6.2", "Pulumi 3.112", "Valkey 7.2.5", "Redpanda 23.3", "Bun 1.1.3", "Loki 2.9.6", "VictoriaMetrics 1.99", "ArgoCD 2.10.5", "Flask 3.0.2", "DuckDB 0.10.1", "OpenSearch 2.13", "Traefik 3.0.0", "HAProxy 2.9.6", "Consul 1.18.1", "Django 5.0.3", "Gitea 1.21.10",
]  # fmt: skip
