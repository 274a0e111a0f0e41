// The publication model: parts in the template's order, tables as printed, 情况说明 as rendered.
import { describe, expect, it } from 'vitest';
import { buildPublication, defaultPublication, narrativeOutline, publicationText } from '../../src/app/publication';
import { exampleDocument, openWorkbook, templateById } from '../../src/app/templates';
import { narrativePlainText, paragraphText, renderNarrative } from '../../src/engine/narrative';
import type { PublicationTable } from '../../src/model/publication';

const tables = (pub: ReturnType<typeof buildPublication>): PublicationTable[] =>
  pub.parts.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])));

describe('buildPublication', () => {
  const engine = openWorkbook(exampleDocument());
  const pub = buildPublication(engine);

  it('has the cover and the five parts of the reference, in order', () => {
    expect(pub.cover).toEqual({ department: '蓝山县行政审批服务局', year: 2021, title: '蓝山县行政审批服务局2021年度部门决算' });
    expect(pub.parts.map((p) => p.title)).toEqual([
      '第一部分 蓝山县行政审批服务局部门概况',
      '第二部分 2021年部门决算表',
      '第三部分 2021年度部门决算情况说明',
      '第四部分 名词解释',
      '第五部分 附件',
    ]);
    expect(pub.toc.filter((t) => t.level === 1).map((t) => t.text)).toContain('公开06表 一般公共预算财政拨款基本支出决算表');
    expect(pub.toc.filter((t) => t.level === 1).map((t) => t.text)).toContain('十一、其他重要事项情况说明');
  });

  it('prints every table with 公开序号, unit, merged headers, the grid’s display text and 注', () => {
    const all = tables(pub);
    expect(all.map((t) => t.publicNo)).toEqual(engine.template.tables.map((t) => t.publicNo));
    const t01 = all[0]!;
    expect(t01).toMatchObject({ publicNo: '公开01表', title: '部门收支决算总表', department: '部门：蓝山县行政审批服务局', unit: '单位：万元' });
    // 收入 spans the three left columns; the cells under it are covered.
    expect(t01.header[0]!.cells[0]).toMatchObject({ text: '收入', colspan: 3, align: 'center', bold: true });
    expect(t01.header[0]!.cells[1]).toBeNull();
    expect(t01.body[0]!.cells.map((c) => c?.text)).toEqual(['一、一般公共预算财政拨款收入', '1', '1,576.05', '一、一般公共服务支出', '14', '1,576.05']);
    expect(t01.notes).toEqual(['注：本表反映部门本年度的总收支和年末结转结余情况。']);
    const t06 = all.find((t) => t.id === 't06')!;
    const office = t06.body.find((r) => r.cells.some((c) => c?.text === '30201'))!;
    const at = office.cells.findIndex((c) => c?.text === '30201');
    expect(office.cells[at + 2]).toMatchObject({ text: '21.34', align: 'right', numeric: true });
    // 08 has no data in the example: the template's empty-table note follows the 注.
    expect(all.find((t) => t.id === 't08')!.notes[1]).toBe('(蓝山县行政审批服务局没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据)。');
  });

  it('writes the 情况说明 exactly as the narrative renderer does', () => {
    const explain = pub.parts.find((p) => p.id === 'explain')!;
    const rendered = renderNarrative(engine).sections.find((s) => s.id === 'explain')!;
    const flat = (s: typeof rendered): string[] => [...s.paragraphs.map(paragraphText), ...s.sections.flatMap(flat)];
    expect(explain.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(flat(rendered));
    expect(publicationText(pub).join('\n')).toContain('公用经费596.17万元，占基本支出的37.83%');
    for (const line of narrativePlainText(renderNarrative(engine)).split('\n').filter(Boolean)) expect(publicationText(pub)).toContain(line);
  });

  it('follows an edit: 办公费 31.34 changes the table, the total and the share', () => {
    const e = openWorkbook(exampleDocument());
    e.setInput('t06', '30201', 'amount', '31.34');
    const text = publicationText(buildPublication(e)).join('\n');
    expect(text).toContain('31.34');
    expect(text).toContain('公用经费606.17万元，占基本支出的38.22%');
    e.destroy();
  });

  it('a template without a publication gets its narrative parts with the tables second', () => {
    const def = defaultPublication({ ...engine.template, publication: undefined });
    expect(def.parts.map((p) => (p.kind === 'narrative' ? p.section : p.kind === 'part' ? p.part : p.kind))).toEqual(['overview', 'tables', 'explain', 'terms', 'performance']);
  });

  it('第五部分 附件 is the 绩效自评报告 as rendered, its figures computed (62/83 = 74.70%)', () => {
    const part = pub.parts.at(-1)!;
    expect(part.id).toBe('performance');
    const texts = part.blocks.map((b) => (b.kind === 'table' ? '' : b.text));
    expect(texts).toContain('2021年度部门整体支出绩效评价报告');
    expect(texts).toContain('预算配置得10分。其中：在职人员控制率：在职62人/编制83人*100%=74.70%，得5分；“三公”经费预算数无变动，变动率等于0，得5分。');
  });
});

describe('narrativeOutline (the 情况说明 tab in the publication’s order)', () => {
  it('hn-2021: 第一部分, then 第二部分 listing the nine tables, then 第三部分 and 第四部分', () => {
    const tpl = templateById('hn-2021');
    const out = narrativeOutline(tpl, { dept: '蓝山县行政审批服务局', year: 2021 });
    expect(out.map((o) => (o.kind === 'section' ? o.id : o.title))).toEqual(['overview', '第二部分 2021年部门决算表', 'explain', 'terms']);
    const tables = out.find((o) => o.kind === 'tables');
    expect(tables?.kind === 'tables' && tables.tables.map((t) => `${t.publicNo} ${t.title}`)).toEqual(tpl.tables.map((t) => `${t.publicNo} ${t.title}`));
    expect(tables?.kind === 'tables' && tables.tables[5]).toEqual({ id: 't06', publicNo: '公开06表', title: '一般公共预算财政拨款基本支出决算表' });
  });

  it('a template without a publication: the tables after its first section', () => {
    const tpl = { ...templateById('hn-2021'), publication: undefined };
    const out = narrativeOutline(tpl, { dept: '甲', year: 2022 });
    expect(out.map((o) => (o.kind === 'section' ? o.id : o.title))).toEqual(['overview', '第二部分 2022年部门决算表', 'explain', 'terms']);
  });
});
