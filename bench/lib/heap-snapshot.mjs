// Reads V8 heap snapshots (.heapsnapshot, as v8.writeHeapSnapshot writes them) and compares two:
// object count, self size and retained size per constructor, as the "Comparison" and "Summary"
// views of Chrome's DevTools show them.
//
// The files of a 100 MB heap are a few hundred MB of JSON: too large for one JSON.parse. The big
// integer arrays (nodes, edges) are read straight from the bytes; only the head and the strings
// go through JSON.parse.
import fs from 'node:fs';

function indexOfAscii(buffer, text, from = 0) {
  const index = buffer.indexOf(text, from, 'latin1');
  if (index < 0) throw new Error(`not a heap snapshot: no ${text}`);
  return index;
}

// The unsigned integers of a JSON array starting at `start` (just after its '['), into an array of
// the given length.
function readIntegers(buffer, start, count) {
  const values = new Float64Array(count);
  let n = 0;
  let value = 0;
  let inNumber = false;
  for (let i = start; i < buffer.length; i++) {
    const byte = buffer[i];
    if (byte >= 48 && byte <= 57) {
      value = value * 10 + (byte - 48);
      inNumber = true;
    } else {
      if (inNumber) {
        values[n++] = value;
        value = 0;
        inNumber = false;
      }
      if (byte === 93) break; // ']'
    }
  }
  if (n !== count) throw new Error(`heap snapshot: expected ${count} numbers, read ${n}`);
  return values;
}

export function readHeapSnapshot(file) {
  const buffer = fs.readFileSync(file);
  const nodesAt = indexOfAscii(buffer, '"nodes":[');
  const head = JSON.parse(`${buffer.toString('utf8', 0, nodesAt).trim().replace(/,$/, '')}}`).snapshot;
  const meta = head.meta;
  const nodeFields = meta.node_fields;
  const edgeFields = meta.edge_fields;
  const nodeCount = head.node_count;
  const edgeCount = head.edge_count;
  const nodes = readIntegers(buffer, nodesAt + 9, nodeCount * nodeFields.length);
  const edgesAt = indexOfAscii(buffer, '"edges":[', nodesAt);
  const edges = readIntegers(buffer, edgesAt + 9, edgeCount * edgeFields.length);
  const stringsAt = indexOfAscii(buffer, '"strings":[', edgesAt);
  const tail = buffer
    .toString('utf8', stringsAt + 10)
    .trim()
    .replace(/}\s*$/, '');
  const strings = JSON.parse(tail);
  return { meta, nodeCount, edgeCount, nodes, edges, strings };
}

// Self and retained size per constructor. Retained sizes come from the dominator tree (Cooper,
// Harvey & Kennedy's iterative algorithm over a depth-first order from the root, weak edges
// ignored); a constructor's retained size counts each of its objects that no other object of the
// same constructor dominates, so nested objects are not counted twice.
export function summarise(snapshot) {
  const { meta, nodeCount, nodes, edges, strings } = snapshot;
  const nodeFieldCount = meta.node_fields.length;
  const edgeFieldCount = meta.edge_fields.length;
  const typeOffset = meta.node_fields.indexOf('type');
  const nameOffset = meta.node_fields.indexOf('name');
  const selfSizeOffset = meta.node_fields.indexOf('self_size');
  const edgeCountOffset = meta.node_fields.indexOf('edge_count');
  const edgeTypeOffset = meta.edge_fields.indexOf('type');
  const edgeToOffset = meta.edge_fields.indexOf('to_node');
  const nodeTypes = meta.node_types[typeOffset];
  const edgeTypes = meta.edge_types[edgeTypeOffset];
  const weakEdge = edgeTypes.indexOf('weak');
  const objectType = nodeTypes.indexOf('object');
  const nativeType = nodeTypes.indexOf('native');

  // Class of each node: the constructor name for objects, "(type)" for the rest.
  const classIds = new Map();
  const classNames = [];
  const classOf = new Int32Array(nodeCount);
  const selfSize = new Float64Array(nodeCount);
  const firstEdge = new Uint32Array(nodeCount + 1);
  for (let n = 0, edgeIndex = 0; n < nodeCount; n++) {
    const base = n * nodeFieldCount;
    const type = nodes[base + typeOffset];
    const name = type === objectType || type === nativeType ? strings[nodes[base + nameOffset]] : `(${nodeTypes[type]})`;
    let id = classIds.get(name);
    if (id === undefined) {
      id = classNames.length;
      classIds.set(name, id);
      classNames.push(name);
    }
    classOf[n] = id;
    selfSize[n] = nodes[base + selfSizeOffset];
    firstEdge[n] = edgeIndex;
    edgeIndex += nodes[base + edgeCountOffset] * edgeFieldCount;
    firstEdge[n + 1] = edgeIndex;
  }
  const target = (edgeIndex) => edges[edgeIndex + edgeToOffset] / nodeFieldCount;
  const isStrong = (edgeIndex) => edges[edgeIndex + edgeTypeOffset] !== weakEdge;

  // Depth-first post-order from the root (node 0).
  const postOrder = new Int32Array(nodeCount).fill(-1); // node -> post-order number
  const byPostOrder = new Int32Array(nodeCount); // post-order number -> node
  const visited = new Uint8Array(nodeCount);
  const stackNode = new Int32Array(nodeCount);
  const stackEdge = new Uint32Array(nodeCount);
  let top = 0;
  let order = 0;
  stackNode[0] = 0;
  stackEdge[0] = firstEdge[0];
  visited[0] = 1;
  while (top >= 0) {
    const n = stackNode[top];
    let e = stackEdge[top];
    let pushed = false;
    while (e < firstEdge[n + 1]) {
      const edgeIndex = e;
      e += edgeFieldCount;
      if (!isStrong(edgeIndex)) continue;
      const to = target(edgeIndex);
      if (visited[to]) continue;
      visited[to] = 1;
      stackEdge[top] = e;
      top += 1;
      stackNode[top] = to;
      stackEdge[top] = firstEdge[to];
      pushed = true;
      break;
    }
    if (!pushed) {
      postOrder[n] = order;
      byPostOrder[order] = n;
      order += 1;
      top -= 1;
    }
  }
  const reachable = order;

  // Predecessors (strong edges between reachable nodes), in compressed rows by post-order number.
  const predecessorCount = new Uint32Array(reachable + 1);
  for (let n = 0; n < nodeCount; n++) {
    if (postOrder[n] < 0) continue;
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += edgeFieldCount) {
      if (!isStrong(e)) continue;
      const to = postOrder[target(e)];
      if (to >= 0) predecessorCount[to + 1] += 1;
    }
  }
  for (let i = 0; i < reachable; i++) predecessorCount[i + 1] += predecessorCount[i];
  const predecessors = new Int32Array(predecessorCount[reachable]);
  const fill = predecessorCount.slice(0, reachable);
  for (let n = 0; n < nodeCount; n++) {
    const from = postOrder[n];
    if (from < 0) continue;
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += edgeFieldCount) {
      if (!isStrong(e)) continue;
      const to = postOrder[target(e)];
      if (to >= 0) predecessors[fill[to]++] = from;
    }
  }

  // Immediate dominators, by post-order number; the root has the highest.
  const rootOrder = reachable - 1;
  const dominator = new Int32Array(reachable).fill(-1);
  dominator[rootOrder] = rootOrder;
  for (let changed = true; changed;) {
    changed = false;
    for (let b = rootOrder - 1; b >= 0; b--) {
      let candidate = -1;
      for (let p = predecessorCount[b]; p < predecessorCount[b + 1]; p++) {
        let other = predecessors[p];
        if (dominator[other] < 0) continue;
        if (candidate < 0) {
          candidate = other;
          continue;
        }
        let finger = candidate;
        while (finger !== other) {
          while (finger < other) finger = dominator[finger];
          while (other < finger) other = dominator[other];
        }
        candidate = finger;
      }
      if (candidate >= 0 && dominator[b] !== candidate) {
        dominator[b] = candidate;
        changed = true;
      }
    }
  }

  // Retained sizes: children before their dominators in post-order.
  const retained = new Float64Array(reachable);
  for (let b = 0; b < reachable; b++) retained[b] = selfSize[byPostOrder[b]];
  for (let b = 0; b < rootOrder; b++) if (dominator[b] >= 0) retained[dominator[b]] += retained[b];

  // Per class, walking the dominator tree from the root with a count of each class on the path.
  const childCount = new Uint32Array(reachable + 1);
  for (let b = 0; b < rootOrder; b++) if (dominator[b] >= 0) childCount[dominator[b] + 1] += 1;
  for (let i = 0; i < reachable; i++) childCount[i + 1] += childCount[i];
  const children = new Int32Array(childCount[reachable]);
  const childFill = childCount.slice(0, reachable);
  for (let b = 0; b < rootOrder; b++) if (dominator[b] >= 0) children[childFill[dominator[b]]++] = b;

  const classes = classNames.map((name) => ({ name, count: 0, selfSize: 0, retainedSize: 0 }));
  for (let n = 0; n < nodeCount; n++) {
    if (postOrder[n] < 0) continue;
    const summary = classes[classOf[n]];
    summary.count += 1;
    summary.selfSize += selfSize[n];
  }
  const onPath = new Int32Array(classNames.length);
  const walkNode = new Int32Array(reachable);
  const walkChild = new Uint32Array(reachable);
  let depth = 0;
  walkNode[0] = rootOrder;
  walkChild[0] = childCount[rootOrder];
  onPath[classOf[byPostOrder[rootOrder]]] += 1;
  while (depth >= 0) {
    const b = walkNode[depth];
    if (walkChild[depth] < childCount[b + 1]) {
      const child = children[walkChild[depth]++];
      const cls = classOf[byPostOrder[child]];
      if (onPath[cls] === 0) classes[cls].retainedSize += retained[child];
      onPath[cls] += 1;
      depth += 1;
      walkNode[depth] = child;
      walkChild[depth] = childCount[child];
    } else {
      onPath[classOf[byPostOrder[b]]] -= 1;
      depth -= 1;
    }
  }
  const totalSize = retained[rootOrder];
  return { nodeCount, reachable, totalSize, classes };
}

export function compareHeapSnapshots(beforeFile, afterFile, top = 15) {
  const before = summarise(readHeapSnapshot(beforeFile));
  const after = summarise(readHeapSnapshot(afterFile));
  const byName = new Map(before.classes.map((entry) => [entry.name, entry]));
  const rows = after.classes.map((entry) => {
    const old = byName.get(entry.name) ?? { count: 0, selfSize: 0, retainedSize: 0 };
    byName.delete(entry.name);
    return {
      name: entry.name,
      count: entry.count - old.count,
      selfSize: entry.selfSize - old.selfSize,
      retainedSize: entry.retainedSize - old.retainedSize,
    };
  });
  for (const gone of byName.values()) {
    rows.push({ name: gone.name, count: -gone.count, selfSize: -gone.selfSize, retainedSize: -gone.retainedSize });
  }
  rows.sort((a, b) => b.retainedSize - a.retainedSize || b.selfSize - a.selfSize);
  return { before: before.totalSize, after: after.totalSize, rows: rows.slice(0, top) };
}

const mb = (bytes) => `${bytes >= 0 ? '+' : ''}${(bytes / 2 ** 20).toFixed(2)}`;

export function formatComparison(title, comparison) {
  const lines = [
    `${title}: reachable heap ${(comparison.before / 2 ** 20).toFixed(1)} MB → ${(comparison.after / 2 ** 20).toFixed(1)} MB (${mb(comparison.after - comparison.before)} MB)`,
    `  ${'constructor'.padEnd(44)} ${'objects'.padStart(9)} ${'self MB'.padStart(9)} ${'retained MB'.padStart(12)}`,
  ];
  for (const row of comparison.rows) {
    const name = row.name.length > 44 ? `${row.name.slice(0, 41)}...` : row.name;
    lines.push(
      `  ${name.replace(/\s+/g, ' ').padEnd(44)} ${`${row.count >= 0 ? '+' : ''}${row.count}`.padStart(9)} ${mb(row.selfSize).padStart(9)} ${mb(row.retainedSize).padStart(12)}`,
    );
  }
  return lines.join('\n');
}

// `node bench/lib/heap-snapshot.mjs before.heapsnapshot after.heapsnapshot` compares two files.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [before, after] = process.argv.slice(2);
  console.log(formatComparison(`${before} → ${after}`, compareHeapSnapshots(before, after)));
}
