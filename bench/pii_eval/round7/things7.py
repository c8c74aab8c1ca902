"""Round 7 protected strings for chats and addresses: products, plans, titles, technical terms."""

from __future__ import annotations

PRODUCTS = [
    "Oral-B iO Series 9", "Philips Sonicare DiamondClean 9900", "Kindle Scribe 64GB",
    "Kobo Clara BW", "Keychron K2 Pro", "Herman Miller Aeron size B",
    "Secretlab Titan Evo XL", "Suunto Race S", "Theragun Prime 5th Gen",
    "Brother PT-P710BT", "Epson EcoTank ET-2850", "Samsonite Proxis 55cm",
    "Rimowa Essential Check-In M", "Osprey Farpoint 40", "Vitamix A3500",
    "Breville Barista Express BES870", "De'Longhi Dedica EC685", "Ugreen Nexode 100W",
    "EPOS Impact 1060", "Poly Voyager Focus 2", "Shure MV7+",
    "Polaroid Go Gen 2", "Canon PIXMA TS6350a", "Chilly's Series 2 500ml",
    "Stanley Quencher H2.0 40oz", "Hydro Flask 32 oz Wide Mouth", "Tile Pro 2022",
    "Eufy RoboVac 11S", "Kärcher WD 3", "Bosch PSR 18 LI-2", "Makita DHP482Z",
    "Shark NV602UK",
]  # fmt: skip

# Plans and tiers per situation (each chat names the plan of its own situation).
PLANS: dict[str, list[str]] = {
    "dental": ["Smile Care Essential", "Family Hygiene Plus", "Brite Plan Gold", "Gumline Basic"],
    "library": ["Reader Pass", "Borrower Premium", "Family Card Plus", "Digital Lending Tier"],
    "cowork": ["Hot Desk Flex 10", "Dedicated Desk Monthly", "Meeting Room Bundle 20h", "Night Owl Pass"],
    "tax": ["TaxPrep Standard", "Self-Employed Deluxe", "Landlord Add-on", "Expat Filing Pack"],
    "moving": ["Full Pack Service", "Load & Go Basic", "Piano Handling Add-on", "Storage Vault 50"],
    "gym": ["Off-Peak Saver", "All Clubs Black", "Swim Only Membership", "Student Flex"],
    "pharmacy": ["RefillSync Auto", "Care Rewards Silver", "MedReminder Pro", "Travel Health Pack"],
    "crowd": ["Early Bird Backer", "Collector's Tier", "Studio Supporter", "Deluxe Pledge"],
}  # fmt: skip

JOB_TITLES = [
    "hygiene therapist", "circulation supervisor", "community manager", "enrolled agent",
    "move coordinator", "claims adjuster", "people partner", "dispensing optician",
    "registrar assistant", "backer relations lead", "front-of-house lead", "payroll analyst",
]  # fmt: skip

TECH = [
    "OAuth 2.1", "port 5432", "HTTP 425", "SHA3-512", "dual-stack IPv6", "gRPC 1.62",
    "Caddy 2.7.6", "Node.js 20.12 LTS", "mTLS", "MTU 1500", "ISO-8859-2", "webhook retry x5",
    "cron 0 3 * * *", "exit code 137", "Ubuntu 24.04 LTS", "SFTP on port 2222",
]  # fmt: skip

# Versioned tools for clean7.
TOOLS = [
    "Python 3.12.3", "Go 1.22.2", "Rust 1.78.0", "PostgreSQL 15.6", "MariaDB 11.4.2",
    "Elasticsearch 8.13.2", "RabbitMQ 3.13.1", "Vault 1.16.1", "Ansible 9.4.0", "Grafana 10.4.2",
    "Prometheus 2.51.2", "Jenkins 2.452", "Gradle 8.7", "Maven 3.9.7", "Spark 3.5.1",
    "Airflow 2.9.0", "dbt 1.7.13", "Deno 1.42.4", "Bun 1.1.4", "SQLite 3.45.3",
]  # fmt: skip
