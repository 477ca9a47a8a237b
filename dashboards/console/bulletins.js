// 专刊: the archive of 《监察专刊》, read in the page or downloaded as PDF.

import { api, download } from "./api.js";
import { badge, busy, confirmStep, counted, empty, esc, focusHeading, h1, toast, when } from "./ui.js";

export async function bulletinsPage(view, { user }) {
  const compile = ["supervisor", "admin"].includes(user.role);
  const voids = user.role === "supervisor";
  view.innerHTML = `${h1("《监察专刊》")}
    ${compile ? `<form class="card row" id="compile" aria-label="汇编专刊" novalidate>
      <div style="flex:0 1 14rem"><label for="c-week">汇编周次</label><input id="c-week" name="week" type="week" required></div>
      <div class="shrink"><button type="submit">汇编（或重新汇编）</button></div>
      <p class="small muted" style="flex-basis:100%;margin:0">只能汇编已开始且有数据的周次；每期占用一个期号，作废的期号不再使用。</p>
      <div class="error" role="alert" hidden style="flex-basis:100%"></div></form>` : ""}
    <div id="list"></div>`;
  focusHeading(view);
  const { bulletins } = await api("/bulletins");
  const list = view.querySelector("#list");
  list.innerHTML = bulletins.length
    ? `<table id="bulletin-table"><thead><tr><th scope="col">期号</th><th scope="col">周次</th><th scope="col">印发日期</th>
        <th scope="col">页数</th><th scope="col">操作</th></tr></thead><tbody>
        ${bulletins.map((b) => b.voided ? voidedRow(b) : `<tr data-week="${esc(b.week)}"><td>${esc(b.title)}</td><td class="nowrap">${esc(b.week)}</td>
          <td>${when(b.issued_on)}</td><td>${esc(b.pdf_pages ?? "—")}</td>
          <td class="actions"><a class="button secondary" href="#/bulletin/${encodeURIComponent(b.week)}">在线阅读</a>
            <button type="button" data-pdf="${esc(b.week)}">下载 PDF</button>
            ${voids ? voidForm(b) : ""}</td></tr>`).join("")}</tbody></table>`
    : empty("尚无已汇编的专刊。每周一 08:00 自动汇编，负责人也可在上方按周汇编。");
  list.querySelectorAll("[data-pdf]").forEach((b) => b.addEventListener("click", async () => {
    const errors = document.createElement("div");
    errors.className = "error";
    errors.setAttribute("role", "alert");
    b.after(errors);
    await busy(b, errors, () => download(`/bulletins/${b.dataset.pdf}.pdf`, `监察专刊-${b.dataset.pdf}.pdf`));
    if (errors.hidden) errors.remove();
  }));
  list.querySelectorAll("form[data-void]").forEach((f) => f.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const errors = f.querySelector("[role=alert]");
    const reason = f.reason.value.trim();
    if (!reason) {
      errors.hidden = false;
      errors.textContent = "请填写作废理由";
      return;
    }
    if (!confirmStep(`作废 ${f.dataset.title}？作废后该期标注“作废”，期号不再使用；该周可重新汇编为新的一期。`)) return;
    const done = await busy(f.querySelector("button"), errors, () =>
      api(`/bulletins/${encodeURIComponent(f.dataset.void)}/void`, { method: "POST", json: { reason } }));
    if (done) {
      toast(`已作废 ${done.title}`);
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    }
  }));
  const form = view.querySelector("#compile");
  if (form) {
    const errors = form.querySelector("[role=alert]");
    form.week.value = bulletins[0]?.week || "";
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      if (!form.week.value) {
        errors.hidden = false;
        errors.textContent = "请选择周次（如 2026-W14）";
        return;
      }
      const existing = bulletins.find((b) => b.week === form.week.value && !b.voided);
      if (existing && !confirmStep(`${existing.title}已汇编。重新汇编将以当前数据替换该期内容（期号不变），确定重新汇编？`)) return;
      const done = await busy(form.querySelector("button"), errors, () =>
        api(`/bulletins/${encodeURIComponent(form.week.value)}`, { method: "POST" }));
      if (done) {
        toast(`已汇编 ${done.title}`);
        window.dispatchEvent(new HashChangeEvent("hashchange"));
      }
    });
  }
}

function voidedRow(b) {
  return `<tr data-week="${esc(b.week)}" data-voided="true" class="voided"><td><s>${esc(b.title)}</s> ${badge("voided", "作废")}</td>
    <td class="nowrap">${esc(b.week)}</td><td>${when(b.issued_on)}</td><td>${esc(b.pdf_pages ?? "—")}</td>
    <td class="small">${esc(b.voided_by || "")} ${when(b.voided_at)} 作废：${esc(b.void_reason || "")}</td></tr>`;
}

function voidForm(b) {
  return `<details class="void"><summary>作废…</summary>
    <form data-void="${esc(b.week)}" data-title="${esc(b.title)}" novalidate>
      <label for="void-${esc(b.week)}">作废理由（必填）</label>
      <textarea id="void-${esc(b.week)}" name="reason" ${counted(2000)}></textarea>
      <div class="error" role="alert" hidden></div>
      <button type="submit" class="secondary">作废本期</button></form></details>`;
}

export async function bulletinPage(view, { id }) {
  const resp = await api(`/bulletins/${encodeURIComponent(id)}.html`, { raw: true });
  const html = await resp.text();
  view.innerHTML = `<p class="small"><a href="#/bulletins">← 返回专刊</a></p>
    <div class="row" style="align-items:center">${h1(`《监察专刊》${id}`)}
      <div class="shrink"><button type="button" id="pdf">下载 PDF</button></div></div>
    <iframe class="bulletin" title="《监察专刊》${esc(id)}" sandbox="allow-same-origin"></iframe>`;
  focusHeading(view);
  view.querySelector("iframe").srcdoc = html;  // self-contained HTML; no scripts run in the sandbox
  view.querySelector("#pdf").addEventListener("click", () => download(`/bulletins/${id}.pdf`, `监察专刊-${id}.pdf`));
}
