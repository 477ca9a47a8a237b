// 监督概览: the week's numbers from GET /bulletins/{week}/stats — the bulletin's own query module.

import { api } from "./api.js";
import { empty, esc, focusHeading, h1, loading } from "./ui.js";
import { squadHtml, squadName } from "./names.js";

const WEEK = "jiancha.week";

function currentWeek(date = new Date()) {
  const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The week the user last looked at, else the latest week with cases (not the current, empty one). */
async function defaultWeek() {
  const remembered = localStorage.getItem(WEEK);
  if (remembered) return remembered;
  try {
    const { week } = await api("/bulletins/latest-week");
    if (week) return week;
  } catch { /* fall back to the bulletins */ }
  try {
    const { bulletins } = await api("/bulletins");
    if (bulletins.length) return bulletins[0].week;
  } catch { /* fall back to this week */ }
  return currentWeek();
}

export async function overviewPage(view, { meta, params }) {
  const week = params.get("week") || (await defaultWeek());
  view.innerHTML = `
    ${h1("监督概览")}
    <form class="card row" id="week-form" aria-label="选择周次">
      <div style="flex:0 1 14rem"><label for="week">周次（ISO 周）</label><input id="week" name="week" type="week" value="${esc(week)}" required></div>
      <div class="shrink"><button type="submit">查看</button></div>
      <p class="small muted" style="flex:2 1 20rem;margin:0" id="basis">口径与《监察专刊》相同（同一统计模块实时计算），北京时间。
        录像、执法记录、问题线索和案件按<strong>发生时间</strong>归周；整改通知按<strong>下发、汇报、验收的时间</strong>归周，
        所以本周的整改可能针对前几周的案件。点击数字可查看背后的案件或通知书。</p>
    </form>
    <div id="stats">${loading("正在统计…")}</div>`;
  focusHeading(view);
  view.querySelector("#week-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const value = ev.target.week.value;
    if (!value) return;
    localStorage.setItem(WEEK, value);
    location.hash = `#/overview?week=${encodeURIComponent(value)}`;
  });
  const s = await api(`/bulletins/${encodeURIComponent(week)}/stats`);
  localStorage.setItem(WEEK, week);
  render(view.querySelector("#stats"), s, meta);
}

/** Where a tile leads: the cases (or orders) behind its number. */
function tileLinks(s) {
  const week = { start: s.period_start.slice(0, 10), end: s.period_end.slice(0, 10) };
  const cases = (extra = {}) => `#/search?${new URLSearchParams({ ...week, ...extra })}`;
  return {
    flags: cases(), cases: cases(), confirmed: cases({ status: "confirmed" }),
    dismissed: cases({ status: "dismissed" }), pending: cases({ status: "pending" }),
    "orders-issued": "#/orders", "orders-returned": "#/orders?status=returned",
    "orders-accepted": "#/orders?status=accepted", "orders-overdue": "#/orders?overdue=true",
  };
}

function render(box, s, meta) {
  const links = tileLinks(s);
  /** A tile: a link to what it counts where there is a list of it. */
  const tile = (key, inner, cls = "") => links[key]
    ? `<a class="kpi ${cls}" data-kpi="${key}" href="${esc(links[key])}">${inner}</a>`
    : `<div class="kpi ${cls}" data-kpi="${key}">${inner}</div>`;
  const o = s.overview;
  const p = s.previous;
  const change = (key) => {
    if (!p) return "";
    const d = o[key] - p[key];
    return `<div class="d">较上周 ${d > 0 ? "+" : ""}${Math.round(d * 10) / 10}</div>`;
  };
  const kpi = (key, label, value, unit = "") =>
    tile(key, `<div class="v">${esc(value)}${unit}</div><div class="k">${label}</div>${typeof o[key] === "number" ? change(key) : ""}`);
  const or = s.orders;
  box.innerHTML = `
    <p class="muted">${esc(s.week)}（${esc(s.period_start)} 至 ${esc(s.period_end)}）</p>
    <h2>一、监督概况</h2>
    <div class="kpis">
      ${kpi("recordings", "录像（段）", o.recordings)}${kpi("hours", "录像时长", o.hours, " 小时")}
      ${kpi("transcribed_share", "转写分析占比", Math.round(o.transcribed_share * 1000) / 10, "%")}
      ${kpi("actions", "执法记录", o.actions)}${kpi("flags", "问题线索", o.flags)}${kpi("cases", "案件", o.cases)}
      ${kpi("confirmed", "已确认", o.confirmed)}${kpi("dismissed", "已排除", o.dismissed)}${kpi("pending", "待审核", o.pending)}
    </div>
    <h2>整改落实</h2>
    <div class="kpis">
      ${tile("orders-issued", `<div class="v">${or.issued}</div><div class="k">下发整改通知</div>`)}
      ${tile("orders-on-time", `<div class="v">${or.answered_on_time}</div><div class="k">按期汇报</div>`)}
      ${tile("orders-late", `<div class="v">${or.answered_late}</div><div class="k">逾期汇报</div>`)}
      ${tile("orders-returned", `<div class="v">${or.returned}</div><div class="k">退回</div>`)}
      ${tile("orders-accepted", `<div class="v">${or.accepted}</div><div class="k">验收通过</div>`)}
      ${tile("orders-overdue", `<div class="v${or.overdue.length ? " late" : ""}">${or.overdue.length}</div><div class="k">逾期未整改</div>`)}
    </div>
    ${or.overdue.length ? `<div class="card"><h3>逾期未整改</h3><ul>${or.overdue.map((x) =>
      `<li><a href="#/order/${encodeURIComponent(x.order_id)}">${esc(x.title)}</a>（${squadHtml(x.squad_id)}）</li>`).join("")}</ul></div>` : ""}
    <div class="charts">
      <section class="card"><h2>问题线索按性质</h2><div class="chart" id="chart-class" role="img" aria-label="问题线索按性质"></div></section>
      <section class="card"><h2>问题线索按类别</h2><div class="chart" id="chart-category" role="img" aria-label="问题线索按类别"></div></section>
      <section class="card"><h2>已确认问题按中队</h2><div class="chart" id="chart-squad" role="img" aria-label="已确认问题按中队"></div></section>
      <section class="card"><h2>近八周趋势</h2><div class="chart" id="chart-week" role="img" aria-label="近八周趋势"></div></section>
    </div>
    <section class="card"><h2>中队排名（每百起执法的已确认问题）</h2>${squadTable(s.squads, meta)}</section>`;
  charts(box, s, meta);
}

function squadTable(squads, meta) {
  if (!squads.length) return empty("本周没有执法记录或已确认问题。");
  return `<p class="small muted" id="rank-note">名次按每百起执法的已确认问题数由多到少排列：第 1 名是问题最突出的中队，不是表现最好的。</p>
    <table id="squad-table"><thead><tr><th scope="col">名次</th><th scope="col">中队</th><th scope="col">已确认问题</th>
    <th scope="col">执法记录</th><th scope="col">每百起</th><th scope="col">问题类别</th></tr></thead><tbody>
    ${squads.map((q, i) => `<tr><td>${i + 1}</td><td>${squadHtml(q.squad_id)}</td><td>${q.problems}</td><td>${q.actions}</td>
      <td>${q.per_100}</td><td class="small">${Object.entries(q.by_category).map(([k, n]) => `${esc(meta.categories[k]?.label || k)} ${n}`).join("、") || "—"}</td></tr>`).join("")}
    </tbody></table>`;
}

const COLORS = ["#0b4a8b", "#c0392b", "#d68910", "#1b6e3a", "#7d3c98", "#5b6878"];

function charts(box, s, meta) {
  const echarts = window.echarts;
  if (!echarts) return;
  const base = { color: COLORS, textStyle: { fontFamily: "Noto Sans CJK SC, sans-serif" }, animation: false };
  const make = (id, option, hasData) => {
    const el = box.querySelector(`#${id}`);
    if (!hasData) {
      el.outerHTML = empty("本周暂无数据。");
      return;
    }
    const chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({ ...base, ...option });
    new ResizeObserver(() => chart.resize()).observe(el);
  };
  const o = s.overview;
  const classes = Object.entries(o.flags_by_class).map(([k, v]) => ({ name: meta.classes[k] || k, value: v }));
  make("chart-class", {
    tooltip: { trigger: "item" }, legend: { bottom: 0 },
    series: [{ type: "pie", radius: ["35%", "65%"], data: classes, label: { formatter: "{b}\n{c}" } }],
  }, classes.some((c) => c.value));
  const cats = Object.entries(o.flags_by_category).sort((a, b) => a[1] - b[1]);
  make("chart-category", {
    tooltip: {}, grid: { left: 8, right: 30, top: 10, bottom: 10, containLabel: true },
    xAxis: { type: "value", minInterval: 1 }, yAxis: { type: "category", data: cats.map((c) => c[0]) },
    series: [{ type: "bar", data: cats.map((c) => c[1]), label: { show: true, position: "right" } }],
  }, cats.length);
  const squads = s.squads.filter((q) => q.problems || q.actions);
  make("chart-squad", {
    tooltip: { trigger: "axis" }, legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 30, bottom: 30, containLabel: true },
    xAxis: { type: "category", data: squads.map((q) => squadName(q.squad_id)), axisLabel: { interval: 0, rotate: squads.length > 6 ? 30 : 0 } },
    yAxis: [{ type: "value", name: "问题", minInterval: 1 }, { type: "value", name: "每百起" }],
    series: [
      { name: "已确认问题", type: "bar", data: squads.map((q) => q.problems) },
      { name: "每百起执法", type: "line", yAxisIndex: 1, data: squads.map((q) => q.per_100) },
    ],
  }, squads.length);
  make("chart-week", {
    tooltip: { trigger: "axis" }, legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 20, bottom: 30, containLabel: true },
    xAxis: { type: "category", data: s.trend.map((t) => t.week) }, yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: "问题线索", type: "line", data: s.trend.map((t) => t.flags) },
      { name: "案件", type: "line", data: s.trend.map((t) => t.cases) },
      { name: "已确认", type: "line", data: s.trend.map((t) => t.confirmed) },
    ],
  }, s.trend.length);
}
