"""Made-up words for the conventions site: sentences, headlines and names, drawn from a seeded generator."""
from __future__ import annotations

import random
import unicodedata

# Small invented vocabularies, one per language the site is written in; the text only has to look
# like running prose to an extractor and be distinct enough that 4-token shingles identify an article.
WORDS = {
    "en": (
        "patients researchers clinic trial doses pressure sleep diet exercise heart lungs kidneys children "
        "adults older women men weekly daily months years risk lower higher fewer more symptoms treatment "
        "therapy vaccine screening results group placebo survey hospital nurses doctors visits measured "
        "reported found suggests compared followed tracked enrolled average modest strong early late chronic "
        "acute mild severe pain fatigue stress habits walking swimming fiber sugar salt water coffee vitamin "
        "levels rates cases outcomes benefit effect evidence data sample volunteers pharmacists caregivers "
        "routine morning evening appetite posture hydration allergy pollen asthma hearing vision balance"
    ),
    "de": (
        "Patienten Forscher Klinik Studie Schlaf Herz Kinder Erwachsene Woche Monate Jahre Risiko weniger "
        "mehr Behandlung Impfung Ergebnisse Gruppe Umfrage Krankenhaus Ärzte gemessen berichtet zeigt "
        "verglichen leicht schwer Schmerz Stress Gewohnheiten Gehen Zucker Salz Wasser Kaffee Werte Daten"
    ),
    "fr": (
        "patients chercheurs clinique essai sommeil cœur enfants adultes semaine mois années risque moins "
        "plus traitement vaccin résultats groupe enquête hôpital médecins mesuré rapporté montre comparé "
        "léger sévère douleur stress habitudes marche sucre sel eau café niveaux données volontaires"
    ),
    "es": (
        "pacientes investigadores clínica ensayo sueño corazón niños adultos semana meses años riesgo menos "
        "más tratamiento vacuna resultados grupo encuesta hospital médicos medido informado muestra comparado "
        "leve grave dolor estrés hábitos caminar azúcar sal agua café niveles datos voluntarios"
    ),
    "nl": (
        "patiënten onderzoekers kliniek studie slaap hart kinderen volwassenen week maanden jaren risico "
        "minder meer behandeling vaccin resultaten groep enquête ziekenhuis artsen gemeten gemeld toont "
        "vergeleken licht ernstig pijn stress gewoonten wandelen suiker zout water koffie waarden gegevens"
    ),
    "pt": (
        "pacientes pesquisadores clínica estudo sono coração crianças adultos semana meses anos risco menos "
        "mais tratamento vacina resultados grupo pesquisa hospital médicos medido relatado mostra comparado "
        "leve grave dor estresse hábitos caminhada açúcar sal água café níveis dados voluntários"
    ),
    "it": (
        "pazienti ricercatori clinica studio sonno cuore bambini adulti settimana mesi anni rischio meno "
        "più trattamento vaccino risultati gruppo indagine ospedale medici misurato riferito mostra confrontato "
        "lieve grave dolore stress abitudini camminare zucchero sale acqua caffè livelli dati volontari"
    ),
    "sv": (
        "patienter forskare klinik studie sömn hjärta barn vuxna vecka månader år risk mindre mer behandling "
        "vaccin resultat grupp enkät sjukhus läkare mätt rapporterat visar jämfört lätt svår smärta stress "
        "vanor promenader socker salt vatten kaffe nivåer data frivilliga"
    ),
    "pl": (
        "pacjenci badacze klinika badanie sen serce dzieci dorośli tydzień miesiące lata ryzyko mniej więcej "
        "leczenie szczepionka wyniki grupa ankieta szpital lekarze zmierzono zgłoszono pokazuje porównano "
        "łagodny ciężki ból stres nawyki spacer cukier sól woda kawa poziomy dane ochotnicy"
    ),
    "fi": (
        "potilaat tutkijat klinikka tutkimus uni sydän lapset aikuiset viikko kuukautta vuotta riski vähemmän "
        "enemmän hoito rokote tulokset ryhmä kysely sairaala lääkärit mitattu raportoitu osoittaa verrattuna "
        "lievä vakava kipu stressi tavat kävely sokeri suola vesi kahvi tasot aineisto vapaaehtoiset"
    ),
    "tr": (
        "hastalar araştırmacılar klinik çalışma uyku kalp çocuklar yetişkinler hafta aylar yıllar risk daha az "
        "daha fazla tedavi aşı sonuçlar grup anket hastane doktorlar ölçüldü bildirildi gösteriyor karşılaştırıldı "
        "hafif ağır ağrı stres alışkanlıklar yürüyüş şeker tuz su kahve düzeyler veriler gönüllüler"
    ),
    "id": (
        "pasien peneliti klinik uji tidur jantung anak-anak orang dewasa minggu bulan tahun risiko lebih sedikit "
        "lebih banyak pengobatan vaksin hasil kelompok survei rumah sakit dokter diukur dilaporkan menunjukkan "
        "dibandingkan ringan berat nyeri stres kebiasaan berjalan gula garam air kopi kadar data relawan"
    ),
    # Only the eighth family writes Japanese; words are spaced so that shingles and F1 stay comparable.
    "ja": (
        "患者 研究者 診療所 試験 睡眠 心臓 子ども 大人 毎週 数か月 数年 リスク 少ない 多い 治療 ワクチン 結果 "
        "グループ 調査 病院 医師 測定 報告 示した 比較 軽い 重い 痛み ストレス 習慣 散歩 砂糖 塩分 水分 コーヒー "
        "数値 データ 参加者 高齢者 症状 予防 検診 食事 運動"
    ),
    # Only the tenth family writes Czech and Chinese (spaced like Japanese, for the same reason).
    "cs": (
        "pacienti vědci klinika studie spánek srdce děti dospělí týden měsíce roky riziko méně více léčba "
        "očkování výsledky skupina průzkum nemocnice lékaři naměřeno uvedeno ukazuje ve srovnání mírný těžký "
        "bolest stres návyky chůze cukr sůl voda káva hladiny data dobrovolníci"
    ),
    "zh": (
        "患者 研究人员 诊所 试验 睡眠 心脏 儿童 成年人 每周 几个月 几年 风险 较少 较多 治疗 疫苗 结果 小组 "
        "调查 医院 医生 测量 报告 显示 比较 轻微 严重 疼痛 压力 习惯 步行 糖 盐 水 咖啡 水平 数据 志愿者"
    ),
}
FIRST_NAMES = ("Ilse", "Corin", "Mabel", "Tobias", "Renata", "Osei", "Junia", "Harlan", "Petra", "Dario",
               "Wren", "Anouk", "Caspian", "Liora", "Bastien", "Noemi", "Elric", "Saoirse")
LAST_NAMES = ("Vantreece", "Holloway", "Quenby", "Marchbank", "Ostrander", "Feldgate", "Pellow", "Ashcombe",
              "Tremayne", "Varga", "Lindqvist", "Okonkwo-Reyes", "Brightwater", "Castellan", "Duvernay")


def sentence(rng: random.Random, language: str = "en", shortest: int = 8, longest: int = 16) -> str:
    """One capitalized sentence of invented prose."""
    words = rng.choices(WORDS[language].split(), k=rng.randint(shortest, longest))
    return " ".join(words)[0].upper() + " ".join(words)[1:] + "."


def paragraph(rng: random.Random, language: str = "en") -> str:
    """Two to four sentences."""
    return " ".join(sentence(rng, language) for _ in range(rng.randint(2, 4)))


def page_text(rng: random.Random, language: str = "en") -> tuple[str, ...]:
    """The paragraphs of one page of an article: three to five."""
    return tuple(paragraph(rng, language) for _ in range(rng.randint(3, 5)))


def headline(rng: random.Random, language: str = "en") -> str:
    """A headline of five to nine words, title-cased in English only (as publishers do)."""
    text = sentence(rng, language, 5, 9).rstrip(".")
    return text.title() if language == "en" else text


def person(rng: random.Random) -> str:
    """An invented full name."""
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def authors(rng: random.Random, most: int = 2) -> tuple[str, ...]:
    """One author, sometimes two or (when ``most`` allows) three, all distinct."""
    names = [person(rng)]
    while len(names) < most and rng.random() < 0.3:
        name = person(rng)
        if name in names:
            break
        names.append(name)
    return tuple(names)


def day(rng: random.Random) -> str:
    """An ISO date between 2019 and 2025."""
    return f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def slug(title: str, longest: int = 48) -> str:
    """The URL slug publishers make of a headline: ASCII, lower case, whole words up to ``longest`` characters."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words, length = [], 0
    for word in ascii_title.lower().split():
        if words and length + len(word) + 1 > longest:
            break
        words.append(word)
        length += len(word) + 1
    return "-".join(words)
