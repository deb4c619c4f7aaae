// The heaviest functions of a V8 CPU profile (`--cpu-prof`) by self time, as shares of the busy
// time (idle left out): what a profile shows,
// printed next to the figures it explains.
import fs from 'node:fs';
import path from 'node:path';

export function topFrames(file, count = 12) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const selfTicks = new Map();
  for (const sample of profile.samples) selfTicks.set(sample, (selfTicks.get(sample) ?? 0) + 1);
  const byFrame = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    // Waiting is not work: shares are of the time the process was busy.
    if (node.callFrame.functionName === '(idle)') continue;
    const ticks = selfTicks.get(node.id) ?? 0;
    total += ticks;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${path.basename(url)}:${lineNumber + 1}` : '';
    const name = `${functionName || '(anonymous)'} ${where}`.trim();
    byFrame.set(name, (byFrame.get(name) ?? 0) + ticks);
  }
  return [...byFrame.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ticks]) => ({ name, share: total ? (100 * ticks) / total : 0 }));
}

export function printProfiles(dir, log) {
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    log(`top functions by self time in ${file}:`);
    for (const frame of topFrames(path.join(dir, file))) log(`  ${frame.share.toFixed(1).padStart(5)} %  ${frame.name}`);
  }
}
