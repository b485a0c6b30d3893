"""Language (issue 13): every page was tagged en and German, Italian or Korean pages got
garbage entities and speakers. Texts written here; py3langid runs for real (no spaCy)."""
from __future__ import annotations

import pytest
import spacy

from newsgraph.clean import clean_page_text
from newsgraph.ingest import RawDocument
from newsgraph.language import MIN_LETTERS, detect
from newsgraph.pipeline import process_batch
from newsgraph.records import ArticleRecord

EN = ("The mayor said on Monday that the new bridge would reopen in May. Work had finished earlier than "
      "planned, she told reporters at City Hall, and residents hoped for fewer traffic jams.")
DE = ("Der Bürgermeister sagte am Montag, die neue Brücke werde im Mai wieder geöffnet. Die Bauarbeiten "
      "seien schneller als geplant abgeschlossen worden, sagte er vor Journalisten im Rathaus.")
IT = ("Il sindaco ha detto lunedì che il nuovo ponte riaprirà a maggio. I lavori sono finiti prima del "
      "previsto, ha spiegato ai giornalisti in municipio, e i residenti sperano in meno traffico.")
KO = ("시장은 월요일에 새 다리가 5월에 다시 개통될 것이라고 말했다. 공사가 예정보다 빨리 끝났다고 시청에서 "
      "기자들에게 설명했다. 주민들은 교통 체증이 줄어들기를 기대하고 있다. 시 관계자는 다리 건설에 3년이 "
      "걸렸다고 덧붙였다.")
ZH = ("市长周一表示，这座新桥将于五月正式开通。他对记者说，工程比计划提前完成。居民们希望交通拥堵能够缓解。"
      "市政府官员解释说，这座桥的建设花了三年时间。新桥连接河两岸的两个区。市长还说，明年将再建一座桥。")
JA = ("東京都は月曜日、新しい橋が五月に開通すると発表した。市長は記者団に対し、工事は予定より早く終わった"
      "と述べた。住民は交通渋滞が減ることを期待している。橋の建設には三年かかったという。都は来年も新しい"
      "橋を建設する予定だ。")
NAMES_EN = ("Kim Jong Un met Moon Jae-in and Shinzo Abe in Pyongyang on Tuesday, officials in Seoul said, "
            "and Xi Jinping sent a letter to the summit about the talks and the sanctions.")


@pytest.mark.parametrize("text, code", [
    (EN, "en"), (DE, "de"), (IT, "it"), (KO, "ko"), (ZH, "zh"), (JA, "ja"),
    (NAMES_EN, "en"),                           # foreign names in English prose: English
    ("Der Bürgermeister sagte es.", "en"),       # too few letters to judge: taken as English
    ("12345 67890 2024-05-01", "en"),
    ("", "en"),
])
def test_detect_table(text, code):
    assert detect(text).code == code


def test_short_text_is_not_judged():
    lang = detect("Kim Jong Un")
    assert lang.code == "en" and lang.confidence is None and lang.letters < MIN_LETTERS


def _article(title: str, paragraphs: list[str]) -> RawDocument:
    return RawDocument(id="p", source="p.txt", media_type="text", content=title + "\n\n" + "\n\n".join(paragraphs))


@pytest.mark.parametrize("title, body, code", [
    ("Neue Brücke im Mai", [DE, DE.replace("Montag", "Dienstag")], "de"),
    ("Nuovo ponte a maggio", [IT, IT.replace("lunedì", "martedì")], "it"),
    ("새 다리 5월 개통", [KO, KO.replace("월요일", "화요일")], "ko"),
    ("新桥五月开通", [ZH, ZH.replace("周一", "周二")], "zh"),
    ("新しい橋が開通", [JA, JA.replace("月曜日", "火曜日")], "ja"),
])
def test_english_stages_run_only_on_english(title, body, code):
    (rec,) = process_batch([_article(title, body)], spacy.blank("en"))   # the parse is never reached
    assert isinstance(rec, ArticleRecord), rec
    assert rec.language == code and rec.title == title
    assert rec.quotes == [] and rec.entities == [] and rec.timexes == []
    skipped = rec.metadata["skipped_stages"]
    assert skipped["stages"] == ["parse", "entities", "quotes", "time"] and f"'{code}'" in skipped["reason"]
    assert [rec.text[p.start:p.end] for p in rec.paragraphs if p.role == "body"] == body


@pytest.mark.parametrize("title, body", [("新桥五月开通", [ZH]), ("新しい橋が開通", [JA])])
def test_the_cleaner_keeps_cjk_paragraphs(title, body):
    """Text without spaces between words had "no words": the page was dropped (E006)."""
    page = clean_page_text(title + "\n\n" + "\n\n".join(body) + "\n")
    assert page.title == title and [b.text for b in page.blocks] == body
