"""Bytes to text when the page declares its charset: a right declaration is read as declared
(as a browser reads it), a wrong one that decodes to mojibake or control characters is
overruled by charset-normalizer's detection. Pages are generated here, in their charsets."""
from __future__ import annotations


import charset_normalizer
import charset_normalizer.md
import pytest

from cleaner import Cleaner, Settings, clean
from cleaner.decode import browser_codecs, decode_bytes, looks_wrong, text_sample
from cleaner.readers import html

RU = ("Шторм обрушился на побережье Приморья", [
    "Сильный шторм обрушился на побережье Приморского края в ночь на понедельник, сообщили в "
    "региональном управлении МЧС. Ветер достигал двадцати пяти метров в секунду, в нескольких "
    "районах были повреждены линии электропередачи.",
    "По словам губернатора, без света остались более сорока тысяч жителей. Аварийные бригады "
    "работают круглосуточно, чтобы восстановить электроснабжение к среде. Школы и детские сады "
    "в прибрежных посёлках закрыты до конца недели.",
    "«Такого шторма не было лет двадцать», — сказал глава Находки. Синоптики предупреждают, что "
    "непогода продлится ещё как минимум два дня, и просят жителей держаться подальше от берега, "
    "где волны достигают четырёх метров.",
])
# KOI8-R has no « » or —.
RU_KOI8 = (RU[0], [paragraph.replace("«", '"').replace("»", '"').replace(" — ", " - ")
                   for paragraph in RU[1]])
FR = ("Grève générale à Paris : les écoles fermées mardi", [
    "Les syndicats français ont appelé à une grève générale mardi, a annoncé la confédération, "
    "et la plupart des écoles de la capitale resteront fermées toute la journée.",
    "« Nous ne céderons pas », a déclaré la secrétaire générale devant des milliers de "
    "manifestants réunis place de la République. Le gouvernement prévoit une réunion d’urgence "
    "mercredi matin.",
    "Selon la préfecture, le coût des perturbations dépasserait 200 millions d’euros (soit "
    "près de 15 € par habitant) et les transports en commun fonctionneront à peine.",
])
DE = ("Sturm über Norddeutschland: Bahnverkehr eingestellt", [
    "Ein schwerer Sturm hat in der Nacht zum Montag große Schäden in Norddeutschland "
    "angerichtet. Umgestürzte Bäume blockierten zahlreiche Straßen, der Bahnverkehr zwischen "
    "Hamburg und Bremen wurde eingestellt.",
    "„Wir haben so etwas seit Jahren nicht erlebt“, sagte der Bürgermeister von Cuxhaven. Die "
    "Feuerwehr rückte zu mehr als dreihundert Einsätzen aus, verletzt wurde nach ersten Angaben "
    "niemand.",
    "Die Versicherer schätzen die Schäden auf über 50 Millionen €. Der Deutsche Wetterdienst "
    "warnt vor weiteren Böen am Dienstag und rät, Ausflüge an die Küste zu verschieben.",
])
ES = ("Huelga del transporte público en Madrid el miércoles", [
    "Los sindicatos del transporte público de Madrid convocaron una huelga de veinticuatro horas "
    "para el próximo miércoles, según informó la asociación de trabajadores este lunes.",
    "«No nos dejan otra opción», afirmó el portavoz sindical, quien explicó que las "
    "negociaciones con la empresa llevan más de seis meses estancadas. ¿Cuánto durará el "
    "conflicto? Nadie lo sabe todavía.",
    "La compañía calcula pérdidas de casi 3 millones de € por cada día de paro. El ayuntamiento "
    "pidió a los ciudadanos que usen la bicicleta o compartan coche durante la jornada.",
])
EN = ("Café owners protest new terrace rules", [
    "The owners of forty cafés in the city centre protested on Monday against new rules on "
    "terrace opening hours, which the council says will cut noise at night.",
    "“We were not consulted,” said one owner. The rules take effect on 1 May; fines start at "
    "£200 or €250 • see §4 ¶2 of the by-law™. It was 20°C ± 2° at the protest.",
])
JA = ("東京で大雨、交通機関に乱れ", [
    "気象庁によると、東京都心では月曜日の午後から激しい雨が降り続き、一時間に八十ミリを超える猛烈な雨を観測した地点もあった。",
    "この影響で、ＪＲ山手線や地下鉄の一部路線で運転見合わせが相次ぎ、帰宅ラッシュの時間帯に多くの利用客が駅で足止めされた。",
    "気象庁は、火曜日にかけても局地的に雷を伴った非常に激しい雨が降るおそれがあるとして、土砂災害や低い土地の浸水に警戒するよう呼びかけている。",
])
ZH = ("北京迎来今年首场大雪", [
    "据北京市气象台消息，北京周一迎来今年入冬以来的首场大雪，城区平均降雪量达到八毫米，部分山区积雪超过十五厘米。",
    "受降雪影响，首都机场和大兴机场共取消航班一百余架次，多条高速公路临时封闭。交通管理部门提醒市民尽量减少驾车出行，注意防滑。",
    "气象专家表示，此次降雪有利于缓解前期的干旱，对冬小麦的生长十分有利。预计周三起天气转晴，气温将明显下降。",
])
KO = ("서울에 폭설, 출근길 혼잡", [
    "기상청에 따르면 월요일 새벽부터 서울과 경기 지역에 많은 눈이 내려 일부 지역에는 십 센티미터가 넘는 적설량을 기록했다.",
    "이 때문에 출근길 도로 곳곳에서 차량 정체가 이어졌고, 시민들은 평소보다 일찍 집을 나서 지하철로 몰렸다. 서울시는 제설 차량 천여 대를 투입했다고 밝혔다.",
    "기상청은 화요일 오후까지 눈이 계속될 것으로 보고 대설 주의보를 유지하고 있으며, 빙판길 안전사고에 각별히 유의해 달라고 당부했다.",
])
PL = ("Ulewy na południu Polski, zalane piwnice", [
    "Intensywne opady deszczu spowodowały w poniedziałek podtopienia w kilku powiatach "
    "województwa małopolskiego, poinformowała straż pożarna. Zalanych zostało kilkadziesiąt "
    "piwnic, a kilka dróg zamknięto.",
    "„Sytuacja jest trudna, ale opanowana” – powiedział wojewoda. Synoptycy ostrzegają, że "
    "deszcz będzie padał jeszcze przez dwa dni, a poziom wody w rzekach może dalej rosnąć.",
])
CS = ("Povodně zasáhly jižní Moravu", [
    "Silné deště způsobily v noci na pondělí povodně na jižní Moravě, uvedli hasiči. Voda "
    "zaplavila desítky domů v obcích podél řeky Dyje a několik silnic muselo být uzavřeno.",
    "\"Takovou vodu tady nikdo nepamatuje,\" řekl starosta Břeclavi. Meteorologové varují, že "
    "srážky budou pokračovat až do středy, a doporučují obyvatelům sledovat výstrahy.",
])
EL = ("Καύσωνας στην Αθήνα, πάνω από 40 βαθμούς", [
    "Η θερμοκρασία στην Αθήνα ξεπέρασε τους σαράντα βαθμούς τη Δευτέρα, σύμφωνα με την Εθνική "
    "Μετεωρολογική Υπηρεσία. Οι αρχές άνοιξαν κλιματιζόμενες αίθουσες για τους πολίτες.",
    "«Πρέπει να προσέχουμε τους ηλικιωμένους», δήλωσε ο δήμαρχος. Ο καύσωνας αναμένεται να "
    "διαρκέσει τουλάχιστον μέχρι την Πέμπτη.",
])

SCRIPT = ('<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}'
          'var cfg={"a":[1,2,3],"b":{"c":"d"}};if(a&&b||!c){x=y?1:2;}</script>'
          '<style>body{margin:0}.a>.b{color:#333}</style>')


def page(story: tuple[str, list[str]], charset: str, extra: str = "") -> str:
    """A news page declaring ``charset`` in its <meta>, with scripts, navigation and footer."""
    headline, paragraphs = story
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>{headline}</title>{SCRIPT}'
            f'<link rel="stylesheet" href="/site.css"></head>\n<body><nav><a href="/">Home</a> '
            f'<a href="/news">News</a> <a href="/sport">Sport</a></nav>{extra}\n'
            f'<article><h1>{headline}</h1>\n'
            f'<p class="byline">Staff reporter</p>\n{body}\n</article>\n<footer>Contact us</footer>'
            f'{SCRIPT * 3}</body></html>')


def declared_page(story, encoding: str, charset: str, extra: str = "") -> tuple[str, bytes]:
    """The page's text and its bytes in ``encoding``, declaring ``charset``."""
    text = page(story, charset, extra)
    return text, text.encode(encoding)


def story_id(value) -> str:
    """A test id: the story's headline start, or the charset."""
    return value[0][:12] if isinstance(value, tuple) else value


@pytest.fixture
def no_detection(monkeypatch):
    """Fail if charset-normalizer's detection runs: a right declaration must not pay for it."""
    def refuse(*args, **kwargs):
        raise AssertionError("charset detection ran")

    monkeypatch.setattr(charset_normalizer, "from_bytes", refuse)


RIGHT = [
    (FR, "cp1252", "windows-1252"), (FR, "cp1252", "iso-8859-1"), (DE, "cp1252", "latin-1"),
    (DE, "cp1252", "windows-1252"), (ES, "cp1252", "iso-8859-1"), (ES, "cp1252", "us-ascii"),
    (EN, "cp1252", "windows-1252"), (RU, "cp1251", "windows-1251"), (RU_KOI8, "koi8-r", "koi8-r"),
    (JA, "shift_jis", "shift_jis"), (ZH, "gb2312", "gb2312"), (ZH, "gbk", "gbk"),
    (KO, "euc-kr", "euc-kr"), (PL, "cp1250", "windows-1250"), (CS, "iso-8859-2", "iso-8859-2"),
    (EL, "cp1253", "windows-1253"),
]


@pytest.mark.parametrize("story, encoding, charset", RIGHT, ids=story_id)
def test_right_declaration_is_read_as_declared_without_detection(story, encoding, charset, no_detection):
    text, data = declared_page(story, encoding, charset)
    assert html.declared_charset(data[:4096]) == charset
    assert decode_bytes(data, charset)[0] == text


WRONG = [
    (RU, "cp1251", "iso-8859-1", "cp1251"), (RU, "cp1251", "windows-1252", "cp1251"),
    (RU, "cp1251", "us-ascii", "cp1251"), (RU_KOI8, "koi8-r", "iso-8859-1", "koi8_r"),
    (ZH, "gbk", "iso-8859-1", "gb18030"), (JA, "shift_jis", "iso-8859-1", "cp932"),
    (KO, "euc-kr", "iso-8859-1", "cp949"), (EL, "cp1253", "iso-8859-1", "cp1253"),
    # windows-1250 text declared iso-8859-2: its „quotes” and – dash are C1 controls there
    (PL, "cp1250", "iso-8859-2", "cp1250"),
]


@pytest.mark.parametrize("story, encoding, charset, detected", WRONG, ids=story_id)
def test_wrong_declaration_that_reads_as_mojibake_is_overruled(story, encoding, charset, detected):
    text, data = declared_page(story, encoding, charset)
    assert looks_wrong(data, browser_codecs(charset)[0])
    assert decode_bytes(data, charset) == (text, detected)


def test_cp1251_page_declared_iso_8859_1_is_cleaned_as_russian():
    _, data = declared_page(RU, "cp1251", "iso-8859-1")
    record = clean(data)
    assert record.error is None
    assert record.language == "ru"
    assert record.headline == RU[0]
    assert record.paragraphs[-len(RU[1]):] == RU[1]
    assert not any(mojibake in record.body for mojibake in ("Ø", "ò", "î", "ð"))


@pytest.mark.parametrize("story, encoding, charset, language", [
    (FR, "cp1252", "iso-8859-1", "fr"), (DE, "cp1252", "windows-1252", "de"),
    (ES, "cp1252", "iso-8859-1", "es"), (RU_KOI8, "koi8-r", "koi8-r", "ru"),
    (RU, "cp1251", "windows-1251", "ru"), (JA, "shift_jis", "shift_jis", "ja"),
    (KO, "euc-kr", "euc-kr", "ko"), (ZH, "gb2312", "gb2312", "zh"),
], ids=story_id)
def test_pages_in_legacy_charsets_are_cleaned_in_their_language(story, encoding, charset, language):
    _, data = declared_page(story, encoding, charset)
    record = clean(data)
    assert record.error is None and record.language == language
    assert all(paragraph in record.body for paragraph in story[1])


def test_utf8_page_pays_for_neither_detection_nor_the_check(monkeypatch, no_detection):
    def refuse(*args, **kwargs):
        raise AssertionError("mess ratio computed")

    monkeypatch.setattr(charset_normalizer.md, "mess_ratio", refuse)
    text = page(RU, "iso-8859-1")
    assert decode_bytes(text.encode("utf-8"), "iso-8859-1") == (text, "utf-8")


@pytest.mark.parametrize("story", [FR, DE, ES], ids=story_id)
def test_stray_control_character_in_a_right_page_keeps_the_declaration(story):
    headline, paragraphs = story
    story = (headline, [paragraphs[0] + "\x07", *paragraphs[1:]])
    text, data = declared_page(story, "cp1252", "windows-1252")
    assert looks_wrong(data, "cp1252")
    assert decode_bytes(data, "windows-1252") == (text, "windows-1252")


def test_non_ascii_inside_scripts_does_not_make_a_right_page_look_wrong(no_detection):
    script = ('<script>var labels={"more":"Lire la suite…","close":"Fermer ×"};'
              + "f(a,b)&&g(c)||{}[x];" * 200 + "</script>")
    text, data = declared_page(FR, "cp1252", "windows-1252", extra=script)
    assert not looks_wrong(data, "cp1252")
    assert decode_bytes(data, "windows-1252") == (text, "windows-1252")


@pytest.mark.parametrize("label, codecs", [
    ("ISO-8859-1", ("cp1252", "iso8859-1")), ("latin1", ("cp1252", "iso8859-1")),
    ("us-ascii", ("cp1252", "ascii")), ("windows-1252", ("cp1252",)), ("iso-8859-9", ("cp1254", "iso8859-9")),
    ("tis-620", ("cp874", "tis-620")), ("gb2312", ("gb18030", "gb2312")), ("GBK", ("gb18030", "gbk")),
    ("euc-kr", ("cp949", "euc_kr")), ("ks_c_5601-1987", ("cp949", "euc_kr")),
    ("shift_jis", ("shift_jis", "cp932")), ("x-sjis", ("shift_jis", "cp932")), ("windows-1251", ("cp1251",)),
    ("koi8-r", ("koi8-r",)), ("iso-8859-2", ("iso8859-2",)), ("utf-8", ("utf-8",)), ("no-such-charset", ()),
])
def test_labels_are_read_as_browsers_read_them(label, codecs):
    assert browser_codecs(label) == codecs


def test_shift_jis_keeps_its_wave_dash_and_takes_cp932_for_nec_extensions(no_detection):
    headline, paragraphs = JA
    text, data = declared_page((headline, [paragraphs[0] + "受付は9時〜17時。", *paragraphs[1:]]),
                               "shift_jis", "shift_jis")
    assert decode_bytes(data, "shift_jis") == (text, "shift_jis")
    text, data = declared_page((headline, [paragraphs[0] + "①会場は㈱東京ホール。", *paragraphs[1:]]),
                               "cp932", "shift_jis")
    assert decode_bytes(data, "shift_jis") == (text, "cp932")


def test_byte_the_windows_code_page_leaves_undefined_still_decodes():
    _, data = declared_page(FR, "cp1252", "iso-8859-1", extra="<p>Réf. @@</p>")
    decoded, _ = decode_bytes(data.replace(b"@@", b"\x81"), "iso-8859-1")  # 0x81: none in cp1252
    assert all(paragraph in decoded for paragraph in FR[1])


def test_unknown_or_unusable_declarations_fall_back_to_detection():
    text, data = declared_page(RU, "cp1251", "x-no-such-charset")
    assert decode_bytes(data, "x-no-such-charset") == (text, "cp1251")
    text, data = declared_page(RU, "cp1251", "utf-8")
    assert decode_bytes(data, "utf-8") == (text, "cp1251")


def test_sample_skips_markup_and_cuts_only_at_spaces():
    _, data = declared_page(JA, "shift_jis", "shift_jis")
    sample = text_sample(data, size=200)
    assert sample.decode("shift_jis").startswith(JA[0]) and "<" not in sample.decode("shift_jis")
    for size in range(20, 400, 7):
        text_sample(data, size).decode("cp932")  # never cut inside a character


@pytest.mark.parametrize("data", [
    b"<" * 3_000_000 + "é".encode("cp1252"),
    b"<script" * 400_000 + " Grève".encode("cp1252"),
    ("<p>Grève " * 300_000).encode("cp1252"),
    ("<p>Шторм " * 300_000).encode("cp1251"),
], ids=["unclosed-tags", "unclosed-scripts", "long-page", "long-mojibake"])
def test_the_check_stays_linear_on_hostile_pages(data):
    # the check reads a bounded sample; a quadratic one would not end in CI's time
    text, _ = decode_bytes(data, "iso-8859-1")
    assert len(text) == len(data)


def test_cleaner_with_language_detection_off_still_decodes():
    _, data = declared_page(RU, "cp1251", "iso-8859-1")
    record = Cleaner(Settings(detect_language=False)).clean(data)
    assert record.headline == RU[0]
