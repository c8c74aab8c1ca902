"""Protected strings of round 6's chats and addresses, typed by hand.

Plans, job titles and technical strings are grouped by the situation they belong to; each
group is split between the halves on its own, so both halves hold every situation.
"""

from __future__ import annotations

PRODUCTS = [
    "Bose QuietComfort Ultra Earbuds", "Garmin Instinct 2X Solar", "Bialetti Moka Express 6-cup",
    "Brompton C Line Explore", "Osprey Talon 22", "Hario V60 Drip Kettle",
    "Hyperice Hypervolt Go 2", "Ooni Koda 12", "Marshall Emberton III", "Kobo Libra Colour",
    "Wacom Intuos Small", "KitchenAid Artisan Mini", "Logitech MX Keys Mini",
    "Tineco Floor One S5", "Nutribullet Pro 900", "Kärcher K4 Power Control",
    "DJI Osmo Pocket 3", "Raspberry Pi 5 Starter Kit", "Braun Series 9 Pro",
    "Philips Sonicare 4100", "Contigo Autoseal West Loop", "Tefal ActiFry Genius",
    "Jabra Evolve2 65", "Leatherman Wave Plus", "Peak Design Everyday Sling",
    "Bowers & Wilkins Zeppelin Pro", "Tile Mate Essentials", "Lodge Cast Iron Skillet 10.25",
    "Samsonite Proxis Spinner 55", "Thule Chariot Cross", "Bosch Serie 6 Dishwasher",
    "Tado Smart Thermostat X",
]  # fmt: skip

PLANS: dict[str, list[str]] = {
    "vet": ["Pet Wellness Plus", "Pet Health Basic"],
    "energy": ["Economy 7 tariff", "Smart Pay As You Go"],
    "allotment": ["Allotment Half Plot", "Allotment Full Plot"],
    "choir": ["Choir Associate Membership", "Choir Full Membership"],
    "bike": ["Bike Care Gold", "Bike Care Bronze"],
    "visa": ["Priority Visa Service", "Standard Visa Service"],
    "luggage": ["Baggage Cover Extra", "Baggage Cover Basic"],
    "lettings": ["Landlord Let Only", "Fully Managed Let"],
    "apprenticeship": ["Apprentice Level 3", "Apprentice Level 2"],
    "payroll": ["Payroll Essentials", "Payroll Premium"],
}

JOB_TITLES: dict[str, list[str]] = {
    "visa": ["Visa Application Officer", "Consular Appointments Clerk"],
    "apprenticeship": ["Apprenticeship Coordinator", "Workshop Supervisor"],
    "payroll": ["Payroll Systems Analyst", "Accounts Payable Clerk"],
    "choir": ["Choir Librarian", "Choir Rota Secretary"],
    "lettings": ["Lettings Negotiator", "Branch Valuer"],
}

TECH: dict[str, list[str]] = {
    "bike": ["Shimano 105 Di2", "Tubeless 700x32c", "SRAM Rival eTap", "Campagnolo Chorus 12"],
    "meter": ["firmware 2.8.14", "code E-217", "firmware 3.1.0", "code E-409"],
    "network": [
        "port 6514", "HTTP 424", "WPA3-Personal", "DKIM selector s2048", "SHA-256 checksum",
        "IPv6 prefix /56", "ISO 20022 pain.001", "Bluetooth 5.3",
    ],
}  # fmt: skip
