import { exampleDocument, openWorkbook } from '../src/engine';
import { buildPublication } from '../src/app/publication';
import { exportDocx } from '../src/io/docx-export';
import * as d from 'docx';
const wb = openWorkbook(exampleDocument());
for (let i=0;i<3;i++){
let t = performance.now();
const p = buildPublication(wb);
const t1 = performance.now();
await exportDocx(p);
const t2 = performance.now();
console.log('build', (t1-t).toFixed(0), 'docx', (t2-t1).toFixed(0));
}
let t = performance.now();
const doc = new d.Document({ sections: [{ children: [new d.Paragraph('x')] }] });
await d.Packer.toArrayBuffer(doc); console.log('trivial', performance.now()-t);
