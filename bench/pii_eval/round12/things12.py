"""Round 12 protected strings for chats, addresses and clean: products, plans, titles, tools."""

from __future__ import annotations

PRODUCTS = [
    "Celestron NexStar 8SE", "Sky-Watcher Heritage 130P", "Anker Nano Power Bank", "Aeropress Clear",
    "Ember Travel Mug 2", "Garmin inReach Mini 2", "Olympia SM3 ribbon", "Lamy Safari Petrol",
    "Peak Design Everyday Sling 6L", "Nitecore NU25", "Petzl Actik Core", "Zoom H1n Handy Recorder",
    "Elektron Digitakt II", "Yamaha Reface CP", "Pentel GraphGear 1000", "Tombow Mono Zero",
    "Pebble Time Round", "Boox Palma", "Lume Cube Panel Mini",
]  # fmt: skip

# Versioned tools that appear in clean12 questions.
TOOLS = [
    "PostGIS 3.4", "SQLite 3.46", "Godot 4.2", "Blender 4.1", "Inkscape 1.3", "Kotlin 2.0",
    "Elixir 1.17", "Hugo 0.125", "Meson 1.4", "Ninja 1.12", "Helm 3.15", "Podman 5.1",
    "DuckDB 1.0", "Polars 1.0", "Nim 2.0", "Pandoc 3.2",
]  # fmt: skip

# situation: plan or tier names
PLANS: dict[str, list[str]] = {
    "observatory": [
        "Dark Sky Night Pass",
        "Meteor Season Bundle",
        "Lunar Weekend Hire",
        "Deep Field Annual",
    ],
    "canoe": [
        "Paddle Day Ticket",
        "River Explorer Pack",
        "Sunrise Flatwater Session",
        "Rapids Tandem Upgrade",
    ],
    "bookbinding": [
        "Coptic Stitch Starter",
        "Leather Quarter-Binding Course",
        "Marbling Taster",
        "Bindery Bench Month",
    ],
    "synth": [
        "Bench Diagnosis Tier",
        "Full Recap Service",
        "Keybed Rebuild Plan",
        "Calibration Express",
    ],
    "choir": [
        "Tenor Bench Pass",
        "Festival Singer Tier",
        "Rehearsal Flex Card",
        "Concert Season Seat",
    ],
    "cycling": [
        "Cargo Bike Share Basic",
        "Courier Fleet Plus",
        "Puncture Cover Lite",
        "Workshop Stand Hour",
    ],
}

JOB_TITLES = [
    "Head of Member Services", "Senior Bench Technician", "Volunteer Rota Keeper", "Front Desk Lead",
    "Chief Paddling Instructor", "Bindery Manager", "Observatory Night Warden", "Choral Archive Keeper",
    "Fleet Operations Analyst", "Glass Studio Supervisor", "Falconry Display Manager", "Rooftop Garden Steward",
]  # fmt: skip

TECH = [
    "WPA3-Personal", "port 6697", "Latin-1 encoding", "SHA-256 checksum", "MIDI channel 10",
    "12 V DC", "f/6.3 focal reducer", "Bluetooth LE Audio", "PKCE flow", "CR2032 cell",
    "RS-232", "48 kHz", "IP67 rating", "USB-C PD 65 W", "IEEE 754 double",
]  # fmt: skip
