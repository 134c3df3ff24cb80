"""The two charts of a pulse: this week's 1–10 distribution and the 12-week trend line.

Both take figures that anonymity has already passed: a suppressed week reaches them as None and is
drawn as nothing (no bar, no point), never as a zero.
"""

from __future__ import annotations

import flet as ft
import flet_charts as fch

from app.components import palette
from app.i18n import number, t
from app.pulse.figures import TrendPoint, runs, week_number


def _axis_label(text: str, size: int = 13) -> ft.Text:
    return ft.Text(text, size=size, color=palette.MUTED)


@ft.component
def DistributionChart(
    distribution: list[int], lang: str, height: int = 220, large: bool = False
) -> ft.Control:
    """Bars for how many answered 1, 2, … 10 this week (`large` for a projector)."""
    text = 20 if large else 13
    top = max([*distribution, 1])
    step = max(1, round(top / 4))
    groups = [
        fch.BarChartGroup(
            x=score,
            rods=[
                fch.BarChartRod(
                    to_y=count,
                    width=44 if large else 22,
                    color=palette.ACCENT if count else palette.BAR_MUTED,
                    border_radius=ft.BorderRadius.only(top_left=6, top_right=6),
                    tooltip=t("pulse.chart.bar_tooltip", lang, score=score, count=count),
                )
            ],
        )
        for score, count in enumerate(distribution, start=1)
    ]
    return ft.Semantics(
        label=t("pulse.chart.distribution_label", lang),
        value=", ".join(f"{s}: {c}" for s, c in enumerate(distribution, start=1)),
        content=fch.BarChart(
            groups=groups,
            height=height,
            max_y=top + step * 0.5,
            interactive=True,
            horizontal_grid_lines=fch.ChartGridLines(interval=step, color=palette.LINE, width=1),
            left_axis=fch.ChartAxis(
                label_size=48 if large else 32,
                labels=[
                    fch.ChartAxisLabel(value=v, label=_axis_label(str(v), text))
                    for v in range(0, top + 1, step)
                ],
            ),
            bottom_axis=fch.ChartAxis(
                label_size=40 if large else 28,
                labels=[
                    fch.ChartAxisLabel(value=s, label=_axis_label(str(s), text + 1))
                    for s in range(1, 11)
                ],
            ),
        ),
    )


def _series(values: list[float | None], color: str, width: float, dashed: bool, lang: str) -> list:
    return [
        fch.LineChartData(
            points=[fch.LineChartDataPoint(x=i, y=v, tooltip=number(v, lang)) for i, v in stretch],
            color=color,
            stroke_width=width,
            curved=False,
            rounded_stroke_cap=True,
            dash_pattern=[6, 6] if dashed else None,
            point=fch.ChartCirclePoint(color=color, radius=4 if not dashed else 2),
        )
        for stretch in runs(values)
    ]


@ft.component
def TrendChart(points: list[TrendPoint], lang: str, height: int = 240) -> ft.Control:
    """The workplace's weekly mean (sea-green) beside the organisation's (dashed sand), 1–10."""
    ours = _series([p.mean for p in points], palette.ACCENT, 3, False, lang)
    theirs = _series([p.organisation for p in points], palette.SAND, 2, True, lang)
    labels = [
        fch.ChartAxisLabel(
            value=i,
            label=_axis_label("–" if p.suppressed else week_number(p.week), 12),
        )
        for i, p in enumerate(points)
    ]
    return ft.Semantics(
        label=t("pulse.chart.trend_label", lang),
        content=fch.LineChart(
            data_series=theirs + ours,
            height=height,
            min_x=-0.3,
            max_x=len(points) - 0.7,
            min_y=1,
            max_y=10,
            interactive=True,
            # The chart labels only multiples of its interval, so every score gets a (quiet) line.
            horizontal_grid_lines=fch.ChartGridLines(interval=1, color=palette.LINE, width=1),
            left_axis=fch.ChartAxis(
                label_size=28,
                label_spacing=1,
                labels=[
                    fch.ChartAxisLabel(value=v, label=_axis_label(str(v) if v % 3 == 1 else ""))
                    for v in range(1, 11)
                ],
            ),
            bottom_axis=fch.ChartAxis(label_size=26, labels=labels),
        ),
    )


@ft.component
def Legend(lang: str) -> ft.Control:
    """Which line is which."""

    def key(color: str, text: str) -> ft.Control:
        return ft.Row(
            [ft.Container(width=22, height=4, bgcolor=color, border_radius=2), _axis_label(text)],
            spacing=8,
            tight=True,
        )

    return ft.Row(
        [
            key(palette.ACCENT, t("pulse.trend.ours", lang)),
            key(palette.SAND, t("pulse.trend.organisation", lang)),
        ],
        spacing=20,
        wrap=True,
    )
