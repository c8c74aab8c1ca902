"""``multi4``: short support chats in es, de, fr, pt, it, nl, id, vi with names of that culture,
e-mails and local phone formats (15 per language and half).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Private
from bench.pii_eval.round4 import common4 as c4
from bench.pii_eval.round4.chats4 import _chat
from bench.pii_eval.round4.people4 import MULTI


def _d(r: random.Random, n: int) -> str:
    return "".join(str(r.randrange(10)) for _ in range(n))


PHONES: dict[str, Callable[[random.Random], str]] = {
    "es": lambda r: r.choice(
        [f"6{_d(r, 2)} {_d(r, 3)} {_d(r, 3)}", f"+34 6{_d(r, 2)} {_d(r, 2)} {_d(r, 2)} {_d(r, 2)}"]
    ),
    "de": lambda r: r.choice(
        [f"0171 {_d(r, 7)}", f"+49 160 {_d(r, 4)} {_d(r, 3)}", f"030 {_d(r, 4)} {_d(r, 4)}"]
    ),
    "fr": lambda r: r.choice(
        [
            f"06 {_d(r, 2)} {_d(r, 2)} {_d(r, 2)} {_d(r, 2)}",
            f"+33 7 {_d(r, 2)} {_d(r, 2)} {_d(r, 2)} {_d(r, 2)}",
        ]
    ),
    "pt": lambda r: r.choice(
        [
            f"91{_d(r, 1)} {_d(r, 3)} {_d(r, 3)}",
            f"+351 93{_d(r, 1)} {_d(r, 3)} {_d(r, 3)}",
            f"(21) 9{_d(r, 4)}-{_d(r, 4)}",
            f"+55 11 9{_d(r, 4)}-{_d(r, 4)}",
        ]
    ),
    "it": lambda r: r.choice(
        [f"34{_d(r, 1)} {_d(r, 3)} {_d(r, 4)}", f"+39 33{_d(r, 1)} {_d(r, 3)} {_d(r, 4)}"]
    ),
    "nl": lambda r: r.choice(
        [f"06-{_d(r, 8)}", f"+31 6 {_d(r, 4)} {_d(r, 4)}", f"020 {_d(r, 3)} {_d(r, 4)}"]
    ),
    "id": lambda r: r.choice([f"0812-{_d(r, 4)}-{_d(r, 4)}", f"+62 813 {_d(r, 4)} {_d(r, 4)}"]),
    "vi": lambda r: r.choice(
        [f"09{_d(r, 2)} {_d(r, 3)} {_d(r, 3)}", f"+84 9{_d(r, 2)} {_d(r, 3)} {_d(r, 3)}"]
    ),
}
DOMAINS: dict[str, list[str]] = {
    "es": ["correo-sierra.es", "buzonazul.com.mx", "mensajeria-rio.es", "cartero.net"],
    "de": ["postfach-nord.de", "briefkiste.at", "mailwiese.de", "netzbote.ch"],
    "fr": ["courriel-lune.fr", "boitemail.be", "postevive.fr", "messagerie-sud.fr"],
    "pt": ["correio-praia.pt", "caixapostal.com.br", "mensagem-viva.pt", "cartas.net.br"],
    "it": ["postaveloce.it", "casella-blu.it", "messaggi-sole.it", "lettere.net"],
    "nl": ["postduif.nl", "brievenbus-online.nl", "mailmolen.be", "tulpmail.nl"],
    "id": ["suratku.co.id", "kotakpos.id", "pesanbaru.net", "kilat-mail.id"],
    "vi": ["thudien.vn", "hopthu.com.vn", "buudien-so.vn", "thuxanh.vn"],
}

# language -> template strings; {full} {given} {email} {phone} {ref}
TEMPLATES: dict[str, list[tuple[str, str]]] = {
    "es": [
        (
            "Hola, soy {full}. Mi pedido {ref} no ha llegado. Mi correo es {email} y mi móvil {phone}.",
            "Gracias, {given}. Revisamos el pedido {ref} y le escribiremos a su correo hoy.",
        ),
        (
            "Buenas tardes, quisiera cambiar el teléfono de la cuenta a {phone}. Titular: {full} ({email}).",
            "Hecho, {given}: el nuevo número ya figura en su cuenta.",
        ),
    ],
    "de": [
        (
            "Guten Tag, hier ist {full}. Meine Bestellung {ref} fehlt noch. Erreichbar unter {phone} oder {email}.",
            "Danke, {given}. Wir prüfen die Bestellung {ref} und melden uns per E-Mail.",
        ),
        (
            "Bitte ändern Sie meine Nummer auf {phone}. Mit freundlichen Grüßen\n{full}\n{email}",
            "Die Nummer ist geändert. Einen schönen Tag noch!",
        ),
    ],
    "fr": [
        (
            "Bonjour, je m'appelle {full}. Ma commande {ref} n'est pas arrivée. Mon numéro : {phone}, mail {email}.",
            "Merci {given}, nous vérifions la commande {ref} et revenons vers vous.",
        ),
        (
            "Pouvez-vous rappeler {full} au {phone} ? Son adresse : {email}.",
            "Bien sûr, nous rappellerons {given} dans la journée.",
        ),
    ],
    "pt": [
        (
            "Olá, sou {full}. A encomenda {ref} ainda não chegou. Telefone {phone}, e-mail {email}.",
            "Obrigado, {given}. Vamos verificar a encomenda {ref} e responder por e-mail.",
        ),
        (
            "Bom dia! Quero atualizar o contato da conta: {full}, {phone}, {email}.",
            "Pronto, {given}, os dados foram atualizados.",
        ),
    ],
    "it": [
        (
            "Buongiorno, sono {full}. L'ordine {ref} non è ancora arrivato. Cellulare {phone}, email {email}.",
            "Grazie {given}, controlliamo l'ordine {ref} e le scriviamo.",
        ),
        (
            "Potete richiamare {full} al numero {phone}? Email: {email}.",
            "Certo, richiameremo {given} entro oggi.",
        ),
    ],
    "nl": [
        (
            "Hallo, met {full}. Mijn bestelling {ref} is nog niet binnen. Bel me op {phone} of mail {email}.",
            "Dank je, {given}. We zoeken bestelling {ref} uit en mailen je vandaag.",
        ),
        (
            "Wilt u mijn nummer wijzigen naar {phone}? Groet, {full} ({email})",
            "Gedaan, {given}, het nieuwe nummer staat in uw account.",
        ),
    ],
    "id": [
        (
            "Halo, saya {full}. Pesanan {ref} belum sampai. Nomor HP saya {phone}, email {email}.",
            "Terima kasih, {given}. Kami cek pesanan {ref} dan kabari lewat email.",
        ),
        (
            "Tolong ganti nomor akun atas nama {full} menjadi {phone}. Email: {email}.",
            "Sudah kami ganti, {given}.",
        ),
    ],
    "vi": [
        (
            "Chào shop, tôi là {full}. Đơn hàng {ref} chưa tới. Số điện thoại {phone}, email {email}.",
            "Cảm ơn chị {given}, shop sẽ kiểm tra đơn {ref} và báo lại qua email.",
        ),
        (
            "Nhờ shop đổi số điện thoại của tài khoản {full} thành {phone}. Email: {email}.",
            "Shop đã cập nhật số mới cho anh/chị {given}.",
        ),
    ],
}
PER_LANGUAGE = 15


def _one(
    lang: str, r: random.Random, given: list[str], sur: list[str], domains: list[str]
) -> Example:
    g, s = r.choice(given), r.choice(sur)
    if lang == "vi":
        full, short = f"{s} {g}", g.split()[-1]
    else:
        full, short = f"{g} {s}", g
    email = c4.email_for(g, s, r.choice(domains), r)
    phone = PHONES[lang](r)
    ref = f"{r.choice(['PD', 'BX', 'NR'])}{r.randrange(100000, 999999)}"
    user, reply = r.choice(TEMPLATES[lang])
    values = {"full": full, "given": short, "email": email, "phone": phone, "ref": ref}
    msgs = _chat(user.format(**values), reply.format(**values))
    priv = [
        Private(full, "person", lang),
        Private(email, "email", lang),
        Private(phone, "phone", lang),
    ]
    if "{given}" in reply:
        priv.insert(1, Private(short, "person", lang))
    return Example(msgs, priv)


def generate(half: str) -> list[Example]:
    r = c4.rng("multi4", half)
    out: list[Example] = []
    for lang, (given, sur) in MULTI.items():
        g = c4.pool(given, half, f"multi4:given:{lang}")
        s = c4.pool(sur, half, f"multi4:sur:{lang}")
        d = c4.pool(DOMAINS[lang], half, f"multi4:domains:{lang}")
        out.extend(_one(lang, r, g, s, d) for _ in range(PER_LANGUAGE))
    return out
