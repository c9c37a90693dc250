#!/usr/bin/env python3
"""Generate a valid service blueprint with N steps for the benchmark.

usage: gen.py N [-o OUT] [--seed S] [--heavy]

The blueprint is realistic in shape: lanes in all five zones (several per
zone for large N), columns grouped into phases so that each cell holds a
few steps, about 30% Chinese text, a catalog of hard and soft standards
(measures, targets, feedback, SERVQUAL dimensions, weights, goals and
actuals), flows, fail and wait points, and some encounter steps left
without a standard. It averages about 160 bytes of YAML per step, is
deterministic for a given N and seed, and is written in sbp's canonical
form (the same algorithm as src/io/emit_yaml.c), so `sbp fmt --check`
passes on it. Standard library only.

--heavy makes a standard- and flow-heavy blueprint instead (the shape
issue 15 measured): a catalog of N/10 standards with every field of the
method (requirement, source, owner, desired, adequate), two or three
standards on most encounter steps, a flow into every step and a second
one into half of them, and a measurement log of N/10 rows over 30 days.
"""

import argparse
import random
import re
import sys
import unicodedata

# ---------------------------------------------------------------- the writer
# A port of the canonical writer (src/io/emit_yaml.c, src/io/scalar.c) for
# the values this generator makes: dict, list, str, int, float, bool.

MAX_LINE = 100
TYPED_WORDS = {"~", "null", "y", "yes", "n", "no", "true", "false", "on",
               "off", "<<", "="}
NUMBER_CHARS = set("0123456789_.:+-eExXoObBaAcCdDfF")
FIRST_BAD = set("-?:,[]{}#&*!|>'\"%@` ")


def looks_numeric(s):
    start = 1 if s[0] in "+-" else 0
    if len(s) >= 5 and s[:4].isdigit() and s[:4].isascii() and s[4] == "-":
        return True
    if start >= len(s):
        return False
    c = s[start]
    if c in "eE":
        i = start + 1
        if i < len(s) and s[i] in "+-":
            i += 1
        if i == len(s):
            return False
        rest = s[i:]
        return rest.isascii() and rest.isdigit()
    if not ("0" <= c <= "9") and c != ".":
        return False
    if c == "." and s[start + 1:].lower() in ("inf", "nan"):
        return True
    return all(ch in NUMBER_CHARS for ch in s[start:])


def looks_typed(s):
    return s == "" or s.lower() in TYPED_WORDS or looks_numeric(s)


def plain_ok(s, flow):
    if looks_typed(s) or s[0] in FIRST_BAD:
        return False
    if s[-1] in " :" or s.startswith("..."):
        return False
    for i, c in enumerate(s):
        if c == ":" and (flow or s[i + 1:i + 2] == " "):
            return False
        if c == "#" and i > 0 and s[i - 1] == " ":
            return False
        if flow and c in ",?[]{}":
            return False
    # The generator never makes characters that need double quotes.
    return True


def put_string(s, flow):
    if plain_ok(s, flow):
        return s
    return "'" + s.replace("'", "''") + "'"


class Plain(str):
    """Text sbp writes unquoted although it looks typed (a date)."""


def scalar(v, flow):
    if isinstance(v, Plain):
        return str(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return "%.15g" % v
    return put_string(v, flow)


def is_coll(v):
    return isinstance(v, (dict, list))


def flowable(v):
    if not is_coll(v):
        return "\n" not in v if isinstance(v, str) else True
    if isinstance(v, list):
        return all(not is_coll(x) and flowable(x) for x in v)
    return all(flowable(x) for x in v.values())


def emit_flow(v):
    if isinstance(v, dict):
        return "{" + ", ".join(put_string(k, True) + ": " + emit_flow(x)
                               for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(emit_flow(x) for x in v) + "]"
    return scalar(v, True)


def width(s):
    """Display columns, as src/util/utf8.c counts them: wide and fullwidth
    characters (CJK, fullwidth punctuation) take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def try_flow(v, prefix):
    """The flow text of v when it fits on the line, else None."""
    if v and not flowable(v):
        return None
    prefix += 1
    if prefix >= MAX_LINE and v:
        return None
    f = emit_flow(v)
    if not v or prefix + width(f) < MAX_LINE:
        return f
    return None


def emit_value(v, indent, prefix, out):
    if not is_coll(v):
        out.append(" " + scalar(v, False) + "\n")
        return
    f = try_flow(v, prefix)
    if f is not None:
        out.append(" " + f + "\n")
        return
    out.append("\n")
    emit_block(v, indent + 2, False, out)


def emit_block(v, indent, first_done, out):
    pad = " " * indent
    if isinstance(v, dict):
        for i, (k, x) in enumerate(v.items()):
            key = put_string(k, False)
            out.append((pad if i > 0 or not first_done else "") + key + ":")
            emit_value(x, indent, indent + len(key) + 1, out)
        return
    for i, x in enumerate(v):
        out.append((pad if i > 0 or not first_done else "") + "-")
        if not is_coll(x) or not x:
            emit_value(x, indent, indent + 1, out)
            continue
        f = try_flow(x, indent + 1)
        if f is not None:
            out.append(" " + f + "\n")
            continue
        out.append(" ")
        emit_block(x, indent + 2, True, out)


def emit_item(v, out):
    """One item of a top-level sequence (steps, flows...), at indent 2."""
    f = try_flow(v, 3)
    if f is not None:
        out.append("  - " + f + "\n")
    else:
        out.append("  - ")
        emit_block(v, 4, True, out)


# ----------------------------------------------------------- the vocabulary

ZONES = ["evidence", "customer", "onstage", "backstage", "support"]

# (English, Chinese) lane names per zone.
LANE_NAMES = {
    "evidence": [("Physical evidence", "有形证据"), ("Digital evidence", "数字触点"),
                 ("Printed material", "纸质材料")],
    "customer": [("Customer actions", "客户行为"), ("Companion", "陪同人员"),
                 ("Self-service", "自助服务"), ("Business client", "企业客户")],
    "onstage": [("Front desk", "前台"), ("Call centre", "呼叫中心"),
                ("Mobile app", "手机应用"), ("Field technician", "上门技术员"),
                ("Chat agent", "在线客服"), ("Cashier", "收银员")],
    "backstage": [("Back office", "后台人员"), ("Kitchen", "厨房"),
                  ("Dispatch", "调度中心"), ("Quality team", "质检组"),
                  ("Billing team", "账务组"), ("Warehouse", "仓库")],
    "support": [("IT systems", "信息系统"), ("Payment provider", "支付服务商"),
                ("Logistics partner", "物流合作方"), ("HR and training", "人事与培训"),
                ("Facilities", "设施管理")],
}

# Lanes per zone (evidence, customer, onstage, backstage, support) by size.
def lanes_per_zone(n):
    if n <= 2000:
        return [1, 1, 2, 2, 1]
    if n <= 20000:
        return [1, 2, 3, 3, 2]
    if n <= 200000:
        return [2, 2, 4, 4, 3]
    return [2, 3, 5, 5, 4]

STEP_TEXT = {
    "evidence": [
        ("Signage at the entrance", "入口处的指示牌"), ("Printed receipt", "打印的收据"),
        ("App confirmation screen", "应用确认页面"), ("Email with booking details", "预订详情邮件"),
        ("Queue ticket", "排队号码条"), ("Price list on the wall", "墙上的价目表"),
        ("SMS reminder", "短信提醒"), ("Welcome pack", "欢迎礼包"),
        ("Invoice as PDF", "电子发票"), ("Uniform and name badge", "工服和工牌"),
    ],
    "customer": [
        ("Arrive at the branch", "到达门店"), ("Take a queue ticket", "取号排队"),
        ("Describe the problem", "描述故障现象"), ("Show an ID card", "出示身份证"),
        ("Sign the form", "在表格上签字"), ("Pay at the counter", "在柜台付款"),
        ("Wait for the call", "等待叫号"), ("Fill in the survey", "填写满意度问卷"),
        ("Use the self-service kiosk", "使用自助终端"), ("Read the instructions", "阅读使用说明"),
        ("Call the hotline", "拨打服务热线"), ("Collect the parcel", "领取包裹"),
    ],
    "onstage": [
        ("Greet the customer", "问候客户"), ("Check the booking", "核对预订信息"),
        ("Explain the options", "介绍可选方案"), ("Take payment", "收取费用"),
        ("Hand over the documents", "交付文件"), ("Answer the phone", "接听电话"),
        ("Confirm the appointment", "确认预约时间"), ("Apologise for the delay", "为延误致歉"),
        ("Walk the customer to the room", "引导客户到房间"), ("Test the line with the customer", "与客户一起测试线路"),
        ("Explain the bill", "解释账单明细"), ("Say goodbye and thank the customer", "道别并感谢客户"),
    ],
    "backstage": [
        ("Prepare the paperwork", "准备单据"), ("Verify the documents", "审核证件资料"),
        ("Update the ticket", "更新工单"), ("Call the supplier", "联系供应商"),
        ("Assign a technician", "派单给技术员"), ("Review the case", "复核案例"),
        ("Pack the order", "打包订单"), ("Clean and reset the room", "清洁并整理房间"),
    ],
    "support": [
        ("CRM records the visit", "客户关系系统记录来访"), ("Payment gateway authorises the card", "支付网关授权扣款"),
        ("Scheduling system books a slot", "排班系统预留时段"), ("Inventory is updated", "库存系统更新"),
        ("Nightly billing run", "夜间批量出账"), ("SMS gateway sends a reminder", "短信网关发送提醒"),
        ("Training on the new procedure", "新流程培训"), ("Maintenance of the equipment", "设备定期维护"),
    ],
}

QUALIFIERS = [("", ""), ("", ""), (" for walk-in customers", "（散客）"),
              (" before noon", "（上午）"), (" for business clients", "（企业客户）"),
              (" on the second visit", "（第二次来访）"), (" in the evening", "（晚间）"),
              (" when the system is slow", "（系统缓慢时）")]

PHASES = [("Awareness", "了解"), ("Arrival", "到达"), ("Service", "服务"),
          ("Payment", "付款"), ("Departure", "离开"), ("Follow-up", "回访")]
COLUMN_NAMES = [("Find", "查找"), ("Book", "预订"), ("Arrive", "到店"),
                ("Queue", "排队"), ("Consult", "咨询"), ("Decide", "决定"),
                ("Pay", "付款"), ("Receive", "领取"), ("Use", "使用"),
                ("Report", "报修"), ("Resolve", "解决"), ("Review", "评价")]

STD_HARD = [
    ("Greet every customer within 30 seconds", "30秒内问候每位客户",
     "seconds from arrival to greeting", "从到达到被问候的秒数",
     "95% within 30 s", "95%在30秒内", "responsiveness"),
    ("Answer the phone within 3 rings", "电话三声内接听",
     "rings before answer", "接听前的响铃次数", "90% within 3 rings", "90%在三声内", "responsiveness"),
    ("Bill without errors", "账单零差错", "bills corrected after issue", "出账后更正的账单比例",
     "below 1% of bills", "低于1%", "reliability"),
    ("Technician arrives in the booked slot", "技术员在预约时段内到达",
     "visits started in the slot", "在预约时段内开始的上门次数", "95% of visits", "95%以上", "reliability"),
    ("Room ready by 2 pm", "下午两点前房间就绪", "rooms ready at check-in time", "入住时已就绪的房间比例",
     "98% of rooms", "98%以上", "tangibles"),
]
STD_SOFT = [
    ("Staff show understanding of the problem", "员工理解客户的问题",
     "survey score for understanding", "问卷中理解一项的平均分", "4.5 out of 5", "4.5分以上", "empathy",
     "transaction survey", "交易后满意度调查"),
    ("Staff explain clearly what happens next", "员工清楚说明后续步骤",
     "mystery shopper rating", "神秘顾客评分", "4.6 out of 5", "4.6分以上", "assurance",
     "mystery shopper", "神秘顾客每季度抽查"),
    ("The place looks clean and tidy", "环境整洁干净", "survey score for cleanliness", "整洁度评分",
     "4.7 out of 5", "4.7分以上", "tangibles", "comment cards", "意见卡"),
    ("Staff are courteous on the phone", "电话中员工礼貌", "call audit score", "通话质检得分",
     "4.5 out of 5", "4.5分以上", "empathy", "call recording audit", "质检组每周抽听录音"),
]

FAILS = [("Booking not found", "找不到预订记录", "Upgrade and apologise", "免费升级并致歉"),
         ("Card declined", "银行卡扣款失败", "Offer another way to pay", "提供其他付款方式"),
         ("Wrong parts on the van", "车上备件不对", "Book a second visit within 24 h", "24小时内安排二次上门"),
         ("Form filled in wrongly", "表格填写错误", "Help the customer fill it in again", "协助客户重新填写"),
         ("System down", "系统故障", "Switch to the paper procedure", "切换到纸质流程")]
WAITS = [("Queue at the desk", "柜台排队"), ("Wait for the technician", "等待技术员上门"),
         ("Wait for the approval", "等待审批结果"), ("Hold on the phone", "电话等待"),
         ("Wait for the room", "等待房间")]
NOTES = [("Busiest on Monday mornings", "周一上午最忙"),
         ("Script in the staff handbook", "话术见员工手册"),
         ("Differs by branch", "各门店做法不同")]
STOP = {"a", "an", "the", "at", "for", "on", "with", "to", "of", "in", "by",
        "and", "is", "what", "a"}


def slug(en):
    """A short id stem from English text: "Greet the customer" -> "greet-customer"."""
    words = [w for w in re.split(r"[^a-z0-9]+", en.lower()) if w and w not in STOP]
    return "-".join(words[:2])


FLOW_LABELS = [("asks", "询问"), ("hands over", "交给"), ("triggers", "触发"),
               ("confirms", "确认")]


# --------------------------------------------------------------- the model

# A standard's keys in sbp's canonical order (src/model/fields.c).
STD_ORDER = ["id", "name", "kind", "requirement", "source", "measure", "target",
             "dimension", "feedback", "owner", "weight", "goal", "better",
             "desired", "adequate", "actual"]


class Gen:
    def __init__(self, n, seed, heavy=False):
        self.n = n
        self.heavy = heavy
        self.rng = random.Random(seed * 1000003 + n + (7 if heavy else 0))

    def chance(self, p):
        return self.rng.random() < p

    def pick(self, seq):
        return seq[int(self.rng.random() * len(seq))]

    def text(self, pair, zh=None):
        """English or Chinese (about 30%) from an (en, zh) pair."""
        if zh is None:
            zh = self.chance(0.3)
        return pair[1] if zh else pair[0]

    def lanes(self):
        out = []
        for zone, k in zip(ZONES, lanes_per_zone(self.n)):
            for j in range(k):
                en, zh = LANE_NAMES[zone][j]
                lid = zone if j == 0 else "%s-%d" % (zone, j + 1)
                name = zh if (j % 3 == 1) else en
                out.append({"id": lid, "name": name, "zone": zone})
        return out

    def standards(self, count):
        out = []
        for i in range(count):
            zh = self.chance(0.3)
            sid = "std-%d" % (i + 1)
            if i % 5 < 3:
                base = STD_HARD[i % len(STD_HARD)]
                d = {"id": sid, "name": base[1] if zh else base[0], "kind": "hard"}
                if not self.chance(0.05):
                    d["measure"] = base[3] if zh else base[2]
                if not self.chance(0.05):
                    d["target"] = base[5] if zh else base[4]
                d["dimension"] = base[6]
                if self.chance(0.5):
                    d["feedback"] = "运营数据" if zh else "operational data"
                goal = 90 + int(self.rng.random() * 9)
                better = "higher"
            else:
                base = STD_SOFT[i % len(STD_SOFT)]
                d = {"id": sid, "name": base[1] if zh else base[0], "kind": "soft"}
                if self.chance(0.7):
                    d["measure"] = base[3] if zh else base[2]
                    d["target"] = base[5] if zh else base[4]
                d["dimension"] = base[6]
                if not self.chance(0.05):
                    d["feedback"] = base[8] if zh else base[7]
                goal = 4.5
                better = "higher"
            if self.heavy:
                d["requirement"] = "尽快" if zh else "Do it quickly and right"
                if self.chance(0.2):
                    d["source"] = "company"
                d["owner"] = "值班经理" if zh else "Shift manager"
            if self.chance(0.8):
                d["weight"] = 5 + 5 * int(self.rng.random() * 4)
            if self.chance(0.7):
                d["goal"] = goal
                d["better"] = better
                if self.heavy:
                    d["desired"] = goal + 1 if isinstance(goal, int) else 4.8
                    d["adequate"] = goal - 5 if isinstance(goal, int) else 4.0
                if isinstance(goal, int):
                    d["actual"] = goal - 6 + int(self.rng.random() * 9)
                else:
                    d["actual"] = round(4.0 + self.rng.random() * 0.9, 1)
            out.append({k: d[k] for k in STD_ORDER if k in d})
        return out

    def generate(self, out):
        n = self.n
        rng = self.rng
        lanes = self.lanes()
        nstd = max(8, n // 10 if self.heavy else n // 40)
        # Steps per cell, by zone: [min, max].
        per_cell = {"evidence": (0, 2), "customer": (1, 3), "onstage": (1, 4),
                    "backstage": (0, 3), "support": (0, 2)}

        # Lay out the steps column by column until there are n.
        cells = []  # (column index, lane, count)
        total = 0
        ncol = 0
        while total < n:
            for lane in lanes:
                lo, hi = per_cell[lane["zone"]]
                k = lo + int(rng.random() * (hi - lo + 1))
                k = min(k, n - total)
                if k:
                    cells.append((ncol, lane, k))
                    total += k
                if total >= n:
                    break
            ncol += 1

        # Columns in phases of 3 to 8 columns.
        columns = []
        phase_no = 0
        left = 0
        phase = None
        for c in range(ncol):
            if left == 0:
                left = 3 + int(rng.random() * 6)
                pair = PHASES[phase_no % len(PHASES)]
                phase = "%s %d" % (self.text(pair), phase_no // len(PHASES) + 1)
                phase_no += 1
            left -= 1
            cpair = COLUMN_NAMES[c % len(COLUMN_NAMES)]
            columns.append({"id": "c%d" % (c + 1),
                            "name": "%s %d" % (self.text(cpair), c + 1),
                            "phase": phase})

        stds = self.standards(nstd)

        w = out.append
        w("sbp: 1\n")
        w("title: Benchmark blueprint of %d steps\n" % n)
        w("description: Generated by bench/gen.py for the sbp benchmark; "
          "a multi-channel service over many phases.\n")
        w("columns:\n")
        for c in columns:
            emit_item(c, out)
        w("lanes:\n")
        for l in lanes:
            emit_item(l, out)
        w("standards:\n")
        for s in stds:
            emit_item(s, out)

        # Steps, and the flows between them as we go.
        w("steps:\n")
        flows = []
        sno = 0
        prev_customer = None   # last customer step of the previous column
        col_first = {}         # zone -> first step id in the current column
        cur_col = -1
        cur_customer = None
        ids_by_no = [None]     # step ids by number (heavy: flows back)
        for (c, lane, k) in cells:
            if c != cur_col:
                if cur_customer is not None:
                    prev_customer = cur_customer
                cur_col = c
                col_first = {}
                cur_customer = None
            zone = lane["zone"]
            for j in range(k):
                sno += 1
                zh = self.chance(0.3)
                pair = self.pick(STEP_TEXT[zone])
                sid = "%s-%d" % (slug(pair[0]), sno)
                text = self.text(pair, zh)
                q = self.pick(QUALIFIERS)
                text += q[1] if zh else q[0]
                st = {"id": sid, "lane": lane["id"], "column": "c%d" % (c + 1),
                      "text": text}
                if self.chance(0.04):
                    st["notes"] = self.text(self.pick(NOTES), zh)
                # Encounters: every onstage step; some kiosks in customer lanes.
                enc = zone == "onstage"
                if zone == "customer" and self.chance(0.08):
                    st["encounter"] = True
                    enc = True
                elif zone == "onstage" and self.chance(0.02):
                    st["encounter"] = False
                    enc = False
                if self.chance(0.2):
                    st["duration"] = 1 + int(rng.random() * 15)
                # Standards: near this step in the catalog, so all get used.
                p_enc, p_other = (0.9, 0.3) if self.heavy else (0.75, 0.05)
                if (enc and self.chance(p_enc)) or (not enc and self.chance(p_other)):
                    base = int(sno * nstd / n)
                    m = 1 + (1 if self.chance(0.3) else 0)
                    if self.heavy:
                        m = 2 + (1 if self.chance(0.2) else 0)
                    ids = []
                    for t in range(m):
                        i = (base + t * 7 + int(rng.random() * 5)) % nstd
                        sidn = "std-%d" % (i + 1)
                        if sidn not in ids:
                            ids.append(sidn)
                    st["standards"] = ids
                if zone in ("customer", "onstage") and self.chance(0.07):
                    wp = self.pick(WAITS)
                    wd = {"text": self.text(wp, zh)}
                    if self.chance(0.9):
                        e = 1 + int(rng.random() * 10)
                        wd["expected"] = e
                        if self.chance(0.9):
                            wd["tolerable"] = e + 2 + int(rng.random() * 10)
                    st["wait"] = wd
                if zone != "evidence" and self.chance(0.06):
                    fp = self.pick(FAILS)
                    fd = {"text": self.text((fp[0], fp[1]), zh),
                          "severity": 1 + int(rng.random() * 5)}
                    if self.chance(0.85):
                        fd["recovery"] = self.text((fp[2], fp[3]), zh)
                    st["fail"] = fd
                emit_item(st, out)

                # Flows: down the column through the zones, and along the
                # customer journey from column to column.
                if j == 0:
                    if zone not in col_first:
                        col_first[zone] = sid
                        up = {"customer": None, "onstage": "customer",
                              "backstage": "onstage", "support": "backstage",
                              "evidence": None}[zone]
                        if up and up in col_first:
                            f = {"from": col_first[up], "to": sid}
                            if self.chance(0.15):
                                f["label"] = self.text(self.pick(FLOW_LABELS))
                            flows.append(f)
                    if zone == "customer" and cur_customer is None:
                        cur_customer = sid
                        if prev_customer is not None:
                            flows.append({"from": prev_customer, "to": sid})
                elif self.chance(0.6) or self.heavy:
                    flows.append({"from": prev_id, "to": sid})
                if self.heavy and sno > 10 and self.chance(0.5):
                    back = sno - 2 - int(rng.random() * 8)
                    flows.append({"from": ids_by_no[back], "to": sid})
                ids_by_no.append(sid)
                prev_id = sid
        w("flows:\n")
        for f in flows:
            emit_item(f, out)
        if self.heavy:
            w("measurements:\n")
            for i in range(n // 10):
                day = 1 + i % 30
                m = {"date": Plain("2026-11-%02d" % day),
                     "standard": "std-%d" % (1 + int(rng.random() * nstd))}
                if self.chance(0.6):
                    m["value"] = 80 + int(rng.random() * 20)
                m["failures"] = int(rng.random() * 12)
                if self.chance(0.3):
                    m["volume"] = 100 + int(rng.random() * 900)
                emit_item(m, out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("steps", type=int)
    ap.add_argument("-o", "--output", default="-")
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--heavy", action="store_true",
                    help="standard- and flow-heavy (N/10 standards, about 1.5 flows a "
                         "step, N/10 measurements)")
    a = ap.parse_args()
    out = []
    Gen(a.steps, a.seed, a.heavy).generate(out)
    data = "".join(out).encode("utf-8")
    if a.output == "-":
        sys.stdout.buffer.write(data)
    else:
        with open(a.output, "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
