"""``multi5``: short support chats in es, de, fr, pt (Brazil), it, nl, id and vi.

15 chats per language per half, names of that culture (Vietnamese family name first, the last
syllable of the given name alone in the reply), e-mails and local phone formats.
"""

from __future__ import annotations

from bench.pii_eval.common import Example, Private, Protected
from bench.pii_eval.round5.common5 import bot, digits, email_for, pool, rng, user
from bench.pii_eval.round5.people5 import DOMAINS, MULTI
from bench.pii_eval.round5.things5 import phone

PER_LANGUAGE = 15
PHONE_OF = {
    "es": "es",
    "de": "de",
    "fr": "fr",
    "pt": "br",
    "it": "it",
    "nl": "nl",
    "id": "id",
    "vi": "vn",
}

# language -> [(user, reply)]; {full} {given} {mail} {tel} {order}
TEMPLATES: dict[str, list[tuple[str, str]]] = {
    "es": [
        (
            "Hola, soy {full}. Mi pedido {order} no ha llegado. Podéis escribirme a {mail} o llamarme al {tel}.",
            "Gracias, {given}. Lo revisamos hoy mismo.",
        ),
        (
            "Buenas tardes: quiero cambiar el teléfono de mi cuenta al {tel}. Titular: {full}, correo {mail}.",
            "Hecho, {given}: el número ya está actualizado.",
        ),
    ],
    "de": [
        (
            "Guten Tag, hier ist {full}. Meine Bestellung {order} kam beschädigt an. Erreichbar unter {tel} oder {mail}.",
            "Danke, {given}, wir schicken Ersatz.",
        ),
        (
            "Bitte nur die E-Mail-Adresse ändern: {mail}. Kundenkonto {full}, Tel. {tel}.",
            "Erledigt, {given}. Die neue Adresse gilt ab sofort.",
        ),
    ],
    "fr": [
        (
            "Bonjour, je m'appelle {full}. Ma commande {order} est bloquée. Vous pouvez me joindre au {tel} ou à {mail}.",
            "Merci {given}, nous vérifions tout de suite.",
        ),
        (
            "Pouvez-vous rappeler {full} au {tel} ? Son adresse e-mail : {mail}.",
            "Bien sûr, nous rappelons {given} cet après-midi.",
        ),
    ],
    "pt": [
        (
            "Oi, aqui é {full}. Meu pedido {order} ainda não chegou. Meu e-mail é {mail} e o celular {tel}.",
            "Obrigado, {given}! Vamos verificar.",
        ),
        (
            "Bom dia. Quero atualizar meu cadastro: nome {full}, telefone {tel}, e-mail {mail}.",
            "Pronto, {given}, cadastro atualizado.",
        ),
    ],
    "it": [
        (
            "Buongiorno, sono {full}. L'ordine {order} risulta consegnato ma non l'ho ricevuto. Mi trovate al {tel} o a {mail}.",
            "Grazie {given}, apriamo subito una verifica.",
        ),
        (
            "Salve, potete aggiornare il contatto di {full}? Nuovo cellulare {tel}, e-mail {mail}.",
            "Aggiornato, {given}. Grazie!",
        ),
    ],
    "nl": [
        (
            "Hallo, met {full}. Mijn bestelling {order} is nog niet bezorgd. Bel me op {tel} of mail naar {mail}.",
            "Bedankt {given}, we zoeken het uit.",
        ),
        (
            "Graag mijn gegevens wijzigen: {full}, {mail}, {tel}.",
            "Gedaan, {given}. Je ontvangt een bevestiging.",
        ),
    ],
    "id": [
        (
            "Halo, saya {full}. Pesanan {order} belum sampai. Hubungi saya di {tel} atau {mail}.",
            "Terima kasih, Kak {given}. Kami cek dulu ya.",
        ),
        (
            "Mohon ganti nomor HP di akun atas nama {full} menjadi {tel}. Email: {mail}.",
            "Sudah diganti, Kak {given}.",
        ),
    ],
    "vi": [
        (
            "Chào shop, mình là {full}. Đơn hàng {order} vẫn chưa giao. Số điện thoại {tel}, email {mail}.",
            "Dạ, cảm ơn anh/chị {given}. Shop kiểm tra ngay ạ.",
        ),
        (
            "Cho mình đổi số điện thoại của tài khoản {full} thành {tel} nhé. Email: {mail}.",
            "Dạ shop đã đổi xong cho anh/chị {given} ạ.",
        ),
    ],
}


def _chat(lang: str, i: int, given: str, surname: str, mail: str, tel: str, order: str) -> Example:
    if lang == "vi":
        full, alone = f"{surname} {given}", given.split()[-1]
    else:
        full, alone = f"{given} {surname}", given
    ask, reply = TEMPLATES[lang][i % len(TEMPLATES[lang])]
    fields = {"full": full, "given": alone, "mail": mail, "tel": tel, "order": order}
    private = [
        Private(full, "person", lang),
        Private(alone, "person", lang),
        Private(mail, "email", lang),
        Private(tel, "phone", lang),
    ]
    protected = [Protected(order, "order")] if "{order}" in ask else []
    return Example([user(ask.format(**fields)), bot(reply.format(**fields))], private, protected)


def generate(half: str) -> list[Example]:
    r = rng("multi5", half)
    domains = pool(DOMAINS, half, "domains")
    out = []
    for lang, (given_all, sur_all) in MULTI.items():
        given = pool(given_all, half, f"multi:given:{lang}")
        sur = pool(sur_all, half, f"multi:sur:{lang}")
        for i in range(PER_LANGUAGE):
            g, s = r.choice(given), r.choice(sur)
            mail = email_for(g, s, r.choice(domains), r)
            tel = phone(r, PHONE_OF[lang])
            order = f"{r.choice(('PED', 'BST', 'CMD', 'ORD'))}-{digits(r, 6)}"
            out.append(_chat(lang, i, g, s, mail, tel, order))
    return out
