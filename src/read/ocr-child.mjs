// The OCR thread's own process. Ending a thread while onnxruntime runs in it can abort the whole process (a
// native exception at teardown: "terminate called after throwing an instance of 'Napi::Error'"), so the OCR
// thread (ocr-worker.mjs) lives in this child process and the messages are relayed: a page past its time
// limit ends this process, never the server. Plain JavaScript: a child gets no TypeScript loader.
import { Worker } from 'node:worker_threads';

const { workerUrl, workerData, resourceLimits } = JSON.parse(process.env.YUSUAN_OCR_CHILD ?? '{}');
const worker = new Worker(new URL(workerUrl), { workerData, resourceLimits });
worker.on('message', (m) => process.send(m));
worker.on('error', (e) => {
  process.send({ childError: e instanceof Error ? e.message : String(e) }, () => process.exit(1));
});
worker.on('exit', (code) => process.exit(code === 0 ? 1 : code));
process.on('message', (m) => worker.postMessage(m));
// The parent went away (it ended, or killed the channel): nothing is left to answer.
process.on('disconnect', () => process.exit(0));
