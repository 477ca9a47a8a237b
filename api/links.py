"""OpenAPI links: which answer's ids the next request takes (the spec only, no behaviour).

A client reading the spec learns the workflows (案件 → 审核决定 → 整改通知书 → 下发 → 签收 → 汇报
→ 退回/验收 → 办结; 录像检索 → 播放; 专刊列表 → 周数据), and schemathesis' stateful tests follow
them (``tests/security/test_stateful_fuzz.py``). Targets are named by ``operationRef`` (path and
method), so they survive a renamed handler; ``add_links`` fails loudly if a path is gone.
"""

from __future__ import annotations

from typing import Any

#: One link: (source path, method, status) → {link name: (target path, method, parameters,
#: request body or None, description)}.
Link = tuple[str, str, dict[str, str], dict[str, Any] | None, str]

_CASE = "/cases/{case_id}"
_DECISION = "/cases/{case_id}/decision"
_ORDER = "/orders/{order_id}"
_MEDIA = "/clips/{recording_id}/media"
_WEEK = "/bulletins/{week}"


def _order_steps(order_id: str) -> dict[str, Link]:
    """From an order (as ``order_id`` finds it) to viewing it and every step of its lifecycle."""
    ref = {"order_id": order_id}
    return {
        "GetOrder": (_ORDER, "get", ref, None, "查看该整改通知书"),
        "IssueOrder": (f"{_ORDER}/issue", "post", ref, None, "下发该整改通知书"),
        "AcknowledgeOrder": (f"{_ORDER}/acknowledge", "post", ref, None, "签收该整改通知书"),
        "AnswerOrder": (f"{_ORDER}/answers", "post", ref, None, "提交整改汇报"),
        "ReturnOrder": (f"{_ORDER}/return", "post", ref, None, "退回整改汇报"),
        "AcceptOrder": (f"{_ORDER}/accept", "post", ref, None, "验收整改汇报"),
        "CloseOrder": (f"{_ORDER}/close", "post", ref, None, "办结整改通知书"),
        "ReviseOrder": (_ORDER, "patch", ref, None, "修改该草稿"),
        "WithdrawOrder": (f"{_ORDER}/withdraw", "post", ref, None, "撤回该草稿"),
    }


def _draft_from(case_id: str) -> Link:
    return ("/orders", "post", {}, {"case_ids": [case_id]}, "依据该（已确认的）案件起草整改通知书")


_WEEK_PAGES = {
    "GetWeekStats": (f"{_WEEK}/stats", "get", "该周的监督数据"),
    "GetBulletinPdf": (f"{_WEEK}.pdf", "get", "下载该期专刊（PDF）"),
    "GetBulletinHtml": (f"{_WEEK}.html", "get", "在线阅读该期专刊"),
    "VoidBulletin": (f"{_WEEK}/void", "post", "作废该期专刊"),
}


def _week_pages(week: str) -> dict[str, Link]:
    return {name: (path, m, {"week": week}, None, d) for name, (path, m, d) in _WEEK_PAGES.items()}


LINKS: dict[tuple[str, str, str], dict[str, Link]] = {
    ("/cases", "get", "200"): {
        "GetFirstCase": (
            _CASE,
            "get",
            {"case_id": "$response.body#/items/0/case_id"},
            None,
            "查看列表中的第一件案件",
        ),
        "DecideFirstCase": (
            _DECISION,
            "post",
            {"case_id": "$response.body#/items/0/case_id"},
            None,
            "对列表中的第一件案件作出审核决定",
        ),
        "DraftFromFirstCase": _draft_from("$response.body#/items/0/case_id"),
    },
    (_CASE, "get", "200"): {
        "DecideCase": (
            _DECISION,
            "post",
            {"case_id": "$response.body#/case_id"},
            None,
            "对该案件作出审核决定",
        ),
        "DraftFromCase": _draft_from("$response.body#/case_id"),
        "PlayLinkedClip": (
            _MEDIA,
            "get",
            {"recording_id": "$response.body#/clips/0/recording_id"},
            None,
            "播放该案件关联的录像",
        ),
    },
    (_DECISION, "post", "200"): {
        "GetDecidedCase": (
            _CASE,
            "get",
            {"case_id": "$response.body#/case_id"},
            None,
            "查看刚作出决定的案件",
        ),
        "DraftFromDecidedCase": _draft_from("$response.body#/case_id"),
        "ReverseDecidedCase": (
            f"{_CASE}/reversal",
            "post",
            {"case_id": "$response.body#/case_id"},
            None,
            "负责人复核改判刚作出的决定",
        ),
    },
    ("/orders", "post", "201"): _order_steps("$response.body#/order_id"),
    ("/orders", "get", "200"): _order_steps("$response.body#/items/0/order_id"),
    (_ORDER, "get", "200"): {
        **_order_steps("$response.body#/order_id"),
        "DownloadAttachment": (
            f"{_ORDER}/attachments/{{sha256}}",
            "get",
            {
                "order_id": "$response.body#/order_id",
                "sha256": "$response.body#/answers/0/attachments/0/sha256",
            },
            None,
            "下载第一份整改汇报的第一个附件",
        ),
    },
    **{
        (f"{_ORDER}/{step}", "post", "200"): _order_steps("$response.body#/order_id")
        for step in ("issue", "acknowledge", "answers", "return", "accept", "close", "withdraw")
    },
    ("/clips/search", "get", "200"): {
        "PlayFirstClip": (
            _MEDIA,
            "get",
            {"recording_id": "$response.body#/items/0/recording_id"},
            None,
            "播放检索结果中的第一段录像",
        ),
    },
    ("/bulletins", "get", "200"): _week_pages("$response.body#/bulletins/0/week"),
    (_WEEK, "post", "200"): _week_pages("$response.body#/week"),
}


def _pointer(path: str) -> str:
    """A JSON Pointer segment for ``path`` (RFC 6901: ``~`` → ``~0``, ``/`` → ``~1``)."""
    return path.replace("~", "~0").replace("/", "~1")


def add_links(spec: dict[str, Any]) -> dict[str, Any]:
    """Add ``LINKS`` to the responses of ``spec`` (in place; returned for convenience)."""
    paths = spec["paths"]
    for (path, method, status), links in LINKS.items():
        responses = paths[path][method]["responses"]
        response = responses.setdefault(status, {"description": "成功"})
        for name, (target, target_method, parameters, body, description) in links.items():
            if target_method not in paths[target]:
                raise KeyError(f"link {name}: no {target_method.upper()} {target} in the spec")
            link: dict[str, Any] = {
                "operationRef": f"#/paths/{_pointer(target)}/{target_method}",
                "description": description,
            }
            if parameters:
                link["parameters"] = parameters
            if body is not None:
                link["requestBody"] = body
            response.setdefault("links", {})[name] = link
    return spec
