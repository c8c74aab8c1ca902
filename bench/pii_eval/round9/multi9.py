"""`multi9`: short chats in es, de, fr, pt, it, nl, id and vi, and chats with Chinese,
Japanese, Korean and Thai names in their own script.

Two shapes per language (an introduction; a signature block at the end), in the round's
situations: climbing gym, pottery class, sailing course, hearing-aid fitting.
"""

from __future__ import annotations

from bench.pii_eval.common import Example, Private
from bench.pii_eval.round9.common9 import assistant, example, pool, rng9, user
from bench.pii_eval.round9.people9 import MULTI, SCRIPT_NAMES
from bench.pii_eval.round9.persons9 import MultiDraw, phone

SIZE = 120
PER_LANG = 13
# language: (situations, intro template, signature template, reply template)
LANG: dict[str, tuple[list[str], str, str, str]] = {
    "es": (["el bono del rocódromo", "el taller de cerámica", "el curso de vela", "la revisión de los audífonos"],
           "Hola, soy {full}. Quería cambiar {sit} de fecha. Mi correo es {email} y mi móvil {phone}.",
           "Buenas tardes:\nNo puedo asistir a {sit} el sábado. ¿Se puede pasar al domingo?\n\nUn saludo,\n{full}\n{email}\n{phone}",
           "Claro, {alone}, lo cambiamos sin coste."),
    "de": (["die Boulderhalle-Karte", "den Töpferkurs", "den Segelkurs", "die Hörgeräteanpassung"],
           "Hallo, ich bin {full} und möchte {sit} verschieben. E-Mail: {email}, Handy: {phone}.",
           "Guten Tag,\nich kann diese Woche nicht an {sit} teilnehmen. Gibt es einen Ersatztermin?\n\nViele Grüße\n{full}\n{email}\n{phone}",
           "Kein Problem, {alone}, wir finden einen neuen Termin."),
    "fr": (["l'abonnement à la salle d'escalade", "l'atelier de poterie", "le stage de voile", "le réglage des appareils auditifs"],
           "Bonjour, je m'appelle {full} et je voudrais déplacer {sit}. Mon e-mail : {email}, mon portable : {phone}.",
           "Bonjour,\nJe ne pourrai pas venir pour {sit} samedi. Est-ce possible dimanche ?\n\nCordialement,\n{full}\n{email}\n{phone}",
           "Bien sûr, {alone}, c'est noté pour dimanche."),
    "pt": (["o plano da academia de escalada", "a aula de cerâmica", "o curso de vela", "o ajuste do aparelho auditivo"],
           "Oi, aqui é {full}. Preciso remarcar {sit}. Meu e-mail é {email} e o celular {phone}.",
           "Boa tarde,\nNão vou conseguir ir para {sit} no sábado. Dá para mudar para domingo?\n\nAbraços,\n{full}\n{email}\n{phone}",
           "Claro, {alone}, já remarcamos."),
    "it": (["l'abbonamento alla palestra di arrampicata", "il corso di ceramica", "il corso di vela", "la regolazione dell'apparecchio acustico"],
           "Buongiorno, sono {full} e vorrei spostare {sit}. La mia e-mail è {email}, il cellulare {phone}.",
           "Buonasera,\nsabato non riesco a venire per {sit}. Si può fare domenica?\n\nCordiali saluti,\n{full}\n{email}\n{phone}",
           "Certo, {alone}, spostiamo a domenica."),
    "nl": (["het klimhalabonnement", "de pottenbakcursus", "de zeilcursus", "de hoortoestelafspraak"],
           "Hoi, ik ben {full} en wil {sit} verzetten. Mijn e-mail is {email}, mobiel {phone}.",
           "Goedemiddag,\nIk kan zaterdag niet naar {sit} komen. Kan het zondag?\n\nMet vriendelijke groet,\n{full}\n{email}\n{phone}",
           "Geen probleem, {alone}, we zetten het op zondag."),
    "id": (["paket panjat tebing", "kelas keramik", "kursus berlayar", "penyetelan alat bantu dengar"],
           "Halo, saya {full}. Saya ingin menjadwal ulang {sit}. Email saya {email}, HP {phone}.",
           "Selamat siang,\nSaya tidak bisa ikut {sit} hari Sabtu. Apakah bisa hari Minggu?\n\nSalam,\n{full}\n{email}\n{phone}",
           "Bisa, {alone}, sudah kami pindahkan ke hari Minggu."),
    "vi": (["gói leo núi trong nhà", "lớp làm gốm", "khóa học chèo thuyền buồm", "buổi chỉnh máy trợ thính"],
           "Xin chào, tôi là {full}. Tôi muốn đổi lịch {sit}. Email của tôi là {email}, số điện thoại {phone}.",
           "Chào anh chị,\nThứ Bảy tôi không thể tham gia {sit}. Có thể đổi sang Chủ nhật không?\n\nTrân trọng,\n{full}\n{email}\n{phone}",
           "Được ạ, {alone} nhé, chúng tôi đã đổi sang Chủ nhật."),
}  # fmt: skip
# script: (language, template, phone country, script tag)
SCRIPT: dict[str, tuple[str, str, str]] = {
    "zh": ("你好，我是{name}，想把陶艺课改到周日。我的电话是 {phone}。", "zh", "cjk"),
    "ja": (
        "こんにちは、{name}です。セーリング講習を日曜日に変更できますか。電話番号は {phone} です。",
        "ja",
        "cjk",
    ),
    "ko": (
        "안녕하세요, {name}입니다. 보청기 조정 예약을 일요일로 바꿀 수 있을까요? 전화번호는 {phone}입니다.",
        "ko",
        "cjk",
    ),
    "th": ("สวัสดีค่ะ ดิฉันชื่อ{name} ขอเลื่อนคลาสปีนผาเป็นวันอาทิตย์ได้ไหมคะ เบอร์โทร {phone}", "th", "thai"),
}
SCRIPT_PHONES = {"zh": "139 #### ####", "ja": "090-####-####", "ko": "010-####-####", "th": "08#-###-####"}  # fmt: skip
REPLIES = {"zh": "好的，已为您改到周日。", "ja": "承知しました。日曜日に変更しました。",
           "ko": "네, 일요일로 변경해 드렸습니다.", "th": "ได้ค่ะ เลื่อนเป็นวันอาทิตย์ให้แล้วค่ะ"}  # fmt: skip


def _lang_chat(draw: MultiDraw, lang: str, i: int) -> Example:
    sits, intro, sig, reply = LANG[lang]
    full, alone = draw.person()
    email, ph = draw.email(full), phone(draw.rng, lang)
    sit = sits[i % len(sits)]
    shape = "intro" if i % 2 == 0 else "sign_off"
    text = (intro if shape == "intro" else sig).format(full=full, sit=sit, email=email, phone=ph)
    msgs = [user(text), assistant(reply.format(alone=alone))]
    priv = [Private(full, "person", lang), Private(alone, "person", lang),
            Private(email, "email", lang), Private(ph, "phone", lang)]  # fmt: skip
    return example(msgs, priv, [])


def _script_chat(rng_draw: MultiDraw, script: str, names: list[tuple[str, str]], i: int) -> Example:
    template, lang, tag = SCRIPT[script]
    a, b = names[i % len(names)]
    parts: tuple[str, ...]
    if script == "th":
        name, parts = f"{a} {b}", (a, b)
    else:
        name, parts = f"{a}{b}", (b,)
    digits = "".join(str(rng_draw.rng.randrange(10)) for _ in range(12))
    it = iter(digits)
    ph = "".join(next(it) if ch == "#" else ch for ch in SCRIPT_PHONES[script])
    msgs = [user(template.format(name=name, phone=ph)), assistant(REPLIES[script])]
    priv = [Private(name, "person", lang, parts, tag), Private(ph, "phone", lang)]
    return example(msgs, priv, [])


def generate(half: str) -> list[Example]:
    rng = rng9("multi9", half)
    out: list[Example] = []
    for lang in MULTI:
        draw = MultiDraw(half, rng, lang)
        out += [_lang_chat(draw, lang, i) for i in range(PER_LANG)]
    draw = MultiDraw(half, rng, "es")
    for script, names in SCRIPT_NAMES.items():
        mine = pool(names, half, f"script:{script}")
        out += [_script_chat(draw, script, mine, i) for i in range(4)]
    assert len(out) == SIZE
    return out
