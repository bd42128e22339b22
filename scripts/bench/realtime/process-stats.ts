/**
 * Resource figures of a server process, read from Linux /proc and from the server's Prometheus
 * endpoint. Linux only: on another system the /proc reads fail with a message saying so.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ClockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch (error) {
    throw new Error(`could not read /proc/${pid}/${file} (${(error as Error).message}); the bench needs Linux /proc`);
  }
}

/** CPU seconds (user plus system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readProc(pid, 'stat');
  // Fields after the command name, which is in brackets and may contain spaces: utime is the
  // 14th field of the line and stime the 15th (proc(5)).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ClockTicksPerSecond;
}

/** Resident set size of the process now (VmRSS) and its peak so far (VmHWM), in MB. */
export function memoryMb(pid: number): { rssMb: number; peakRssMb: number } {
  const status = readProc(pid, 'status');
  const kilobytes = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: kilobytes('VmRSS') / 1024, peakRssMb: kilobytes('VmHWM') / 1024 };
}

/** Process ids of the direct children of a process, such as the server's query workers. */
export function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // The process ended while the folder was being listed.
    }
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === pid) children.push(Number(name));
  }
  return children;
}

/**
 * Sampling interval of the server's event-loop histogram: prom-client 15's default
 * `eventLoopMonitoringPrecision`, which the server does not change. Node's monitorEventLoopDelay
 * records the whole interval between samples, so an idle loop reads about 10 ms.
 */
export const EventLoopResolutionMs = 10;

/**
 * Reads the server's event-loop delay p99 and max in milliseconds from `/metrics`, as exported
 * (sampling interval included). prom-client resets its event-loop histogram on every scrape, so the value
 * covers the time since the previous scrape.
 */
export async function scrapeEventLoop(baseUrl: string): Promise<{ p99Ms: number; maxMs: number }> {
  const response = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`GET /metrics failed with HTTP ${response.status}`);
  const text = await response.text();
  const read = (name: string) => {
    const match = new RegExp(`^cloud_ir_lab_nodejs_eventloop_lag_${name}_seconds\\s+([0-9.eE+-]+)$`, 'm').exec(text);
    if (!match) throw new Error(`GET /metrics has no cloud_ir_lab_nodejs_eventloop_lag_${name}_seconds`);
    return Number(match[1]) * 1000;
  };
  return { p99Ms: read('p99'), maxMs: read('max') };
}

/** Event-loop delay beyond the sampling interval, from a value `scrapeEventLoop` returned. */
export function delayBeyondInterval(exportedMs: number): number {
  return Math.max(0, exportedMs - EventLoopResolutionMs);
}

/** Reads the V8 heap in use by the server, in MB, from `/metrics`. */
export async function scrapeHeapUsedMb(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`GET /metrics failed with HTTP ${response.status}`);
  const match = /^cloud_ir_lab_nodejs_heap_size_used_bytes\s+(\S+)$/m.exec(await response.text());
  if (!match) throw new Error('GET /metrics has no cloud_ir_lab_nodejs_heap_size_used_bytes');
  return Number(match[1]) / 1024 / 1024;
}

/** Total size in MB of the files under a folder, such as the server's data dir. */
export function folderSizeMb(folder: string): number {
  let bytes = 0;
  for (const entry of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    try {
      const stats = statSync(path.join(folder, entry));
      if (stats.isFile()) bytes += stats.size;
    } catch {
      // The server replaced the file (temporary file and rename) while the folder was listed.
    }
  }
  return bytes / 1024 / 1024;
}
