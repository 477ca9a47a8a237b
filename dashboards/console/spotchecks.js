// 随机抽查: weekly plans (goals per squad, progress), the seeded draw, review of a sample (player +
// transcript + outcome) and the miss rate with its 95 % interval. Squad leaders see published plans,
// their own squad only.

import { api } from "./api.js";
import { clipCard, loadPlayer } from "./cases.js";
import { officerHtml, squadHtml, squadName } from "./names.js";
import { badge, busy, empty, esc, focusHeading, h1, toast, when } from "./ui.js";

const STATUS = { set: "已制定", drawn: "已抽取", published: "已发布" };
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const ci = (row) => `${pct(row.low)} – ${pct(row.high)}`;

/** ISO week of today in Beijing time, e.g. 2026-W16. */
function thisWeek(now = new Date()) {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const start = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  return `${d.getUTCFullYear()}-W${String(Math.ceil(((d - start) / 86_400_000 + 1) / 7)).padStart(2, "0")}`;
}

function progressTable(report) {
  return `<table class="progress"><thead><tr><th scope="col">中队</th><th scope="col">目标</th><th scope="col">已抽取</th>
    <th scope="col">已完成</th><th scope="col">待完成</th><th scope="col">发现问题</th></tr></thead>
    <tbody>${report.progress.map((p) => `<tr data-squad="${esc(p.squad_id)}"><td>${squadHtml(p.squad_id)}</td><td>${p.goal}</td>
      <td>${p.drawn}</td><td>${p.done}</td><td>${p.due ? `<strong>${p.due}</strong>` : "0"}</td><td>${p.problems}</td></tr>`).join("")}</tbody></table>`;
}

function rateRow(label, row, recall) {
  return `<tr><th scope="row">${esc(label)}</th><td>${row.reviewed}</td><td>${row.problems}</td>
    <td><strong>${pct(row.rate)}</strong></td><td>${row.reviewed ? ci(row) : "—"}</td><td>${row.n_eff.toFixed(1)}</td>
    <td>${row.missed}</td><td>${recall ? `${pct(recall.rate)}（${pct(recall.low)} – ${pct(recall.high)}）` : "—"}</td></tr>`;
}

function estimateTable(report) {
  return `<table class="estimate" id="estimate"><thead><tr><th scope="col">范围</th><th scope="col">已复核</th>
    <th scope="col">发现问题</th><th scope="col">漏报率</th><th scope="col">95% 置信区间</th><th scope="col">有效样本量</th>
    <th scope="col">估计漏报数</th><th scope="col">分析器隐含召回率</th></tr></thead><tbody>
    ${report.by_squad.length > 1 ? rateRow("全部", report.overall, report.recall) : ""}
    ${report.by_class.map((c) => rateRow(c.label, c, null)).join("")}
    ${report.by_squad.map((s) => rateRow(squadName(s.squad_id), s, s.recall)).join("")}
  </tbody></table>
  <p class="small muted">漏报率：未被分析器标记的执法中存在问题的比例（按民警分层加权）；区间为 Clopper–Pearson（按有效样本量）。
    召回率 = 分析器标记数 ÷（标记数 + 估计漏报数），本周标记 ${report.flagged} 起；抽查立案 ${report.missed_cases} 件。</p>`;
}

export async function spotchecksPage(view, { user }) {
  const supervisor = user.role === "supervisor";
  const plans = await api("/spotchecks");
  view.innerHTML = `
    ${h1(user.role === "squad_leader" ? `本中队抽查结果（${squadName(user.squad_id)}）` : "随机抽查")}
    ${supervisor ? `<form class="card" id="plan-form" aria-labelledby="plan-h">
      <h2 id="plan-h">制定本周抽查计划</h2>
      <div class="row"><div><label for="sc-week">周次</label><input id="sc-week" name="week" value="${thisWeek()}" required></div>
      <div class="grow"><label for="sc-goals">各中队目标（每行：中队 数量 [每名民警数量]）</label>
        <textarea id="sc-goals" name="goals" rows="3" required placeholder="mudan-1 20"></textarea></div>
      <div class="shrink"><button type="submit">制定计划</button></div></div>
      <div class="error" role="alert" hidden></div>
    </form>` : ""}
    <div id="plan-list">${plans.length ? plans.map(({ plan, report }) => `
      <section class="card" data-plan="${esc(plan.plan_id)}">
        <h2><a href="#/spotcheck/${encodeURIComponent(plan.plan_id)}">${esc(plan.week)} 抽查计划</a> ${badge(plan.status, STATUS[plan.status])}</h2>
        ${progressTable(report)}
        ${report.overall.reviewed ? `<p>漏报率 <strong>${pct(report.overall.rate)}</strong>（95% 置信区间 ${ci(report.overall)}）</p>` : ""}
      </section>`).join("") : empty(user.role === "squad_leader" ? "暂无已发布的抽查结果。" : "尚无抽查计划。")}</div>`;
  focusHeading(view);
  const form = view.querySelector("#plan-form");
  form?.addEventListener("submit", (ev) => {
    ev.preventDefault();
    busy(form.querySelector("button"), form.querySelector(".error"), async () => {
      const goals = form.goals.value.split("\n").map((l) => l.trim()).filter(Boolean).map((l) => {
        const [squad_id, count, per] = l.split(/\s+/);
        if (!squad_id || !(Number(count) > 0)) throw new Error(`目标格式有误：“${l}”（应为：中队 数量）`);
        return { squad_id, count: Number(count), ...(per ? { per_officer: Number(per) } : {}) };
      });
      const res = await api("/spotchecks", { method: "POST", json: { week: form.week.value.trim(), goals } });
      toast("抽查计划已制定");
      location.hash = `#/spotcheck/${encodeURIComponent(res.plan?.plan_id || `SC-${form.week.value.trim()}`)}`;
    });
  });
}

export async function spotcheckDetail(view, { user, id }) {
  const { plan, report } = await api(`/spotchecks/${encodeURIComponent(id)}`);
  const supervisor = user.role === "supervisor";
  const reviewer = ["supervisor", "reviewer"].includes(user.role);
  view.innerHTML = `
    <p class="small"><a href="#/spotchecks">← 返回随机抽查</a></p>
    ${h1(`${plan.week} 抽查计划`)}
    <section class="card" aria-labelledby="facts-h">
      <h2 id="facts-h">计划 ${badge(plan.status, STATUS[plan.status])}</h2>
      <dl class="meta"><dt>编号</dt><dd>${esc(plan.plan_id)}</dd><dt>制定</dt><dd>${esc(plan.set_by)} ${when(plan.set_at)}</dd>
        <dt>随机种子</dt><dd class="small"><code id="seed">${esc(plan.seed || "尚未抽取")}</code></dd>
        ${plan.drawn_at ? `<dt>抽取时间</dt><dd>${when(plan.drawn_at)}</dd>` : ""}
        ${plan.published_at ? `<dt>发布时间</dt><dd>${when(plan.published_at)}</dd>` : ""}</dl>
      <div class="row" id="plan-actions">
        ${supervisor && plan.status === "set" ? '<button type="button" id="draw">抽取样本</button>' : ""}
        ${supervisor && plan.status === "drawn" ? '<button type="button" id="publish">发布结果</button>' : ""}
        ${reviewer && plan.seed ? '<button type="button" class="secondary" id="verify">复核抽样</button>' : ""}
      </div>
      <div class="error" role="alert" hidden></div>
      <p id="verified" class="small" role="status"></p>
      <h3>目标与进度</h3>${progressTable(report)}
    </section>
    ${plan.samples.length ? `<section class="card" aria-labelledby="est-h"><h2 id="est-h">漏报率估计</h2>${estimateTable(report)}</section>
    <section class="card" aria-labelledby="samples-h"><h2 id="samples-h">样本（${plan.samples.length}）</h2>
      <table class="samples"><thead><tr><th scope="col">执法记录</th><th scope="col">中队</th><th scope="col">民警</th>
        <th scope="col">时间</th><th scope="col">录像</th><th scope="col">结论</th><th scope="col">案件</th></tr></thead>
      <tbody>${plan.samples.map((s) => `<tr data-action="${esc(s.action_id)}" data-squad="${esc(s.squad_id)}">
        <td>${reviewer ? `<a href="#/spotsample/${encodeURIComponent(plan.plan_id)}/${encodeURIComponent(s.action_id)}">${esc(s.action_id)}</a>` : esc(s.action_id)}</td>
        <td>${squadHtml(s.squad_id)}</td><td>${officerHtml(s.officer_id)}</td><td class="small">${when(s.occurred_at)}</td>
        <td>${s.recording_ids.length}</td>
        <td>${s.outcome ? badge(s.outcome === "规范" ? "ok" : "problem", s.outcome) : '<span class="muted">待复核</span>'}
          ${s.text ? `<span class="small">${esc(s.text)}</span>` : ""}</td>
        <td>${s.case_id && reviewer ? `<a href="#/case/${encodeURIComponent(s.case_id)}">${esc(s.case_id)}</a>` : esc(s.case_id || "")}</td></tr>`).join("")}</tbody></table>
    </section>` : ""}`;
  focusHeading(view);
  const errors = view.querySelector("[role=alert]");
  const act = (sel, path, done) => view.querySelector(sel)?.addEventListener("click", (ev) =>
    busy(ev.target, errors, async () => {
      await api(`/spotchecks/${encodeURIComponent(plan.plan_id)}/${path}`, { method: "POST" });
      toast(done);
      await spotcheckDetail(view, { user, id });
    }));
  act("#draw", "draw", "已按固定种子抽取样本");
  act("#publish", "publish", "抽查结果已发布，各中队长可查看本中队结论");
  view.querySelector("#verify")?.addEventListener("click", (ev) => busy(ev.target, errors, async () => {
    const v = await api(`/spotchecks/${encodeURIComponent(plan.plan_id)}/verify`);
    view.querySelector("#verified").textContent = v.reproduced
      ? `复核一致：用种子重新抽取的 ${v.samples} 个样本与记录完全相同。`
      : "复核不一致：重新抽取的样本与记录不同，请联系管理员。";
  }));
}

const PAYMENT = { bank: "银行缴款", app: "网上缴款", cash_on_spot: "现场收缴" };

export async function spotSample(view, { id, meta }) {
  const [planId, ...rest] = id.split("/");
  const actionId = rest.join("/");
  const v = await api(`/spotchecks/${encodeURIComponent(planId)}/samples/${encodeURIComponent(actionId)}`);
  const s = v.sample;
  const a = v.action;
  view.innerHTML = `
    <p class="small"><a href="#/spotcheck/${encodeURIComponent(planId)}">← 返回抽查计划</a></p>
    ${h1(`抽查样本 ${s.action_id}`)}
    <div class="detail">
      <section class="card" aria-labelledby="facts-h">
        <h2 id="facts-h">执法记录</h2>
        <dl class="meta"><dt>中队</dt><dd>${squadHtml(s.squad_id)}</dd><dt>民警</dt><dd>${officerHtml(s.officer_id)}</dd>
          <dt>时间</dt><dd>${when(s.occurred_at)}</dd><dt>违法行为</dt><dd>${esc(meta.violations[a.violation_type] || a.violation_type || "—")}</dd>
          <dt>罚款</dt><dd>${esc(a.measures?.fine_cny ?? "—")} 元</dd><dt>缴款方式</dt><dd>${esc(PAYMENT[a.payment?.method] || a.payment?.method || "—")}</dd></dl>
        <form id="outcome-form" aria-labelledby="outcome-h">
          <h2 id="outcome-h" style="margin-top:1rem">抽查结论</h2>
          <fieldset class="outcomes"><legend class="small muted">回放录像后选择一项；发现问题将生成“分析器漏报”案件，进入审核流程。</legend>
          ${v.outcomes.map((o, i) => `<label><input type="radio" name="outcome" value="${esc(o)}"${(s.outcome || "规范") === o ? " checked" : ""} id="oc-${i}"> ${esc(o)}</label>`).join(" ")}
          </fieldset>
          <div class="field"><label for="oc-text">说明（选“其他”时必填）</label>
            <textarea id="oc-text" name="text" rows="2" maxlength="2000">${esc(s.text || "")}</textarea></div>
          <div class="error" role="alert" hidden></div>
          <button type="submit">保存结论</button>
        </form>
      </section>
      <section aria-label="录像与转写">
        ${v.clips.length ? v.clips.map((c) => clipCard(c, [])).join("") : `<div class="card">${empty("该执法前后没有找到录像（可选“记录仪中断”）。")}</div>`}
      </section>
    </div>`;
  focusHeading(view);
  const form = view.querySelector("#outcome-form");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    busy(form.querySelector("button"), form.querySelector(".error"), async () => {
      const body = { outcome: form.outcome.value, text: form.text.value.trim() || null };
      await api(`/spotchecks/${encodeURIComponent(planId)}/samples/${encodeURIComponent(actionId)}/outcome`, { method: "POST", json: body });
      toast(body.outcome === "规范" ? "结论已保存" : "结论已保存，已生成分析器漏报案件");
      location.hash = `#/spotcheck/${encodeURIComponent(planId)}`;
    });
  });
  await Promise.all(v.clips.map((c) => loadPlayer(view, c, [])));
}
