"""The Monday digest and the printed page as blocks, in the reader's language.

Everything shown comes from domain/digest.py (figures as the pulse shows a viewer), from content/
(the conversation questions) and from app/locales/digest.*.json; a suppressed week yields the
"too few answers" text and no figure at all, not even a count.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from functions.domain.anonymity import PublicWeek
from functions.domain.digest import AreaWeek, Shown, TrendPoint, WorkplaceWeek
from functions.report.blocks import (
    Block,
    Distribution,
    Figures,
    Heading,
    Items,
    Links,
    Paragraph,
    Report,
    Table,
)
from functions.report.texts import number, pick, signed, t, week_number

LinksFor = Callable[[str], tuple[str, str] | None]  # workplace id -> (pulse, meeting) addresses


def subtitle(week: str, lang: str) -> str:
    """ "Uge 48 · 2026"."""
    return t("digest.week", lang, number=week_number(week), year=week[:4])


def figures(
    shown: Shown, change: float | None, threshold: int, lang: str, with_change: bool = True
) -> list[Block]:
    """Answers, mean and change of a week, or only "too few answers" when it is suppressed."""
    if shown.mean is None:
        return [
            Figures(((t("digest.answers", lang), t("digest.too_few", lang)),)),
            Paragraph(t("digest.too_few_note", lang, threshold=threshold), muted=True),
        ]
    rows = [
        (t("digest.answers", lang), str(shown.responses)),
        (t("digest.mean", lang), number(shown.mean, lang)),
    ]
    if with_change:
        moved = signed(change, lang) if change is not None else t("digest.change_unknown", lang)
        rows.append((t("digest.change", lang), moved))
    return [Figures(tuple(rows))]


def distribution(shown: PublicWeek, lang: str) -> list[Block]:
    """The distribution table of a shown week (none for a suppressed one)."""
    if not shown.distribution:
        return []
    return [
        Distribution(
            t("digest.distribution", lang),
            t("digest.distribution_score", lang),
            t("digest.distribution_count", lang),
            tuple(shown.distribution),
        )
    ]


def _mean_or_why(row: TrendPoint, lang: str) -> str:
    if row.mean is not None:
        return number(row.mean, lang)
    return t("digest.no_answers" if row.responses == 0 else "digest.too_few", lang)


def trend(rows: list[TrendPoint], lang: str) -> Table:
    """Week by week means; "too few answers" where a week is suppressed, "none" where empty."""
    return Table(
        t("digest.trend", lang, count=len(rows)),
        (t("digest.trend_week", lang), t("digest.trend_mean", lang)),
        tuple((str(week_number(r.week)), _mean_or_why(r, lang)) for r in rows),
        values=tuple(r.mean for r in rows),
    )


def sentences(week: WorkplaceWeek, lang: str, level: int = 2) -> list[Block]:
    """The week's prompt and its approved completions."""
    blocks: list[Block] = [Heading(t("digest.sentences", lang), level)]
    if week.prompt is not None:
        blocks.append(Paragraph(pick({"da": week.prompt.da, "en": week.prompt.en}, lang)))
    if week.sentences:
        blocks.append(Items(tuple(week.sentences), quoted=True))
    else:
        blocks.append(Paragraph(t("digest.no_sentences", lang), muted=True))
    return blocks


def conversation(content: dict, lang: str) -> list[Block]:
    """The seed's questions: the individual question and its follow-ups, next step, OLFA."""
    olfa = content["olfa"]
    return [
        Heading(t("digest.talk", lang)),
        Heading(t("digest.individual", lang), 3),
        Paragraph(pick(content["question"], lang)),
        Items(tuple(pick(q, lang) for q in content["follow_ups"])),
        Heading(t("digest.next_step", lang), 3),
        Paragraph(pick(content["next_step"], lang)),
        Heading("OLFA", 3),
        Paragraph(pick(olfa["intro"], lang)),
        Items(
            tuple(
                f"{pick(q['heading'], lang)}: {pick(q['question'], lang)}"
                for q in olfa["questions"]
            )
        ),
    ]


def links(workplace_id: str, links_for: LinksFor | None, lang: str) -> list[Block]:
    """Buttons to the pulse and to meeting mode, when the product's address is known."""
    found = links_for(workplace_id) if links_for else None
    if not found:
        return []
    pulse, meeting = found
    return [
        Links(
            ((t("digest.open_pulse", lang), pulse), (t("digest.open_meeting", lang), meeting)),
            t("digest.links_note", lang),
        )
    ]


def workplace_report(
    week: WorkplaceWeek, content: dict, lang: str, links_for: LinksFor | None = None
) -> Report:
    """One workplace's week: for its leader's e-mail, and (without links) the printed page."""
    name = week.workplace.name
    sub = subtitle(week.week, lang)
    if week.workplace.area:
        sub += " · " + week.workplace.area
    blocks: list[Block] = [
        Paragraph(t("digest.intro", lang)),
        *figures(week.figures, week.change, week.threshold, lang),
        *links(week.workplace.id, links_for, lang),
        *distribution(week.figures, lang),
        trend(week.trend, lang),
        *sentences(week, lang),
        *conversation(content, lang),
    ]
    return Report(
        lang=lang,
        subject=t("digest.subject", lang, name=name, number=week_number(week.week)),
        kicker=t("digest.kicker", lang),
        title=name,
        subtitle=sub,
        blocks=blocks,
        footer=t("digest.footer", lang, threshold=week.threshold),
    )


def area_report(
    week: AreaWeek, content: dict, lang: str, links_for: LinksFor | None = None
) -> Report:
    """An area's week for its leader: its roll-up, then each workplace as its viewers see it."""
    blocks: list[Block] = [
        Paragraph(t("digest.intro_area", lang)),
        *figures(week.figures, week.change, week.threshold, lang),
        trend(week.trend, lang),
        Heading(t("digest.area_members", lang)),
    ]
    for member in week.members:
        blocks += [
            Heading(member.workplace.name, 3),
            *figures(member.figures, member.change, week.threshold, lang),
            *distribution(member.figures, lang),
            *sentences(member, lang, level=3),
            *links(member.workplace.id, links_for, lang),
        ]
    blocks += conversation(content, lang)
    return Report(
        lang=lang,
        subject=t("digest.subject", lang, name=week.area, number=week_number(week.week)),
        kicker=t("digest.kicker", lang),
        title=week.area,
        subtitle=subtitle(week.week, lang) + " · " + t("digest.area_label", lang, area=week.area),
        blocks=blocks,
        footer=t("digest.footer", lang, threshold=week.threshold),
    )


def printed_report(week: WorkplaceWeek, content: dict, lang: str) -> Report:
    """The one-page printout: the e-mail's content without the greeting and the links."""
    report = workplace_report(week, content, lang)
    return replace(
        report,
        kicker=t("digest.pdf.title", lang),
        blocks=report.blocks[1:],  # the first block greets the leader; paper speaks to everyone
        footer=t("digest.pdf.footer", lang, threshold=week.threshold),
    )
