// Keeps the README's headless example true.
import { expect, it, vi } from 'vitest';
import main from '../../examples/headless';

it('examples/headless.ts prints the figures the README shows', () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  main();
  const lines = log.mock.calls.map((c) => c.join(' '));
  log.mockRestore();
  expect(lines).toEqual([
    '收支总计 1576.05',
    '公用经费 596.17 占 37.83 %',
    '公用经费 606.17 占 38.22 %',
    '错误 公开05表合计行基本支出（1,576.05）与公开06表人员经费合计与公用经费合计之和（1,586.05）不相等，差额 -10.00',
    '5.00 司法 公共安全支出（本单位）',
  ]);
});
