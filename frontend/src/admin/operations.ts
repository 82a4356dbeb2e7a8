/** What the admin API answers about the parts of a deployment, as its cards show them. */

export interface Segment {
  segment: number;
  owner: string | null;
  claimedHere: boolean;
}

export interface Processor {
  name: string;
  running: boolean;
  rebuildable: boolean;
  error: boolean;
  lag: number | null;
  deadLetters: number;
  segments: Segment[];
}

export interface ChatLoad {
  channelsPerConnection: number[];
  capacity: number;
  linesWaiting: number;
}

export interface Node {
  name: string;
  nodes: number;
  claims: string[];
}

export interface Part {
  name: string;
  embedded: boolean;
  where: string;
}

export interface Group {
  group: string;
  state: string;
  members: number;
  lagByTopic: Record<string, number>;
  lag: number;
}

/** A Kafka topic as the brokers hold it. */
export interface TopicState {
  name: string;
  partitions: number;
  bytes: number;
  compacted: boolean;
  /** -1: kept for ever. */
  retentionMs: number;
  /** Whether its retention and compaction are what Stagehand declares. */
  declared: boolean;
}

/** A size in bytes for people: 0 B, 12.3 kB, 4.5 MB, 1.2 GB. */
export function bytes(size: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = size;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** How long a topic keeps its records, in words. */
export function keeping(topic: TopicState): string {
  if (topic.compacted) return 'latest per key (compacted)';
  if (topic.retentionMs < 0) return 'for ever';
  const days = topic.retentionMs / 86_400_000;
  if (days < 1) return `${Math.round(topic.retentionMs / 3_600_000)} h`;
  return days === 1 ? '1 day' : `${Number(days.toFixed(1))} days`;
}

export interface Letter {
  eventId: string;
  sequence: string;
  eventType: string;
  cause: string | null;
  enqueuedAt: string;
  lastTried: string;
}

/** "node-1: 8, node-2: 8": who holds the segments. */
export function owners(segments: Segment[]): string {
  const count = new Map<string, number>();
  segments.forEach((segment) => count.set(segment.owner ?? 'nobody', (count.get(segment.owner ?? 'nobody') ?? 0) + 1));
  return [...count].map(([owner, held]) => `${owner}: ${held}`).join(', ');
}
