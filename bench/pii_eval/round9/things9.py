"""Round-9 protected strings of the chats and `clean9`, typed by hand."""

from __future__ import annotations

PRODUCTS = [
    "Anker Soundcore Liberty 4", "Roborock Q7 Max", "Kobo Libra 2", "Cricut Maker 3",
    "Pixel Buds Pro", "Nothing Ear (a)", "Bose SoundLink Flex", "JBL Clip 5",
    "Tineco Floor One S7", "Shark Stratos", "Cosori Lite 4.0", "Belkin BoostCharge Pro",
    "Razer Basilisk V3", "Jabra Elite 10", "Wahoo Elemnt Bolt", "Hario V60-02",
    "Baratza Encore ESP", "Arlo Pro 5S", "Ecobee Premium", "TP-Link Deco X55",
    "Synology DS224+", "Samsung T7 Shield", "Crucial P3 Plus", "Kingston Fury Beast",
]  # fmt: skip

# situation: plans, so each chat names a plan of its own situation.
PLANS: dict[str, list[str]] = {
    "climbing": ["Boulder Unlimited", "Off-Peak Climber", "Family Belay Pass", "Youth Crag Club"],
    "escape": [
        "Private Room Bundle",
        "Midnight Heist Slot",
        "Corporate Puzzle Pack",
        "Two-Room Combo",
    ],
    "pottery": ["Wheel Basics Term", "Open Studio Pass", "Glaze Lab Add-on", "Kiln Share Plan"],
    "driving": ["Intensive Week Course", "Pass Plus Bundle", "Motorway Starter", "Refresher Five"],
    "hackathon": ["Builder Ticket", "Sponsor Table Tier", "Mentor Track", "Remote Hacker Pass"],
    "beekeeping": [
        "Apiary Associate",
        "Hive Insurance Cover",
        "Swarm Collector Tier",
        "Honey Show Entry",
    ],
    "sailing": ["Competent Crew Course", "Day Skipper Theory", "Dinghy Taster", "Yachtmaster Prep"],
    "hearing": ["Aftercare Gold", "Battery Club", "Tinnitus Check Plan", "Fitting Follow-up Pack"],
}

JOB_TITLES = [
    "Route Setter", "Piano Technician", "Kiln Technician", "Casting Coordinator",
    "Audiologist", "Apiary Inspector", "Sailing Instructor", "Driving Examiner",
    "Game Master", "Hackathon Organiser", "Studio Potter", "Harbour Pilot",
]  # fmt: skip

TECH = [
    "port 8883", "MQTT 5.0", "HTTP 418", "TLS 1.0", "SHA-512", "webhook v3", "OAuth 2.0 PKCE",
    "port 5671", "UTF-16", "gRPC 1.62", "HTTP 451", "IPv6-only", "TOTP 30s", "H.265",
    "Wi-Fi 6E", "USB-C PD 3.1",
]  # fmt: skip

TOOLS = [
    "Biome 1.7.3", "Bun 1.1.7", "Vite 5.2.8", "pnpm 8.15.6", "Caddy 2.7.5", "Traefik 3.0.1",
    "Podman 5.0.2", "SQLite 3.45.2", "Grafana 10.4.3", "Prometheus 2.52.0", "Ansible 9.5.1",
    "Nomad 1.7.6", "Vault 1.16.1", "ClickHouse 24.3.2", "Zig 0.11.0", "Elixir 1.16.2",
]  # fmt: skip
