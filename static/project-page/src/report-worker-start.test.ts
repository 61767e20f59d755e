import { startReportWorker, startReportWorkerAhead } from './report-worker-start';

/** Each worker the bundler's script class starts, in order. */
const started: object[] = [];
jest.mock('./report.worker?worker', () => ({
  __esModule: true,
  default: class {
    constructor() {
      started.push(this);
    }
  },
}));

describe('the report worker started ahead', () => {
  beforeAll(() => {
    (globalThis as { Worker?: unknown }).Worker = class {};
  });
  afterAll(() => {
    delete (globalThis as { Worker?: unknown }).Worker;
  });

  it('is started once, however often the page asks ahead, and is the worker the report then gets', () => {
    startReportWorkerAhead();
    startReportWorkerAhead();
    expect(started).toHaveLength(1);
    expect(startReportWorker()).toBe(started[0]);
    // Taken: the next report gets a worker of its own.
    expect(startReportWorker()).toBe(started[1]);
    expect(started).toHaveLength(2);
  });
});
