// 预警与考核: early-warning alerts (the supervisor proposes, decides, follows up), the monthly
// squad assessment (月度考核) and an officer's record (interventions and 规范执法示例).

import { api, download, query } from "./api.js";
import { loadNames, officerHtml, officerName, personName, squadHtml } from "./names.js";
import { badge, busy, clock, empty, esc, focusHeading, h1, loading, toast, when } from "./ui.js";

const DECISIONS = { talk: "谈话提醒", training: "培训", rectify: "整改", none: "无需处理" };
const RULES = { score: "同伴相对分（默认）", percentile: "百分位", threshold: "仅阈值", combined: "相对分或严重问题" };
const STATUS_CLS = { proposed: "pending", decided: "issued", closed: "closed" };

const pct = (x) => (x === null || x === undefined ? "—" : `${(100 * x).toFixed(1)}%`);
const num = (x) => (x === null || x === undefined ? "—" : x.toFixed(2));
function change(x, rate) {
  if (x === null || x === undefined) return "—";
  if (x === 0) return "持平";
  return rate ? `${x > 0 ? "+" : ""}${(100 * x).toFixed(1)} 个百分点` : `${x > 0 ? "+" : ""}${x.toFixed(2)}`;
}
function today(offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(d);
}

/** The Beijing day of an ISO moment (2026-04-30). */
function today0(iso) {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date(iso));
}

export async function alertsPage(view, { params }) {
  const status = params.get("status") || "";
  await loadNames();
  view.innerHTML = `${h1("民警预警")}
    <form class="card row" id="scan" aria-label="运行预警研判" novalidate>
      <div><label for="s-date">研判日期</label><input id="s-date" name="date" type="date" value="${today()}" required></div>
      <div><label for="s-rule">预警规则</label><select id="s-rule" name="rule">
        ${Object.entries(RULES).map(([k, v]) => `<option value="${k}">${esc(v)}</option>`).join("")}</select></div>
      <div><label for="s-score">相对分阈值</label><input id="s-score" name="min_score" type="number" step="0.5" min="0" value="8"></div>
      <div class="shrink"><button type="submit">运行预警研判</button></div>
      <div class="error" role="alert" hidden style="flex-basis:100%"></div>
    </form>
    <p class="small muted">预警只是提示：须由负责人研判（谈话提醒、培训、整改或无需处理）后才记入民警个人档案。</p>
    <form class="row" id="alert-filters" aria-label="筛选"><div style="flex:0 1 12rem"><label for="a-status">状态</label>
      <select id="a-status" name="status"><option value="">全部</option>
      ${[["proposed", "待研判"], ["decided", "跟进中"], ["closed", "已办结"]].map(([k, v]) =>
        `<option value="${k}"${k === status ? " selected" : ""}>${v}</option>`).join("")}</select></div>
      <div class="shrink"><button type="submit" class="secondary">筛选</button></div></form>
    <div id="alerts">${loading()}</div>`;
  focusHeading(view);
  view.querySelector("#alert-filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    location.hash = `#/alerts${query(Object.fromEntries(new FormData(ev.target)))}`;
  });
  const form = view.querySelector("#scan");
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const errors = form.querySelector("[role=alert]");
    const config = { rule: form.rule.value, min_score: Number(form.min_score.value || 8) };
    const as_of = `${form.date.value}T23:59:59+08:00`;
    const done = await busy(form.querySelector("button"), errors, () =>
      api("/alerts/scan", { method: "POST", json: { as_of, config } }));
    if (done) {
      toast(done.items.length ? `新增 ${done.items.length} 条待研判预警` : "没有新的预警");
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    }
  });
  const { items } = await api(`/alerts${query({ status })}`);
  const box = view.querySelector("#alerts");
  if (!items.length) {
    box.innerHTML = empty("暂无预警。");
    return;
  }
  box.innerHTML = items.map(alertCard).join("");
  box.querySelectorAll("form[data-decide]").forEach((f) => f.addEventListener("submit", (ev) => act(ev, f, "decision")));
  box.querySelectorAll("form[data-close]").forEach((f) => f.addEventListener("submit", (ev) => act(ev, f, "close")));
}

function alertCard(a) {
  const ind = a.indicators || {};
  const id = esc(a.alert_id);
  const decide = a.status === "proposed" ? `
    <form class="row" data-decide="${id}" data-version="${a.version}" aria-label="研判 ${id}" novalidate>
      <div><label for="d-${id}">研判结论</label><select id="d-${id}" name="decision">
        ${Object.entries(DECISIONS).map(([k, v]) => `<option value="${k}">${v}</option>`).join("")}</select></div>
      <div><label for="f-${id}">回访日期</label><input id="f-${id}" name="follow_up_on" type="date" value="${today(30)}"></div>
      <div style="flex:2 1 16rem"><label for="n-${id}">研判意见</label><input id="n-${id}" name="note" maxlength="5000"></div>
      <div class="shrink"><button type="submit">提交研判</button></div>
      <div class="error" role="alert" hidden style="flex-basis:100%"></div></form>` : "";
  const close = a.status === "decided" ? `
    <form class="row" data-close="${id}" data-version="${a.version}" aria-label="办结 ${id}" novalidate>
      <div style="flex:3 1 20rem"><label for="o-${id}">回访结果</label><input id="o-${id}" name="outcome" required maxlength="5000"></div>
      <div class="shrink"><button type="submit">回访办结</button></div>
      <div class="error" role="alert" hidden style="flex-basis:100%"></div></form>` : "";
  return `<section class="card alert" data-alert="${id}" aria-label="预警 ${id}">
    <h2>${officerHtml(a.officer_id)} · ${squadHtml(a.squad_id)} ${badge(STATUS_CLS[a.status], a.status_label)}
      ${a.decision_label ? badge("accepted", a.decision_label) : ""}</h2>
    <p class="explanation">${esc(a.explanation)}</p>
    <p class="small muted">综合风险分 ${a.score} · 研判时点 ${when(a.as_of)} · 规则 ${esc(RULES[a.rule] || a.rule)}
      · 近${ind.days ?? 90}天执法 ${ind.actions ?? "—"} 起（分母）· 录像覆盖率 ${pct(ind.coverage)}
      ${a.follow_up_on ? ` · 回访日期 <b>${esc(a.follow_up_on)}</b>` : ""}
      ${a.status === "decided" && a.follow_up_on && a.follow_up_on <= today() ? badge("overdue", "回访已到期") : ""}
      · <a href="#/officer/${encodeURIComponent(a.officer_id)}?until=${esc(today0(a.as_of))}">个人档案</a></p>
    ${a.decision_note ? `<p class="small">研判意见：${esc(a.decision_note)}（${esc(personName(a.decided_by))}，${when(a.decided_at)}）</p>` : ""}
    ${a.outcome ? `<p class="small">回访结果：${esc(a.outcome)}（${when(a.closed_at)}）</p>` : ""}
    ${decide}${close}</section>`;
}

async function act(ev, form, kind) {
  ev.preventDefault();
  const errors = form.querySelector("[role=alert]");
  const id = form.dataset.decide || form.dataset.close;
  const body = { version: Number(form.dataset.version) };
  if (kind === "decision") {
    body.decision = form.decision.value;
    body.note = form.note.value;
    body.follow_up_on = body.decision === "none" ? null : form.follow_up_on.value || null;
  } else {
    body.outcome = form.outcome.value.trim();
    if (!body.outcome) {
      errors.hidden = false;
      errors.textContent = "请填写回访结果";
      return;
    }
  }
  const done = await busy(form.querySelector("button"), errors, () =>
    api(`/alerts/${encodeURIComponent(id)}/${kind}`, { method: "POST", json: body }));
  if (done) {
    toast(kind === "decision" ? `已研判：${done.decision_label}` : "预警已办结");
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  }
}

export async function assessmentPage(view, { params }) {
  const month = params.get("month") || today(-30).slice(0, 7);
  await loadNames();
  view.innerHTML = `${h1("月度考核")}
    <form class="card row" id="month-form" aria-label="选择月份">
      <div style="flex:0 1 14rem"><label for="m-month">考核月份</label><input id="m-month" name="month" type="month" value="${esc(month)}" required></div>
      <div class="shrink"><button type="submit">查看</button></div>
      <div class="shrink"><button type="button" class="secondary" id="assessment-pdf">下载 PDF</button></div>
    </form>
    <p class="small muted">罚没款数额和查处量不作为考核指标；执法量仅作“每百起执法确认问题数”的分母。</p>
    <div id="assessment">${loading()}</div>`;
  focusHeading(view);
  const form = view.querySelector("#month-form");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    location.hash = `#/assessment${query({ month: form.month.value })}`;
  });
  view.querySelector("#assessment-pdf").addEventListener("click", () =>
    download(`/assessments/${month}.pdf`, `月度考核-${month}.pdf`));
  const res = await api(`/assessments/${encodeURIComponent(month)}`);
  const box = view.querySelector("#assessment");
  if (!res.squads.length) {
    box.innerHTML = empty(`${month} 暂无考核数据。`);
    return;
  }
  box.innerHTML = `<table id="assessment-table"><caption>${esc(res.month)}（较 ${esc(res.previous)}）</caption>
    <thead><tr><th scope="col">名次</th><th scope="col">中队</th><th scope="col">录像覆盖率</th><th scope="col">按时上传率</th>
      <th scope="col">每百起执法确认问题</th><th scope="col">整改按时汇报率</th><th scope="col">抽查合格率</th>
      <th scope="col">综合得分</th><th scope="col">较上月</th></tr></thead>
    <tbody>${res.squads.map((s) => `<tr data-squad="${esc(s.squad_id)}"><td>${s.rank}</td><td>${squadHtml(s.squad_id)}</td>
      <td>${pct(s.coverage)}<div class="small muted">${change(s.change.coverage, true)}</div></td>
      <td>${pct(s.timeliness)}<div class="small muted">${change(s.change.timeliness, true)}</div></td>
      <td>${num(s.problems_per_100)}<div class="small muted">${change(s.change.problems_per_100)}</div></td>
      <td>${pct(s.orders_on_time)}<div class="small muted">${change(s.change.orders_on_time, true)}</div></td>
      <td>${s.spot_check_pass === null ? "暂无" : pct(s.spot_check_pass)}<div class="small muted">${change(s.change.spot_check_pass, true)}</div></td><td><b>${s.score}</b></td><td>${change(s.change.score)}</td></tr>`).join("")}</tbody></table>`;
}

export async function officerPage(view, { id, params }) {
  const day = params.get("until") || "";  // a day: the record as it stood then (else now)
  const until = /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T23:59:59+08:00` : "";
  const [r] = await Promise.all([api(`/officers/${encodeURIComponent(id)}/record${query({ until })}`), loadNames()]);
  view.innerHTML = `<p class="small"><a href="#/alerts">← 返回民警预警</a></p>
    ${h1(`个人档案：${officerName(id)}`)}
    <section class="card" aria-label="概况"><p>${officerHtml(r.officer_id)} · ${squadHtml(r.squad_id)}
      · 经确认问题 <b>${r.confirmed_problems}</b> 起
      ${Object.entries(r.confirmed_by_category).map(([k, v]) => `${esc(k)} ${v} 起`).join("、")}</p></section>
    <section class="card" aria-label="预警处理"><h2>预警处理记录</h2>
      ${r.interventions.length ? `<ul>${r.interventions.map((a) => `<li>${badge("issued", a.decision_label)}
        ${when(a.decided_at)} ${esc(a.explanation)}${a.outcome ? `（回访：${esc(a.outcome)}）` : ""}</li>`).join("")}</ul>`
        : empty("无记入档案的预警处理。")}</section>
    <section class="card" aria-label="规范执法示例"><h2>规范执法示例（${day ? `截至 ${esc(day)} ` : ""}近90天）</h2>
      ${r.good_practice.length ? r.good_practice.map((g) => `<div class="good" data-good="${esc(g.recording_id)}">
        <p><b>${esc(g.labels.join("、"))}</b> · 录像 ${esc(g.recording_id)} · ${when(g.started_at)}</p>
        ${g.excerpts.map((x) => `<blockquote><span class="muted small">${clock(x.start)}–${clock(x.end)}</span> “${esc(x.text)}”</blockquote>`).join("")}
      </div>`).join("") : empty("近90天暂无规范执法示例。")}</section>`;
  focusHeading(view);
}
