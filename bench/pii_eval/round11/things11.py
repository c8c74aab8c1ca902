"""Round 11 protected strings: products, tools, plans, job titles, technical strings."""

from __future__ import annotations

PRODUCTS = [
    "Anova Precision Oven", "Brompton C Line Explore", "Rancilio Silvia Pro X",
    "Garmin Forerunner 265", "Elgato Stream Deck MK.2", "Teenage Engineering OP-1 Field",
    "Sonos Era 300", "Kindle Scribe", "Remarkable 2", "Theragun Prime", "Ooni Koda 16",
    "Fellow Stagg EKG", "Weber Traveler", "Dyson Airwrap", "Moccamaster KBGV Select",
    "Bose QuietComfort Ultra", "Wacom Intuos Pro", "Peak Design Everyday Backpack",
    "Vitamix A3500", "Shokz OpenRun Pro", "DJI Mini 4 Pro", "Fujifilm X100VI",
    "Hario V60 Drip Scale", "Roland TD-07KV",
]  # fmt: skip
TOOLS = [
    "Django 5.0.6", "Terraform 1.8.2", "Redis 7.2.4", "Node.js 20.12", "PostgreSQL 16.3",
    "Kubernetes 1.30", "nginx 1.26.0", "Ansible 9.5", "Grafana 11.0", "Elixir 1.16",
    "Go 1.22.3", "Rust 1.78", "Kafka 3.7.0", "SQLite 3.45", "Prometheus 2.52", "Vue 3.4",
]  # fmt: skip
# situation: plan names
PLANS: dict[str, list[str]] = {
    "bees": ["Hive Starter", "Apiary Plus", "Swarm Cover", "Queen Rearing Pack"],
    "piano": ["Tuning Twice Yearly", "Concert Grand Care", "Upright Basic", "Regulation Bundle"],
    "kiln": ["Bisque Slot", "Glaze Firing Share", "Raku Weekend", "Stoneware Monthly"],
    "regatta": ["Dinghy Entry", "Keelboat Series", "Junior Sailor Pass", "Club Handicap Fleet"],
    "bells": ["Learner Band", "Peal Attempt Booking", "Tower Captain Course", "Handbell Set Hire"],
    "railway": ["Layout Member", "OO Gauge Workshop", "Garden Line Pass", "Signal Box Tour"],
    "balloon": ["Sunrise Flight", "Champagne Flight Voucher", "Private Basket", "Tethered Hop"],
    "cider": ["Press Day Share", "Orchard Adoption", "Perry Taster Box", "Scratter Hire"],
}
JOB_TITLES = [
    "Head Beekeeper", "Registered Piano Technician", "Kiln Technician", "Race Officer",
    "Tower Captain", "Layout Coordinator", "Pilot in Command", "Cellar Master",
    "Volunteer Coordinator", "Falconry Instructor", "Quiz Master", "Orchard Manager",
]  # fmt: skip
TECH = [
    "ECONNRESET", "HTTP 429 Too Many Requests", "SIGKILL", "TLS 1.3", "OAuth 2.0 PKCE",
    "UTF-16LE", "IPv6 link-local", "CRLF", "ERR_CERT_DATE_INVALID", "SHA-384",
    "gRPC DEADLINE_EXCEEDED", "E_ACCESSDENIED", "ETag", "RFC 5322", "WPA3-SAE", "DNS NXDOMAIN",
]  # fmt: skip
