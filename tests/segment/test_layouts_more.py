"""The segmenter on more layouts seen on real pages: date lines, decks, bylines, languages."""

from __future__ import annotations

from datetime import datetime

import pytest

from tasks.segment import segment
from tasks.segment.dates import is_date, parse_date

SCRAPED = datetime(2024, 1, 10, 12, 0)


_PROSE = (
    "The council voted on Tuesday to keep the branch library open for another two years, after a "
    "petition gathered more than four thousand signatures in a single month."
)


def test_comments_under_a_date_line_then_a_name_line():
    """Migrated comments: '###### At 8 May 2024, 14:22', then '**Name**', then the text."""
    page = (
        "# Library Stays Open After Petition\n\n" + _PROSE + "\n\n## 2 Comments\n\n"
        "###### At 8 May 2024, 14:22\n\n**Ada K.**\n\nGood news for the reading group.\n\n"
        "###### At 9 May 2024, 09:05\n\n**Ben Ortiz**\n\nMy children will be pleased.\n"
    )
    seg = segment(page, markdown=True)
    assert [(c.author, c.text) for c in seg.comments] == [
        ("Ada K.", "Good news for the reading group."),
        ("Ben Ortiz", "My children will be pleased."),
    ]
    assert [c.published_at for c in seg.comments] == [
        datetime(2024, 5, 8, 14, 22),
        datetime(2024, 5, 9, 9, 5),
    ]


def test_a_header_with_its_date_line_keeps_its_comment_text():
    """'Jane says:' then its date: the date belongs to that header, the next line is text."""
    page = (
        "Library Stays Open After Petition\n\n" + _PROSE + "\n\n2 responses to “Library Stays Open”\n"
        "Ada Kowalski says:\nMay 8, 2024 at 2:32 pm\ngood news indeed\nReply\n"
        "Ben Ortiz says:\nMay 9, 2024 at 8:44 am\nMy children will be pleased.\nReply\n"
    )
    seg = segment(page)
    assert [(c.author, c.text) for c in seg.comments] == [
        ("Ada Kowalski", "good news indeed"),
        ("Ben Ortiz", "My children will be pleased."),
    ]


@pytest.mark.parametrize(
    "row", ["Gefällt mirGefällt mir", "Gefällt mirGefällt 2 Personen", "J’aimeJ’aime", "Me gustaMe gusta"]
)
def test_a_translated_like_row_is_not_comment_text(row):
    page = (
        "Bibliothek bleibt offen\n\n" + _PROSE + "\n\n2 Kommentare\n\n"
        f"Ada Kowalski\n8. Mai 2024 um 14:22\n\nGute Nachricht.\n\n{row}\n\nAntworten\n\n"
        f"Ben Ortiz\n9. Mai 2024 um 09:05\n\nSehr schön.\n\n{row}\n\nAntworten\n"
    )
    assert [c.text for c in segment(page).comments] == ["Gute Nachricht.", "Sehr schön."]


def test_joomla_article_info_block_gives_byline_and_date():
    page = (
        "Library Stays Open After Petition\n\nDetails\nWritten by Jonas Berg\n"
        "Published: 8 May 2024\n\n" + _PROSE + "\n"
    )
    seg = segment(page)
    assert seg.byline == "Written by Jonas Berg"
    assert seg.published_at == datetime(2024, 5, 8)
    assert seg.body == _PROSE


def test_headline_over_its_deck_in_text_and_markdown():
    """A deck (subtitle) under the headline is neither the title nor article text."""
    text_page = (
        "Northfield Notes\nSubscribe\nSign in\n\n"
        "Why the branch library on Mill Street stays open for two more years\n"
        "What four thousand signatures can do\nJonas Berg\n8 May 2024\n57\n21\nShare\n\n" + _PROSE + "\n"
    )
    md_page = (
        "# [Northfield Notes](https://example.org/)\n\n# Library Stays Open\n\n### What four thousand signatures can do\n\n"
        "[Jonas Berg](https://example.org/@jonas)\n\nMay 8, 2024\n\n" + _PROSE + "\n"
    )
    for page, markdown, title in [
        (text_page, False, "Why the branch library on Mill Street stays open for two more years"),
        (md_page, True, "Library Stays Open"),
    ]:
        seg = segment(page, markdown=markdown)
        assert seg.title == title
        assert seg.body == _PROSE
        assert "Jonas Berg" in seg.byline
        assert seg.published_at == datetime(2024, 5, 8)


def test_a_category_label_over_the_headline_is_no_headline():
    page = "World News\nLibrary Stays Open After a Petition of Four Thousand\n\n" + _PROSE + "\n"
    assert segment(page).title == "Library Stays Open After a Petition of Four Thousand"


def test_hard_wrapped_first_paragraph_is_not_taken_for_a_headline():
    page = (
        "Ferry timetable cut leaves island commuters stranded\n\n"
        "From Monday the first ferry to the mainland will leave Holm Island at\n"
        "7.10 instead of 6.15, after the operator dropped its earliest sailing to\n"
        "save crew costs over the winter months, the council said on Friday.\n"
        "Commuters say they will now miss the first train to the city every day.\n"
    )
    seg = segment(page)
    assert seg.title == "Ferry timetable cut leaves island commuters stranded"
    assert seg.body.startswith("From Monday the first ferry")


def test_substack_heart_counts_and_deleted_comments_are_not_comments():
    page = (
        "Library Stays Open After Petition\n\n"
        + _PROSE
        + "\n\nDiscussion about this post\n\nComments\nRestacks\n\n"
        "Ada Kowalski\nMay 8\n\nGood news for the reading group.\n\n❤️ 12\nReply\nShare\n\n"
        "Deleted\nMay 8\n\nComment deleted\n\nReply\nShare\n\n"
        "Ben Ortiz\nMay 9\n\nMy children will be pleased.\n\n❤️ 3\nReply\nShare\n\n36 more comments...\n"
    )
    seg = segment(page)
    assert seg.comment_system == "substack"
    assert [(c.author, c.text) for c in seg.comments] == [
        ("Ada Kowalski", "Good news for the reading group."),
        ("Ben Ortiz", "My children will be pleased."),
    ]


def test_a_day_and_month_without_year_is_a_date():
    assert is_date("14 févr.") and is_date("3 May") and is_date("12. März")
    assert parse_date("14 févr.", SCRAPED) == datetime(2024, 2, 14)
    assert parse_date("14 févr.") is None  # no year and no scrape time: not a full date


def test_a_last_paragraph_opening_with_by_is_text_not_a_byline():
    last = "By June it floated, leaked a little at the centreboard case and sailed better than I deserve."
    page = "# Library Stays Open After Petition\n\n" + _PROSE + "\n\n" + last + "\n"
    seg = segment(page, markdown=True)
    assert seg.body.endswith(last)
    assert seg.byline is None


def test_comments_are_not_open_closes_the_section():
    page = (
        "# Library Stays Open After Petition\n\n" + _PROSE + "\n\n## 1 comment\n\n"
        "- _Ada Kowalski (9 May 2024)_\n\n  Good news for the reading group.\n\n"
        "Comments are not open on this site any more. Write to me if you want to add something.\n"
    )
    assert [c.text for c in segment(page, markdown=True).comments] == ["Good news for the reading group."]


def test_co_authors_over_the_date_make_one_byline_and_the_deck_is_no_text():
    page = (
        "Share this post\nLibrary Stays Open After Petition\nCopy link\n\n"
        "Library Stays Open After Petition\nWhat four thousand signatures can do for a branch library\n"
        "Jonas Berg\nand\nAda Kowalski\nMay 8, 2024\n∙ Paid\n142\n38\nShare\n\n" + _PROSE + "\n"
    )
    seg = segment(page)
    assert seg.title == "Library Stays Open After Petition"
    assert seg.byline == "Jonas Berg and Ada Kowalski"
    assert seg.body == _PROSE


def test_a_standfirst_between_headline_and_byline_is_not_the_body_start():
    page = (
        "Library Stays Open After Petition\n\n"
        "Four thousand signatures in a month changed the council's mind.\n\n"
        "Von Jonas Berg\n14.03.2024, 18:05 Uhr\n\n" + _PROSE + "\n"
    )
    seg = segment(page)
    assert seg.title == "Library Stays Open After Petition"
    assert seg.byline == "Von Jonas Berg"
    assert seg.published_at == datetime(2024, 3, 14, 18, 5)
    assert seg.body == _PROSE


def test_a_short_article_signed_at_its_end_keeps_its_text():
    """A byline after the text is no standfirst's: the text before it stays the body."""
    page = "Library Stays Open After Petition\n\n" + _PROSE + "\n\nBy Jonas Berg\n"
    seg = segment(page)
    assert seg.body == _PROSE
    assert seg.byline == "By Jonas Berg"


def test_a_german_schrieb_am_header_names_the_commenter():
    page = (
        "Bibliothek bleibt offen\n\n"
        + _PROSE
        + "\n\nKommentare (2)\nBitte beachten Sie unsere Netiquette.\n\n"
        "Ada Kowalski schrieb am 14.03.2024 um 19:12:\nGute Nachricht.\nAntworten | Melden\n\n"
        "anonym schrieb am 15.03.2024 um 07:03:\nSehr schön.\nAntworten | Melden\n"
    )
    seg = segment(page)
    assert [(c.author, c.text) for c in seg.comments] == [
        ("Ada Kowalski", "Gute Nachricht."),
        (None, "Sehr schön."),
    ]
    assert seg.comments[0].published_at == datetime(2024, 3, 14, 19, 12)


def test_the_time_is_the_one_right_after_the_date():
    assert parse_date("Published Oct. 4, 2024 at 9:30 p.m. | Updated Oct. 5, 2024 at 8:15 a.m.") == datetime(
        2024, 10, 4, 21, 30
    )


def test_markdown_title_over_its_subtitle_under_a_bar_of_links():
    page = (
        "[Open in app](https://example.org/app)\n\n[Sign in](https://example.org/signin)\n\n"
        "# Library Stays Open After Petition\n\n## What four thousand signatures can do\n\n"
        "[Jonas Berg](https://example.org/@jonas)\n\n6 min read\n\nMay 8, 2024\n\n" + _PROSE + "\n"
    )
    seg = segment(page, markdown=True)
    assert seg.title == "Library Stays Open After Petition"
    assert seg.byline is None  # '6 min read' alone names nobody
    assert seg.body == _PROSE


def test_french_par_le_comment_headers_under_reactions():
    page = (
        "La bibliothèque reste ouverte\n\n" + _PROSE + "\n\nRéagissez à cet article\n\n2 réactions\n\n"
        "Par lolo49, le 21/11/2023 à 09h12\nBonne nouvelle.\nRépondre - Signaler un abus\n\n"
        "Par Anonyme, le 22/11/2023 à 18h05\nEnfin !\nRépondre - Signaler un abus\n"
    )
    seg = segment(page)
    assert [(c.author, c.text) for c in seg.comments] == [("lolo49", "Bonne nouvelle."), (None, "Enfin !")]
    assert seg.comments[0].published_at == datetime(2023, 11, 21, 9, 12)


def test_commenter_with_a_place_under_the_name_then_the_date():
    page = (
        "Library Stays Open After Petition\n\n" + _PROSE + "\n\nComments 2\n\nReaders' Picks\nAll\n\n"
        "Ada Kowalski\nDayton, OH\nAug. 21\nGood news for the reading group.\n212 Recommend\nReply\nShare\n\n"
        "retired engineer\nTucson\nAug. 22\nMy children will be pleased.\n45 Recommend\nReply\nShare\n"
    )
    seg = segment(page, scraped_at=SCRAPED)
    assert [(c.author, c.text) for c in seg.comments] == [
        ("Ada Kowalski", "Good news for the reading group."),
        ("retired engineer", "My children will be pleased."),
    ]


def test_a_sign_off_over_the_next_commenter_is_no_name():
    """'Cheers' closing a comment, then the next commenter's name and date: the name is the author."""
    page = (
        "Library Stays Open After Petition\n\n" + _PROSE + "\n\nComments\n\n"
        "Ada Kowalski\nMay 8, 2024\nGood news for the reading group.\nCheers\n\nReply\n\n"
        "Ben Ortiz\nMay 9, 2024\nMy children will be pleased.\n\nReply\n"
    )
    assert [c.author for c in segment(page).comments] == ["Ada Kowalski", "Ben Ortiz"]


def test_japanese_post_title_comments_and_signature():
    page = (
        "週末の山歩き日記\n\n2024-03-17\n高尾山の新しい登山道を歩いた\n\n"
        "先週開通した高尾山の北側の登山道を歩いてきました。駅から山頂まで二時間ほどでした。\n\n"
        "yamaaruki 2024-03-17 20:15\n\nコメント (1)\n\nhanako_t 2024/03/18 09:12\n来月行ってみます。\n\nコメントを書く\n"
    )
    seg = segment(page)
    assert seg.title == "高尾山の新しい登山道を歩いた"
    assert seg.byline == "yamaaruki 2024-03-17 20:15"
    assert seg.body == "先週開通した高尾山の北側の登山道を歩いてきました。駅から山頂まで二時間ほどでした。"
    assert [(c.author, c.text) for c in seg.comments] == [("hanako_t", "来月行ってみます。")]


def test_dutch_relative_times_are_dates():
    assert parse_date("3 uur geleden", SCRAPED) == datetime(2024, 1, 10, 9, 0)
    assert parse_date("een week geleden", SCRAPED) == datetime(2024, 1, 3, 12, 0)


def test_polish_and_russian_dates_sections_and_headers():
    assert parse_date("13 maja 2023 o 08:12") == datetime(2023, 5, 13, 8, 12)
    assert parse_date("12 марта 2024, 10:15") == datetime(2024, 3, 12, 10, 15)
    pl = (
        "Biblioteka zostaje otwarta\n\n" + _PROSE + "\n\n1 komentarz do “Biblioteka zostaje otwarta”\n\n"
        "Agnieszka napisał(a):\n13 maja 2023 o 08:12\nDobra wiadomość.\nOdpowiedz\n\nDodaj komentarz\n"
    )
    ru = (
        "Библиотека остаётся открытой\n\nАвтор: Анна Соколова\n12 марта 2024, 10:15\n\n" + _PROSE + "\n\n"
        "Комментарии (1)\n\nГость\n12 марта 2024, 11:02\nНаконец-то!\nОтветить\n"
    )
    seg_pl, seg_ru = segment(pl), segment(ru)
    assert [(c.author, c.text) for c in seg_pl.comments] == [("Agnieszka", "Dobra wiadomość.")]
    assert (seg_ru.title, seg_ru.byline) == ("Библиотека остаётся открытой", "Автор: Анна Соколова")
    assert [(c.author, c.text) for c in seg_ru.comments] == [(None, "Наконец-то!")]


def test_a_published_and_updated_line_is_no_headline():
    page = (
        "Library Stays Open After Petition\n\nBy Jonas Berg  Staff Writer\nJun 3, 2024 Updated Jun 4, 2024\n\n"
        + _PROSE
        + "\n"
    )
    seg = segment(page)
    assert seg.title == "Library Stays Open After Petition"
    assert seg.published_at == datetime(2024, 6, 3)
    assert seg.body == _PROSE


def test_github_discussion_comments_with_reactions():
    page = (
        "# Library Stays Open After Petition\n\n"
        + _PROSE
        + "\n\n## Comments\n\n**3 reactions** · 👍 2 · 🎉 1\n\n"
        "**2 comments**\n\n**[@ada](https://github.example/ada)** commented on Mar 4, 2024\n\nGood news.\n\n👍 1\n\n"
        "**[@ben-o](https://github.example/ben-o)** commented on Mar 6, 2024 · edited\n\nAgreed.\n\n"
        "[Sign in with GitHub](https://github.example/login) to comment\n"
    )
    seg = segment(page, markdown=True)
    assert seg.comment_system == "github"
    assert [(c.author, c.text) for c in seg.comments] == [("@ada", "Good news."), ("@ben-o", "Agreed.")]


def test_a_liveblog_timeline_is_article_text_not_comments():
    page = (
        "LIVE: Storm brings flooding to coastal towns\n\nBy Live Desk\nUpdated 3 minutes ago\n\n"
        "18:42\nThe coastguard says two people have been rescued from a car stuck in floodwater.\n\n"
        "18:15\nThe council has opened the leisure centre as a rest centre for residents.\n"
    )
    seg = segment(page, scraped_at=SCRAPED)
    assert seg.comments == []
    assert "rest centre for residents" in seg.body


def test_indonesian_dates_bylines_and_comments():
    assert parse_date("Senin, 10 Juni 2024 14:20 WIB") == datetime(2024, 6, 10, 14, 20)
    page = (
        "Pelabuhan akan direnovasi\n\nPenulis: Rina Wulandari\nSenin, 10 Juni 2024 14:20 WIB\n\n"
        + _PROSE
        + "\n\n"
        "Komentar (1)\n\nBudi Santoso\n10 Juni 2024 15:02\nSemoga berhasil.\nBalas\n\nKirim Komentar\n"
    )
    seg = segment(page)
    assert seg.byline == "Penulis: Rina Wulandari"
    assert [(c.author, c.text) for c in seg.comments] == [("Budi Santoso", "Semoga berhasil.")]
