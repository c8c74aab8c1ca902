"""Set (d) ``multilingual``: short support chats in eight languages, and names in other scripts.

Spanish, German, French, Portuguese, Italian, Dutch, Indonesian and Vietnamese chats, each
with a person's name (full, then the first name alone in the reply), an e-mail or a phone in
that country's format; then a few chats in Chinese, Japanese, Korean and Thai whose names are
written in their own script (``script`` = ``cjk`` or ``thai`` in the gold: reported apart, as
"not covered" when the detector misses them). Brands are the protected strings.
"""

from __future__ import annotations

import random

from bench.pii_eval import ids
from bench.pii_eval.common import Example, Private, Protected, rng_for, split_pool
from bench.pii_eval.names import (
    CULTURES,
    SCRIPT_OF,
    VIETNAMESE_ACCENTED,
    Name,
    NamePool,
    script_names,
)
from bench.pii_eval.places import phone

SET = "multilingual"
SIZE = 184  # 92 a half: 10 chats in each of 8 languages, 12 with names in another script

LANGS = {  # language: (culture of its names, country of its phones)
    "es": ("spanish", "ES"),
    "de": ("german", "DE"),
    "fr": ("french", "FR"),
    "pt": ("portuguese", "BR"),
    "it": ("italian", "IT"),
    "nl": ("dutch", "NL"),
    "id": ("indonesian", "ID"),
    "vi": ("vietnamese_accented", "VN"),
}
BRANDS = (
    "Zara",
    "Bosch",
    "Decathlon",
    "Natura",
    "Barilla",
    "Philips",
    "Tokopedia",
    "Shopee",
    "Samsung",
    "Netflix",
    "Spotify",
    "Adidas",
)
DOMAINS = (
    "gmail.com",
    "yahoo.es",
    "web.de",
    "gmx.de",
    "orange.fr",
    "free.fr",
    "uol.com.br",
    "libero.it",
    "ziggo.nl",
    "kpnmail.nl",
    "yahoo.co.id",
    "outlook.com",
)

# (user message, assistant reply); {full} {first} {email} {phone} {brand}
TEMPLATES: dict[str, tuple[tuple[str, str], ...]] = {
    "es": (
        (
            "Hola, soy {full}. Mi pedido de {brand} no ha llegado. Mi correo es {email}.",
            "Hola {first}, lo siento mucho. He revisado tu pedido y saldrá mañana.",
        ),
        (
            "Buenas tardes, necesito cambiar el teléfono de contacto a {phone}. A nombre de {full}.",
            "Hecho, {first}. El número ya está actualizado.",
        ),
        (
            "¿Podéis llamar a mi madre, {full}, al {phone}? Ella recibirá el paquete de {brand}.",
            "Claro, llamaremos a {first} antes de la entrega.",
        ),
    ),
    "de": (
        (
            "Hallo, hier ist {full}. Meine Bestellung bei {brand} ist noch nicht angekommen. Meine E-Mail: {email}",
            "Hallo {first}, das tut mir leid. Ich habe die Lieferung geprüft, sie kommt morgen.",
        ),
        (
            "Bitte ändern Sie meine Telefonnummer auf {phone}.\n\nViele Grüße\n{full}",
            "Vielen Dank, {first}, die Nummer ist geändert.",
        ),
        (
            "Mein Kollege {full} ({email}) braucht Zugang zu {brand}.",
            "Ich habe {first} eingeladen, die Einladung ist unterwegs.",
        ),
    ),
    "fr": (
        (
            "Bonjour, je m'appelle {full} et ma commande {brand} n'est jamais arrivée. Mon adresse e-mail : {email}",
            "Bonjour {first}, je suis désolé. Je vérifie tout de suite.",
        ),
        (
            "Pouvez-vous me rappeler au {phone} ? Merci, {full}",
            "Bien sûr {first}, un conseiller vous rappellera aujourd'hui.",
        ),
        (
            "Ma sœur {full} va récupérer le colis {brand}. Son numéro : {phone}.",
            "C'est noté, nous contacterons {first} avant la livraison.",
        ),
    ),
    "pt": (
        (
            "Olá, meu nome é {full}. Meu pedido da {brand} ainda não chegou. Meu e-mail é {email}.",
            "Olá {first}, sinto muito! Vou verificar agora mesmo.",
        ),
        (
            "Por favor, atualizem meu telefone para {phone}. Obrigado, {full}",
            "Pronto, {first}, o telefone foi atualizado.",
        ),
        (
            "Minha colega {full} ({email}) precisa de acesso ao {brand}.",
            "Enviei o convite para {first}.",
        ),
    ),
    "it": (
        (
            "Buongiorno, sono {full}. Il mio ordine {brand} non è ancora arrivato. La mia email è {email}.",
            "Buongiorno {first}, mi dispiace. Controllo subito.",
        ),
        (
            "Potete richiamarmi al {phone}? Grazie, {full}",
            "Certo {first}, la richiameremo entro oggi.",
        ),
        (
            "Il pacco {brand} lo ritira mio fratello {full}, cellulare {phone}.",
            "Perfetto, avviseremo {first} prima della consegna.",
        ),
    ),
    "nl": (
        (
            "Hallo, ik ben {full}. Mijn bestelling bij {brand} is nog niet binnen. Mijn e-mailadres is {email}.",
            "Hallo {first}, wat vervelend. Ik kijk het meteen na.",
        ),
        (
            "Kunnen jullie mij terugbellen op {phone}? Groetjes, {full}",
            "Natuurlijk {first}, we bellen je vandaag nog.",
        ),
        (
            "Mijn buurvrouw {full} neemt het pakket van {brand} aan, haar nummer is {phone}.",
            "Prima, we laten {first} het weten.",
        ),
    ),
    "id": (
        (
            "Halo, saya {full}. Pesanan {brand} saya belum sampai. Email saya {email}.",
            "Halo Kak {first}, mohon maaf. Saya cek dulu ya.",
        ),
        (
            "Tolong hubungi saya di {phone}. Terima kasih, {full}",
            "Baik {first}, tim kami akan menelepon hari ini.",
        ),
        (
            "Paket {brand} akan diterima oleh adik saya, {full}, nomornya {phone}.",
            "Siap, kami akan menghubungi {first} sebelum pengiriman.",
        ),
    ),
    "vi": (
        (
            "Xin chào, tôi là {full}. Đơn hàng {brand} của tôi chưa tới. Email của tôi là {email}.",
            "Chào anh/chị {first}, rất xin lỗi. Tôi sẽ kiểm tra ngay.",
        ),
        (
            "Vui lòng gọi lại cho tôi theo số {phone}. Cảm ơn, {full}",
            "Vâng {first}, chúng tôi sẽ gọi lại trong hôm nay.",
        ),
        (
            "Em gái tôi, {full}, sẽ nhận hàng {brand}. Số điện thoại: {phone}.",
            "Dạ, chúng tôi sẽ liên hệ với {first} trước khi giao.",
        ),
    ),
}
SCRIPT_TEMPLATES = {
    "zh": (
        "您好，我是{name}，我在{brand}买的东西还没到。电话：{phone}",
        "好的，我们会尽快联系您。",
    ),
    "ja": (
        "こんにちは、{name}です。{brand}で注文した商品がまだ届きません。電話番号は{phone}です。",
        "ご不便をおかけして申し訳ありません。すぐに確認いたします。",
    ),
    "ko": (
        "안녕하세요, {name}입니다. {brand}에서 주문한 상품이 아직 도착하지 않았어요. 연락처: {phone}",
        "불편을 드려 죄송합니다. 바로 확인해 드리겠습니다.",
    ),
    "th": (
        "สวัสดีครับ ผมชื่อ {name} สินค้าจาก {brand} ยังไม่มาถึง โทร {phone}",
        "ขออภัยในความไม่สะดวกครับ เราจะตรวจสอบให้ทันที",
    ),
}


def local_phone(rng: random.Random, country: str) -> str:
    d = lambda k: "".join(str(rng.randrange(10)) for _ in range(k))  # noqa: E731
    extra = {
        "ID": (f"+62 812-{d(4)}-{d(4)}", f"0813 {d(4)} {d(4)}", f"+6285{d(9)}"),
        "VN": (f"+84 90 {d(3)} {d(4)}", f"0912 {d(3)} {d(3)}", f"+84 28 {d(4)} {d(4)}"),
        "CN": (f"+86 138 {d(4)} {d(4)}", f"139{d(8)}"),
        "JP": (f"090-{d(4)}-{d(4)}", f"03-{d(4)}-{d(4)}"),
        "KR": (f"010-{d(4)}-{d(4)}", f"+82 10-{d(4)}-{d(4)}"),
        "TH": (f"081-{d(3)}-{d(4)}", f"+66 89 {d(3)} {d(4)}"),
    }
    return rng.choice(extra[country]) if country in extra else phone(rng, country)


def latin_chat(rng: random.Random, lang: str, pool: NamePool, domains: list[str]) -> Example:
    culture, country = LANGS[lang]
    name = pool.draw(rng, culture)
    if lang == "vi":  # family name first, then the given name (used alone in the reply)
        full, first = f"{name.surname} {name.given}", name.given
    else:
        full, first = name.full, name.given
    user, reply = rng.choice(TEMPLATES[lang])
    ex = Example(messages=[])
    values = {"full": full, "first": first, "brand": rng.choice(BRANDS)}
    ex.private.append(Private(full, "person", lang))
    ex.private.append(Private(first, "person", lang))
    if "{brand}" in user:
        ex.protected.append(Protected(values["brand"], "brand"))
    if "{email}" in user:
        values["email"] = ids.email(rng, Name(name.given, name.surname, culture), domains)
        ex.private.append(Private(values["email"], "email", lang))
    if "{phone}" in user:
        values["phone"] = local_phone(rng, country)
        ex.private.append(Private(values["phone"], "phone", lang))
    ex.messages.append({"role": "user", "content": user.format(**values)})
    ex.messages.append({"role": "assistant", "content": reply.format(**values)})
    ex.private = [p for p in ex.private if p.text in user.format(**values) + reply.format(**values)]
    return ex


def script_chat(rng: random.Random, lang: str, half: str) -> Example:
    name, parts = rng.choice(script_names(half, lang))
    country = {"zh": "CN", "ja": "JP", "ko": "KR", "th": "TH"}[lang]
    user, reply = SCRIPT_TEMPLATES[lang]
    brand, tel = rng.choice(BRANDS), local_phone(rng, country)
    ex = Example(
        messages=[
            {"role": "user", "content": user.format(name=name, brand=brand, phone=tel)},
            {"role": "assistant", "content": reply},
        ]
    )
    ex.private.append(Private(name, "person", lang, parts, SCRIPT_OF[lang]))
    ex.private.append(Private(tel, "phone", lang))
    ex.protected.append(Protected(brand, "brand"))
    return ex


def generate(half: str, size: int = SIZE) -> list[Example]:
    rng = rng_for(SET, half)
    cultures = {c: CULTURES[c] for c, _ in LANGS.values() if c in CULTURES}
    cultures["vietnamese_accented"] = VIETNAMESE_ACCENTED
    pool = NamePool(half, cultures)
    domains = split_pool(DOMAINS, half, "ml-domains")
    n = size // 2
    n_script = max(4, n * 12 // 92)
    out = [latin_chat(rng, list(LANGS)[i % len(LANGS)], pool, domains) for i in range(n - n_script)]
    out.extend(script_chat(rng, ("zh", "ja", "ko", "th")[i % 4], half) for i in range(n_script))
    return out
