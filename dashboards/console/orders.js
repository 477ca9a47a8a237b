// 整改通知: the board (squad leaders see their squad only) and one order with its actions.

import { api, download, query } from "./api.js";
import { fileButton } from "./queue.js";
import {
  backTo, badge, busy, confirmStep, counted, deadlineText, empty, esc, focusHeading, h1, isOverdue, loading,
  showError, toast, tooLong, when,
} from "./ui.js";
import { autocomplete, personName, squadHtml, squadName, toCode } from "./names.js";

export async function ordersPage(view, { user, meta, params }) {
  const status = params.get("status") || "";
  const overdue = params.get("overdue") || "";
  const squad = params.get("squad_id") || "";
  const leader = user.role === "squad_leader";
  const statuses = Object.entries(meta.order_status).filter(([k]) => !leader || !["draft", "withdrawn"].includes(k));
  view.innerHTML = `
    ${h1(leader ? `本中队整改通知（${squadName(user.squad_id)}）` : "整改通知")}
    <form class="card row" id="order-filters" aria-label="筛选">
      <div><label for="o-status">状态</label><select id="o-status" name="status"><option value="">全部</option>
        ${statuses.map(([k, v]) => `<option value="${k}"${k === status ? " selected" : ""}>${esc(v)}</option>`).join("")}</select></div>
      <div><label for="o-overdue">期限</label><select id="o-overdue" name="overdue">
        <option value="">全部</option><option value="true"${overdue === "true" ? " selected" : ""}>已逾期未汇报</option>
        <option value="false"${overdue === "false" ? " selected" : ""}>未逾期</option></select></div>
      ${leader ? "" : `<div><label for="o-squad">中队（名称或代码）</label><input id="o-squad" name="squad_id" value="${esc(squad)}"></div>`}
      <div class="shrink"><button type="submit">筛选</button></div>
    </form>
    <div id="order-list">${loading()}</div>`;
  focusHeading(view);
  const filters = view.querySelector("#order-filters");
  filters.append(
    fileButton("导出整改台账", `/exports/orders.xlsx${query({ status, overdue, squad_id: squad })}`, "整改台账.xlsx"));
  filters.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const next = Object.fromEntries(new FormData(ev.target));
    if (next.squad_id) next.squad_id = toCode("squad", next.squad_id);
    location.hash = `#/orders${query(next)}`;
  });
  if (!leader) autocomplete(filters.squad_id, "squad");
  const res = await api(`/orders${query({ status, overdue, squad_id: squad, size: 100 })}`);
  const box = view.querySelector("#order-list");
  if (!res.items.length) {
    box.innerHTML = empty(leader ? "本中队暂无整改通知书。" : "没有符合条件的整改通知书。");
    return;
  }
  const late = res.items.filter((o) => isOverdue(o)).length;
  box.innerHTML = `
    <p>共 ${res.total} 份${late ? `，<strong class="late">${late} 份已逾期未汇报</strong>` : ""}</p>
    <table class="orders"><thead><tr><th scope="col">编号</th><th scope="col">标题</th><th scope="col">中队</th>
      <th scope="col">状态</th><th scope="col">整改期限</th><th scope="col">更新</th></tr></thead>
    <tbody>${res.items.map((o) => `<tr data-order="${esc(o.order_id)}" class="${isOverdue(o) ? "is-overdue" : ""}">
      <td class="small">${esc(o.order_id)}</td>
      <td><a href="#/order/${encodeURIComponent(o.order_id)}">${esc(o.title)}</a></td>
      <td>${squadHtml(o.squad_id)}</td>
      <td>${badge(o.status, o.status_label)} ${isOverdue(o) ? badge("overdue", "逾期") : ""}</td>
      <td class="small">${deadlineText(o)}</td><td class="small">${when(o.updated_at)}</td></tr>`).join("")}</tbody></table>`;
}

export async function orderDetail(view, { user, id }) {
  const o = await api(`/orders/${encodeURIComponent(id)}`);
  const back = backTo("order", user.role);
  const returned = o.status === "returned" ? o.history.filter((x) => x.type === "OrderReturned").at(-1) : null;
  view.innerHTML = `
    <p class="small"><a href="${esc(back.href)}">${esc(back.label)}</a></p>
    ${h1(o.title)}
    ${returned ? `<div class="card returned" role="alert" id="returned"><h2>整改汇报被退回，请按退回理由修改后重新汇报</h2>
      <p class="pre">${esc(returned.comment || "（未说明理由）")}</p>
      <p class="small muted">${esc(personName(returned.actor.username))} ${when(returned.at)} 退回 · 新的整改期限 ${deadlineText(o)}</p></div>` : ""}
    <div class="detail">
      <section class="card" aria-label="通知书">
        <h2>整改通知书 ${badge(o.status, o.status_label)} ${isOverdue(o) ? badge("overdue", "逾期未汇报") : ""}</h2>
        <dl class="meta">
          <dt>编号</dt><dd>${esc(o.order_id)}</dd><dt>中队</dt><dd>${squadHtml(o.squad_id)}</dd>
          <dt>整改期限</dt><dd id="deadline">${deadlineText(o)}</dd>
          <dt>涉及案件</dt><dd>${o.case_ids.map((c) => `<a href="#/case/${encodeURIComponent(c)}">${esc(c)}</a>`).join("、")}</dd>
          <dt>起草</dt><dd>${esc(personName(o.drafted_by))} ${when(o.created_at)}</dd>
          ${o.issued_at ? `<dt>下发</dt><dd>${when(o.issued_at)}</dd>` : ""}
          ${o.returned_count ? `<dt>退回次数</dt><dd>${o.returned_count}</dd>` : ""}
        </dl>
        <h3 style="margin-top:1rem">整改要求</h3><p class="pre">${esc(o.requirements)}</p>
        <h3>整改汇报</h3>
        ${o.answers.length ? o.answers.map((a) => `<div class="answer">
          <div class="small muted">第 ${a.number} 次汇报 · ${esc(personName(a.by))} · ${when(a.at)} ${a.late ? '<strong class="late">逾期提交</strong>' : "按期"}</div>
          <p class="pre">${esc(a.text)}</p>
          ${a.attachments.map((f) => `<button type="button" class="link" data-sha="${esc(f.sha256)}" data-name="${esc(f.filename)}">附件：${esc(f.filename)}（${Math.ceil(f.size / 1024)} KB）</button>`).join("<br>")}
        </div>`).join("") : empty("尚未汇报。")}
      </section>
      <section>
        <div class="card" id="actions" aria-label="办理"></div>
        <div class="card"><h2>流转记录</h2><ul class="timeline">${o.history.map((x) => `<li class="small">${when(x.at)}
          ${esc(personName(x.actor.username))} <strong>${esc(x.label)}</strong> ${esc(x.comment || "")}</li>`).join("")}</ul></div>
      </section>
    </div>`;
  focusHeading(view);
  if (o.issued_at) {  // a draft, or one withdrawn before issue, has no notice to print
    view.querySelector("#deadline").closest("section").querySelector("h2").after(
      fileButton("打印整改通知书（PDF）", `/orders/${encodeURIComponent(o.order_id)}/notice.pdf`, `整改通知书-${o.order_id}.pdf`));
  }
  view.querySelectorAll("[data-sha]").forEach((b) => b.addEventListener("click", async () => {
    try {
      await download(`/orders/${encodeURIComponent(o.order_id)}/attachments/${b.dataset.sha}`, b.dataset.name);
    } catch (err) {
      showError(b.parentElement, err);
    }
  }));
  actions(view.querySelector("#actions"), o, user);
}

function defaultDeadline() {
  const d = new Date(Date.now() + 7 * 86_400_000);
  const bj = new Date(d.getTime() + 8 * 3_600_000);  // as Beijing wall time for datetime-local
  return bj.toISOString().slice(0, 16);
}

const bjDeadline = (local) => (local ? `${local}:00+08:00` : null);

/** The forms this user may use on this order now (the API checks again). */
function actions(box, o, user) {
  const url = `/orders/${encodeURIComponent(o.order_id)}`;
  const forms = [];
  const sup = user.role === "supervisor";
  const leader = user.role === "squad_leader";
  const drafter = ["reviewer", "supervisor"].includes(user.role);
  if (drafter && o.status === "draft") {
    forms.push(["revise", "保存修改", `<h3>修改草稿</h3><div class="field"><label for="revise-title">标题</label>
      <input id="revise-title" name="title" maxlength="200" value="${esc(o.title)}" data-keep></div>
      <div class="field"><label for="revise-requirements">整改要求（必填）</label>
      <textarea id="revise-requirements" name="requirements" ${counted(20000)}>${esc(o.requirements)}</textarea></div>`,
      (f) => {
        if (!f.title.value.trim() || !f.requirements.value.trim()) throw new Error("标题和整改要求不能为空");
        return { method: "PATCH", path: url, json: { title: f.title.value.trim(), requirements: f.requirements.value.trim(), version: o.version } };
      }]);
    forms.push(["withdraw", "撤回草稿", `<h3>撤回草稿</h3><div class="field"><label for="withdraw-reason">撤回理由（必填）</label>
      <textarea id="withdraw-reason" name="reason" ${counted(5000)}></textarea></div>`,
      (f) => {
        if (!f.reason.value.trim()) throw new Error("请填写撤回理由");
        return { json: { reason: f.reason.value.trim(), version: o.version } };
      }, "撤回后该草稿作废，不能再下发（记录保留）。确定撤回？"]);
  }
  if (sup && o.status === "draft") {
    forms.push(["issue", "下发", `<div class="field"><label for="deadline-in">整改期限（北京时间，默认 7 天）</label>
      <input id="deadline-in" name="deadline" type="datetime-local" value="${defaultDeadline()}"></div>
      <div class="field"><label for="comment">备注</label><input id="comment" name="comment" maxlength="5000"></div>`,
      (f) => ({ json: { deadline: bjDeadline(f.deadline.value), comment: f.comment.value.trim() || null } }),
      "下发后通知书送达中队，不能再修改或撤回。确定下发？"]);
  }
  if (leader && o.status === "issued") {
    forms.push(["acknowledge", "签收", `<p class="small muted">签收后即可提交整改汇报。</p>`, () => ({ json: {} }),
      "签收表示本中队已收到通知书并开始整改，签收后不能撤销。确定签收？"]);
  }
  if (leader && ["acknowledged", "returned"].includes(o.status)) {
    // After a return the previous report is the starting point: revised, not retyped.
    const previous = o.status === "returned" ? o.answers.at(-1)?.text || "" : "";
    forms.push(["answers", previous ? "重新提交整改汇报" : "提交整改汇报", `<div class="field"><label for="answer-text">整改汇报（必填）</label>
      ${previous ? `<p class="small muted" id="answer-note">已填入第 ${o.answers.length} 次汇报的内容，请按退回理由修改；附件须重新上传。</p>` : ""}
      <textarea id="answer-text" name="text" ${counted(20000)} required>${esc(previous)}</textarea></div>
      <div class="field"><label for="files">附件（PDF、图片、Word、Excel、MP4）</label><input id="files" name="files" type="file" multiple></div>`,
      (f) => {
        if (!f.text.value.trim()) throw new Error("请填写整改汇报");
        const data = new FormData();
        data.set("text", f.text.value.trim());
        for (const file of f.files.files) data.append("files", file);
        return { form: data };
      }, "整改汇报提交后不能修改，确定提交？"]);
  }
  if (sup && o.status === "answered") {
    forms.push(["accept", "验收通过", `<div class="field"><label for="accept-comment">验收意见</label>
      <input id="accept-comment" name="comment" maxlength="5000"></div>`,
      (f) => ({ json: { comment: f.comment.value.trim() || null } }), "验收通过后不能撤销，确定验收？"]);
    forms.push(["return", "退回", `<div class="field"><label for="return-comment">退回理由（必填）</label>
      <textarea id="return-comment" name="comment" ${counted(5000)}></textarea></div>
      <div class="field"><label for="return-deadline">新的整改期限（北京时间）</label>
      <input id="return-deadline" name="deadline" type="datetime-local" value="${defaultDeadline()}"></div>`,
      (f) => {
        if (!f.comment.value.trim()) throw new Error("请填写退回理由");
        return { json: { comment: f.comment.value.trim(), deadline: bjDeadline(f.deadline.value) } };
      }, "退回后中队须重新汇报，确定退回？"]);
  }
  if (sup && o.status === "accepted") {
    forms.push(["close", "办结", "", () => ({ json: {} }), "办结后通知书归档，不能再办理。确定办结？"]);
  }
  if (!forms.length) {
    const waiting = { draft: "待负责人下发。", issued: "待中队签收。", acknowledged: "待中队提交整改汇报。",
      returned: "已退回，待中队重新汇报。", answered: "待负责人验收。", accepted: "已验收，待办结。", closed: "已办结。",
      withdrawn: "草稿已撤回，不再下发。" };
    box.innerHTML = `<h2>办理</h2>${empty(waiting[o.status] || "")}`;
    return;
  }
  box.innerHTML = `<h2>办理</h2>${forms.map(([action, label, fields]) => `
    <form data-action="${action}" novalidate style="margin-bottom:1rem">${fields}
      <div class="error" role="alert" hidden></div>
      <button type="submit"${["return", "withdraw"].includes(action) ? ' class="secondary"' : ""}>${label}</button></form>`).join("")}`;
  for (const [action, label, , build, ask] of forms) {
    const form = box.querySelector(`[data-action="${action}"]`);
    const errors = form.querySelector("[role=alert]");
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      let request;
      try {
        request = build(form);
        const refused = tooLong(form);
        if (refused) throw new Error(refused);
      } catch (err) {
        errors.hidden = false;
        errors.textContent = err.message;
        return;
      }
      if (ask && !confirmStep(ask)) return;
      const { path = `${url}/${action}`, method = "POST", ...body } = request;
      const done = await busy(form.querySelector("button"), errors, () => api(path, { method, ...body }));
      if (!done) return;
      if (done.version) {
        toast(`已${label.replace(/草稿$/, "")}`);
        window.dispatchEvent(new HashChangeEvent("hashchange"));
      } else {
        waitApplied(box, o, done);  // 202: on Kafka, the worker has not folded it yet
      }
    });
  }
}

/** A change on Kafka but not yet folded: say 待生效 and show the order anew once it is. */
function waitApplied(box, o, accepted) {
  box.innerHTML = `<h2>办理</h2><p class="pending" role="status">${badge("pending", "待生效")} ${esc(accepted.detail)}</p>`;
  const hash = location.hash;
  const look = async () => {
    if (!box.isConnected || location.hash !== hash) return;
    try {
      const now = await api(`/orders/${encodeURIComponent(o.order_id)}`);
      if (now.version > o.version) {
        window.dispatchEvent(new HashChangeEvent("hashchange"));
        return;
      }
    } catch { /* the next look may succeed */ }
    setTimeout(look, 2000);
  };
  setTimeout(look, 2000);
}
