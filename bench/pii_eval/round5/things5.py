"""Round-5 protected things and phone shapes, typed by hand.

Products are shared by ``chats5`` and ``addresses5`` and split under one label.
"""

from __future__ import annotations

import random

PRODUCTS = [
    "Polar Pacer Pro",
    "Bluesound Pulse M",
    "Dyson V15 Detect",
    "Teufel Real Blue",
    "Fairphone 5",
    "Ayaneo Air Plus",
    "Tern Vektron Q9",
    "Therabody RecoveryAir",
    "Nanoleaf Shapes",
    "Withings ScanWatch 2",
    "PocketBook Era",
    "Cosori Dual Blaze",
    "Anker Prime 737",
    "Supernote Nomad",
    "Ultrahuman Ring Air",
    "Fellow Stagg EKG",
    "Roborock S8 Pro",
    "Kenwood Chef Titanium XL",
    "Nespresso Vertuo Pop",
    "Ninja Creami Deluxe",
    "Logitech MX Keys S",
    "Shokz OpenRun Pro",
    "Bigme inkNote Color",
    "Polaroid Now+",
    "Fujifilm Instax Mini 12",
    "Insta360 X3",
    "Tile Mate",
    "Dreame L10s Ultra",
    "Lelit Bianca",
    "Lego Technic 42151",
    "Smeg KLF03 kettle",
    "Moccamaster KBG Select",
]
PLANS = [
    "Family Annual plan",
    "Off-Peak membership",
    "Studio Plus tier",
    "Basic Monthly plan",
    "Premium Flex plan",
    "Student Saver bundle",
    "Business Starter plan",
    "Duo Yearly plan",
    "Unlimited Classes pass",
    "Weekend Only membership",
    "Team Growth plan",
    "Lite Prepaid plan",
]
JOB_TITLES = [
    "Volunteer Coordinator",
    "Senior Facilities Manager",
    "Head of Customer Success",
    "Payroll Administrator",
    "Lead Sound Engineer",
    "Events Operations Lead",
    "Junior Translator",
    "Regional Fleet Supervisor",
    "Grants Compliance Officer",
    "Kit Room Assistant",
    "Membership Services Manager",
    "Chief Technology Officer",
]
TECH = [
    "port 5432",
    "HTTP 507",
    "HSTS preload",
    "SSH key ed25519",
    "IPv6 only",
    "DNS TTL 300",
    "SNI required",
    "SMTP port 587",
    "HTTP/2",
    "UTF-8",
    "RAID 10",
    "gzip level 6",
]

# country -> (national form, international form): N is a digit, the same digits in both.
PHONES: dict[str, tuple[str, str]] = {
    "us": ("(4NN) NNN-NNNN", "+1 4NN NNN NNNN"),
    "uk": ("07NNN NNNNNN", "+44 7NNN NNNNNN"),
    "ie": ("08N NNN NNNN", "+353 8N NNN NNNN"),
    "cz": ("6NN NNN NNN", "+420 6NN NNN NNN"),
    "ro": ("07NN NNN NNN", "+40 7NN NNN NNN"),
    "hu": ("06 30 NNN NNNN", "+36 30 NNN NNNN"),
    "fi": ("040 NNN NNNN", "+358 40 NNN NNNN"),
    "ua": ("067 NNN NN NN", "+380 67 NNN NN NN"),
    "in": ("98NNN NNNNN", "+91 98NNN NNNNN"),
    "pk": ("03NN NNNNNNN", "+92 3NN NNNNNNN"),
    "th": ("08N NNN NNNN", "+66 8N NNN NNNN"),
    "my": ("01N-NNN NNNN", "+60 1N-NNN NNNN"),
    "et": ("091 NNN NNNN", "+251 91 NNN NNNN"),
    "za": ("08N NNN NNNN", "+27 8N NNN NNNN"),
    "gh": ("024 NNN NNNN", "+233 24 NNN NNNN"),
    "nz": ("021 NNN NNNN", "+64 21 NNN NNNN"),
    "ws": ("72 NNNNN", "+685 72 NNNNN"),
    "pe": ("9NN NNN NNN", "+51 9NN NNN NNN"),
    "pt": ("91N NNN NNN", "+351 91N NNN NNN"),
    "jm": ("(876) NNN-NNNN", "+1 876 NNN NNNN"),
    "no": ("4NN NN NNN", "+47 4NN NN NNN"),
    "dk": ("2N NN NN NN", "+45 2N NN NN NN"),
    "cl": ("9 NNNN NNNN", "+56 9 NNNN NNNN"),
    "vn": ("09NN NNN NNN", "+84 9NN NNN NNN"),
    "au": ("04NN NNN NNN", "+61 4NN NNN NNN"),
    "ca": ("(6NN) NNN-NNNN", "+1 6NN NNN NNNN"),
    "es": ("6NN NN NN NN", "+34 6NN NN NN NN"),
    "de": ("015N NNNNNNN", "+49 15N NNNNNNN"),
    "fr": ("06 NN NN NN NN", "+33 6 NN NN NN NN"),
    "br": ("(1N) 9NNNN-NNNN", "+55 1N 9NNNN-NNNN"),
    "it": ("34N NNN NNNN", "+39 34N NNN NNNN"),
    "nl": ("06-NNNN NNNN", "+31 6 NNNN NNNN"),
    "id": ("0812-NNNN-NNNN", "+62 812-NNNN-NNNN"),
}

CULTURE_PHONE = {
    "czech": "cz",
    "romanian": "ro",
    "hungarian": "hu",
    "finnish": "fi",
    "ukrainian": "ua",
    "bengali": "in",
    "tamil": "in",
    "pakistani": "pk",
    "thai": "th",
    "malay": "my",
    "ethiopian": "et",
    "zulu": "za",
    "akan": "gh",
    "maori": "nz",
    "samoan": "ws",
    "andean": "pe",
    "portuguese": "pt",
    "scottish": "uk",
    "welsh": "uk",
    "jamaican": "jm",
    "irish": "ie",
    "us": "us",
    "uk": "uk",
    "word": "us",
}


def phone_pair(r: random.Random, country: str) -> tuple[str, str]:
    """The same number in national and international form."""
    national, intl = PHONES[country]
    fill = [str(r.randint(0, 9)) for _ in range(national.count("N"))]
    out = []
    for shape in (national, intl):
        it = iter(fill)
        out.append("".join(next(it) if ch == "N" else ch for ch in shape))
    return out[0], out[1]


def phone(r: random.Random, country: str) -> str:
    return r.choice(phone_pair(r, country))
