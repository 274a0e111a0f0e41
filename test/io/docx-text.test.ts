// Reading a Word document's text for 表文核对: paragraphs in order (runs, tabs, breaks, entities),
// deleted text left out; our own 导出Word reads back with its 情况说明; junk is refused in Chinese.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openWorkbook, exampleDocument } from '../../src/app/templates';
import { buildPublication } from '../../src/app/publication';
import { exportDocx } from '../../src/io/docx-export';
import { DocxTextError, readDocxText } from '../../src/io/docx-text';

const docx = (body: string) =>
  zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="x"><w:body>${body}</w:body></w:document>`) });

describe('readDocxText', () => {
  it('reads paragraphs in order with their runs, tabs, breaks and entities; leaves deleted text out', async () => {
    const text = await readDocxText(
      docx(
        '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>一、收入</w:t></w:r></w:p>' +
          '<w:p><w:r><w:t xml:space="preserve">本年收入合计</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>1576.05</w:t></w:r><w:del><w:r><w:t>9</w:t></w:r></w:del><w:r><w:t>万元&amp;&#x4E2D;</w:t><w:tab/><w:t>A</w:t><w:br/><w:t>B</w:t></w:r></w:p>' +
          '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>本年支出合计</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1,576.05</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
          '<w:p><w:r><w:t>二、支出</w:t></w:r></w:p>',
      ),
    );
    // The table is left out: the tables under review are the workbook's.
    expect(text).toBe('一、收入\n本年收入合计1576.05万元&中\tA\nB\n\n二、支出\n');
  });

  it('reads the 情况说明 of a document 导出Word wrote', async () => {
    const e = openWorkbook(exampleDocument());
    const text = await readDocxText(await exportDocx(buildPublication(e)));
    e.destroy();
    expect(text).toContain('人员经费979.88万元，占基本支出的62.17%');
    expect(text).toContain('第三部分 2021年度部门决算情况说明');
  });

  it('refuses what is not a Word document, in Chinese', async () => {
    await expect(readDocxText(strToU8('not a zip'))).rejects.toThrow(DocxTextError);
    await expect(readDocxText(strToU8('not a zip'))).rejects.toThrow('这不是 Word 文档（.docx）');
    await expect(readDocxText(zipSync({ 'xl/workbook.xml': strToU8('<x/>') }))).rejects.toThrow('其中没有正文');
    await expect(readDocxText(docx('<w:p/>'))).rejects.toThrow('没有文字');
  });
});
