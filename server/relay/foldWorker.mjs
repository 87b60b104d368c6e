// Worker bootstrap: load TypeScript the way the server does, then run the fold worker.
import { workerData } from 'node:worker_threads'

const { register } = await import(workerData.tsxApi)
register()
await import(workerData.entry)
