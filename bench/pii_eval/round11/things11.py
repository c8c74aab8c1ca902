"""Round 11 protected strings: products, tools, plans, job titles, technical strings."""

from __future__ import annotations

PRODUCTS = [
    "Anova Precision Oven", "Rancilio Silvia Pro X", "Weber Traveler", "Hario V60 Drip Scale",
    "Fujifilm X100VI", "Breville Barista Touch Impress", "Gaggia Classic Evo Pro",
    "Loupedeck Live S", "Arturia MicroFreak", "Gozney Roccbox", "Comandante C40 MK4",
    "Snow Peak Takibi", "Huion Kamvas 16", "Timemore C3 ESP", "Yamaha P-225", "Kalita Wave 185",
    "Beurer BF 720", "Stihl MSA 140 C", "Anker Nebula Capsule 3",
]  # fmt: skip
TOOLS = [
    "Django 5.0.6", "Terraform 1.8.2", "Gleam 1.2", "Zig 0.12.0", "PostgreSQL 16.3",
    "Kubernetes 1.30", "nginx 1.26.0", "Deno 1.44", "Grafana 11.0", "Bun 1.1.12",
    "Go 1.22.3", "Rust 1.78", "Nomad 1.8", "Consul 1.19", "OpenTofu 1.7.2", "Traefik 3.0.3",
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
    "Head Beekeeper", "Registered Piano Technician", "Kiln Room Steward", "Race Officer",
    "Tower Captain", "Layout Coordinator", "Pilot in Command", "Cellar Master",
    "Ringing Master", "Falconry Instructor", "Quiz Master", "Orchard Manager",
]  # fmt: skip
TECH = [
    "ECONNRESET", "HTTP 429 Too Many Requests", "SIGKILL", "EADDRINUSE", "HTTP 425 Too Early",
    "SIGPIPE", "IPv6 link-local", "CRLF", "ERR_CERT_DATE_INVALID", "Argon2id",
    "gRPC DEADLINE_EXCEEDED", "E_ACCESSDENIED", "ETag", "RFC 5322", "ERR_SSL_PROTOCOL_ERROR", "DNS NXDOMAIN",
]  # fmt: skip
