"""multi13: support chats in eight languages with names, addresses, phones, e-mails and IBANs."""

from __future__ import annotations

from bench.pii_eval.common import Example, Private, ascii_fold, rng_for
from bench.pii_eval.round13 import people13, places13
from bench.pii_eval.round13.common13 import chat, iban, pool

LANGS = ("es", "de", "fr", "pt", "it", "nl", "id", "vi")
PHONE = {
    "es": "ES",
    "de": "DE",
    "fr": "FR",
    "pt": "PT",
    "it": "IT",
    "nl": "NL",
    "id": "ID",
    "vi": "VN",
}
IBAN = {"es": "ES", "de": "DE", "fr": "FR", "pt": "PT", "it": "IT", "nl": "NL"}
STREETS = {
    "es": ["Calle de Atocha {n}, 28012 Madrid", "Carrer de Sants {n}, 08014 Barcelona"],
    "de": ["Bergmannstraße {n}, 10969 Berlin", "Schweizer Straße {n}, 60594 Frankfurt am Main"],
    "fr": ["{n} rue de la Roquette, 75011 Paris", "{n} cours Lafayette, 69003 Lyon"],
    "pt": ["Rua do Alecrim {n}, 1200-018 Lisboa", "Rua de Miguel Bombarda {n}, 4050-180 Porto"],
    "it": ["Via del Pellegrino {n}, 00186 Roma", "Corso Buenos Aires {n}, 20124 Milano"],
    "nl": ["Eerste Looiersdwarsstraat {n}, 1016 VM Amsterdam", "Nobelstraat {n}, 3512 EN Utrecht"],
    "id": ["Jl. Cikajang No. {n}, Jakarta Selatan 12170", "Jl. Dago No. {n}, Bandung 40135"],
    "vi": ["{n} Hàng Mành, Hoàn Kiếm, Hà Nội", "{n} Lê Thánh Tôn, Quận 1, TP. Hồ Chí Minh"],
}
T = {
    "es": ("Hola, soy {name}. Mi correo es {email} y mi teléfono {phone}.", "Gracias, {given}. Lo revisamos hoy."),
    "de": ("Guten Tag, hier ist {name}. E-Mail: {email}, Telefon {phone}.", "Danke, {name}, wir melden uns."),
    "fr": ("Bonjour, je suis {name}, joignable au {phone} ou à {email}.", "Merci {given}, c'est noté."),
    "pt": ("Olá, chamo-me {name}. O meu e-mail é {email}, telemóvel {phone}.", "Obrigado, {given}."),
    "it": ("Buongiorno, sono {name}. Email {email}, cellulare {phone}.", "Grazie {given}, verifichiamo subito."),
    "nl": ("Hallo, met {name}. Mail me op {email} of bel {phone}.", "Bedankt {given}, we kijken ernaar."),
    "id": ("Halo, saya {name}. Email saya {email}, nomor HP {phone}.", "Terima kasih, Kak {given}."),
    "vi": ("Chào bạn, tôi là {name}. Email: {email}, số điện thoại {phone}.", "Cảm ơn anh/chị {given}."),
}  # fmt: skip
NO_EMAIL = {"es": "Hola, soy {name}, mi teléfono es {phone}.", "de": "Hallo, {name} hier, Telefon {phone}.",
            "fr": "Bonjour, {name} à l'appareil, mon numéro : {phone}.", "pt": "Olá, sou {name}, telemóvel {phone}.",
            "it": "Salve, sono {name}, il mio numero è {phone}.", "nl": "Hoi, {name} hier, mijn nummer is {phone}.",
            "id": "Halo, saya {name}, HP {phone}.", "vi": "Tôi là {name}, số điện thoại {phone}."}  # fmt: skip
ADDRESS = {"es": "Envíenlo a {a}.", "de": "Bitte an {a} liefern.", "fr": "Livrez à {a}.",
           "pt": "Entreguem em {a}.", "it": "Spedite a {a}.", "nl": "Bezorg het op {a}.",
           "id": "Kirim ke {a}.", "vi": "Giao đến {a}."}  # fmt: skip
IBAN_TXT = {"es": "Mi IBAN: {i}", "de": "Meine IBAN lautet {i}", "fr": "Mon IBAN : {i}",
            "pt": "O meu IBAN: {i}", "it": "Il mio IBAN è {i}", "nl": "Mijn IBAN is {i}"}  # fmt: skip
OTHER = {"es": "Mi suegra {o} también", "de": "Meine Kollegin {o} auch", "fr": "Ma voisine {o} aussi",
         "pt": "A minha colega {o} também", "it": "Anche mia cognata {o}", "nl": "Mijn buurvrouw {o} ook",
         "id": "Ibu saya {o} juga", "vi": "Mẹ tôi là {o} cũng vậy"}  # fmt: skip


def generate(half: str) -> list[Example]:
    rng = rng_for("multi13", half)
    domains = pool(people13.DOMAINS, half, "domains")
    scripts = {s: pool(n, half, f"script:{s}") for s, n in people13.SCRIPT_NAMES.items()}
    out = []
    for i in range(120):
        lang, j = LANGS[i // 15], i % 15
        given_pool, sur_pool = people13.MULTI[lang]
        given = rng.choice(pool(given_pool, half, f"multi:given:{lang}"))
        sur = rng.choice(pool(sur_pool, half, f"multi:sur:{lang}"))
        name = f"{given} {sur}"
        ex = Example([])
        ex.private += [Private(name, "person", lang), Private(given, "person", lang)]
        phone = places13.phone(rng, PHONE[lang], e164=j % 2 == 0)
        ex.private.append(Private(phone, "phone", PHONE[lang]))
        email = ""
        if j < 13:
            email = f"{ascii_fold(given).lower()}.{ascii_fold(sur).lower()}{rng.randrange(100, 999)}@{rng.choice(domains)}"
            email = email.replace(" ", "")
            ex.private.append(Private(email, "email", lang))
        ask, answer = T[lang]
        user = (ask if email else NO_EMAIL[lang]).format(name=name, email=email, phone=phone)
        if j % 3 == 0:
            street = pool(STREETS[lang], half, f"multi:street:{lang}")[0]
            address = street.format(n=rng.randrange(2, 200))
            ex.private.append(Private(address, "address", PHONE[lang], (address.split(",")[0],)))
            user += " " + ADDRESS[lang].format(a=address)
        if lang in IBAN and j % 4 == 1:
            value = iban(rng, IBAN[lang])
            ex.private.append(Private(value, "iban", IBAN[lang]))
            user += " " + IBAN_TXT[lang].format(i=value)
        if j in (5, 11):
            script = "cjk" if j == 5 else "thai"
            other = rng.choice(scripts[script])
            ex.private.append(Private(other, "person", lang, script=script))
            user += " " + OTHER[lang].format(o=other) + "."
        ex.messages = chat(user, answer.format(name=name, given=given))
        out.append(ex)
    return out
