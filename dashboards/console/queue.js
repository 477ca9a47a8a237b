// 我的待办: the risk-ranked queue, bulk confirm/dismiss with one reason, the supervisor's
// assignment; the badge in the navigation (GET /inbox); the Excel and print buttons.

import { api, download, query } from "./api.js";
import { badge, busy, counted, empty, esc, focusHeading, h1, loading, toast, when } from "./ui.js";
import { officerHtml, squadHtml } from "./names.js";

const PART_LABELS = { severity: "严重程度", confidence: "可信度", complaint: "投诉", age: "时长" };

export async function queuePage(view, { user, params }) {
  const sup = user.role === "supervisor";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const who = params.get("who") || (sup ? "unassigned" : "mine");
  const tabs = [["mine", "我的待办"], ...(sup ? [["unassigned", "未分配"]] : []), ["confirmed", "已确认待起草"]];
  view.innerHTML = `
    ${h1("我的待办")}
    ${tabs.length ? `<nav class="tabs" aria-label="待办范围">${tabs.map(([k, v]) =>
      `<a href="#/queue?who=${k}"${k === who ? ' aria-current="page"' : ""}>${v}</a>`).join("")}</nav>` : ""}
    <p class="small muted" id="queue-rule"></p>
    <div id="queue-list">${loading()}</div>`;
  focusHeading(view);
  if (who === "confirmed") return confirmedList(view, page);
  const res = await api(`/queue${query({ page, size: 20, unassigned: who === "unassigned" ? "true" : "" })}`);
  view.querySelector("#queue-rule").textContent =
    `按风险分排序：${Object.entries(res.weights).map(([k, w]) => `${PART_LABELS[k]} ${Math.round(w * 100)}%`).join("、")}；`
    + `每页同一民警不超过 ${res.per_officer_per_page} 件。`;
  const box = view.querySelector("#queue-list");
  if (!res.items.length) {
    box.innerHTML = empty(who === "unassigned" ? "没有待分配的案件。" : "待办已清空，没有分配给您的待审核案件。");
    return;
  }
  const pages = Math.ceil(res.total / res.size);
  box.innerHTML = `
    <p>共 ${res.total} 件待审核${pages > 1 ? `，第 ${page} / ${pages} 页` : ""}</p>
    <table class="queue"><thead><tr>
      <th scope="col"><input type="checkbox" id="q-all" aria-label="全选本页"></th>
      <th scope="col">案件</th><th scope="col">问题</th><th scope="col">民警</th><th scope="col">中队</th>
      <th scope="col">发生时间</th><th scope="col">风险分</th></tr></thead>
    <tbody>${res.items.map((c) => `<tr data-case="${esc(c.case_id)}">
      <td><input type="checkbox" name="case" value="${esc(c.case_id)}" aria-label="选择 ${esc(c.case_id)}"></td>
      <td><a href="#/case/${encodeURIComponent(c.case_id)}">${esc(c.case_id)}</a></td>
      <td>${c.category_labels.map((l) => esc(l)).join("、")} ${badge(`sev${c.severity}`, `严重 ${c.severity}`)}
        ${c.complaint ? badge("overdue", "有投诉") : ""}</td>
      <td>${officerHtml(c.officer_id)}</td><td>${squadHtml(c.squad_id)}</td><td class="small">${when(c.occurred_at)}</td>
      <td class="small" title="${Object.entries(c.parts).map(([k, v]) => `${PART_LABELS[k]} ${v.toFixed(2)}`).join("，")}">
        <strong>${c.score.toFixed(2)}</strong></td></tr>`).join("")}</tbody></table>
    <nav class="pager" aria-label="翻页">
      ${page > 1 ? `<a class="button secondary" href="#/queue?who=${who}&page=${page - 1}">上一页</a>` : ""}
      ${page < pages ? `<a class="button secondary" href="#/queue?who=${who}&page=${page + 1}">下一页</a>` : ""}
    </nav>
    ${who === "unassigned" ? assignForm() : decideForm()}`;
  const boxes = () => [...box.querySelectorAll("input[name=case]")];
  box.querySelector("#q-all").addEventListener("change", (ev) => boxes().forEach((b) => { b.checked = ev.target.checked; }));
  const chosen = () => boxes().filter((b) => b.checked).map((b) => b.value);
  if (who === "unassigned") wireAssign(box, chosen);
  else wireDecide(box, chosen);
}

/** Confirmed cases, chosen together into one order (one squad per order: the API says so). */
async function confirmedList(view, page) {
  view.querySelector("#queue-rule").textContent = "勾选同一中队的已确认案件，合并起草一份整改通知书。";
  const res = await api(`/cases${query({ status: "confirmed", page, size: 50 })}`);
  const box = view.querySelector("#queue-list");
  if (!res.items.length) {
    box.innerHTML = empty("没有已确认的案件。");
    return;
  }
  const pages = Math.ceil(res.total / res.size);
  box.innerHTML = `
    <p>共 ${res.total} 件已确认${pages > 1 ? `，第 ${page} / ${pages} 页` : ""}</p>
    <table class="queue"><thead><tr><th scope="col"></th><th scope="col">案件</th><th scope="col">问题</th>
      <th scope="col">民警</th><th scope="col">中队</th><th scope="col">发生时间</th></tr></thead>
    <tbody>${res.items.map((c) => `<tr data-case="${esc(c.case_id)}">
      <td><input type="checkbox" name="case" value="${esc(c.case_id)}" aria-label="选择 ${esc(c.case_id)}"></td>
      <td><a href="#/case/${encodeURIComponent(c.case_id)}">${esc(c.case_id)}</a></td>
      <td>${c.category_labels.map((l) => esc(l)).join("、")}</td><td>${officerHtml(c.officer_id)}</td>
      <td>${squadHtml(c.squad_id)}</td><td class="small">${when(c.occurred_at)}</td></tr>`).join("")}</tbody></table>
    <nav class="pager" aria-label="翻页">
      ${page > 1 ? `<a class="button secondary" href="#/queue?who=confirmed&page=${page - 1}">上一页</a>` : ""}
      ${page < pages ? `<a class="button secondary" href="#/queue?who=confirmed&page=${page + 1}">下一页</a>` : ""}
    </nav>
    <form class="card" id="draft-many" novalidate aria-label="合并起草">
      <h2>合并起草整改通知书</h2>
      <div class="field"><label for="many-title">标题（可选）</label><input id="many-title" name="title" maxlength="200"></div>
      <div class="field"><label for="many-req">整改要求（必填）</label>
        <textarea id="many-req" name="requirements" ${counted(20000)} rows="3"></textarea></div>
      <div class="error" role="alert" hidden></div>
      <button type="submit">起草</button></form>`;
  const form = box.querySelector("#draft-many");
  const errors = form.querySelector("[role=alert]");
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const ids = [...box.querySelectorAll("input[name=case]:checked")].map((b) => b.value);
    const done = await busy(form.querySelector("button"), errors, () => {
      if (!ids.length) throw new Error("请先勾选案件");
      if (!form.requirements.value.trim()) throw new Error("请填写整改要求");
      return api("/orders", { method: "POST", json: {
        case_ids: ids, title: form.title.value.trim() || null, requirements: form.requirements.value.trim() } });
    });
    if (!done) return;
    if (done.order_id) {
      toast(`已起草（${ids.length} 件案件）`);
      location.hash = `#/order/${encodeURIComponent(done.order_id)}`;
    } else {
      toast(done.detail);
    }
  });
}

function decideForm() {
  return `<form class="card" id="bulk" novalidate aria-label="批量处理">
    <h2>批量处理所选案件</h2>
    <div class="row">
      <div class="shrink"><label for="bulk-decision">决定</label><select id="bulk-decision" name="decision">
        <option value="confirm">确认（问题属实）</option><option value="dismiss">排除（不属实）</option></select></div>
      <div><label for="bulk-reason">共同理由（必填）</label>
        <textarea id="bulk-reason" name="reason" ${counted(2000)} rows="2"></textarea></div>
      <div class="shrink"><button type="submit">批量处理</button></div>
    </div>
    <div class="error" role="alert" hidden></div>
    <ul class="small" id="bulk-results"></ul></form>`;
}

function wireDecide(box, chosen) {
  const form = box.querySelector("#bulk");
  const errors = form.querySelector("[role=alert]");
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const ids = chosen();
    const reason = form.reason.value.trim();
    const label = form.decision.value === "confirm" ? "确认" : "排除";
    const done = await busy(form.querySelector("button"), errors, async () => {
      if (!ids.length) throw new Error("请先勾选案件");
      if (!reason) throw new Error("请填写处理理由");
      if (!window.confirm(`将以同一理由${label} ${ids.length} 件案件，此操作不可撤销。继续？`)) return null;
      return api("/cases/decisions", { method: "POST", json: { case_ids: ids, decision: form.decision.value, reason } });
    });
    if (!done) return;
    toast(`已${label} ${done.decided} 件${done.refused ? `，${done.refused} 件未处理` : ""}`);
    if (done.refused) {
      form.querySelector("#bulk-results").innerHTML = done.results.filter((r) => !r.ok)
        .map((r) => `<li>${esc(r.case_id)}：${esc(r.detail)}</li>`).join("");
      return;
    }
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  });
}

function assignForm() {
  return `<form class="card" id="assign" novalidate aria-label="分配">
    <h2>分配给审核员</h2>
    <div class="row">
      <div><label for="assignee">审核员用户名</label><input id="assignee" name="assignee" maxlength="128"></div>
      <div class="shrink"><button type="submit">分配所选</button></div>
      <div class="shrink"><button type="button" class="secondary" id="auto">按风险自动分配</button></div>
    </div>
    <div class="error" role="alert" hidden></div></form>`;
}

function wireAssign(box, chosen) {
  const form = box.querySelector("#assign");
  const errors = form.querySelector("[role=alert]");
  const after = (done) => {
    if (!done) return;
    toast(`已分配 ${done.assigned.length} 件`);
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  };
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    after(await busy(form.querySelector("button[type=submit]"), errors, () => {
      if (!chosen().length) throw new Error("请先勾选案件");
      if (!form.assignee.value.trim()) throw new Error("请填写审核员用户名");
      return api("/queue/assignments", { method: "POST", json: { case_ids: chosen(), assignee: form.assignee.value.trim() } });
    }));
  });
  form.querySelector("#auto").addEventListener("click", async (ev) => {
    after(await busy(ev.target, errors, () => api("/queue/auto-assign", { method: "POST", json: { limit: 100 } })));
  });
}

/** The count badge on the navigation: new orders (squad leaders), the queue (reviewers). */
export async function showInbox(nav) {
  let inbox;
  try {
    inbox = await api("/inbox");
  } catch {
    return;  // a badge is a hint: its failure must not break the page
  }
  const target = nav.querySelector('a[href="#/queue"]') || nav.querySelector('a[href="#/orders"]');
  if (!target) return;
  target.querySelector(".count")?.remove();  // a later render's answer replaces an earlier one
  if (!inbox.badge) return;
  const count = document.createElement("span");
  count.className = "count";
  count.textContent = String(inbox.badge);
  count.title = inbox.label;
  target.append(count);
}

/** 导出 Excel / 打印通知书 buttons (the files need the bearer token: downloaded as blobs). */
export function fileButton(label, path, filename) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "secondary";
  b.textContent = label;
  b.addEventListener("click", async () => {
    b.disabled = true;
    try {
      await download(path, filename);
    } catch (err) {
      toast(err.message);
    } finally {
      b.disabled = false;
    }
  });
  return b;
}
