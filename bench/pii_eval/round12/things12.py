"""Round 12 protected strings for chats, addresses and clean: products, plans, titles, tools."""

from __future__ import annotations

PRODUCTS = [
    "Celestron NexStar 8SE", "Sky-Watcher Heritage 130P", "Kobo Libra Colour", "Anker Nano Power Bank",
    "Moccamaster KBG Select", "Brompton C Line Explore", "Fujifilm X100VI", "Sonos Era 100",
    "Logitech MX Master 3S", "Korg Minilogue XD", "Arturia MicroFreak", "Olympia SM3 ribbon",
    "Aeropress Clear", "Jabra Elite 10", "Shokz OpenRun Pro", "Ember Travel Mug 2",
    "Garmin inReach Mini 2", "Osprey Talon 22", "Leatherman Wave Plus", "Vitamix E310",
]  # fmt: skip

# Versioned tools that appear in clean12 questions.
TOOLS = [
    "PostGIS 3.4", "Gradle 8.7", "Terraform 1.8", "Deno 1.44", "SQLite 3.46", "Godot 4.2",
    "Blender 4.1", "Inkscape 1.3", "Kotlin 2.0", "Elixir 1.17", "Nginx 1.26", "Redis 7.2",
    "Bun 1.1", "Zig 0.12", "Hugo 0.125", "Vite 5.2",
]  # fmt: skip

# situation: plan or tier names
PLANS: dict[str, list[str]] = {
    "observatory": ["Dark Sky Night Pass", "Meteor Season Bundle", "Lunar Weekend Hire", "Deep Field Annual"],
    "canoe": ["Paddle Day Ticket", "River Explorer Pack", "Sunrise Flatwater Session", "Rapids Tandem Upgrade"],
    "bookbinding": ["Coptic Stitch Starter", "Leather Quarter-Binding Course", "Marbling Taster", "Bindery Bench Month"],
    "synth": ["Bench Diagnosis Tier", "Full Recap Service", "Keybed Rebuild Plan", "Calibration Express"],
    "choir": ["Tenor Section Pass", "Festival Singer Tier", "Rehearsal Flex Card", "Concert Season Seat"],
    "cycling": ["Cargo Bike Share Basic", "Courier Fleet Plus", "Puncture Cover Lite", "Workshop Stand Hour"],
}

JOB_TITLES = [
    "Head of Member Services", "Senior Bench Technician", "Volunteer Coordinator", "Front Desk Lead",
    "Chief Paddling Instructor", "Bindery Manager", "Observatory Night Warden", "Choir Librarian",
    "Fleet Operations Analyst", "Glass Studio Supervisor", "Falconry Display Manager", "Rooftop Garden Steward",
]  # fmt: skip

TECH = [
    "WPA3-Personal", "port 5432", "HTTP 429", "UTF-16LE", "SHA-256 checksum", "MIDI channel 10",
    "12 V DC", "f/6.3 focal reducer", "Bluetooth LE Audio", "IPv6 only", "OAuth 2.1", "CR2032 cell",
    "RS-232", "48 kHz", "IP67 rating", "USB-C PD 65 W",
]  # fmt: skip
