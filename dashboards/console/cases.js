// 案件检索 (cases + transcript hits) and 案件详情 (player, transcript, flags, decision, draft order).

import { ApiError, api, blobUrl, query } from "./api.js";
import {
  backTo, badge, busy, clock, confirmStep, counted, deadlineText, empty, esc, fieldEvidence, focusHeading, h1,
  loading, seconds, showError, toast, tooLong, when,
} from "./ui.js";
import { pendingDrafts, settlePending, submitDraft } from "./drafts.js";
import { autocomplete, officerHtml, officerName, personName, squadHtml, squadName, toCode } from "./names.js";
import { fileButton } from "./queue.js";

const FILTERS = ["q", "class", "category", "status", "squad_id", "officer_id", "start", "end", "page", "cpage"];
const SPEAKERS = { officer: "民警", civilian: "群众", unknown: "未知" };
const DECIDERS = ["reviewer", "supervisor"];
const ACTIONS = { "case.confirm": "确认", "case.dismiss": "排除", "case.reverse": "复核改判" };

function labelOf(meta, category) {
  return meta.categories[category]?.label || category;
}

/** Highlight each word of `q` in already-escaped `html` (OR separators are not words). */
function mark(html, q) {
  const words = (q || "").split(/[\s|｜]+/).filter((w) => w && w !== "或" && w !== "OR").map(esc);
  if (!words.length) return html;
  const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  return html.replace(re, (m) => `<mark>${m}</mark>`);
}

export async function searchPage(view, { user, meta, params }) {
  const f = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || ""]));
  const option = (value, text, current) =>
    `<option value="${esc(value)}"${value === current ? " selected" : ""}>${esc(text)}</option>`;
  view.innerHTML = `
    ${h1("案件检索")}
    <p class="small"><a href="#case-count" class="skip-results" data-skip-target>跳到检索结果</a></p>
    <form class="card" id="filters" role="search" aria-label="检索条件">
      <div class="row">
        <div style="flex: 3 1 16rem"><label for="q">全文（转写、问题说明、证据摘录）</label>
          <input id="q" name="q" value="${esc(f.q)}" placeholder="如：现金 不开票（空格＝同时出现，| 或“或”＝任一）"></div>
        <div><label for="class">问题性质</label><select id="class" name="class">${option("", "全部", f.class)}
          ${Object.entries(meta.classes).map(([k, v]) => option(k, v, f.class)).join("")}</select></div>
        <div><label for="status">审核状态</label><select id="status" name="status">${option("", "全部", f.status)}
          ${Object.entries(meta.case_status).map(([k, v]) => option(k, v, f.status)).join("")}</select></div>
      </div>
      <div class="row" style="margin-top:.6rem">
        <div><label for="squad_id">中队（名称或代码）</label><input id="squad_id" name="squad_id" value="${esc(f.squad_id)}" placeholder="如 牡丹区一中队"></div>
        <div><label for="officer_id">民警（姓名或编号）</label><input id="officer_id" name="officer_id" value="${esc(f.officer_id)}" placeholder="编号可只输前几位"></div>
        <div><label for="start">发生日期 自</label><input id="start" name="start" type="date" value="${esc(f.start)}"></div>
        <div><label for="end">至</label><input id="end" name="end" type="date" value="${esc(f.end)}"></div>
        <input type="hidden" name="category" value="${esc(f.category)}">
        <div class="shrink"><button type="submit">检索</button>
          <button type="button" class="secondary" id="reset">清空</button></div>
      </div>
    </form>
    <div class="layout">
      <aside class="card facets" aria-label="分面筛选" id="facets">${loading()}</aside>
      <section aria-label="检索结果">
        <h2 id="case-count">案件</h2><div id="cases">${loading()}</div>
        ${user.role === "squad_leader" ? "" : `<h2 id="clip-count" style="margin-top:1.25rem">录像转写命中</h2><div id="clips">${f.q ? loading() : empty("输入全文检索词后，这里列出转写中命中的片段。")}</div>`}
      </section>
    </div>`;
  focusHeading(view);
  const form = view.querySelector("#filters");
  view.querySelector("#reset").after(" ", fileButton("导出 Excel",
    `/exports/cases.xlsx${query({ status: f.status, squad_id: f.squad_id, category: f.category })}`, "案件清单.xlsx"));
  const go = (changes) => {
    const next = { ...Object.fromEntries(new FormData(form)), page: "", cpage: "", ...changes };
    next.squad_id = toCode("squad", next.squad_id);  // a name typed in full is its code
    next.officer_id = toCode("officer", next.officer_id);
    location.hash = `#/search${query(next)}`;
  };
  view.querySelector(".skip-results").addEventListener("click", (ev) => {
    ev.preventDefault();  // a hash link would be taken for a route: move the focus instead
    (view.querySelector("#case-results a, #clip-results a") || view.querySelector("#case-count")).focus();
  });
  form.addEventListener("submit", (ev) => { ev.preventDefault(); go({}); });
  autocomplete(form.squad_id, "squad");
  autocomplete(form.officer_id, "officer");
  view.querySelector("#reset").addEventListener("click", () => { location.hash = "#/search"; });

  const day = (d, endOfDay) => (d ? `${d}T${endOfDay ? "23:59:59" : "00:00:00"}+08:00` : "");
  const casesQuery = query({
    q: f.q, class: f.class, category: f.category, status: f.status, squad_id: f.squad_id,
    officer_id: f.officer_id, start: day(f.start), end: day(f.end, true), page: f.page, size: 20,
  });
  const cases = api(`/cases${casesQuery}`).then((res) => showCases(view, res, f, meta, go),
    (err) => { view.querySelector("#cases").innerHTML = ""; showError(view.querySelector("#cases"), err); view.querySelector("#facets").innerHTML = ""; });
  const clips = f.q && user.role !== "squad_leader"
    ? api(`/clips/search${query({ q: f.q, squad_id: f.squad_id, officer_id: f.officer_id, start: day(f.start), end: day(f.end, true), page: f.cpage, size: 10 })}`)
      .then((res) => showClips(view, res, f, go), (err) => { view.querySelector("#clips").innerHTML = ""; showError(view.querySelector("#clips"), err); })
    : null;
  await Promise.all([cases, clips]);
}

function showCases(view, res, f, meta, go) {
  view.querySelector("#case-count").textContent = `案件（共 ${res.total} 件）`;
  const facet = (title, name, buckets, label) => {
    const entries = Object.entries(buckets || {});
    if (!entries.length) return "";
    return `<h3>${title}</h3><ul>${entries.map(([k, n]) => `<li><button type="button" data-facet="${name}" data-value="${esc(k)}"
      aria-pressed="${f[name] === k}"><span>${esc(label(k))}</span><span>${n}</span></button></li>`).join("")}</ul>`;
  };
  const facets = view.querySelector("#facets");
  facets.innerHTML = `<h2>分面</h2>
    ${facet("问题类别", "category", res.facets.categories, (k) => labelOf(meta, k))}
    ${facet("审核状态", "status", res.facets.status, (k) => meta.case_status[k] || k)}
    ${facet("中队", "squad_id", res.facets.squads, squadName)}` || empty("无");
  facets.querySelectorAll("[data-facet]").forEach((b) => b.addEventListener("click", () => {
    const { facet: name, value } = b.dataset;
    go({ [name]: f[name] === value ? "" : value });
  }));
  const box = view.querySelector("#cases");
  if (!res.items.length) {
    box.innerHTML = empty("没有符合条件的案件。可放宽筛选条件或更换检索词。");
    return;
  }
  box.innerHTML = `<ul class="results" id="case-results">${res.items.map((c) => `
    <li data-case="${esc(c.case_id)}">
      <div class="head"><a href="#/case/${encodeURIComponent(c.case_id)}">${esc(c.case_id)}</a>
        ${badge(c.status, c.status_label || meta.case_status[c.status] || c.status)}
        ${badge(`sev${c.severity}`, `严重程度 ${c.severity ?? "—"}`)}
        ${c.categories.map((k) => badge("", labelOf(meta, k))).join(" ")}
        <span class="muted small">${squadHtml(c.squad_id)} · 民警 ${officerHtml(c.officer_id)} · ${when(c.occurred_at)}${c.plate ? ` · ${esc(c.plate)}` : ""}</span></div>
      ${c.flags.map((fl) => `<p>${mark(esc(fl.explanation), f.q)}</p>`).join("")}
    </li>`).join("")}</ul>${pager(res, f, go)}`;
  box.querySelectorAll("[data-page]").forEach((b) => b.addEventListener("click", () => go({ ...f, page: b.dataset.page })));
}

/** 上一页 · 第 2 / 9 页 · 下一页; `name` is the page's parameter (page, cpage), `what` its label. */
function pager(res, f, go, name = "page", what = "翻页") {
  const pages = Math.ceil(res.total / res.size);
  if (pages <= 1) return "";
  const page = res.page;
  return `<nav class="row" aria-label="${what}" style="justify-content:center">
    ${page > 1 ? `<button type="button" class="secondary shrink" data-${name}="${page - 1}">上一页</button>` : ""}
    <span class="shrink muted">第 ${page} / ${pages} 页</span>
    ${page < pages ? `<button type="button" class="secondary shrink" data-${name}="${page + 1}">下一页</button>` : ""}</nav>`;
}

function showClips(view, res, f, go) {
  view.querySelector("#clip-count").textContent = `录像转写命中（共 ${res.total} 段录像）`;
  const box = view.querySelector("#clips");
  if (!res.items.length) {
    box.innerHTML = empty("转写中没有命中该检索词的录像。");
    return;
  }
  const cases = (ids) => ids?.length
    ? ` · 案件 ${ids.map((id) => `<a href="#/case/${encodeURIComponent(id)}">${esc(id)}</a>`).join("、")}` : "";
  // The API escapes the text and marks hits with <em>: safe to insert as HTML.
  box.innerHTML = `<ul class="results" id="clip-results">${res.items.map((c) => `
    <li data-clip="${esc(c.recording_id)}">
      <div class="head"><strong>${esc(c.recording_id)}</strong> ${poorAudio(c)}
        <span class="muted small">${squadHtml(c.squad_id)} · ${(c.officer_ids || []).map(officerHtml).join("、")} · ${when(c.started_at)}</span>${cases(c.case_ids)}</div>
      <ul class="hits">${c.segments.map((s) => `<li><button type="button" class="link" data-rec="${esc(c.recording_id)}"
        data-t="${s.start}" aria-label="从 ${clock(s.start)} 播放">${clock(s.start)}</button>
        <span class="muted small">${SPEAKERS[s.speaker] || ""}</span> ${s.highlight}</li>`).join("")}</ul>
      <div class="player"></div>
    </li>`).join("")}</ul>${pager(res, f, go, "cpage", "转写命中翻页")}`;
  box.querySelectorAll("[data-cpage]").forEach((b) => b.addEventListener("click", () => go({ ...f, cpage: b.dataset.cpage })));
  box.querySelectorAll("[data-rec]").forEach((b) => b.addEventListener("click", async () => {
    const slot = b.closest("li[data-clip]").querySelector(".player");
    let audio = slot.querySelector("audio");
    if (!audio) {
      slot.innerHTML = loading("正在载入录像…");
      try {
        audio = await mediaElement(`/clips/${encodeURIComponent(b.dataset.rec)}/media`);
        slot.replaceChildren(audio);
      } catch (err) {
        slot.innerHTML = "";
        showError(slot, err);
        return;
      }
    }
    seek(audio, Number(b.dataset.t));
  }));
}

/**
 * An <audio> whose source is fetched with the bearer token and handed over as a blob URL.
 * Why not a plain URL: the media route needs the token and <audio src> cannot send a header;
 * a token in the query string would land in logs and history. Recordings are short (a clip of a
 * few minutes is ~100 KB of AAC), so fetching it whole costs little and seeking is instant.
 */
async function mediaElement(url) {
  const audio = document.createElement("audio");
  audio.controls = true;
  audio.preload = "auto";
  try {
    audio.src = await blobUrl(url);
  } catch (err) {
    // One fixed message for a missing file, whatever the server said: no path reaches the page.
    if (err.status === 404) throw new ApiError(404, MEDIA_UNAVAILABLE);
    throw err;
  }
  return audio;
}

const MEDIA_UNAVAILABLE = "录像文件暂不可用，请联系管理员核查存储";
const MEDIA_MISSING = "录像文件缺失，无法播放。转写与证据仍可查看；请联系管理员核查存储。";

/** Jump to `t` seconds once the element knows its duration, and play. */
function seek(audio, t, play = true) {
  const go = () => {
    audio.currentTime = t;
    if (play) audio.play().catch(() => {});
  };
  if (audio.readyState >= 1) go();
  else audio.addEventListener("loadedmetadata", go, { once: true });
}

export async function caseDetail(view, { user, meta, id }) {
  const c = await api(`/cases/${encodeURIComponent(id)}`);
  const evidence = c.flags.flatMap((fl) => (fl.evidence || []).filter((e) => e.recording_id));
  const back = backTo("case", user.role);
  view.innerHTML = `
    <p class="small"><a href="${esc(back.href)}">${esc(back.label)}</a></p>
    ${h1(`案件 ${c.case_id}`)}
    <div class="detail">
      <section class="card" aria-labelledby="facts">
        <h2 id="facts">基本情况 ${badge(c.status, c.status_label || c.status)}</h2>
        <dl class="meta">
          <dt>中队</dt><dd>${squadHtml(c.squad_id)}</dd><dt>民警</dt><dd>${officerHtml(c.officer_id)}</dd>
          <dt>发生时间</dt><dd>${when(c.occurred_at)}</dd><dt>号牌</dt><dd>${esc(c.plate || "—")}</dd>
          <dt>违法行为</dt><dd>${esc(meta.violations[c.violation_type] || c.violation_type || "—")}</dd><dt>严重程度</dt><dd>${esc(c.severity ?? "—")}</dd>
          <dt>执法记录</dt><dd>${esc(c.action_ids.join("、") || "—")}</dd>
        </dl>
        <h2 style="margin-top:1rem">问题线索（${c.flags.length}）</h2>
        ${c.flags.map((fl) => `<div class="flag ${esc(fl.class)}">
          <div>${badge(`sev${fl.severity}`, `严重 ${fl.severity}`)} <strong>${esc(fl.label || labelOf(meta, fl.category))}</strong>
            <span class="muted small">${esc(meta.classes[fl.class] || fl.class)}</span></div>
          <p>${esc(fl.explanation)}</p>
          ${(fl.evidence || []).map((e) => e.recording_id
            ? `<p class="small">证据：<button type="button" class="link jump" data-rec="${esc(e.recording_id)}" data-t="${e.start}">▶ ${esc(e.recording_id)} 第 ${seconds(e.start)} 秒</button> “${esc(e.excerpt)}”</p>`
            : `<p class="small">证据：执法记录 ${esc(e.action_id)}，${esc(fieldEvidence(e.field, e.value, meta))}</p>`).join("")}
        </div>`).join("")}
        ${c.complaints?.length ? `<h3>关联投诉</h3>${c.complaints.map((x) => `<p class="small">${esc(x.source)} · ${esc(x.text)}</p>`).join("")}` : ""}
      </section>
      <section aria-label="录像与转写" id="clips">
        ${c.clips.some((clip) => clip.relation !== "evidence") ? `<p class="card small">开单时没有该民警的录像；下面是他开单前后两小时内的录像，可核对记录仪何时停止、何时恢复。</p>` : ""}
        ${c.clips.length ? c.clips.map((clip) => clipCard(clip, evidence)).join("") : `<div class="card">${empty("本案件没有关联录像（或录像不在您的权限范围内）。")}</div>`}
      </section>
    </div>
    <div class="detail">
      <section class="card" id="decision" aria-labelledby="decision-h"></section>
      <section class="card" id="orders" aria-labelledby="orders-h"></section>
    </div>`;
  focusHeading(view);
  await Promise.all([
    ...c.clips.map((clip) => loadPlayer(view, clip, evidence)),
    decisionPanel(view.querySelector("#decision"), c, user),
    ordersPanel(view.querySelector("#orders"), c, user),
  ]);
}

/** 音质差，需人工复核: a transcript too poor to judge is said plainly, never shown as "nothing found". */
function poorAudio(clip) {
  if (clip.quality !== "poor") return "";
  const note = clip.quality_note || "音质差，需人工复核";
  return `<span class="badge poor-audio" title="${esc(note)}">${esc(note)}</span>`;
}

export function clipCard(clip, evidence) {
  const mine = clip.relation === "evidence" ? evidence.filter((e) => e.recording_id === clip.recording_id) : [];
  const isEvidence = (s) => mine.some((e) => s.start < e.end && e.start < s.end);
  const text = (s) => {
    const e = mine.find((x) => x.excerpt && s.text.includes(x.excerpt.replace(/[。！？]$/, "")));
    return e ? mark(esc(s.text), e.excerpt.replace(/[。！？]$/, "")) : isEvidence(s) ? `<mark>${esc(s.text)}</mark>` : esc(s.text);
  };
  const missing = clip.media_available === false;
  const off = missing ? ' disabled title="录像文件缺失，无法播放"' : "";
  return `<div class="card" data-clip="${esc(clip.recording_id)}">
    <h2>${{ before: "开单前的录像 ", after: "开单后的录像 " }[clip.relation] || "录像 "}${esc(clip.recording_id)} ${poorAudio(clip)} ${missing ? badge("missing", "录像文件缺失") : ""}</h2>
    <p class="small muted">${clip.device_type === "in_car" ? "车载记录仪" : "执法记录仪"} ${esc(clip.device_id)} · ${when(clip.started_at)} 至 ${when(clip.ended_at).slice(11)} ·
      上传 ${when(clip.uploaded_at)}</p>
    <div class="player">${missing ? `<p class="error" role="alert">${MEDIA_MISSING}</p>` : loading("正在载入录像…")}</div>
    <h3 style="margin-top:.6rem">转写（点击跳转）</h3>
    ${clip.segments.length ? `<ol class="transcript">${clip.segments.map((s) => `
      <li class="${isEvidence(s) ? "evidence" : ""}" data-start="${s.start}" data-end="${s.end}">
        <button type="button" data-t="${s.start}"${off}><span class="t">${clock(s.start)}</span>
        <span class="spk">${SPEAKERS[s.speaker] || ""}</span><span>${text(s)}</span></button></li>`).join("")}</ol>`
      : empty("该录像尚无转写。")}
  </div>`;
}

export async function loadPlayer(view, clip, evidence) {
  if (clip.media_available === false) {  // said once on the card; its play buttons are disabled
    view.querySelectorAll(`.jump[data-rec="${CSS.escape(clip.recording_id)}"]`).forEach((b) => {
      b.disabled = true;
      b.title = "录像文件缺失，无法播放";
    });
    return;
  }
  const card = view.querySelector(`[data-clip="${CSS.escape(clip.recording_id)}"]`);
  const slot = card.querySelector(".player");
  let audio;
  try {
    audio = await mediaElement(clip.media_url);
  } catch (err) {
    slot.innerHTML = "";
    showError(slot, err);
    return;
  }
  audio.id = `player-${clip.recording_id}`;
  audio.setAttribute("aria-label", `录像 ${clip.recording_id} 播放器`);
  slot.replaceChildren(audio);
  const first = evidence.find((e) => e.recording_id === clip.recording_id);
  if (first) seek(audio, first.start, false);  // opens at the flagged second
  const rows = [...card.querySelectorAll(".transcript li")];
  audio.addEventListener("timeupdate", () => {
    for (const li of rows) {
      li.classList.toggle("now", audio.currentTime >= Number(li.dataset.start) && audio.currentTime < Number(li.dataset.end));
    }
  });
  card.querySelectorAll(".transcript button").forEach((b) => b.addEventListener("click", () => seek(audio, Number(b.dataset.t))));
  view.querySelectorAll(`.jump[data-rec="${CSS.escape(clip.recording_id)}"]`).forEach((b) => b.addEventListener("click", () => {
    seek(audio, Number(b.dataset.t));
    audio.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }));
}

async function decisionPanel(box, c, user) {
  const decided = c.decision
    ? `<p>${esc(c.status_label)}：${esc(c.decision.reason || "")} <span class="muted small">（${esc(personName(c.decision.decided_by))} ${when(c.decision.decided_at)}）</span></p>`
    : "";
  if (c.status !== "pending" || !DECIDERS.includes(user.role)) {
    box.innerHTML = `<h2 id="decision-h">审核决定</h2>${decided || empty(c.status === "pending" ? "待监查中心审核。" : "已处理。")}
      <div id="reversal-slot"></div>${historyList(c.history)}`;
    if (user.role === "supervisor" && c.decision) reversalForm(box.querySelector("#reversal-slot"), c);
    return;
  }
  box.innerHTML = `<h2 id="decision-h">审核决定</h2>
    <form id="decide" novalidate>
      <fieldset><legend class="small muted">结论</legend>
        <label><input type="radio" name="decision" value="confirm" required data-keep> 确认（问题属实）</label>
        <label><input type="radio" name="decision" value="dismiss" data-keep> 排除（不属实）</label></fieldset>
      <div class="field"><label for="reason">理由（必填）</label>
        <textarea id="reason" name="reason" ${counted(2000)} required placeholder="如：录像第 12 秒民警索要现金，属实"></textarea></div>
      <div class="error" role="alert" hidden></div>
      <button type="submit">提交审核决定</button>
    </form>${historyList(c.history)}`;
  const form = box.querySelector("form");
  const errors = form.querySelector("[role=alert]");
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const decision = form.decision.value;
    const reason = form.reason.value.trim();
    if (!decision || !reason) {
      errors.hidden = false;
      errors.textContent = !decision ? "请选择确认或排除" : "请填写理由";
      return;
    }
    const refused = tooLong(form);  // said before any confirmation: nothing to confirm yet
    if (refused) {
      errors.hidden = false;
      errors.textContent = refused;
      return;
    }
    const verb = decision === "confirm" ? "确认（问题属实）" : "排除（不属实）";
    if (!confirmStep(`将本案件${verb}。提交后不能自行更改，只能由负责人复核改判。确定提交？`)) return;
    const done = await busy(form.querySelector("button"), errors, () =>
      api(`/cases/${encodeURIComponent(c.case_id)}/decision`, { method: "POST", json: { decision, reason } }));
    if (done) {
      toast(`案件${done.status_label.startsWith("已") ? "" : "已"}${done.status_label}`);
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    }
  });
}

/** The supervisor's review of a decision (复核改判): confirmed ↔ dismissed, with a reason. */
function reversalForm(slot, c) {
  const to = c.status === "confirmed" ? "排除（不属实）" : "确认（问题属实）";
  slot.innerHTML = `<details class="reversal"><summary>复核改判…</summary><form id="reverse" novalidate>
      <div class="field"><label for="reversal-reason">改判理由（必填）</label>
        <textarea id="reversal-reason" name="reason" ${counted(2000)}></textarea></div>
      <div class="error" role="alert" hidden></div>
      <button type="submit" class="secondary">改判为${to}</button></form></details>`;
  const form = slot.querySelector("form");
  const errors = form.querySelector("[role=alert]");
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const reason = form.reason.value.trim();
    const refused = reason ? tooLong(form) : "请填写改判理由";
    if (refused) {
      errors.hidden = false;
      errors.textContent = refused;
      return;
    }
    if (!confirmStep(`将本案件改判为${to}。改判记入处理记录，确定改判？`)) return;
    const done = await busy(form.querySelector("button"), errors, () =>
      api(`/cases/${encodeURIComponent(c.case_id)}/reversal`, { method: "POST", json: { reason } }));
    if (done) {
      toast(`已改判：${done.status_label}`);
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    }
  });
}

function historyList(history) {
  if (!history?.length) return "";
  return `<h3 style="margin-top:1rem">处理记录</h3><ul class="timeline">${history.map((x) =>
    `<li class="small">${when(x.at)} ${esc(personName(x.actor))} ${esc(ACTIONS[x.action] || x.action || "")} ${esc(x.reason || "")}</li>`).join("")}</ul>`;
}

async function ordersPanel(box, c, user) {
  box.innerHTML = `<h2 id="orders-h">整改通知书</h2><div id="case-orders">${loading()}</div><div id="draft-slot"></div>`;
  const list = box.querySelector("#case-orders");
  if (user.role === "admin") {
    list.innerHTML = empty("管理员不参与整改流程。");
    return;
  }
  let pending = [];
  try {
    const res = await api(`/orders${query({ case_id: c.case_id, size: 20 })}`);
    pending = settlePending(user, c.case_id, res.items);
    const rows = res.items.map((o) => `<li data-order="${esc(o.order_id)}"><a href="#/order/${encodeURIComponent(o.order_id)}">${esc(o.title)}</a>
          ${badge(o.status, o.status_label)} <span class="small">期限 ${deadlineText(o)}</span></li>`);
    rows.push(...pending.map((d) => `<li data-pending="${esc(d.key)}"><strong>${esc(d.title || "整改通知书草稿")}</strong>
          ${badge("pending", "待生效")} <span class="small muted">${when(d.at)} 已提交，处理服务恢复后自动生效，无需重复起草。</span>
          <button type="button" class="link" data-resend="${esc(d.key)}">重新提交（不会重复）</button></li>`));
    list.innerHTML = rows.length ? `<ul class="timeline">${rows.join("")}</ul>` : empty("尚无依据本案件的整改通知书。");
  } catch (err) {
    list.innerHTML = "";
    showError(list, err);
  }
  list.querySelectorAll("[data-resend]").forEach((b) => b.addEventListener("click", async () => {
    const draft = pending.find((d) => d.key === b.dataset.resend);
    const errors = Object.assign(document.createElement("div"), { className: "error", hidden: true });
    errors.setAttribute("role", "alert");
    b.after(errors);
    const done = await busy(b, errors, () => submitDraft(user, draft, draft.key));
    if (done?.order) location.hash = `#/order/${encodeURIComponent(done.order.order_id)}`;
    else if (done) toast("仍在等待处理服务，草稿保留为待生效，不会重复");
  }));
  if (pending.length) {
    watchPending(box, c, user);
    return;  // one draft at a time: a second one would be the duplicate the reviewer fears
  }
  if (c.status !== "confirmed" || !DECIDERS.includes(user.role)) return;
  const slot = box.querySelector("#draft-slot");
  slot.innerHTML = `<form id="draft" novalidate style="margin-top:1rem">
    <h3>起草整改通知书</h3>
    <div class="field"><label for="title">标题（可不填，自动生成）</label><input id="title" name="title" maxlength="200" data-keep></div>
    <div class="field"><label for="requirements">整改要求（必填）</label>
      <textarea id="requirements" name="requirements" ${counted(20000)} required>针对${esc(squadName(c.squad_id))}民警${esc(officerName(c.officer_id))} ${when(c.occurred_at)} 的执法问题：立即停止违规做法，组织全员学习相关法律规定，并于期限内书面汇报整改情况。</textarea></div>
    <div class="error" role="alert" hidden></div>
    <button type="submit">起草</button></form>`;
  const form = slot.querySelector("form");
  const errors = form.querySelector("[role=alert]");
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (!form.requirements.value.trim()) {
      errors.hidden = false;
      errors.textContent = "请填写整改要求";
      return;
    }
    const body = { case_ids: [c.case_id], title: form.title.value.trim() || null, requirements: form.requirements.value.trim() };
    const done = await busy(form.querySelector("button"), errors, () => submitDraft(user, body));
    if (!done) return;
    if (done.order) {
      toast("整改通知书已起草");
      location.hash = `#/order/${encodeURIComponent(done.order.order_id)}`;
    } else {
      toast("已受理，待生效：处理服务恢复后自动生效，无需重复起草");
      window.dispatchEvent(new HashChangeEvent("hashchange"));  // the page now shows it 待生效
    }
  });
}

/** While a draft is 待生效, look again every few seconds; once it appears, show the page anew. */
function watchPending(box, c, user) {
  const hash = location.hash;
  const look = async () => {
    if (!box.isConnected || location.hash !== hash) return;
    try {
      const res = await api(`/orders${query({ case_id: c.case_id, size: 20 })}`);
      const before = pendingDrafts(user, c.case_id).length;
      if (settlePending(user, c.case_id, res.items).length < before) {
        toast("整改通知书草稿已生效");
        window.dispatchEvent(new HashChangeEvent("hashchange"));
        return;
      }
    } catch { /* the next look may succeed */ }
    setTimeout(look, 3000);
  };
  setTimeout(look, 3000);
}
