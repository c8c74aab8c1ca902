"""Set ``multilingual2``: short support chats in Spanish, German, French, Portuguese, Italian,
Dutch, Indonesian and Vietnamese (12 each per half) with local names, e-mails and phones; then
chats in Chinese, Japanese, Korean and Thai whose names are written in their own script (gold
``script`` = ``cjk`` or ``thai``, reported apart as "not covered").
"""

from __future__ import annotations

from bench.pii_eval.common import Example, Private
from bench.pii_eval.round2.common2 import Ctx, assistant, user

PER_LANGUAGE = 12
SCRIPT_PER_LANGUAGE = 4

# language: (culture, phone countries, ((user, assistant), ...)); {name} full name,
# {given} given name, {email}, {phone}
# fmt: off
LANGUAGES: dict[str, tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]]] = {
    "es": ("es", ("ES", "MX"), (
        ("Hola, soy {name}. Mi pedido llegó roto. ¿Pueden llamarme al {phone}?",
         "Hola {given}, lamentamos lo ocurrido. Le enviaremos un reemplazo y le llamaremos al {phone}."),
        ("Quiero cambiar la reserva de mesa a nombre de {name} para el sábado a las 21:00. Escríbanme a {email}.",
         "Hecho: la reserva a nombre de {name} queda para el sábado a las 21:00. Confirmación enviada a {email}."),
        ("Buenas tardes, le escribe {name} ({email}). ¿Cuándo abre el plazo de matrícula?",
         "Buenas tardes, {given}. El plazo abre el 1 de septiembre; le avisaremos en {email}."),
    )),
    "de": ("de", ("DE",), (
        ("Guten Tag, mein Name ist {name}. Meine Rechnung wurde doppelt abgebucht. Sie erreichen mich unter {phone}.",
         "Hallo {given}, wir prüfen die doppelte Abbuchung und melden uns unter {phone}."),
        ("Bitte schicken Sie die Unterlagen an {email}.\nViele Grüße\n{name}",
         "Die Unterlagen gehen heute noch an {email} raus."),
        ("Hallo, hier ist {name}. Ich möchte meinen Zahnarzttermin verschieben, Telefon {phone}.",
         "Hallo {given}, Ihr Termin ist jetzt am Donnerstag um 10:30 Uhr."),
    )),
    "fr": ("fr", ("FR",), (
        ("Bonjour, je m'appelle {name}. Mon colis n'est jamais arrivé. Vous pouvez me joindre au {phone}.",
         "Bonjour {given}, nous ouvrons une enquête auprès du transporteur et vous rappelons au {phone}."),
        ("Merci de m'envoyer la facture à {email}.\nCordialement,\n{name}",
         "C'est fait : la facture a été envoyée à {email}."),
        ("Bonsoir, c'est {name}, je voudrais résilier mon abonnement. Mon numéro : {phone}.",
         "Bonsoir {given}, la résiliation prendra effet à la fin du mois."),
    )),
    "pt": ("pt", ("BR", "PT"), (
        ("Oi, meu nome é {name}. Meu pedido veio com defeito. Meu WhatsApp é {phone}.",
         "Oi {given}, sentimos muito! Vamos mandar um novo e te avisar pelo {phone}."),
        ("Pode mandar o boleto para {email}? Obrigado, {name}",
         "Claro, o boleto foi enviado para {email}."),
        ("Bom dia, aqui é {name}. Quero remarcar minha consulta. Contato: {email}",
         "Bom dia, {given}! Remarcamos para quinta às 9h e confirmamos em {email}."),
    )),
    "it": ("it", ("IT",), (
        ("Buongiorno, sono {name}. Il mio ordine è in ritardo di una settimana. Potete chiamarmi al {phone}?",
         "Buongiorno {given}, ci scusiamo per il ritardo; la richiameremo al {phone} entro oggi."),
        ("Vi prego di inviare il preventivo a {email}.\nCordiali saluti,\n{name}",
         "Il preventivo è stato inviato a {email}."),
        ("Ciao, mi chiamo {name} e vorrei iscrivermi al corso di yoga. Il mio numero è {phone}.",
         "Ciao {given}! Sei iscritto al corso del martedì; ti mandiamo un promemoria al {phone}."),
    )),
    "nl": ("nl", ("NL",), (
        ("Goedemiddag, u spreekt met {name}. Mijn pakket is niet bezorgd. Mijn nummer is {phone}.",
         "Goedemiddag {given}, we starten een onderzoek en bellen u terug op {phone}."),
        ("Wilt u de offerte naar {email} sturen? Met vriendelijke groet, {name}",
         "De offerte is verstuurd naar {email}."),
        ("Hoi, ik ben {name}. Kan ik mijn afspraak verzetten? Bereikbaar via {email}.",
         "Hoi {given}, je afspraak staat nu op vrijdag om 14:00; de bevestiging gaat naar {email}."),
    )),
    "id": ("id", ("ID",), (
        ("Halo, nama saya {name}. Pesanan saya belum sampai. Nomor HP saya {phone}.",
         "Halo Kak {given}, mohon maaf atas keterlambatannya. Kami akan menghubungi {phone} hari ini."),
        ("Tolong kirim invoice ke {email} ya. Terima kasih, {name}",
         "Baik, invoice sudah dikirim ke {email}."),
        ("Selamat pagi, saya {name}, mau ganti jadwal servis motor. Bisa hubungi saya di {phone}.",
         "Selamat pagi {given}, jadwal servis sudah kami ganti ke hari Kamis."),
    )),
    "vi": ("vi", ("VN",), (
        ("Xin chào, tôi là {name}. Đơn hàng của tôi bị giao sai. Số điện thoại của tôi là {phone}.",
         "Chào anh/chị {given}, chúng tôi xin lỗi và sẽ gọi lại số {phone} trong hôm nay."),
        ("Vui lòng gửi hóa đơn đến {email}. Cảm ơn, {name}",
         "Hóa đơn đã được gửi đến {email}."),
        ("Chào shop, mình là {name}, muốn đổi size áo. Email: {email}",
         "Chào {given}, shop đã nhận yêu cầu đổi size và sẽ gửi xác nhận qua {email}."),
    )),
}

# (full name as written, identifying parts); the Thai parts are given name and surname.
SCRIPT_NAMES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "zh": (("钱晓梅", ("晓梅",)), ("孙浩宇", ("浩宇",)), ("周雅婷", ("雅婷",)), ("郑国栋", ("国栋",)),
           ("冯思琪", ("思琪",)), ("韩子轩", ("子轩",)), ("罗文静", ("文静",)), ("欧阳志远", ("志远",))),
    "ja": (("高橋 健太", ("健太",)), ("渡辺さくら", ("さくら",)), ("伊藤陽菜", ("陽菜",)),
           ("中村 悠真", ("悠真",)), ("小林大翔", ("大翔",)), ("加藤 美咲", ("美咲",)),
           ("吉田颯太", ("颯太",)), ("山本結衣", ("結衣",))),
    "ko": (("박지훈", ("지훈",)), ("최서연", ("서연",)), ("정민호", ("민호",)), ("강하은", ("하은",)),
           ("윤도현", ("도현",)), ("장수빈", ("수빈",)), ("임태양", ("태양",)), ("한예진", ("예진",))),
    "th": (("ณัฐวุฒิ พรหมมา", ("ณัฐวุฒิ", "พรหมมา")), ("อรอุมา เพชรรัตน์", ("อรอุมา", "เพชรรัตน์")),
           ("ชยพล ศักดิ์ดี", ("ชยพล", "ศักดิ์ดี")), ("กนกวรรณ ธนพัฒน์", ("กนกวรรณ", "ธนพัฒน์")),
           ("วรเชษฐ์ อินทร์แก้ว", ("วรเชษฐ์", "อินทร์แก้ว")), ("ปิยะนุช สุขสวัสดิ์", ("ปิยะนุช", "สุขสวัสดิ์")),
           ("อนุชา รัตนพันธ์", ("อนุชา", "รัตนพันธ์")), ("สุดารัตน์ จันทร์เพ็ญ", ("สุดารัตน์", "จันทร์เพ็ญ"))),
}
SCRIPT_TEMPLATES: dict[str, tuple[str, str]] = {
    "zh": ("您好，我是{name}，我的订单还没有发货。我的手机是{phone}。",
           "{given}您好，我们已经催促仓库，发货后会短信通知{phone}。"),
    "ja": ("こんにちは、{name}と申します。予約の変更をお願いしたいです。電話番号は{phone}です。",
           "{name}様、ご連絡ありがとうございます。予約を変更いたしました。"),
    "ko": ("안녕하세요, {name}입니다. 주문한 상품이 아직 안 왔어요. 연락처는 {phone}입니다.",
           "{given}님, 불편을 드려 죄송합니다. 오늘 중으로 {phone}으로 연락드리겠습니다."),
    "th": ("สวัสดีครับ ผม{name} ของที่สั่งยังไม่มาส่งครับ เบอร์โทร {phone}",
           "สวัสดีค่ะ คุณ{given} ทางเราจะติดต่อกลับที่เบอร์ {phone} ค่ะ"),
}
# fmt: on


def _script_phone(c: Ctx, lang: str) -> str:
    d = "".join(c.rng.choices("0123456789", k=8))
    if lang == "zh":
        return f"1{c.rng.choice('3589')}{c.rng.randrange(0, 10)} {d[:4]} {d[4:]}"
    if lang == "ja":
        return f"090-{d[:4]}-{d[4:]}"
    if lang == "ko":
        return f"010-{d[:4]}-{d[4:]}"
    return f"08{c.rng.randrange(1, 10)} {d[:3]} {d[3:7]}"


def generate(half: str) -> list[Example]:
    c = Ctx("multilingual2", half)
    out: list[Example] = []
    for lang, (culture, countries, templates) in LANGUAGES.items():
        for i in range(PER_LANGUAGE):
            n = c.name(culture)
            question, answer = templates[i % len(templates)]
            ex = c.start()
            values = {"name": n.full, "given": n.given}
            text = question + answer
            if "{email}" in text:
                values["email"] = c.email(n)
            if "{phone}" in text:
                values["phone"] = c.phone(countries[i % len(countries)])
            ex.messages += [user(question.format(**values)), assistant(answer.format(**values))]
            c.person(n.full, lang)
            if "{given}" in text:
                c.person(n.given, lang)
            out.append(ex)
    for lang, names in SCRIPT_NAMES.items():
        pool = c.pool(f"script:{lang}", names)
        question, answer = SCRIPT_TEMPLATES[lang]
        script = "thai" if lang == "th" else "cjk"
        for i in range(SCRIPT_PER_LANGUAGE):
            full, parts = pool[i % len(pool)]
            given = parts[0] if lang == "th" else parts[-1]
            phone = _script_phone(c, lang)
            ex = c.start()
            values = {"name": full, "given": given, "phone": phone}
            ex.messages += [user(question.format(**values)), assistant(answer.format(**values))]
            ex.private.append(Private(full, "person", lang, parts, script))
            ex.private.append(Private(phone, "phone", lang))
            out.append(ex)
    return out
