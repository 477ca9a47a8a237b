"""The bulletin's charts, drawn on the server with a CJK font and embedded as SVG.

Text is drawn as outlines (``svg.fonttype = path``), so the SVG shows Chinese in any browser
and in the PDF without depending on the reader's fonts.
"""

from __future__ import annotations

import base64
import io
from functools import cache
from pathlib import Path

from analyzers.catalogue import CLASS_LABELS
from streams.bulletin.stats import CLASS_ORDER, WeekStats
from streams.directory.names import Names

FONT_FILES = ("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "NotoSansSC-Regular.otf")
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
COLORS = {"profit": "#b3261e", "excessive": "#e08a00", "procedure": "#3d6fb6"}


class MissingFont(RuntimeError):
    """No CJK font on this machine (Debian: ``fonts-noto-cjk``)."""


@cache
def cjk_font() -> Path:
    """The Noto Sans CJK font file (installed by ``scripts/install-system-deps.sh``)."""
    for root in FONT_DIRS:
        for name in FONT_FILES:
            found = sorted(root.rglob(name)) if root.exists() else []
            if found:
                return found[0]
    raise MissingFont("未找到中文字体（Noto Sans CJK）：请运行 scripts/install-system-deps.sh")


@cache
def _pyplot():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    font_manager.fontManager.addfont(str(cjk_font()))
    name = font_manager.FontProperties(fname=str(cjk_font())).get_name()
    plt.rcParams.update(
        {
            "font.family": [name],
            "font.size": 9,
            "axes.unicode_minus": False,
            "svg.fonttype": "path",
            "svg.hashsalt": "jiancha",  # stable ids: the same data gives the same SVG
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    return plt


def _svg(fig) -> str:  # type: ignore[no-untyped-def]
    plt = _pyplot()
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    return "data:image/svg+xml;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def flags_by_category(stats: WeekStats) -> str:
    """Horizontal bars: this week's flags per category, coloured by class."""
    plt = _pyplot()
    cats = sorted(stats.overview.flags_by_category.items(), key=lambda kv: kv[1])[-10:]
    cats = [(k if len(k) <= 7 else f"{k[:7]}\n{k[7:]}", v) for k, v in cats]  # long labels wrap
    fig, ax = plt.subplots(figsize=(2.9, 2.9))
    if cats:
        ax.barh([k for k, _ in cats], [v for _, v in cats], color="#3d6fb6", height=0.6)
        for i, (_, v) in enumerate(cats):
            ax.text(v, i, f" {v}", va="center", fontsize=8)
    else:
        ax.text(0.5, 0.5, "本周无告警", ha="center", va="center", transform=ax.transAxes)
    ax.set_title("本周告警（按类别）", fontsize=10, loc="left")
    ax.tick_params(axis="y", labelsize=8)
    ax.xaxis.set_visible(False)
    ax.spines["bottom"].set_visible(False)
    return _svg(fig)


def squads(stats: WeekStats, names: Names | None = None) -> str:
    """Stacked bars: confirmed problems per squad (by name), by class."""
    names = names or Names()
    plt = _pyplot()
    rows = [s for s in stats.squads if s.problems][:12]
    fig, ax = plt.subplots(figsize=(7.2, 2.3))
    if rows:
        labels = [names.squad(r.squad_id) for r in rows]
        bottom = [0] * len(rows)
        for c in CLASS_ORDER:
            vals = [r.by_class.get(c, 0) for r in rows]
            ax.bar(labels, vals, bottom=bottom, color=COLORS[c], label=CLASS_LABELS[c], width=0.6)
            bottom = [b + v for b, v in zip(bottom, vals, strict=True)]
        ax.legend(frameon=False, fontsize=8, ncols=3, loc="upper right")
        ax.tick_params(axis="x", labelrotation=30, labelsize=8)
        ax.set_ylim(0, max(bottom) * 1.3)
    else:
        ax.text(0.5, 0.5, "本周无经核实的问题", ha="center", va="center", transform=ax.transAxes)
    ax.set_title("经核实问题（按中队、类型）", fontsize=10, loc="left")
    return _svg(fig)


def trend(stats: WeekStats) -> str:
    """Lines: flags, cases and confirmed problems over the last weeks."""
    plt = _pyplot()
    points = list(stats.trend)
    while len(points) > 2 and not points[0].cases:  # weeks before the data begins
        points.pop(0)
    weeks = [p.week[5:] for p in points]
    fig, ax = plt.subplots(figsize=(3.6, 2.6))
    ax.plot(weeks, [p.flags for p in points], marker="o", color="#3d6fb6", label="告警")
    ax.plot(weeks, [p.cases for p in points], marker="s", color="#e08a00", label="案件")
    ax.plot(weeks, [p.confirmed for p in points], marker="^", color="#b3261e", label="经核实")
    ax.legend(frameon=False, fontsize=7.5, ncols=3, loc="lower center", bbox_to_anchor=(0.5, 1.0))
    ax.set_title("近期走势", fontsize=10, loc="left", pad=18)
    ax.set_ylim(bottom=0)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="x", labelsize=8)
    return _svg(fig)


def all_charts(stats: WeekStats, names: Names | None = None) -> dict[str, str]:
    """Every chart of the bulletin, as data URIs for ``<img src>``."""
    return {
        "categories": flags_by_category(stats),
        "squads": squads(stats, names),
        "trend": trend(stats),
    }
