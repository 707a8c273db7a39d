// The opinion letter (src/report/opinion.ts) as one self-contained HTML page for Chromium to print
// (src/render/pdf.ts printPdf): no script, nothing fetched, the style in the page itself. It is only ever
// printed, never served, so the server's Content-Security-Policy (style-src 'self') does not apply to it.
import { escapeHtml } from '../report/html.ts';
import { figuresText, type OpinionLetter } from '../report/opinion.ts';

const style = `
@page{size:A4 portrait;margin:30mm 26mm 28mm 28mm}
body{font-family:"WenQuanYi Micro Hei",sans-serif;color:#000;font-size:14pt;line-height:1.75}
h1{text-align:center;font-size:20pt;line-height:1.4;margin:0 0 8mm}
p{margin:0 0 2mm}
p.body{text-indent:2em}
h2{font-size:14pt;margin:3mm 0 1mm;text-indent:2em}
ol{margin:0 0 2mm;padding-left:4em}
li{text-align:justify;margin-bottom:1.5mm}
li .basis{display:block;font-size:11.5pt;color:#333;line-height:1.5}
.closing{text-indent:2em;margin-top:3mm}
.signature{margin-top:14mm;text-align:right}
.signature p{margin:0}
`;

export function renderOpinionHtml(letter: OpinionLetter): string {
  const groups = letter.groups
    .map(
      (g) => `<h2>${escapeHtml(`${g.number}${g.title}`)}</h2>
<ol>${g.items
        .map((item) => {
          const figures = figuresText(item);
          return `<li>${item.place ? `${escapeHtml(item.place)}：` : ''}${escapeHtml(item.message)}${figures ? `（${escapeHtml(figures)}）` : ''}<span class="basis">审核依据：${escapeHtml(item.rule.title)}。${escapeHtml(item.rule.reason)}</span></li>`;
        })
        .join('\n')}</ol>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(letter.title)}</title><style>${style}</style></head>
<body>
<h1>${escapeHtml(letter.title)}</h1>
<p>${escapeHtml(letter.addressee)}</p>
${letter.paragraphs.map((p) => `<p class="body">${escapeHtml(p)}</p>`).join('\n')}
${groups}
${letter.note ? `<p class="body">审核意见：${escapeHtml(letter.note)}</p>` : ''}
<p class="closing">${escapeHtml(letter.closing)}</p>
<div class="signature"><p>审核人：${escapeHtml(letter.reviewer ?? '＿＿＿＿＿＿')}</p><p>${escapeHtml(letter.date)}</p></div>
</body></html>
`;
}
