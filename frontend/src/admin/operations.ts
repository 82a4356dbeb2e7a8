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
