"""multi12: short support chats in es, de, fr, pt, it, nl, id and vi, then CJK and Thai names.

Each language has 13 chats per half in three shapes (introduction answered with the first
name; a message signed with name, e-mail and phone; a refund or identity request with an IBAN
or a national id number). Vietnamese names are family name first, the reply using the last
syllable of the given name. Then 16 chats whose names are in Chinese, Japanese, Korean or Thai
script (gold ``script`` ``cjk``/``thai``).
"""

from __future__ import annotations

from dataclasses import dataclass

from bench.pii_eval.common import Example, Private, ascii_fold
from bench.pii_eval.round12 import common12, people12
from bench.pii_eval.round12.common12 import assistant, user

PER_LANGUAGE = 13
PER_SCRIPT = 4


@dataclass(frozen=True)
class Lang:
    phone: str  # phone country
    iban: str  # IBAN country, or "" for a national id instead
    intro: str  # {full} {email} {phone} {topic}
    reply: str  # {given}
    signed: str  # {topic} then signature {full} {email} {phone}
    refund: str  # {topic} {account} {full}
    topics: tuple[str, ...]


LANGS: dict[str, Lang] = {
    "es": Lang(
        "ES",
        "ES",
        "Hola, soy {full}. Mi correo es {email} y mi móvil {phone}. {topic}",
        "Gracias, {given}. Lo revisamos hoy mismo.",
        "{topic}\n\nUn saludo,\n{full}\n{email} · {phone}",
        "{topic} Por favor, devolved el importe a la cuenta {account}, titular {full}.",
        (
            "La bicicleta de carga llegó con el freno suelto.",
            "No me llega la factura del taller de encuadernación.",
        ),
    ),
    "de": Lang(
        "DE",
        "DE",
        "Guten Tag, hier ist {full}. E-Mail: {email}, Handy: {phone}. {topic}",
        "Danke, {given}. Wir melden uns morgen.",
        "{topic}\n\nViele Grüße\n{full}\n{email} | {phone}",
        "{topic} Bitte erstatten Sie den Betrag auf {account} (Kontoinhaber: {full}).",
        (
            "Das Teleskop wurde ohne Okular geliefert.",
            "Die Chorprobe am Donnerstag fällt leider für mich aus.",
        ),
    ),
    "fr": Lang(
        "FR",
        "FR",
        "Bonjour, je m'appelle {full}. Mon adresse : {email}, mon portable : {phone}. {topic}",
        "Merci {given}, nous regardons cela aujourd'hui.",
        "{topic}\n\nCordialement,\n{full}\n{email} — {phone}",
        "{topic} Merci de rembourser sur l'IBAN {account}, au nom de {full}.",
        (
            "Le canoë réservé samedi avait une fissure.",
            "Mon synthétiseur est revenu avec une touche muette.",
        ),
    ),
    "pt": Lang(
        "BR",
        "PT",
        "Olá, meu nome é {full}. E-mail {email}, celular {phone}. {topic}",
        "Obrigado, {given}! Vamos verificar.",
        "{topic}\n\nAbraços,\n{full}\n{email} / {phone}",
        "{topic} Por favor, façam o reembolso para o IBAN {account}, titular {full}.",
        ("A encadernação do meu caderno descolou.", "Quero mudar o horário da aula de canoagem."),
    ),
    "it": Lang(
        "IT",
        "IT",
        "Buongiorno, sono {full}. Email {email}, cellulare {phone}. {topic}",
        "Grazie {given}, ci pensiamo noi.",
        "{topic}\n\nCordiali saluti,\n{full}\n{email} - {phone}",
        "{topic} Vi prego di rimborsare sull'IBAN {account}, intestato a {full}.",
        (
            "Il telescopio noleggiato non mette a fuoco.",
            "Vorrei spostare la prova del coro a venerdì.",
        ),
    ),
    "nl": Lang(
        "NL",
        "NL",
        "Hallo, ik ben {full}. Mail: {email}, mobiel: {phone}. {topic}",
        "Bedankt {given}, we kijken ernaar.",
        "{topic}\n\nMet vriendelijke groet,\n{full}\n{email} · {phone}",
        "{topic} Graag het bedrag terugstorten op {account} t.n.v. {full}.",
        (
            "De bakfiets heeft een lekke band bij aflevering.",
            "Mijn synthesizer is nog steeds niet klaar.",
        ),
    ),
    "id": Lang(
        "ID",
        "",
        "Halo, saya {full}. Email {email}, HP {phone}. {topic}",
        "Terima kasih, {given}. Kami cek sekarang.",
        "{topic}\n\nSalam,\n{full}\n{email} / {phone}",
        "{topic} Untuk verifikasi, NIK saya {account} atas nama {full}.",
        (
            "Teleskop yang saya sewa tidak ada tripodnya.",
            "Jadwal kelas menjilid buku saya bentrok.",
        ),
    ),
    "vi": Lang(
        "VN",
        "",
        "Chào bạn, tôi là {full}. Email {email}, điện thoại {phone}. {topic}",
        "Cảm ơn anh/chị {given}, bên em kiểm tra ngay ạ.",
        "{topic}\n\nTrân trọng,\n{full}\n{email} - {phone}",
        "{topic} Số CCCD của tôi là {account}, họ tên {full}.",
        ("Xe đạp chở hàng bị hỏng phanh.", "Tôi muốn đổi lịch thuê ca nô sang Chủ nhật."),
    ),
}

SCRIPT_TEXT = {
    "zh": ("CN", "你好，我是{name}，手机{phone}。我订的望远镜还没到。", "好的，我们马上查一下。"),
    "ja": (
        "JP",
        "{name}と申します。電話番号は{phone}です。カヌーの予約を変更したいです。",
        "承知しました。",
    ),
    "ko": (
        "KR",
        "안녕하세요, {name}입니다. 연락처는 {phone}입니다. 주문을 취소하고 싶어요.",
        "네, 확인해 드릴게요.",
    ),
    "th": ("TH", "สวัสดีค่ะ ดิฉันชื่อ {name} เบอร์โทร {phone} ต้องการเปลี่ยนที่อยู่จัดส่งค่ะ", "ได้ค่ะ"),
}


def _language_chats(half: str, lang: str) -> list[Example]:
    rng = common12.rng12(f"multi12:{lang}", half)
    spec = LANGS[lang]
    given_pool, sur_pool = people12.MULTI[lang]
    givens = common12.pool(given_pool, half, f"multi:given:{lang}")
    surnames = common12.pool(sur_pool, half, f"multi:sur:{lang}")
    domains = common12.pool(people12.DOMAINS, half, "domains")
    out = []
    for i in range(PER_LANGUAGE):
        given, surname = rng.choice(givens), rng.choice(surnames)
        full = f"{surname} {given}" if lang == "vi" else f"{given} {surname}"
        called = given.split()[-1]
        local = ascii_fold(f"{called}.{surname}").lower().replace(" ", "")
        email = f"{local}{rng.randrange(10, 99)}@{rng.choice(domains)}"
        phone = common12.phone(rng, spec.phone, rng.random() < 0.5)
        topic = spec.topics[i % len(spec.topics)]
        private = [
            Private(full, "person", lang),
            Private(email, "email", lang),
            Private(phone, "phone", spec.phone),
        ]
        shape = i % 3
        if shape == 0:
            messages = [
                user(spec.intro.format(full=full, email=email, phone=phone, topic=topic)),
                assistant(spec.reply.format(given=called)),
            ]
            private.append(Private(called, "person", lang))
        elif shape == 1:
            messages = [user(spec.signed.format(topic=topic, full=full, email=email, phone=phone))]
            messages.append(assistant(spec.reply.format(given=called)))
            private.append(Private(called, "person", lang))
        else:
            if spec.iban:
                account = common12.iban(rng, spec.iban, rng.random() < 0.5)
                private.append(Private(account, "iban", spec.iban))
            else:
                account = common12.digits(rng, 16 if lang == "id" else 12)
                private.append(Private(account, "ssn", "NIK" if lang == "id" else "CCCD"))
            text = spec.refund.format(topic=topic, account=account, full=full)
            messages = [user(f"{text}\n{email}, {phone}"), assistant("OK.")]
        out.append(Example(messages, private))
    return out


def _script_chats(half: str) -> list[Example]:
    rng = common12.rng12("multi12:scripts", half)
    out = []
    for script, names in people12.SCRIPT_NAMES.items():
        mine = common12.pool(names, half, f"script:{script}")
        country, template, reply = SCRIPT_TEXT[script]
        kind = people12.SCRIPT_OF[script]
        for _ in range(PER_SCRIPT):
            first, second = rng.choice(mine)
            parts: tuple[str, ...]
            if script == "th":
                name, parts = f"{first} {second}", (first, second)
            else:
                name, parts = first + second, (second,)
            phone = common12.phone(rng, country, rng.random() < 0.5)
            out.append(
                Example(
                    [user(template.format(name=name, phone=phone)), assistant(reply)],
                    [
                        Private(name, "person", script, parts, kind),
                        Private(phone, "phone", country),
                    ],
                )
            )
    return out


def generate(half: str) -> list[Example]:
    out = []
    for lang in LANGS:
        out += _language_chats(half, lang)
    return out + _script_chats(half)
