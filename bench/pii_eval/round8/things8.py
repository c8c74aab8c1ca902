"""Round 8 protected strings: products, plans, job titles, technical strings, tools."""

from __future__ import annotations

PRODUCTS = [
    "Garmin Quatix 7 Pro", "Enphase IQ8M", "Yamaha P-145", "Riese & Müller Tinker 2",
    "Petcube Bites 2 Lite", "Furbo Mini 360", "Victron SmartSolar MPPT 100/30", "Fender Player Plus Telecaster",
    "Tile Pro 2024", "Lowrance Elite FS 9", "Roland FP-30X", "Jackery Explorer 1000 Plus",
    "SureFeed Microchip Pet Feeder", "Eufy SoloCam S340", "Casio Privia PX-S1100", "Raymarine Axiom+ 9",
    "Tern GSD S10", "Litter-Robot 4", "Anker SOLIX F3800", "Korg B2N",
    "VanMoof S5", "Whistle Go Explore", "Shure SM7dB", "Bosch Kiox 300",
]  # fmt: skip

PLANS: dict[str, list[str]] = {
    "vet": ["Paw Protect Lifetime 7000", "Whisker Care Accident Only", "Tail Guard Senior", "Pet Shield Essential 2500"],
    "marina": ["Seasonal Slip Plus", "Transient Mooring Day Pass", "Winter Dry Stack", "Liveaboard Annual"],
    "lessons": ["Grade Prep Term Bundle", "Ten-Lesson Flex Card", "Ensemble Coaching Add-on", "Summer Intensive Block"],
    "parking": ["Zone K Resident Permit", "Visitor Scratch Card Book", "Blue Badge Bay Licence", "Overnight Carer Permit"],
    "translation": ["Certified Sworn Package", "Express 24h Turnaround", "Glossary Keeper Retainer", "Proofread Only Tier"],
    "bikeshare": ["Ride Unlimited 45", "Pedal Pass Monthly", "Day Rover Ticket", "Student Spin Annual"],
    "petsit": ["Drop-In Duo Visit", "Overnight Snuggle Stay", "Walk & Feed Weekday", "Holiday Housesit Plus"],
    "funeral": ["Direct Cremation Simple", "Graveside Service Package", "Celebration of Life Suite", "Prepaid Guardian Plan"],
}  # fmt: skip

JOB_TITLES = [
    "Claims Adjuster II", "Harbourmaster", "Phlebotomy Lead", "Head of Strings", "Parking Enforcement Supervisor",
    "Localization Project Manager", "PV Installation Foreman", "Docent Coordinator", "Residence Life Manager",
    "Fleet Rebalancing Technician", "Funeral Director", "Senior Pet Care Associate",
]  # fmt: skip

TECH = [
    "MQTT over TLS", "port 1883", "Modbus TCP", "HTTP 409", "SHA-384", "ISO 17100", "NMEA 2000",
    "IEC 61215", "BLE 5.3", "gRPC deadline 30s", "UTF-16LE", "CAN bus 250 kbit/s", "SNMPv3", "QR code v7",
    "IPv6 /56 prefix", "Zigbee 3.0",
]  # fmt: skip

# Versioned tools for clean8 (no names in them).
TOOLS = [
    "nginx 1.27.2", "PostgreSQL 17.1", "Node.js 22.9", "Terraform 1.7.3", "Kafka 3.6.1",
    "Grafana 11.2", "Prometheus 2.54", "OpenSSL 3.3.2", "Ansible 9.2", "Helm 3.16",
    "Elasticsearch 8.15", "RabbitMQ 4.0", "Podman 4.9", "Valkey 7.2.4", "Caddy 2.8.4",
    "Vault 1.15.5",
]  # fmt: skip
