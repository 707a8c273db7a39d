// Peak memory of reading, recognising and checking one PDF in a fresh process (run by bench/pdf.ts on
// the largest sample): the RSS, which includes the PDF worker thread's heap, sampled every 10 ms.
// Prints the peak in MB (10^6 bytes) as the last line.
import { readFileSync } from 'node:fs';
import { checkDocument } from '../src/check/engine.ts';
import { readPdf } from '../src/read/pdf.ts';
import { recognise } from '../src/recognise/index.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/pdf-memory.ts FILE.pdf');
let peak = process.memoryUsage().rss;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 10);
const layout = await readPdf(new Uint8Array(readFileSync(file)), file);
checkDocument(recognise(layout));
peak = Math.max(peak, process.memoryUsage().rss);
clearInterval(timer);
console.log(Math.round(peak / 1e6));
