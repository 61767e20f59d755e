/**
 * `tsx bench/filter-trace-summary.ts <trace.json>...`: where a timed filter change's time goes, read from a trace
 * `npm run bench:ui` writes with `BENCH_UI_TRACE=<folder>` (see ui.bench.ts).
 *
 * For the window between the benchmark's marks (`ui-bench:input`, the first input event, and `ui-bench:painted`,
 * the chart painted), each thread's busy time (its top-level tasks, cut to the window) and the part of it spent on a
 * processor (the tasks' thread time: on a loaded machine, far less than their length), the page's main-thread
 * tasks one by one, and the functions each thread's CPU samples fall in (self time, and time inside, which counts
 * a sample for every function on its stack). `TRACE_FROM=<mark>` starts the window at another mark: for the opening's
 * trace (`first-chart.json`), `ui-bench:numbers` (the Overview's numbers painted) shows what the page did before the
 * click too. `TRACE_TO=<mark>` ends it at another: `TRACE_FROM=navigationStart TRACE_TO=ui-bench:numbers` is the opening up
 * to the Overview's numbers.
 */
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's own time in the event: what it spent on a processor, which a loaded machine's waits leave out. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: TraceArgs;
}

/** The arguments this summary reads: a thread's name, an event's type, a CPU profile's start and chunks. */
interface TraceArgs {
  name?: string;
  data?: {
    type?: string;
    startTime?: number;
    cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
    timeDeltas?: number[];
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const ms = (microseconds: number) => `${(microseconds / 1000).toFixed(1)} ms`;

function summary(file: string): string {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const markAt = (name: string) => events.find((event) => event.name === name && event.cat.includes('user_timing'))?.ts;
  const from = markAt(process.env['TRACE_FROM'] ?? 'ui-bench:input');
  const to = markAt(process.env['TRACE_TO'] ?? 'ui-bench:painted');
  if (from === undefined || to === undefined) return `${file}: no benchmark marks`;
  const threadName = new Map<string, string>();
  for (const event of events)
    if (event.ph === 'M' && event.name === 'thread_name') threadName.set(`${event.pid}:${event.tid}`, event.args?.name ?? '');
  const nameOf = (event: { pid: number; tid: number }) => threadName.get(`${event.pid}:${event.tid}`) ?? `${event.pid}:${event.tid}`;
  const inWindow = (start: number, duration: number) => Math.max(0, Math.min(to, start + duration) - Math.max(from, start));

  const lines = [
    `${file}: input to paint ${ms(to - from)}`,
    '',
    'busy time per thread (top-level tasks in the window; on a processor, their share of the thread time in the window):',
  ];
  const busy = new Map<string, number>();
  const onProcessor = new Map<string, number>();
  // A thread's tasks: Chromium names them `ThreadControllerImpl::RunTask` (holding a `RunTask`) or, in older
  // versions, `RunTask` alone.
  const taskName = events.some((event) => event.name === 'ThreadControllerImpl::RunTask') ? 'ThreadControllerImpl::RunTask' : 'RunTask';
  const tasks = events.filter((event) => event.ph === 'X' && event.name === taskName);
  for (const task of tasks) {
    const cut = inWindow(task.ts, task.dur ?? 0);
    if (cut <= 0) continue;
    busy.set(nameOf(task), (busy.get(nameOf(task)) ?? 0) + cut);
    // A task cut by the window counts the same share of its thread time.
    const threadTime = task.tdur === undefined || !task.dur ? NaN : (task.tdur * cut) / task.dur;
    onProcessor.set(nameOf(task), (onProcessor.get(nameOf(task)) ?? 0) + threadTime);
  }
  for (const [thread, time] of [...busy].sort((a, b) => b[1] - a[1]).filter(([, time]) => time >= 500)) {
    const cpu = onProcessor.get(thread) ?? NaN;
    lines.push(`  ${thread}: ${ms(time)}${Number.isNaN(cpu) ? '' : `, on a processor ${ms(cpu)}`}`);
  }

  // CPU samples: one profile per thread, its chunks carrying nodes, samples and the time between samples.
  const profiles = new Map<
    string,
    { thread: string; at: string; nodes: Map<number, ProfileNode>; samples: Array<{ node: number; at: number }> }
  >();
  for (const event of events) {
    if (event.name === 'Profile')
      profiles.set(event.id!, { thread: nameOf(event), at: `${event.pid}:${event.tid}`, nodes: new Map(), samples: [] });
  }
  const label = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || '(anonymous)'} ${(url ?? '').split('/').pop()}:${(lineNumber ?? 0) + 1}`;
  };
  /** The functions the samples of a thread between two times fall in, by the time spent inside each. */
  const timeInside = (thread: string, start: number, end: number): Map<string, number> => {
    const inside = new Map<string, number>();
    for (const profile of profiles.values()) {
      if (profile.at !== thread) continue;
      const samples = profile.samples.filter((sample) => sample.at >= start && sample.at <= end);
      samples.forEach((sample, k) => {
        const weight = (samples[k + 1]?.at ?? sample.at) - sample.at;
        const seen = new Set<string>();
        for (
          let node = profile.nodes.get(sample.node);
          node;
          node = node.parent === undefined ? undefined : profile.nodes.get(node.parent)
        ) {
          if (!seen.has(label(node))) inside.set(label(node), (inside.get(label(node)) ?? 0) + weight);
          seen.add(label(node));
        }
      });
    }
    return inside;
  };
  const clock = new Map<string, number>();
  for (const event of events) {
    if (event.name === 'Profile') clock.set(event.id!, event.args?.data?.startTime ?? 0);
    if (event.name !== 'ProfileChunk') continue;
    const profile = profiles.get(event.id!);
    if (!profile) continue;
    const data = event.args?.data;
    for (const node of data?.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    let at = clock.get(event.id!) ?? 0;
    samples.forEach((node, k) => {
      at += deltas[k] ?? 0;
      profile.samples.push({ node, at });
    });
    clock.set(event.id!, at);
  }
  // The named work inside each main-thread task of the window, largest first.
  lines.push('', "the page's and the workers' tasks of the window, from the window's start (start, length: what they hold):");
  const named = events.filter(
    (event) => event.ph === 'X' && event.dur !== undefined && event.dur >= 1000 && !event.name.endsWith('RunTask'),
  );
  const shown = (task: TraceEvent) =>
    ['CrRendererMain', 'DedicatedWorker thread'].includes(nameOf(task)) && inWindow(task.ts, task.dur ?? 0) >= 1000;
  for (const task of tasks.filter(shown)) {
    const inside = named
      .filter(
        (event) => event.pid === task.pid && event.tid === task.tid && event.ts >= task.ts && event.ts + event.dur! <= task.ts + task.dur!,
      )
      .sort((a, b) => b.dur! - a.dur!)
      .slice(0, 5)
      .map((event) => `${event.name}${event.args?.data?.type ? `(${event.args.data.type})` : ''} ${ms(event.dur!)}`);
    lines.push(`  ${nameOf(task) === 'CrRendererMain' ? 'page' : 'worker'} +${ms(task.ts - from)}, ${ms(task.dur!)}: ${inside.join(', ')}`);
    // For a long task, the app's own functions it spent most in (named ones: a bundle's minified names say little).
    if (task.dur! >= 8000) {
      const named = [...timeInside(`${task.pid}:${task.tid}`, task.ts, task.ts + task.dur!)]
        .filter(([name]) => /^[A-Za-z_$][\w$.]{3,} /.test(name) && !name.startsWith('exports.'))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([name, time]) => `${name.split(' ')[0]} ${ms(time)}`);
      if (named.length > 0) lines.push(`      in: ${named.join(', ')}`);
    }
  }

  for (const profile of profiles.values()) {
    const samples = profile.samples.filter((sample) => sample.at >= from && sample.at <= to);
    if (samples.length < 5) continue;
    const self = new Map<string, number>();
    const inside = new Map<string, number>();
    samples.forEach((sample, k) => {
      const weight = (samples[k + 1]?.at ?? sample.at) - sample.at;
      let node = profile.nodes.get(sample.node);
      if (!node) return;
      self.set(label(node), (self.get(label(node)) ?? 0) + weight);
      const seen = new Set<string>();
      while (node) {
        const name = label(node);
        if (!seen.has(name)) inside.set(name, (inside.get(name) ?? 0) + weight);
        seen.add(name);
        node = node.parent === undefined ? undefined : profile.nodes.get(node.parent);
      }
    });
    const top = (map: Map<string, number>, count: number) =>
      [...map]
        .filter(([name]) => !name.startsWith('(root)') && !name.startsWith('(program)') && !name.startsWith('(idle)'))
        .sort((a, b) => b[1] - a[1])
        .slice(0, count)
        .map(([name, time]) => `    ${ms(time)} ${name}`);
    lines.push('', `CPU samples on ${profile.thread} (${samples.length}), self time:`, ...top(self, 15));
    lines.push(`  time inside:`, ...top(inside, Number(process.env['TOP'] ?? 30)));
  }
  return lines.join('\n');
}

for (const file of process.argv.slice(2)) process.stdout.write(`${summary(file)}\n\n`);
