// A large, internally consistent department for benchmarks and tests: 500 一般公共预算 项 codes
// over 20 classes (5 款 × 5 项 each), every table filled with realistic magnitudes (万元).
// Amounts are generated in integer cents so expected totals are exact and independent of the engine.
import { newDocument, type WorkbookDocument } from '../src/model/document';

const CLASSES = ['201', '204', '205', '206', '207', '208', '210', '211', '212', '213', '214', '215', '216', '220', '221', '222', '224', '229', '231', '232'];

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const yuan = (cents: number) => (cents / 100).toFixed(2);

export interface LargeWorkbook {
  doc: WorkbookDocument;
  /** Independently computed expectations, in cents. */
  expected: { t05Total: number; t05Basic: number; t03Total: number; t02Total: number; personnel: number; public: number; itemCount: number };
}

/** Splits `total` cents into `n` random non-negative parts that add up exactly. */
function split(total: number, n: number, r: () => number): number[] {
  const w = Array.from({ length: n }, () => r() + 0.05);
  const sum = w.reduce((a, b) => a + b, 0);
  const parts = w.map((x) => Math.floor((total * x) / sum));
  parts[0]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

export function largeWorkbook(seed = 2021): LargeWorkbook {
  const r = rng(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const doc = newDocument('hn-2021', 4, { department: '示例市大型综合部门', year: 2021, unit: '万元' });
  const inputs: Record<string, Record<string, Record<string, string>>> = { t02: {}, t03: {}, t05: {}, t06: {}, t07: {}, t08: {}, sup: {} };
  const set = (sheet: string, row: string, col: string, cents: number) => {
    ((inputs[sheet] ??= {})[row] ??= {})[col] = yuan(cents);
  };
  const gpb: string[] = [];
  let t05Total = 0;
  let t05Basic = 0;
  let t03Total = 0;
  let t02Total = 0;
  let budgetTotal = 0;
  for (const cls of CLASSES) {
    for (let k = 1; k <= 5; k++) {
      const kuan = `${cls}${String(k + 40).padStart(2, '0')}`;
      doc.customCodes[kuan] = `综合事务${k}`;
      for (let i = 1; i <= 5; i++) {
        const code = `${kuan}${String(i).padStart(2, '0')}`;
        gpb.push(code);
        doc.customCodes[code] = `专项业务${k}-${i}`;
        const basic = between(100, 30000);
        const proj = r() < 0.6 ? between(0, 20000) : 0;
        set('t05', code, 'basic', basic);
        if (proj) set('t05', code, 'proj', proj);
        const b3 = basic + between(0, 2000);
        const p3 = proj + between(0, 1000);
        const op3 = r() < 0.1 ? between(0, 500) : 0;
        // 03 follows 05 (财政拨款) unless it has 非财政拨款: then its whole figure is typed over.
        if (b3 > basic) set('t03', code, 'basic', b3);
        if (p3 > proj) set('t03', code, 'proj', p3);
        if (op3) set('t03', code, 'op', op3);
        const sup = r() < 0.2 ? between(0, 3000) : 0;
        const biz = r() < 0.2 ? between(0, 3000) : 0;
        set('t02', code, 'fin', basic + proj);
        if (sup) set('t02', code, 'sup', sup);
        if (biz) set('t02', code, 'biz', biz);
        const budget = Math.round((basic + proj) * (1 + r() * 0.1));
        set('sup', `budget.${code}`, 'value', budget);
        budgetTotal += budget;
        doc.texts[`reason.item.${code}`] = i === 1 ? '项目按进度执行' : '据实结算';
        t05Total += basic + proj;
        t05Basic += basic;
        t03Total += b3 + p3 + op3;
        t02Total += basic + proj + sup + biz;
      }
    }
  }
  doc.codes.gpb = gpb;
  // 政府性基金: 10 codes under 212 whose income is also 财政拨款收入 in 02.
  for (let i = 1; i <= 10; i++) {
    const code = `21208${String(i).padStart(2, '0')}`;
    doc.codes.gf.push(code);
    doc.customCodes[code] = `基金安排支出${i}`;
    const inc = between(1000, 50000);
    const exp = Math.floor(inc * 0.9);
    set('t08', code, 'inc', inc);
    set('t08', code, 'exp_proj', exp);
    set('t02', code, 'fin', inc);
    t02Total += inc;
    t03Total += exp;
  }
  doc.customCodes['21208'] = '国有土地使用权出让收入安排的支出';

  // 06: split 05's 基本支出 exactly into 人员经费 (301) and 公用经费 (302/310).
  const personnel = Math.floor(t05Basic * 0.65);
  const pub = t05Basic - personnel;
  const p301 = ['30101', '30102', '30103', '30106', '30107', '30108', '30109', '30110', '30112', '30113', '30199'];
  split(personnel, p301.length, r).forEach((c, i) => set('t06', p301[i]!, 'amount', c));
  const c302 = ['30201', '30202', '30205', '30206', '30207', '30209', '30211', '30213', '30214', '30215', '30216', '30217', '30228', '30231', '30239', '30299'];
  const c310 = ['31002', '31007', '31013', '31099'];
  const pub302 = Math.floor(pub * 0.85);
  const parts302 = split(pub302, c302.length, r);
  const parts310 = split(pub - pub302, c310.length, r);
  parts302.forEach((c, i) => set('t06', c302[i]!, 'amount', c));
  parts310.forEach((c, i) => set('t06', c310[i]!, 'amount', c));
  const at = (codes: string[], parts: number[], code: string) => parts[codes.indexOf(code)] ?? 0;
  const recep = at(c302, parts302, '30217');
  const carRun = at(c302, parts302, '30231');
  const carBuy = at(c310, parts310, '31013');
  // 07 决算 covers 06's basic-expenditure lines plus project money: ≥ them (X67-1).
  set('t07', 'act', 'recep', recep + 500);
  set('t07', 'act', 'car_run', carRun + 300);
  set('t07', 'act', 'car_buy', carBuy);
  set('t07', 'bud', 'recep', Math.round((recep + 500) * 1.2));
  set('t07', 'bud', 'car_run', Math.round((carRun + 300) * 1.1));
  set('t07', 'bud', 'car_buy', carBuy);

  // 01/04 balances: opening balances large enough that no closing balance is negative.
  set('t04', 'open.gpb', 'amount', 1000000);
  const incTotal = t02Total;
  set('t01', 'inc.open', 'amount', Math.max(0, t03Total - incTotal) + 1000000 + 500000);

  const s = (id: string, cents: number) => set('sup', id, 'value', cents);
  const n = (id: string, count: number) => (((inputs.sup ??= {})[id] ??= {}).value = String(count));
  // The stated 年初预算数: the sum of the 项 budgets (a department that differs gets a 提示).
  s('budget.stated', budgetTotal);
  s('prior.grand', Math.round(t02Total * 0.95));
  s('prior.fiscalGrand', Math.round(t05Total * 0.97));
  s('prior.gpbExp', Math.round(t05Total * 0.96));
  s('prior.sg.abroad', 0);
  s('prior.sg.car', carRun + carBuy + 800);
  s('prior.sg.recep', recep + 900);
  n('abroad.groups', 0);
  n('abroad.people', 0);
  n('recep.groups', 412);
  n('recep.people', 2370);
  n('car.bought', 2);
  s('opex.actual', Math.floor(pub * 0.8));
  s('opex.budget', Math.floor(pub * 0.9));
  s('meeting.amount', at(c302, parts302, '30215') + 1000);
  n('meeting.people', 860);
  s('training.amount', at(c302, parts302, '30216') + 2000);
  n('training.people', 1450);
  s('proc.goods', 250000);
  s('proc.works', 1200000);
  s('proc.services', 830000);
  s('proc.sme', 1500000);
  s('proc.micro', 600000);
  for (const [id, v] of [['veh.leader', 0], ['veh.confidential', 1], ['veh.emergency', 3], ['veh.enforcement', 12], ['veh.special', 2], ['veh.other', 4], ['equip.general50', 3], ['equip.special100', 1]] as const) n(id, v);
  doc.inputs = inputs as WorkbookDocument['inputs'];
  for (const id of ['reason.grand', 'reason.fiscalGrand', 'reason.gpbExp', 'reason.opex']) doc.texts[id] = '业务量增加';
  // The 情况说明 asks for these words; a filled workbook has them.
  doc.texts['overview.duties'] = '负责全市综合事务的统筹管理和专项业务的组织实施。';
  doc.texts['overview.structure'] = '本部门决算由部门本级及所属20个事业单位的决算组成。';
  for (const id of ['reason.sg.recep.budget', 'reason.sg.recep.prior', 'reason.sg.car.budget', 'reason.sg.car.prior']) doc.texts[id] = '严格执行公务接待和公务用车管理规定';
  doc.texts['recep.purpose'] = '上级部门检查指导工作';
  doc.texts['meeting.purpose'] = '召开全市业务工作会议';
  doc.texts['training.purpose'] = '开展业务骨干培训';
  return { doc, expected: { t05Total, t05Basic, t03Total, t02Total, personnel, public: pub, itemCount: gpb.length } };
}
