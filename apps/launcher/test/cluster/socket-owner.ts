import fs from 'node:fs';

// Which of `pids` holds the loopback TCP connection whose local port is `localPort` (Linux /proc):
// the SMTP server sees a client port, and the test wants to know which worker that is.
export function ownerOfLocalPort(localPort: number, pids: number[]): number | undefined {
  const inode = socketInode(localPort);
  if (!inode) return undefined;
  const target = `socket:[${inode}]`;
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === target) return pid;
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}

function socketInode(localPort: number): string | undefined {
  const hexPort = localPort.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[];
    try {
      lines = fs.readFileSync(table, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[9] && fields[9] !== '0') return fields[9];
    }
  }
  return undefined;
}
